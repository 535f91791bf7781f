import { QueryRunner } from 'typeorm';
import { TransactionRunner } from '../audit/transaction-runner';
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
 * Another source created the same unit or cadre after this sync classified its records: the database's owner
 * guard refused the write, and the re-run rejects that record instead.
 */
function ownerRaced(err: unknown): boolean {
  const e = err as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const constraint = e?.driverError?.constraint ?? e?.constraint;
  return typeof constraint === 'string' && constraint.endsWith('_source_owner_check');
}

interface Emitter {
  on(event: 'error', listener: (err: unknown) => void): unknown;
}
const guarded = new WeakSet<Emitter>();

/**
 * A connection killed mid-query emits a second 'error' after TypeORM has dropped its listener; unheard, it
 * would crash the process. The failed query has already rejected, so this late echo can be ignored.
 */
function guard(connection: Emitter): void {
  if (guarded.has(connection)) return;
  guarded.add(connection);
  connection.on('error', () => undefined);
}

/**
 * One audited transaction for a whole sync (its changes carry request id `sync:<run id>` in the audit log),
 * serialised per source with a transaction-level advisory lock. Staging tables are per session, so the work
 * gets the transaction's own connection. A conflict with another writer re-runs the whole sync from the start.
 */
export async function inSyncTransaction<T>(
  tx: TransactionRunner,
  caller: Caller,
  source: string,
  runId: string,
  work: (qr: QueryRunner) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // The caller keeps its request deadline: a sync past the request timeout is cancelled and rolled back,
      // and no retry starts after it (tx.run refuses).
      return await tx.run({ ...caller, requestId: `sync:${runId}` }, async (em) => {
        const qr = em.queryRunner;
        if (!qr) throw new Error('A transaction always has its query runner.');
        guard((await qr.connect()) as Emitter);
        await qr.query(`SELECT pg_advisory_xact_lock(hashtextextended('cadre-sync:' || $1, 0))`, [source]);
        return work(qr);
      });
    } catch (err) {
      const code = pgCode(err);
      if (attempt >= ATTEMPTS || !code || !(RETRYABLE.has(code) || ownerRaced(err))) throw err;
    }
  }
}
