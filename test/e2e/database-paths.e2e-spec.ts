import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { resolveDatabase } from '../../src/database/database-runtime';
import { testServer } from '../test-database';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('database paths', () => {
  it('uses DATABASE_URL as given when it is set, starting nothing', async () => {
    const { serverUrl } = testServer();
    const db = await resolveDatabase(loadConfig({ DATABASE_URL: serverUrl }));
    expect(db.url).toBe(serverUrl);
    // one role: migrations use the same URL (the service's pool then takes on cadre_app)
    expect(db.migrationUrl).toBe(serverUrl);
    expect(db.embedded).toBeUndefined();
  });

  it('migrates with MIGRATION_DATABASE_URL when it is set, and serves with DATABASE_URL', async () => {
    const db = await resolveDatabase(
      loadConfig({ DATABASE_URL: 'postgres://app@db/x', MIGRATION_DATABASE_URL: 'postgres://owner@db/x' }),
    );
    expect(db).toEqual({ url: 'postgres://app@db/x', migrationUrl: 'postgres://owner@db/x' });
  });

  it('in production refuses to start the embedded server unless EMBEDDED_POSTGRES=true', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /DATABASE_URL[\s\S]*EMBEDDED_POSTGRES/,
    );
  });

  it('starts an embedded PostgreSQL under the data folder when DATABASE_URL is unset (migration CLI, as a user runs it)', async () => {
    const dataDir = mkdtempSync(join(__dirname, '..', '..', '.data', 'paths-'));
    const env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    const run = (): string =>
      execFileSync(process.execPath, ['-r', 'ts-node/register', 'src/database/migrate.cli.ts', 'run'], {
        cwd: join(__dirname, '..', '..'),
        env,
        encoding: 'utf8',
      });
    try {
      expect(run()).toMatch(/Applied: CreateCoreSchema/);
      // the data survives a restart: the second run finds nothing to do
      expect(run()).toMatch(/No pending migrations/);
      expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      // the superuser's password is generated into the data folder, readable by its owner only
      const passwordFile = join(dataDir, 'postgres-password');
      expect(readFileSync(passwordFile, 'utf8')).toMatch(/^[\w-]{32}$/);
      expect(statSync(passwordFile).mode & 0o077).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
