import { DataSource, QueryRunner } from 'typeorm';
import { Caller } from '../auth/caller';

/** Deadlocks, serialization failures, and a key or overlap another transaction committed meanwhile. */
const RETRYABLE = new Set(['40001', '40P01', '23505', '23P01']);
const ATTEMPTS = 3;

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * One transaction for a whole sync on its own connection (staging tables are per session), audited with the
 * caller and the run id (the audit triggers read these settings), and serialised per source with a
 * transaction-level advisory lock. A conflict with another writer re-runs the whole sync from the start.
 */
export async function inSyncTransaction<T>(
  ds: DataSource,
  caller: Caller,
  source: string,
  runId: string,
  work: (qr: QueryRunner) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const qr = ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await qr.query(
        `SELECT set_config('cadre.actor_sub', $1, true), set_config('cadre.actor_role', $2, true),
                set_config('cadre.request_id', $3, true)`,
        [caller.sub, caller.role, `sync:${runId}`],
      );
      await qr.query(`SELECT pg_advisory_xact_lock(hashtextextended('cadre-sync:' || $1, 0))`, [source]);
      const result = await work(qr);
      await qr.commitTransaction();
      return result;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      const code = pgCode(err);
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw err;
    } finally {
      await qr.release();
    }
  }
}
