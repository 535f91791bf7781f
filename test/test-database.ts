import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { withDatabase } from '../src/database/database-url';

/** Set by global-setup: the server every test file uses and the migrated template to copy. */
export function testServer(): { serverUrl: string; template: string } {
  const serverUrl = process.env.CP_TEST_SERVER_URL;
  const template = process.env.CP_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) throw new Error('global-setup did not run');
  return { serverUrl, template };
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

/** A private database for one test file, copied from the migrated template: files never see each other's rows. */
export async function createFileDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { serverUrl, template } = testServer();
  const name = `${template}_f${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: withDatabase(serverUrl, name),
    drop: () =>
      admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

export { admin };
