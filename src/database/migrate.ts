import { DataSource } from 'typeorm';

// Arbitrary constant: one process at a time runs migrations against a database.
const MIGRATION_LOCK = 4_217_001;

/** Runs pending migrations under a PostgreSQL advisory lock so that several instances can boot at once. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
