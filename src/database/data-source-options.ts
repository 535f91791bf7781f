import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

// DATE columns stay 'YYYY-MM-DD' strings: no time-zone drift between server, driver and client.
types.setTypeParser(1082, (v: string) => v);
// count(*) and other int8 values fit comfortably in a JS number here.
types.setTypeParser(20, (v: string) => Number(v));

const root = join(__dirname, '..', '..');

/** A transaction left open this long (a stuck request) is ended by the server, releasing its locks. */
export const IDLE_IN_TRANSACTION_MS = 60_000;
/**
 * Waiting longer than this for a connection (the pool busy, or a server that does not answer) fails the request
 * instead of hanging it. Generous, because under load requests queue here for a while.
 */
const CONNECT_TIMEOUT_MS = 20_000;

/**
 * No session settings travel as start-up parameters (PgBouncer in transaction mode refuses them): the
 * service's timeouts are its login role's defaults in the database (session-defaults.ts) or SET LOCAL.
 * With `replicaUrls`, TypeORM keeps one pool per server: statements go to the primary unless a query runner
 * is asked for a replica (replica.ts), so read-your-writes never depends on replica lag.
 */
export function dataSourceOptions(url: string, poolSize = 10, replicaUrls: string[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    ...(replicaUrls.length
      ? {
          replication: {
            master: { url },
            slaves: replicaUrls.map((u) => ({ url: u })),
            defaultMode: 'master',
          },
        }
      : { url }),
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    poolSize,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    extra: { application_name: 'cadre-pathways', keepAlive: true },
  };
}

/** The primary's URL of data source options (with or without replicas). */
export function primaryUrl(options: DataSourceOptions): string | undefined {
  const o = options as { url?: string; replication?: { master: { url?: string } } };
  return o.replication?.master.url ?? o.url;
}
