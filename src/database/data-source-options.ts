import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

// DATE columns stay 'YYYY-MM-DD' strings: no time-zone drift between server, driver and client.
types.setTypeParser(1082, (v: string) => v);
// count(*) and other int8 values fit comfortably in a JS number here.
types.setTypeParser(20, (v: string) => Number(v));

const root = join(__dirname, '..', '..');

export interface ConnectionLimits {
  /** PostgreSQL cancels any statement running longer (statement_timeout); unset: no limit (CLI, migrations). */
  statementTimeoutMs?: number;
}

/** A transaction left open this long (a stuck request) is ended by the server, releasing its locks. */
const IDLE_IN_TRANSACTION_MS = 60_000;
/**
 * Waiting longer than this for a connection (the pool busy, or a server that does not answer) fails the request
 * instead of hanging it. Generous, because under load requests queue here for a while.
 */
const CONNECT_TIMEOUT_MS = 20_000;

export function dataSourceOptions(
  url: string,
  poolSize = 10,
  limits: ConnectionLimits = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    poolSize,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    extra: {
      application_name: 'cadre-pathways',
      keepAlive: true,
      ...(limits.statementTimeoutMs
        ? {
            statement_timeout: limits.statementTimeoutMs,
            idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
          }
        : {}),
    },
  };
}
