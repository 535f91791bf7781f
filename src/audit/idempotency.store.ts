import { EntityManager } from 'typeorm';

/** How long a key holds: a retry within this returns the first result; after it the key may be used again. */
export const IDEMPOTENCY_KEY_TTL = '7 days';
/** Expired keys deleted along with each new one, so the table stays small without a scheduled job. */
const PURGE_BATCH = 100;

export interface KeyRow {
  operation: string;
  requestHash: string;
  resultRef: string;
}

/**
 * Claims (caller, key) for this transaction, or returns the live row that holds it. A concurrent claim of the
 * same key waits here until the first transaction ends: it then finds that one's row, or claims the key itself
 * if the first rolled back. An expired row is taken over.
 */
export async function claimKey(
  em: EntityManager,
  sub: string,
  key: string,
  operation: string,
  requestHash: string,
): Promise<KeyRow | undefined> {
  const claimed: unknown[] = await em.query(
    `INSERT INTO idempotency_key AS k (caller_sub, key, operation, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (caller_sub, key) DO UPDATE
       SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash, result_ref = NULL, created_at = now()
       WHERE k.created_at < now() - $5::interval
     RETURNING 1`,
    [sub, key, operation, requestHash, IDEMPOTENCY_KEY_TTL],
  );
  if (claimed.length) return undefined;
  const [row]: KeyRow[] = await em.query(
    `SELECT operation, request_hash AS "requestHash", result_ref AS "resultRef"
       FROM idempotency_key WHERE caller_sub = $1 AND key = $2`,
    [sub, key],
  );
  return row;
}

/** Stores what the claimed key created; deletes a batch of expired keys on the way. */
export async function recordResult(em: EntityManager, sub: string, key: string, ref: string): Promise<void> {
  await em.query(
    `WITH purged AS (
       DELETE FROM idempotency_key WHERE ctid = ANY (ARRAY(
         SELECT ctid FROM idempotency_key WHERE created_at < now() - $4::interval
          LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED)))
     UPDATE idempotency_key SET result_ref = $3 WHERE caller_sub = $1 AND key = $2`,
    [sub, key, ref, IDEMPOTENCY_KEY_TTL],
  );
}
