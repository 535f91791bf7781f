import type { Client } from 'pg';

/** A backend of the app waiting on a lock. */
export const WAITING_ON_LOCK = "wait_event_type = 'Lock'";
/** A backend of the app inside a transaction. */
export const IN_TRANSACTION = 'xact_start IS NOT NULL';

/** The app's backends on the side session's database that match `condition`, from a fresh activity snapshot. */
export async function appBackends(side: Client, condition: string): Promise<number[]> {
  await side.query('SELECT pg_stat_clear_snapshot()'); // activity is a snapshot per transaction
  const { rows } = await side.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'cadre-pathways' AND pid <> pg_backend_pid()
        AND ${condition}`,
  );
  return rows.map((r) => r.pid);
}

/** Polls `check` every 25 ms until it gives a value (not undefined); fails with `what` after 400 tries. */
export async function pollFor<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(what);
}

/** Waits until `n` of the app's backends wait on a lock. */
export async function untilLockWaiters(side: Client, n: number, what: string): Promise<void> {
  await pollFor(
    async () => ((await appBackends(side, WAITING_ON_LOCK)).length === n ? true : undefined),
    what,
  );
}
