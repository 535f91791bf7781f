import { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role holding the service's grants (src/database/app-role.ts APP_ROLE). */
const ROLE = 'cadre_app';
/** Append-only: their rows are never changed (triggers refuse it too); the service may add and read them. */
const APPEND_ONLY = ['audit_log', 'policy_version'];
/** Reference data the migrations write; the service reads it. typeorm_migrations: /health/ready reads it. */
const READ_ONLY = ['position_level', 'specialty_domain', 'typeorm_migrations'];

/**
 * Least privilege for the service. Migrations run as the schema's owner; the service runs as a member of the
 * NOLOGIN role cadre_app, which owns nothing and may: use the schema (no CREATE), read every table, insert,
 * update and delete in the data tables, only insert into (and read) audit_log and policy_version, only read
 * the reference tables, use the sequences, call the functions and make temporary tables (sync staging). No
 * TRUNCATE, no DDL: an owner could disable audit_log's triggers, cadre_app cannot.
 *
 * Tables, sequences and functions that later migrations create (as the same owner) get the data-table grants
 * by default privileges; a later append-only or read-only table revokes what it does not need.
 *
 * Roles are cluster-wide: cadre_app is created only when missing, which needs CREATEROLE (or a superuser).
 * Without it the migration fails with the statement an administrator runs once; it never silently leaves the
 * service on the owner's privileges. The owner is made a member where it can be (so that a one-role
 * deployment can take the role on, see database.module.ts); down revokes the grants and keeps the role.
 */
export class CreateAppRole1764233300000 implements MigrationInterface {
  name = 'CreateAppRole1764233300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN
          IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'role ${ROLE} does not exist and % may not create roles. As a database administrator run '
              'once: CREATE ROLE ${ROLE} NOLOGIN; GRANT ${ROLE} TO %; then migrate again.',
              current_user, quote_ident(current_user);
          END IF;
          BEGIN
            CREATE ROLE ${ROLE} NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database's migration created it at the same moment
          END;
        END IF;
        -- PostgreSQL 16+ separates membership from the right to SET ROLE
        IF NOT pg_has_role(current_user, '${ROLE}',
            CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) THEN
          BEGIN
            EXECUTE format('GRANT ${ROLE} TO %I', current_user);
          EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'could not grant ${ROLE} to % (%): with one login role the service keeps its privileges',
              current_user, SQLERRM;
          END;
        END IF;
      END $$`);
    const [{ schema, database }] = (await q.query(
      `SELECT quote_ident(current_schema()) AS schema, quote_ident(current_database()) AS database`,
    )) as { schema: string; database: string }[];
    const tables = await this.existing(q, [...APPEND_ONLY, ...READ_ONLY]);
    await q.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${ROLE}`);
    await q.query(`GRANT USAGE ON SCHEMA ${schema} TO ${ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${ROLE}`);
    for (const table of tables) {
      const keep = APPEND_ONLY.includes(table) ? 'INSERT' : '';
      await q.query(`REVOKE ${keep ? 'UPDATE, DELETE' : 'INSERT, UPDATE, DELETE'} ON ${table} FROM ${ROLE}`);
    }
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${ROLE}`);
    await q.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${ROLE}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ROLE}`,
    );
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT EXECUTE ON FUNCTIONS TO ${ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ schema, database }] = (await q.query(
      `SELECT quote_ident(current_schema()) AS schema, quote_ident(current_database()) AS database`,
    )) as { schema: string; database: string }[];
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE EXECUTE ON FUNCTIONS FROM ${ROLE}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE USAGE, SELECT ON SEQUENCES FROM ${ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${ROLE}`,
    );
    await q.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${schema} FROM ${ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${ROLE}`);
    await q.query(`REVOKE ALL ON SCHEMA ${schema} FROM ${ROLE}`);
    await q.query(`REVOKE ALL ON DATABASE ${database} FROM ${ROLE}`);
  }

  private async existing(q: QueryRunner, names: string[]): Promise<string[]> {
    const rows = (await q.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1)`,
      [names],
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }
}
