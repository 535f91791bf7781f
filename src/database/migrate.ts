import { DataSource } from 'typeorm';
import { installRuleSpans } from '../rules/spans/install';

// Arbitrary constant: one process at a time runs migrations against a database.
const MIGRATION_LOCK = 4_217_001;

export interface MigrateResult {
  /** The migrations applied, by name. */
  applied: string[];
  /** Whether the rules' span SQL was (re)installed and every cadre's spans recomputed. */
  rulesInstalled: boolean;
}

/**
 * Runs pending migrations, then installs the rules' span SQL when it changed (src/rules/spans/install.ts), under a
 * PostgreSQL advisory lock so that several instances can boot at once: the first installs, the others find the
 * hash stored.
 */
export async function migrate(dataSource: DataSource): Promise<MigrateResult> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    const rulesInstalled = await installRuleSpans(dataSource);
    return { applied: done.map((m) => m.name), rulesInstalled };
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** migrate, giving the names of the migrations applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return (await migrate(dataSource)).applied;
}
