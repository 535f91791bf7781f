import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { dataSourceOptions } from '../../database/data-source-options';
import { resolveDatabase } from '../../database/database-runtime';
import { runMigrations } from '../../database/migrate';
import { SYNC_KINDS, SyncKind } from '../sync.types';
import { importFile } from './import-file';

const USAGE = `Usage: npm run import -- --source <name> --kind units|cadres|postings --file <x.csv|x.ndjson>
  [--report <file>]   rejected rows, one JSON object a line (default <file>.rejected.ndjson)
  [--batch <n>]       records per sync call (default 5000)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string' },
      kind: { type: 'string' },
      file: { type: 'string' },
      report: { type: 'string' },
      batch: { type: 'string' },
    },
  });
  const kind = values.kind?.toUpperCase() as SyncKind | undefined;
  if (!values.source || !values.file || !kind || !SYNC_KINDS.includes(kind)) throw new Error(USAGE);
  const total = statSync(values.file).size;
  const config = loadConfig();
  const runtime = await resolveDatabase(config);
  const ds = await new DataSource(dataSourceOptions(runtime.migrationUrl, 2)).initialize();
  const bar = new SingleBar(
    { format: '{bar} {percentage}% | {records} records | {rate} records/s', hideCursor: true },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { records: 0, rate: 0 });
  try {
    await runMigrations(ds);
    const summary = await importFile(ds, {
      source: values.source,
      kind,
      file: values.file,
      reportFile: values.report ?? `${values.file}.rejected.ndjson`,
      batchSize: values.batch ? Number(values.batch) : undefined,
      config,
      onProgress: ({ records, bytes }) =>
        bar.update(bytes, {
          records,
          rate: Math.round(records / Math.max((Date.now() - started) / 1000, 0.001)),
        }),
    });
    bar.update(total);
    bar.stop();
    const c = summary.counts;
    process.stdout.write(
      `${c.received} received: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ` +
        `${c.rejected} rejected, in ${summary.runs.length} sync run(s).\n` +
        `Rejected rows: ${summary.reportFile}\n`,
    );
  } finally {
    bar.stop();
    await ds.destroy();
    await runtime.embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
