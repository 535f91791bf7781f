import PgBoss from 'pg-boss';
import { DataSource, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database/app-role';

/** pg-boss's schema in the service's database. */
export const QUEUE_SCHEMA = 'pgboss';
/** The queue of deliveries (data: { deliveryId }), and where a delivery whose retries all failed goes. */
export const DELIVERY_QUEUE = 'webhook-delivery';
export const DEAD_QUEUE = 'webhook-dead';
/** The daily job that turns the flags' date spans into flag.started and flag.ended events. */
export const FLAG_QUEUE = 'webhook-flag-events';

/**
 * pg-boss's Db over a TypeORM query runner, or a data source (a runner per call; no pool of its own). Structured
 * results: TypeORM's plain query() answers an UPDATE … RETURNING with [rows, count], pg-boss wants the rows.
 */
export function bossDb(q: QueryRunner | DataSource): PgBoss.Db {
  const run = async (runner: QueryRunner, text: string, values?: unknown[]) => {
    // Without values, node-pg sends a simple query: pg-boss's multi-statement plans need that.
    const result = await runner.query(text, values?.length ? values : undefined, true);
    return { rows: (result.records as unknown[]) ?? [] };
  };
  return {
    executeSql: async (text, values) => {
      if (!(q instanceof DataSource)) return run(q, text, values);
      const runner = q.createQueryRunner('master');
      try {
        return await run(runner, text, values);
      } finally {
        await runner.release();
      }
    },
  };
}

/**
 * Installs (or upgrades) pg-boss's schema and the webhook queues as the migration owner, and lets the service's
 * role use them. Run by migrate() after the migrations; pg-boss takes its own advisory lock, so concurrent boots
 * install once. A delivery's retries are set on each job from the configuration (WEBHOOK_RETRY_*).
 */
export async function installWebhookQueue(
  ds: DataSource,
  /** The migration lock, taken for the grants so that concurrent boots grant one after the other. */
  lock?: number,
): Promise<void> {
  const runner = ds.createQueryRunner('master');
  await runner.connect();
  try {
    const boss = new PgBoss({
      db: bossDb(runner),
      schema: QUEUE_SCHEMA,
      migrate: true,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    const delivery = { retryBackoff: true, expireInSeconds: 120, deadLetter: DEAD_QUEUE };
    for (const [name, options] of [
      [DEAD_QUEUE, {}],
      [DELIVERY_QUEUE, delivery],
      [FLAG_QUEUE, { retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 }],
    ] as const) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
      else await boss.createQueue(name, { name, ...options });
    }
    await boss.stop({ graceful: false, wait: true, close: false });
    const [{ exists }] = (await runner.query(`SELECT to_regrole($1) IS NOT NULL AS exists`, [APP_ROLE])) as {
      exists: boolean;
    }[];
    if (exists) {
      // Two boots granting at once update the same catalog rows ("tuple concurrently updated"): one at a time.
      await runner.startTransaction();
      try {
        if (lock !== undefined) await runner.query('SELECT pg_advisory_xact_lock($1)', [lock]);
        await runner.query(`GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE}`);
        await runner.query(
          `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE}`,
        );
        await runner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE}`);
        await runner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE}`);
        await runner.commitTransaction();
      } catch (err) {
        await runner.rollbackTransaction();
        throw err;
      }
    }
  } finally {
    await runner.release();
  }
}
