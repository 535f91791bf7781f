import { rmSync } from 'node:fs';
import type { EmbeddedServer } from '../src/database/embedded-postgres';
import { admin, testServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const { serverUrl, template } = testServer();
  const embedded = (globalThis as Record<string, unknown>).__CP_EMBEDDED__ as
    { server: EmbeddedServer; dir: string } | undefined;
  if (embedded) {
    await embedded.server.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
    return;
  }
  await admin(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_f%'`,
      [template],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
