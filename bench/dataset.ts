import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createDatabaseIfMissing, withDatabase } from '../src/database/database-url';
import { EmbeddedServer, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { resetData } from '../src/seed/reset';
import { seedSynthetic } from '../src/seed/synthetic';

export interface PgServer {
  /** A URL of the server's `postgres` database. */
  url: string;
  embedded?: EmbeddedServer;
}

export interface Dataset {
  database: string;
  url: string;
  cadres: number;
  /** Rows per table when the run started. */
  rows: Record<string, number>;
  reused: boolean;
  seedSeconds?: number;
}

/** The HR source name the sync scenarios write under; its postings and runs are removed before and after. */
export const BENCH_SOURCE = 'bench';

const TABLES = ['unit', 'cadre', 'posting', 'training', 'achievement', 'achievement_impact', 'appraisal'];

/** The server of DATABASE_URL (its database part is ignored), or the embedded one the service also uses. */
export async function resolveServer(): Promise<PgServer> {
  const config = loadConfig();
  if (config.DATABASE_URL) return { url: withDatabase(config.DATABASE_URL, 'postgres') };
  const embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), config.EMBEDDED_PG_PORT);
  return { url: embedded.url, embedded };
}

/** `BENCH_DATABASE` names another database (a copy made with `CREATE DATABASE … TEMPLATE cadre_bench_100k`, say). */
export function datasetName(cadres: number): string {
  const named = process.env.BENCH_DATABASE;
  if (named) return named;
  return `cadre_bench_${cadres % 1000 === 0 ? `${cadres / 1000}k` : cadres}`;
}

/**
 * Reuses the database holding a synthetic province of exactly `cadres` cadres (the marker: that many SYN-
 * cadres), or migrates and seeds it. A half-written one (an interrupted seed) is emptied and seeded again.
 */
export async function ensureDataset(
  server: PgServer,
  cadres: number,
  log: (line: string) => void,
): Promise<Dataset> {
  const database = datasetName(cadres);
  await createDatabaseIfMissing(server.url, database);
  const url = withDatabase(server.url, database);
  const ds = await new DataSource(dataSourceOptions(url, 4)).initialize();
  try {
    await runMigrations(ds);
    const [marker]: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM cadre WHERE external_id LIKE 'SYN-%'`,
    );
    let reused = marker.n === cadres;
    let seedSeconds: number | undefined;
    if (!reused) {
      const units: unknown[] = await ds.query(`SELECT 1 FROM unit LIMIT 1`);
      if (marker.n > 0 || units.length > 0) {
        log(`${database}: ${marker.n} synthetic cadres, not ${cadres}; emptying it`);
        await resetData(ds);
      }
      log(`${database}: seeding a ${cadres.toLocaleString('en')}-cadre province (once; later runs reuse it)`);
      const started = Date.now();
      let shown = 0;
      await seedSynthetic(ds, {
        cadres,
        onProgress: (done, phase) => {
          if (done - shown >= cadres / 10 || phase !== 'writing') {
            shown = done;
            log(`  ${phase} ${done.toLocaleString('en')}/${cadres.toLocaleString('en')}`);
          }
        },
      });
      seedSeconds = (Date.now() - started) / 1000;
      reused = false;
    }
    await removeSyncRows(ds);
    const rows: Record<string, number> = {};
    for (const t of TABLES) {
      const [r]: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM ${t}`);
      rows[t] = r.n;
    }
    return { database, url, cadres, rows, reused, seedSeconds };
  } finally {
    await ds.destroy();
  }
}

/** Removes what the sync scenarios wrote (postings of the bench source and its runs), so reads see the seed. */
export async function removeSyncRows(db: {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}): Promise<void> {
  await db.query(`DELETE FROM posting WHERE source = $1`, [BENCH_SOURCE]);
  await db.query(`DELETE FROM sync_run WHERE source = $1`, [BENCH_SOURCE]);
}
