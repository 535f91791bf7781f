import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * Reads that tolerate replica lag: lists, candidate pools, exports and the policy document. With
 * DATABASE_REPLICA_URLS they run on one of the replicas (TypeORM picks one at random per query runner), without
 * on the primary. Everything else stays on the primary (TypeORM's defaultMode 'master', see
 * data-source-options.ts): writes, a mutation's result (read inside its transaction), access checks, `me` and
 * the single-record queries a client reads right after its own write. A replica is behind by its replay lag
 * (milliseconds on a healthy streaming replica); a list read right after a write may not show it yet.
 */
export async function queryReplica<T>(ds: DataSource, sql: string, params?: unknown[]): Promise<T[]> {
  const runner = ds.createQueryRunner('slave');
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}

/** A read-only unit of work on a replica (see queryReplica), in one transaction: one snapshot for all of it. */
export async function replicaTransaction<T>(
  ds: DataSource,
  isolation: IsolationLevel | undefined,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = ds.createQueryRunner('slave');
  try {
    await runner.startTransaction(isolation);
    const result = await work(runner.manager);
    await runner.commitTransaction();
    return result;
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw err;
  } finally {
    await runner.release();
  }
}
