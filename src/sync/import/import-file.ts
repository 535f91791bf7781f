import { createWriteStream } from 'node:fs';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../audit/transaction-runner';
import { Caller, Role } from '../../auth/caller';
import { AppConfig, loadConfig } from '../../config/app-config';
import { CadresSync } from '../kinds/cadres.sync';
import { PostingsSync } from '../kinds/postings.sync';
import { RanksSync } from '../kinds/ranks.sync';
import { SanctionsSync } from '../kinds/sanctions.sync';
import { UnitsSync } from '../kinds/units.sync';
import { SyncEngine } from '../sync-engine';
import { listResults } from '../sync-run.store';
import { PostsSync } from '../kinds/posts.sync';
import { RecordErrorCode, SyncCounts, SyncHandler, SyncKind } from '../sync.types';
import { FileRow, readRecords } from './record-reader';

export interface ImportOptions {
  source: string;
  kind: SyncKind;
  file: string;
  /** Where every rejected row goes, one JSON object a line. */
  reportFile: string;
  batchSize?: number;
  /** The batch limit comes from here; default: the environment. */
  config?: AppConfig;
  onProgress?: (p: { records: number; bytes: number }) => void;
}

export interface ImportSummary {
  counts: SyncCounts;
  runs: string[];
  reportFile: string;
}

const HANDLERS: Record<SyncKind, () => SyncHandler<object>> = {
  UNITS: () => new UnitsSync(),
  CADRES: () => new CadresSync(),
  POSTINGS: () => new PostingsSync(),
  RANKS: () => new RanksSync(),
  SANCTIONS: () => new SanctionsSync(),
  POSTS: () => new PostsSync(),
};

/**
 * Streams a file through the same sync engine the API uses, one batch at a time (UPSERT: a SNAPSHOT split over
 * batches would end what the other batches carry). Every rejected row is written to the report with its line;
 * a row that is not valid UTF-8 is rejected there without being sent.
 */
export async function importFile(ds: DataSource, options: ImportOptions): Promise<ImportSummary> {
  const config = options.config ?? loadConfig();
  const engine = new SyncEngine(new TransactionRunner(ds, config), config);
  const handler = HANDLERS[options.kind]();
  const caller: Caller = { sub: `import:${options.source}`, role: Role.HR_SYNC, source: options.source };
  const batchSize = Math.min(options.batchSize ?? 5_000, config.SYNC_BATCH_LIMIT);
  const counts: SyncCounts = { received: 0, created: 0, updated: 0, unchanged: 0, ended: 0, rejected: 0 };
  const runs: string[] = [];
  const report = createWriteStream(options.reportFile);
  let bytes = 0;
  const flush = async (batch: FileRow[]): Promise<void> => {
    if (batch.length === 0) return;
    const run = await engine.run(caller, handler, {
      source: options.source,
      records: batch.map((r) => r.record),
    });
    runs.push(run.id);
    for (const key of Object.keys(counts) as (keyof SyncCounts)[]) counts[key] += run.counts[key];
    if (run.counts.rejected > 0) {
      const { rows } = await listResults(ds, run.id, 'REJECTED', run.counts.received, undefined);
      for (const r of rows) {
        report.write(
          `${JSON.stringify({ line: batch[r.index].line, key: r.externalId, errors: r.errors })}\n`,
        );
      }
    }
    options.onProgress?.({ records: counts.received, bytes });
  };
  try {
    let batch: FileRow[] = [];
    for await (const row of readRecords(options.kind, options.file, (n) => (bytes += n))) {
      if (row.problem) {
        counts.received += 1;
        counts.rejected += 1;
        const error = { ...row.problem, code: RecordErrorCode.INVALID };
        report.write(`${JSON.stringify({ line: row.line, key: null, errors: [error] })}\n`);
        continue;
      }
      batch.push(row);
      if (batch.length >= batchSize) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
  } finally {
    await new Promise<void>((resolve) => report.end(resolve));
  }
  return { counts, runs, reportFile: options.reportFile };
}
