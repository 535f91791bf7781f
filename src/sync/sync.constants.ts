/** Records per sync call; more is a BAD_USER_INPUT before anything is written. SYNC_BATCH_LIMIT overrides. */
export const DEFAULT_SYNC_BATCH_LIMIT = 10_000;

export function syncBatchLimit(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SYNC_BATCH_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_SYNC_BATCH_LIMIT;
}

/** Request bodies up to this size: a full batch of postings is a few megabytes of JSON. */
export const JSON_BODY_LIMIT = '25mb';
