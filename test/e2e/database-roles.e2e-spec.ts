import { DataSource } from 'typeorm';
import { APP_LOGIN, APP_ROLE, ownedTables } from '../../src/database/app-role';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createTestApp, ok, TestApp } from '../app-factory';

const DATA_TABLE = ['DELETE', 'INSERT', 'SELECT', 'UPDATE'];
/** What cadre_app may do to each table; any table not listed is a data table: SELECT, INSERT, UPDATE, DELETE. */
const EXPECTED: Record<string, string[]> = {
  audit_log: ['INSERT', 'SELECT'],
  policy_version: ['INSERT', 'SELECT'],
  position_level: ['SELECT'],
  specialty_domain: ['SELECT'],
  typeorm_migrations: ['SELECT'],
  // The appointment form's tables (1764234500000): data tables, granted by default privileges.
  cadre_education: DATA_TABLE,
  family_member: DATA_TABLE,
  cadre_photo: DATA_TABLE,
  appointment_proposal: DATA_TABLE,
  // Cadre records the service writes and corrects (revocation and 容错 are updates: the record stays).
  sanction: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'],
  rank_grant: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'],
  // The installed rules' hash (1764236000000): the migration role writes it at boot.
  rule_span_install: ['SELECT'],
  // Rank quotas per unit (职级职数, issue 15): data, granted by default privileges.
  rank_quota: DATA_TABLE,
  // Posts, quotas and slates (职位, 职数, 人选; issue 19): data, granted by default privileges.
  post: DATA_TABLE,
  post_quota: DATA_TABLE,
  slate: DATA_TABLE,
  slate_member: DATA_TABLE,
  slate_decision: DATA_TABLE,
};

interface TablePrivileges {
  name: string;
  owner: string;
  privileges: string[];
}

