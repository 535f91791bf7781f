import { APP_LOGIN } from '../../src/database/app-role';
import globalSetup from '../global-setup';
import { testServer } from '../test-database';
import { startPgBouncer } from './pgbouncer';

/**
 * The pooler run (npm run test:pgbouncer): the usual test server and template, then PgBouncer in transaction
 * mode in front of it. Test apps connect through it (test-database.ts: appUrl); owners' fixtures go direct.
 */
export default async function poolerGlobalSetup(): Promise<void> {
  await globalSetup();
  const { serverUrl, appPassword } = testServer();
  const owner = new URL(serverUrl);
  const pooler = await startPgBouncer(serverUrl, [
    { user: decodeURIComponent(owner.username), password: decodeURIComponent(owner.password) },
    { user: APP_LOGIN, password: appPassword },
  ]);
  (globalThis as Record<string, unknown>).__CP_PGBOUNCER__ = pooler;
  process.env.CP_TEST_POOLER_PORT = String(pooler.port);
  process.stdout.write(
    `${pooler.version} in transaction mode on port ${pooler.port} in front of the test server\n`,
  );
}
