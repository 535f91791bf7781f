import { DataSource, MigrationExecutor } from 'typeorm';
import { installRuleSpans } from '../rules/spans/install';
import { installWebhookQueue } from '../webhooks/queue';

// Arbitrary constant: one process at a time runs migrations against a database.
const MIGRATION_LOCK = 4_217_001;

export interface MigrateResult {
  /** The migrations applied, by name. */
  applied: string[];
  /** Whether the rules' span SQL was (re)installed and every cadre's spans recomputed. */
  rulesInstalled: boolean;
}

/**
 * Runs pending migrations, then installs the rules' span SQL when it changed (src/rules/spans/install.ts). Each
 * step is one transaction that first takes a transaction-level advisory lock (pg_advisory_xact_lock), so that
 * several instances can boot at once: the others wait on the lock, then find nothing pending and the hash stored.
 * The lock ends with the transaction, so it is safe behind a pooler in transaction mode, and a migrator that dies
 * cannot leave it held. One transaction for all pending migrations: a failure leaves none of them applied.
 */
export async function migrate(dataSource: DataSource): Promise<MigrateResult> {
  const applied = await runPendingMigrations(dataSource);
  const rulesInstalled = await installRuleSpans(dataSource, undefined, MIGRATION_LOCK);
  // pg-boss's schema and the webhook queues (it takes its own advisory lock).
  await installWebhookQueue(dataSource, MIGRATION_LOCK);
  return { applied, rulesInstalled };
}

async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Migrations may take long whatever the login role's defaults are.
    await runner.query(`SET LOCAL statement_timeout = 0`);
    await runner.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'all';
    const done = await executor.executePendingMigrations();
    await runner.commitTransaction();
    return done.map((m) => m.name);
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw err;
  } finally {
    await runner.release();
  }
}

/** migrate, giving the names of the migrations applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return (await migrate(dataSource)).applied;
}
