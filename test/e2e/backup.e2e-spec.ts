import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  backupDatabase,
  findPgTools,
  PgTools,
  restoreDatabase,
  serverMajor,
} from '../../src/database/backup';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { withDatabase } from '../../src/database/database-url';
import { runMigrations } from '../../src/database/migrate';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';
import { admin, testServer } from '../test-database';
import { startScratchCluster } from './support/scratch-cluster';

/**
 * `npm run backup` / `npm run restore` (src/database/backup.cli.ts): pg_dump's custom format, restored with
 * pg_restore. The round trip runs on the test server when a pg_dump of its major (or newer) is installed; else
 * (the embedded PostgreSQL 17 beside Debian's pg_dump 15) on a throw-away server started from the pg_dump's
 * own binaries, so that both ways exercise the same code.
 */

interface Server {
  url: string;
  tools: PgTools;
  stop(): Promise<void>;
}

async function serverWithTools(): Promise<Server> {
  const { serverUrl } = testServer();
  const major = await serverMajor(serverUrl);
  const tools = await findPgTools(major).catch(() => undefined);
  if (tools) return { url: serverUrl, tools, stop: async () => undefined };
  const any = await findPgTools(0);
  const scratch = await startScratchCluster(any.dir);
  return { url: scratch.url, tools: any, stop: () => scratch.stop() };
}

/** Every table's row count and checksum. */
async function contents(url: string): Promise<Record<string, { n: number; sum: string | null }>> {
  const ds = await new DataSource(dataSourceOptions(url, 1)).initialize();
  try {
    const tables = await ds.query<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const out: Record<string, { n: number; sum: string | null }> = {};
    for (const { name } of tables) out[name] = await tableFingerprint(ds, name);
    return out;
  } finally {
    await ds.destroy();
  }
}

describe('backup and restore', () => {
  let server: Server;
  let dir: string;
  const name = `${testServer().template}_b${randomBytes(5).toString('hex')}`;
  let url: string;

  beforeAll(async () => {
    server = await serverWithTools();
    dir = mkdtempSync(join(tmpdir(), 'cp-backup-'));
    url = withDatabase(server.url, name);
  });
  afterAll(async () => {
    await admin(server.url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a backup restored into a recreated database gives back every row, and the grants', async () => {
    await admin(server.url, (c) => c.query(`CREATE DATABASE "${name}"`));
    const ds = await new DataSource(dataSourceOptions(url, 2)).initialize();
    try {
      await runMigrations(ds);
      const unit = await makeUnit(ds);
      for (let i = 0; i < 5; i += 1) {
        const cadre = await makeCadre(ds);
        await makePosting(ds, cadre.id, unit.id, { startDate: `201${i}-03-01` });
      }
    } finally {
      await ds.destroy();
    }
    const before = await contents(url);
    expect(before.cadre.n).toBe(5);
    expect(before.posting_run.n).toBe(5);

    const file = join(dir, 'db.dump');
    await backupDatabase(url, file, server.tools);
    await admin(server.url, async (c) => {
      await c.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    await restoreDatabase(url, file, server.tools);

    expect(await contents(url)).toEqual(before);
    const check = await new DataSource(dataSourceOptions(url, 1)).initialize();
    try {
      const [grants] = await check.query<{ writes: boolean; truncates: boolean }[]>(
        `SELECT has_table_privilege('cadre_app', 'posting', 'INSERT') AS writes,
                has_table_privilege('cadre_app', 'posting', 'TRUNCATE') AS truncates`,
      );
      expect(grants).toEqual({ writes: true, truncates: false });
      // The triggers came back too: a new posting gets its run.
      const [unit] = await check.query<{ id: string }[]>(`SELECT id FROM unit LIMIT 1`);
      await makePosting(check, (await makeCadre(check)).id, unit.id, { startDate: '2024-01-01' });
      const [{ n }] = await check.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM posting_run`);
      expect(n).toBe(6);
    } finally {
      await check.destroy();
    }

    // Into a database that has tables: refused unless clean, which puts the backup's rows back.
    await expect(restoreDatabase(url, file, server.tools)).rejects.toThrow(/already has tables/);
    await restoreDatabase(url, file, server.tools, { clean: true });
    expect(await contents(url)).toEqual(before);
  });

  it('names what to install when no pg_dump is new enough', async () => {
    await expect(findPgTools(99)).rejects.toThrow(
      /PostgreSQL 99 or newer.*postgresql-client-99.*PG_BIN_DIR/s,
    );
  });
});
