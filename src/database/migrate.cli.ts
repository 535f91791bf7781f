import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { resolveDatabase } from './database-runtime';
import { migrate } from './migrate';

/** `npm run migration:run` and `npm run migration:revert`, as the owner: MIGRATION_DATABASE_URL (default DATABASE_URL) or the embedded server. */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'run';
  const config = loadConfig();
  const db = await resolveDatabase(config);
  const ds = await new DataSource(dataSourceOptions(db.migrationUrl, 2)).initialize();
  try {
    if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else {
      const { applied, rulesInstalled } = await migrate(ds);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
      if (rulesInstalled) console.log("Installed the rules' span SQL and recomputed every cadre's spans.");
    }
  } finally {
    await ds.destroy();
    await db.embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