/** The app role's privileges on every table of the schema, as the catalog records them. */
async function tablePrivileges(t: TestApp): Promise<TablePrivileges[]> {
  return t.ds.query(
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner,
            ARRAY(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
                   WHERE has_table_privilege($1, c.oid, p) ORDER BY p) AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      ORDER BY 1`,
    [APP_ROLE],
  );
}

describe('database roles: the service has the app role’s grants, the owner migrates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('connects as the login role, a member of cadre_app, and owns nothing', async () => {
    const [me] = await t.ds.query(
      `SELECT current_user AS "user", pg_has_role(current_user, $1, 'MEMBER') AS member,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`,
      [APP_ROLE],
    );
    expect(me).toEqual({ user: APP_LOGIN, member: true, super: false });
    expect(await ownedTables(t.ds)).toEqual([]);
    const [owned] = await t.ds.query(
      `SELECT (SELECT count(*) FROM pg_class WHERE relowner IN (SELECT oid FROM pg_roles WHERE rolname IN ($1, $2)))
            + (SELECT count(*) FROM pg_proc WHERE proowner IN (SELECT oid FROM pg_roles WHERE rolname IN ($1, $2)))
              AS n`,
      [APP_ROLE, APP_LOGIN],
    );
    expect(owned.n).toBe(0);
  });

  it('migrations ran as the owner: every table and the migrations table belong to one role that is not the app’s', async () => {
    const tables = await tablePrivileges(t);
    const owners = new Set(tables.map((r) => r.owner));
    expect(owners.size).toBe(1);
    expect(owners.has(APP_ROLE) || owners.has(APP_LOGIN)).toBe(false);
    expect(tables.map((r) => r.name)).toContain('typeorm_migrations');
    const [{ applied }] = await t.ds.query(`SELECT count(*)::int AS applied FROM typeorm_migrations`);
    expect(applied).toBe(t.ds.migrations.length);
  });

  it('every table has exactly the grants the service needs: no TRUNCATE anywhere, audit_log insert-only', async () => {
    const tables = await tablePrivileges(t);
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
    for (const table of tables) {
      expect({ table: table.name, privileges: table.privileges }).toEqual({
        table: table.name,
        privileges: EXPECTED[table.name] ?? DATA_TABLE,
      });
    }
    const [seq] = await t.ds.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE has_sequence_privilege($1, c.oid, 'USAGE'))::int AS usable
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'S'`,
      [APP_ROLE],
    );
    expect(seq.usable).toBe(seq.total);
    const [fn] = await t.ds.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE has_function_privilege($1, p.oid, 'EXECUTE'))::int AS usable
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()`,
      [APP_ROLE],
    );
    expect(fn.usable).toBe(fn.total);
    const [schema] = await t.ds.query(
      `SELECT has_schema_privilege($1, current_schema(), 'USAGE') AS usage,
              has_schema_privilege($1, current_schema(), 'CREATE') AS "create",
              has_database_privilege($1, current_database(), 'TEMPORARY') AS temp`,
      [APP_ROLE],
    );
    expect(schema).toEqual({ usage: true, create: false, temp: true });
  });

  it('the app role cannot create, alter, drop or truncate tables', async () => {
    await expect(t.ds.query(`CREATE TABLE intruder (id int)`)).rejects.toThrow(
      /permission denied for schema/,
    );
    await expect(t.ds.query(`ALTER TABLE cadre ADD COLUMN intruder int`)).rejects.toThrow(/must be owner/);
    await expect(t.ds.query(`DROP TABLE talent_pool_member`)).rejects.toThrow(/must be owner/);
    await expect(t.ds.query(`TRUNCATE posting`)).rejects.toThrow(/permission denied for table posting/);
    await expect(t.ds.query(`UPDATE audit_log SET actor_sub = 'x'`)).rejects.toThrow(
      /permission denied for table audit_log/,
    );
  });

  it('a table a later migration creates gets the data-table grants by default', async () => {
    await t.asOwner(`CREATE TABLE later_feature (id bigserial PRIMARY KEY, note text)`);
    try {
      await t.ds.query(`INSERT INTO later_feature (note) VALUES ('x')`);
      await t.ds.query(`UPDATE later_feature SET note = 'y'`);
      expect(await t.ds.query(`DELETE FROM later_feature RETURNING note`)).toEqual([[{ note: 'y' }], 1]);
      await expect(t.ds.query(`TRUNCATE later_feature`)).rejects.toThrow(/permission denied/);
    } finally {
      await t.asOwner(`DROP TABLE later_feature`);
    }
  });

  it('the service works under the role: a write through the API is audited with its actor', async () => {
    const res = ok<{ createUnit: { id: string } }>(
      await t.gql(
        `mutation { createUnit(input: { code: "ROLE-1", name: "角色测试", level: COUNTY, kind: GOVERNMENT }) { id } }`,
      ),
    );
    const rows = await t.ds.query(
      `SELECT action, actor_sub FROM audit_log WHERE entity = 'unit' AND entity_id = $1`,
      [res.createUnit.id],
    );
    expect(rows).toEqual([{ action: 'INSERT', actor_sub: 'test-admin' }]);
  });

  it('the owner’s connection is recognised as holding the owner’s privileges (the production warning)', async () => {
    const owner = await new DataSource(dataSourceOptions(t.ownerUrl, 1)).initialize();
    try {
      expect(await ownedTables(owner)).toEqual(
        expect.arrayContaining(['audit_log', 'cadre', 'typeorm_migrations']),
      );
    } finally {
      await owner.destroy();
    }
  });
});

describe('database roles: one login role for migrations and service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { oneRole: true });
  });
  afterAll(() => t.close());

  it('every pooled connection takes on cadre_app, so the owner’s login still cannot empty audit_log', async () => {
    const [me] = await t.ds.query(`SELECT current_user AS "user", session_user <> current_user AS switched`);
    expect(me).toEqual({ user: APP_ROLE, switched: true });
    await expect(t.ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(t.ds.query(`RESET ROLE; TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    expect(await ownedTables(t.ds)).toEqual([]);
  });
});
