import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { APP_LOGIN } from '../src/database/app-role';
import { withDatabase, withLogin } from '../src/database/database-url';

/** Set by global-setup: the server every test file uses, the migrated template to copy, the app role's password. */
export function testServer(): { serverUrl: string; template: string; appPassword: string } {
  const serverUrl = process.env.CP_TEST_SERVER_URL;
  const template = process.env.CP_TEST_TEMPLATE_DB;
  const appPassword = process.env.CP_TEST_APP_PASSWORD;
  if (!serverUrl || !template || !appPassword) throw new Error('global-setup did not run');
  return { serverUrl, template, appPassword };
}

async function admin<T>(serverUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The same database reached through the PgBouncer the pooler run starts (test/pgbouncer), when it runs;
 * unchanged otherwise.
 */
export function viaPooler(url: string): string {
  const port = process.env.CP_TEST_POOLER_PORT;
  if (!port) return url;
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = port;
  return u.toString();
}

export interface FileDatabase {
  /** As the owner (the server's superuser, who ran the migrations). */
  url: string;
  /**
   * As the app's login role (cadre_app_login, a member of cadre_app): what the service connects with. Through
   * PgBouncer in the pooler run.
   */
  appUrl: string;
  drop(): Promise<void>;
}

/** A private database for one test file, copied from the migrated template: files never see each other's rows. */
export async function createFileDatabase(): Promise<FileDatabase> {
  const { serverUrl, template, appPassword } = testServer();
  const name = `${template}_f${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: withDatabase(serverUrl, name),
    appUrl: viaPooler(withLogin(withDatabase(serverUrl, name), APP_LOGIN, appPassword)),
    drop: () =>
      admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

export { admin };
