import 'reflect-metadata';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config';
import { backupDatabase, findPgTools, restoreDatabase, serverMajor } from './backup';
import { resolveDatabase } from './database-runtime';

const USAGE = `Usage: npm run backup [-- --file <x.dump>]    (default DATA_DIR/backups/<database>-<UTC time>.dump)
       npm run restore -- --file <x.dump> [--clean]  (--clean replaces the tables of a non-empty database)
The configured database (MIGRATION_DATABASE_URL, else DATABASE_URL, else the embedded one), as its owner;
pg_dump/pg_restore from PG_BIN_DIR or found by major (see src/database/backup.ts). Stop the service before a restore.`;

function stamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { file: { type: 'string' }, clean: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (
    values.help ||
    (command !== 'backup' && command !== 'restore') ||
    (command === 'restore' && !values.file)
  ) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const config = loadConfig();
  const db = await resolveDatabase(config);
  try {
    const url = db.migrationUrl;
    const tools = await findPgTools(await serverMajor(url), config.PG_BIN_DIR);
    const database = new URL(url).pathname.slice(1);
    if (command === 'backup') {
      const file = values.file ?? join(config.dataDir, 'backups', `${database}-${stamp()}.dump`);
      mkdirSync(dirname(file), { recursive: true });
      await backupDatabase(url, file, tools);
      console.log(`Backed up ${database} to ${file} (${statSync(file).size} bytes, pg_dump ${tools.major}).`);
    } else {
      const file = values.file as string;
      await restoreDatabase(url, file, tools, { clean: values.clean });
      console.log(`Restored ${file} into ${database} (pg_restore ${tools.major}).`);
    }
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
