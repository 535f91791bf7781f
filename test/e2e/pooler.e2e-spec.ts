import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { primaryUrl } from '../../src/database/data-source-options';
import { queryWithGenericPlan } from '../../src/database/generic-plan';
import { createTestApp, TestApp } from '../app-factory';
import { testServer } from '../test-database';

/** Whether a generic-plan statement left a named prepared statement on its connection (same transaction). */
async function leavesNamedStatement(ds: DataSource): Promise<boolean> {
  const text = `SELECT 1 AS n /* ${randomBytes(6).toString('hex')} */`;
  return ds.transaction(async (em) => {
    await queryWithGenericPlan(em, text, []);
    const [{ n }]: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`,
      [text],
    );
    return n === 1;
  });
}

/** The settings a transaction runs with after a generic-plan statement, and the session's outside it. */
async function settingsAfter(ds: DataSource, jitOff: boolean) {
  const now = `SELECT current_setting('jit') AS jit, current_setting('plan_cache_mode') AS mode`;
  const inside = await ds.transaction(async (em) => {
    await queryWithGenericPlan(em, `SELECT 1 AS n`, [], { jitOff });
    const [row]: { jit: string; mode: string }[] = await em.query(now);
    return row;
  });
  const [outside]: { jit: string; mode: string }[] = await ds.query(now);
  return { inside, outside };
}

/** The service login's defaults in the test app's database. */
async function roleDefaults(t: TestApp): Promise<string[]> {
  const [row] = await t.asOwner<{ config: string[] }>(
    `SELECT s.setconfig AS config FROM pg_db_role_setting s
       JOIN pg_roles r ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase
      WHERE r.rolname = 'cadre_app_login' AND d.datname = current_database()`,
  );
  return row?.config ?? [];
}

/** What a transaction pooler needs (docs/scaling.md); in the pooler run these go through PgBouncer. */
describe('pooler-safe sessions', () => {
  describe('two login roles (DATABASE_URL ≠ MIGRATION_DATABASE_URL)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '300', DB_PREPARED_STATEMENTS: 'false' });
    });
    afterAll(() => t.close());

    it('sends no session settings at start-up: the timeouts are the login role’s defaults in its database', async () => {
      expect((t.ds.options as { extra?: Record<string, unknown> }).extra).not.toHaveProperty('options');
      const [row]: { st: string; idle: string }[] = await t.ds.query(
        `SELECT current_setting('statement_timeout') AS st,
                current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(row).toEqual({ st: '300ms', idle: '1min' });
      expect(await roleDefaults(t)).toEqual(
        expect.arrayContaining(['statement_timeout=300', 'idle_in_transaction_session_timeout=60000']),
      );
    });

    it('a read outside any transaction is cancelled by that default', async () => {
      await expect(t.ds.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
      expect(await t.ds.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    });

    it('DB_PREPARED_STATEMENTS=false: the fixed-shape statements are sent unnamed', async () => {
      expect(await leavesNamedStatement(t.ds)).toBe(false);
      // jitOff still holds for the transaction (and only for it), without the generic plan mode
      const { inside, outside } = await settingsAfter(t.ds, true);
      expect(inside).toEqual({ jit: 'off', mode: 'auto' });
      expect(outside.mode).toBe('auto');
    });

    it('a new value replaces the old default at the next boot', async () => {
      const again = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '2500' }, { database: t.database });
      try {
        // (the sessions a pooler opened before keep the old value until they reconnect: docs/scaling.md)
        expect(await roleDefaults(again)).toContain('statement_timeout=2500');
        // named by default (a direct connection, or PgBouncer ≥ 1.21 with max_prepared_statements)
        expect(await leavesNamedStatement(again.ds)).toBe(!process.env.CP_TEST_POOLER_PORT);
        if (!process.env.CP_TEST_POOLER_PORT) {
          // named: the plan mode and, asked for, JIT off, set together for the transaction only
          const off = await settingsAfter(again.ds, true);
          expect(off.inside).toEqual({ jit: 'off', mode: 'force_generic_plan' });
          expect(off.outside.mode).toBe('auto');
          const on = await settingsAfter(again.ds, false);
          expect(on.inside).toEqual({ jit: on.outside.jit, mode: 'force_generic_plan' });
        }
      } finally {
        await again.app.close();
      }
    });
  });

  it('one login role: its pool takes on cadre_app and the timeouts at start-up (not for a transaction pooler)', async () => {
    const t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '4321' }, { oneRole: true });
    try {
      const [row]: { role: string; st: string }[] = await t.ds.query(
        `SELECT current_user AS role, current_setting('statement_timeout') AS st`,
      );
      expect(row).toEqual({ role: 'cadre_app', st: '4321ms' });
      const configured = await t.asOwner(`SELECT 1 FROM pg_db_role_setting s
        JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = current_database()`);
      expect(configured).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('the app reaches the database where DATABASE_URL points: through PgBouncer in the pooler run', async () => {
    const t = await createTestApp();
    try {
      await t.gql('{ units { id } }');
      const url = new URL(primaryUrl(t.ds.options)!);
      const pooler = process.env.CP_TEST_POOLER_PORT;
      if (!pooler) {
        expect(url.port).toBe(new URL(testServer().serverUrl).port);
        return;
      }
      expect(url.port).toBe(pooler);
      // PgBouncer's admin console lists its clients: the app's pool is among them, on the test's database.
      const owner = new URL(testServer().serverUrl);
      owner.hostname = '127.0.0.1';
      owner.port = pooler;
      owner.pathname = '/pgbouncer';
      const adminConsole = new Client({ connectionString: owner.toString() });
      await adminConsole.connect();
      try {
        const { rows } = await adminConsole.query<{ user: string; database: string }>('SHOW CLIENTS');
        expect(rows).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ user: 'cadre_app_login', database: url.pathname.slice(1) }),
          ]),
        );
      } finally {
        await adminConsole.end();
      }
    } finally {
      await t.close();
    }
  });
});
