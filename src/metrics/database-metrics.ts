import type { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import { Metrics } from './metrics';

interface PgPool extends EventEmitter {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

interface PgClient {
  query: (...args: unknown[]) => unknown;
}

const KEYWORD =
  /^\s*(select|insert|update|delete|with|begin|commit|rollback|set|savepoint|release|copy|lock)\b/i;

/** The leading keyword of a statement: a label with a handful of values, never the SQL itself. */
export function statementKind(sql: unknown): string {
  const text = typeof sql === 'string' ? sql : (sql as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return 'other';
  return KEYWORD.exec(text)?.[1].toLowerCase() ?? 'other';
}

function poolOf(ds: DataSource): PgPool | undefined {
  return (ds.driver as unknown as { master?: PgPool }).master;
}

/**
 * The pool's connections (read at scrape time) and every statement's duration: each pooled client's `query` is
 * wrapped once, when first handed out, and times the promise it returns (TypeORM always awaits one). Client-side
 * time: queueing inside the connection and the network are included, as the caller sees them.
 */
export function instrumentDatabase(ds: DataSource, metrics: Metrics): void {
  const pool = poolOf(ds);
  if (!pool) return;
  metrics.readPool = () => {
    metrics.dbPool.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
    metrics.dbPool.set({ state: 'idle' }, pool.idleCount);
    metrics.dbPool.set({ state: 'waiting' }, pool.waitingCount);
  };
  const timed = new WeakSet<PgClient>();
  pool.on('acquire', (client: PgClient) => {
    if (timed.has(client)) return;
    timed.add(client);
    const query = client.query;
    client.query = function timedQuery(this: unknown, ...args: unknown[]): unknown {
      const result = query.apply(this, args);
      if (!(result instanceof Promise)) return result;
      const end = metrics.dbStatementDuration.startTimer({ statement: statementKind(args[0]) });
      result.then(
        () => end({ outcome: 'ok' }),
        () => end({ outcome: 'error' }),
      );
      return result;
    };
  });
}
