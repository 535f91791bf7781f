import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from './database-runtime';

/**
 * `npm run migration:generate -- verb-noun`: diffs the entities against a migrated database and writes
 * migrations/<timestamp>-verb-noun.ts for review. Always read and edit the result before committing.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z]+(-[a-z0-9]+)+$/.test(name)) {
    throw new Error(
      'Give the migration a kebab-case verb-noun name, e.g. npm run migration:generate -- add-cadre-email',
    );
  }
  const config = loadConfig();
  const db = await resolveDatabase(config);
  try {
    const root = join(__dirname, '..', '..');
    const env = { ...process.env, DATABASE_URL: db.migrationUrl };
    const cli = join(root, 'node_modules', 'typeorm', 'cli-ts-node-commonjs.js');
    execFileSync(process.execPath, [cli, '-d', 'src/database/cli-data-source.ts', 'migration:run'], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    execFileSync(
      process.execPath,
      [cli, '-d', 'src/database/cli-data-source.ts', 'migration:generate', `migrations/${name}`],
      {
        cwd: root,
        env,
        stdio: 'inherit',
      },
    );
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
