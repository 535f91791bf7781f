import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_LOGIN, derivedPassword, ensureAppLogin } from './app-role';
import { createDatabaseIfMissing, withDatabase, withLogin } from './database-url';
import { EmbeddedServer, startEmbeddedPostgres, SuperviseOptions } from './embedded-postgres';

export interface DatabaseRuntime {
  /** The service's connection (DATABASE_URL): the app role's grants, owning nothing. */
  url: string;
  /** The schema owner's (MIGRATION_DATABASE_URL, default DATABASE_URL): migrations, seed, import. */
  migrationUrl: string;
  embedded?: EmbeddedServer;
}

const EMBEDDED_DB = 'cadre_pathways';

/**
 * DATABASE_URL (and MIGRATION_DATABASE_URL) when set; otherwise an embedded server under the data folder, where
 * migrations run as its superuser and the service as the login role cadre_app_login (member of cadre_app).
 * Production reaches the embedded path only with EMBEDDED_POSTGRES=true (loadConfig refuses otherwise).
 */
export async function resolveDatabase(
  config: AppConfig,
  /** The service watches its embedded server (restarts it, or gives up); the commands do not. */
  supervise?: SuperviseOptions,
): Promise<DatabaseRuntime> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, migrationUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL };
  }
  if (config.isProduction && !config.EMBEDDED_POSTGRES) {
    throw new Error('DATABASE_URL is required when NODE_ENV=production (or set EMBEDDED_POSTGRES=true).');
  }
  const embedded = await startEmbeddedPostgres(
    join(config.dataDir, 'postgres'),
    config.EMBEDDED_PG_PORT,
    supervise,
  );
  await createDatabaseIfMissing(embedded.url, EMBEDDED_DB);
  const ownerUrl = withDatabase(embedded.url, EMBEDDED_DB);
  const password = derivedPassword(embedded.password, APP_LOGIN);
  await ensureAppLogin(ownerUrl, APP_LOGIN, password);
  return { url: withLogin(ownerUrl, APP_LOGIN, password), migrationUrl: ownerUrl, embedded };
}
