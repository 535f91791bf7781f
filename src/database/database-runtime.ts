import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { createDatabaseIfMissing, withDatabase } from './database-url';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseRuntime {
  url: string;
  embedded?: EmbeddedServer;
}

const EMBEDDED_DB = 'cadre_pathways';

/** DATABASE_URL when set; otherwise an embedded server under the data folder. */
export async function resolveDatabase(config: AppConfig): Promise<DatabaseRuntime> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), config.EMBEDDED_PG_PORT);
  await createDatabaseIfMissing(embedded.url, EMBEDDED_DB);
  return { url: withDatabase(embedded.url, EMBEDDED_DB), embedded };
}
