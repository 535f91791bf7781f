import { MigrationInterface, QueryRunner } from 'typeorm';

/** The data tables whose every change is audited. policy_version joins when it exists. */
const AUDITED = [
  'unit',
  'cadre',
  'posting',
  'training',
  'achievement',
  'achievement_impact',
  'appraisal',
  'policy_version',
];

/**
 * audit_log: one row per changed record (INSERT/UPDATE/DELETE with before/after as JSON) and per logged read.
 * Statement-level triggers with transition tables write the rows in the same transaction as the change, so a
 * rolled-back change leaves no audit row and a bulk load stays fast. The actor comes from transaction-local
 * settings (cadre.actor_sub, cadre.actor_role, cadre.request_id) that TransactionRunner sets; writes without
 * them (migrations, the seed) are still audited, with a NULL actor. Audit rows are never updated or deleted.
 */
export class CreateAuditLog1764230700000 implements MigrationInterface {
  name = 'CreateAuditLog1764230700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub varchar(200),
        actor_role varchar(16),
        action varchar(8) NOT NULL CONSTRAINT audit_log_action_check
          CHECK (action IN ('INSERT','UPDATE','DELETE','READ')),
        entity varchar(64) NOT NULL,
        entity_id varchar(64) NOT NULL,
        before jsonb,
        after jsonb,
        request_id varchar(100)
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_sub, id)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);

    await q.query(`
      CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit rows are never changed or deleted'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_log_immutable';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_immutable_trg BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_immutable()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate_trg BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable()`);

    // One function for all three triggers of a table, as in the PostgreSQL manual's transition-table example.
    await q.query(`
      CREATE FUNCTION audit_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        actor_sub text := nullif(current_setting('cadre.actor_sub', true), '');
        actor_role text := nullif(current_setting('cadre.actor_role', true), '');
        request_id text := nullif(current_setting('cadre.request_id', true), '');
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO audit_log (actor_sub, actor_role, action, entity, entity_id, before, after, request_id)
          SELECT actor_sub, actor_role, 'INSERT', TG_TABLE_NAME, n.id::text, NULL, to_jsonb(n), request_id
            FROM new_rows n;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO audit_log (actor_sub, actor_role, action, entity, entity_id, before, after, request_id)
          SELECT actor_sub, actor_role, 'UPDATE', TG_TABLE_NAME, n.id::text, to_jsonb(o), to_jsonb(n), request_id
            FROM old_rows o JOIN new_rows n ON n.id = o.id;
        ELSE
          INSERT INTO audit_log (actor_sub, actor_role, action, entity, entity_id, before, after, request_id)
          SELECT actor_sub, actor_role, 'DELETE', TG_TABLE_NAME, o.id::text, to_jsonb(o), NULL, request_id
            FROM old_rows o;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of await this.audited(q)) {
      await q.query(`CREATE TRIGGER ${table}_audit_ins_trg AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_upd_trg AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_del_trg AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of await this.audited(q)) {
      for (const op of ['ins', 'upd', 'del']) {
        await q.query(`DROP TRIGGER IF EXISTS ${table}_audit_${op}_trg ON ${table}`);
      }
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_changes()`);
    await q.query(`DROP TABLE IF EXISTS audit_log`);
    await q.query(`DROP FUNCTION IF EXISTS audit_log_immutable()`);
  }

  private async audited(q: QueryRunner): Promise<string[]> {
    const rows = (await q.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1)`,
      [AUDITED],
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }
}
