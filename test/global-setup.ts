import { mkdtempSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_LOGIN, derivedPassword, ensureAppLogin } from '../src/database/app-role';
import { dataSourceOptions } from '../src/database/data-source-options';
import { withDatabase } from '../src/database/database-url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { admin } from './test-database';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The app's login role on a shared server (DATABASE_URL): created once, kept; the same password every run. */
const SHARED_SERVER_APP_PASSWORD = 'cadre_app_login';

/**
 * Once per run: a PostgreSQL server (DATABASE_URL, or an embedded one in a throw-away folder) and a template
 * database migrated once, as the server's superuser (the owner). Each test file then copies the template (see
 * test-database.ts); the app connects to it as cadre_app_login, a member of cadre_app, as in production.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let appPassword = SHARED_SERVER_APP_PASSWORD;
  if (!serverUrl) {
    const base = join(__dirname, '..', '.data');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'test-pg-'));
    const server = await startEmbeddedPostgres(join(dir, 'data'), await freePort());
    (globalThis as Record<string, unknown>).__CP_EMBEDDED__ = { server, dir };
    serverUrl = server.url;
    appPassword = derivedPassword(server.password, APP_LOGIN);
    process.stdout.write(`\nTests use an embedded PostgreSQL in ${dir}\n`);
  } else {
    process.stdout.write('\nTests use the PostgreSQL server at DATABASE_URL (throw-away databases)\n');
  }
  await ensureAppLogin(serverUrl, APP_LOGIN, appPassword);
  const template = `cp_test_${process.pid}`;
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${template}"`);
    await c.query(`CREATE DATABASE "${template}"`);
  });
  const ds = await new DataSource(dataSourceOptions(withDatabase(serverUrl, template), 2)).initialize();
  try {
    await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
  process.env.CP_TEST_SERVER_URL = serverUrl;
  process.env.CP_TEST_TEMPLATE_DB = template;
  process.env.CP_TEST_APP_PASSWORD = appPassword;
}
