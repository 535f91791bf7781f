import { DataSource } from 'typeorm';
import { DEFER_SETTING } from '../rules/spans/install';
import { CareerGenerator, CareerOptions } from './career';
import { DEMO_CASE_NAMES } from './demo-cases';
import { Prng } from './prng';
import { newSeedRows, RunSql, SeedRows } from './rows';
import { buildSyntheticUnits } from './synthetic-units';
import { insertUnits } from './units';

export const SYNTHETIC_CAREER: CareerOptions = {
  externalIdPrefix: 'SYN-',
  // about 5 postings a cadre with temporary assignments
  regularPostings: [
    [3, 20],
    [4, 25],
    [5, 22],
    [6, 15],
    [7, 10],
    [8, 8],
  ],
  temporaryShare: 0.1,
  longTenureShare: 0.06,
  lastPostingMonths: [2, 118],
  earlierPostingMonths: [24, 66],
  unrecordedShare: 0.35,
  unrecordedMonths: 180,
  maxMonthsAtLevel: Number.POSITIVE_INFINITY,
  closedShare: 0.05,
  leadershipShare: 0.45,
  topLeadership: 5,
  trainingPerCadre: 10,
  achievementsPerCadre: 1,
  claimOnlyDomains: new Set(),
  appraisalYears: [2021, 2025],
  avoidNames: DEMO_CASE_NAMES,
};

export interface SyntheticOptions {
  cadres: number;
  seed?: number;
  /** Called as batches go out, with the cadres written so far and the current phase. */
  onProgress?: (done: number, phase: string) => void;
  /** Cadres generated and written per batch. */
  batchSize?: number;
}

export interface SyntheticResult {
  created: boolean;
  counts: Record<string, number>;
}

const CHUNK_ROWS = 10_000;

/**
 * Cadres first (everything references them), then the other tables side by side on separate connections, so
 * the server's cores share the index maintenance. Impacts follow their achievements.
 */
async function writeBatch(run: RunSql, rows: SeedRows, counts: Record<string, number>): Promise<void> {
  const write = async (table: keyof SeedRows): Promise<void> => {
    const buf = rows[table];
    counts[buf.table] = (counts[buf.table] ?? 0) + (await buf.insert(run, CHUNK_ROWS));
    buf.clear();
  };
  await write('cadre');
  await Promise.all([
    write('posting'),
    write('training'),
    write('achievement').then(() => write('impact')),
    write('appraisal'),
  ]);
}

const SPAN_CHUNK = 2_000;

/**
 * Every cadre's rule spans recomputed, in chunks of cadres, two transactions at a time (one per core of the
 * server): what the triggers would have written had the bulk load not deferred them.
 */
async function refreshAllRuleSpans(ds: DataSource, progress: (done: number) => void): Promise<void> {
  const [installed]: { ok: boolean }[] = await ds.query(
    `SELECT to_regprocedure('refresh_rule_spans(uuid[], text[])') IS NOT NULL AS ok`,
  );
  if (!installed.ok) return;
  const rows: { id: string }[] = await ds.query(`SELECT id FROM cadre ORDER BY id`);
  const ids = rows.map((r) => r.id);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const chunk = ids.slice(next, next + SPAN_CHUNK);
      next += SPAN_CHUNK;
      await ds.transaction(async (m) => {
        await m.query(`SET LOCAL statement_timeout = 0`);
        await m.query(`SELECT refresh_rule_spans($1::uuid[])`, [chunk]);
      });
      done += chunk.length;
      progress(done);
    }
  };
  await Promise.all([worker(), worker()]);
}

/**
 * A synthetic province for benchmarks. Each chunk of up to 10,000 rows is one multi-row insert in its own
 * transaction; ids are made in Node, so children are written without reading anything back.
 */
export async function seedSynthetic(ds: DataSource, opts: SyntheticOptions): Promise<SyntheticResult> {
  const existing: unknown[] = await ds.query(`SELECT 1 FROM unit WHERE code = 'SYN'`);
  if (existing.length > 0) return { created: false, counts: {} };
  const rng = new Prng(opts.seed ?? 42);
  // A bulk load: the rules' spans are not refreshed as each table's chunk goes in (a cadre would be refreshed once
  // per table, each chunk waiting for the others' locks on the same cadres), but once for every cadre at the end.
  const run: RunSql = (sql, params) =>
    ds.transaction(async (m) => {
      await m.query(`SET LOCAL statement_timeout = 0`);
      await m.query(`SELECT set_config($1, 'on', true)`, [DEFER_SETTING]);
      return m.query<unknown>(sql, params);
    });
  const progress = opts.onProgress ?? ((): void => undefined);

  const catalog = buildSyntheticUnits(rng);
  await insertUnits(run, catalog.units);
  const counts: Record<string, number> = { unit: catalog.units.length };
  const batch = opts.batchSize ?? 5_000;
  // Two sets of buffers: one is written while the next batch is generated into the other.
  const buffers: SeedRows[] = [newSeedRows(), newSeedRows()];
  const gens = buffers.map((rows) => new CareerGenerator(rng, catalog, SYNTHETIC_CAREER, rows));
  let writing: Promise<void> = Promise.resolve();
  for (let from = 1, k = 0; from <= opts.cadres; from += batch, k++) {
    const to = Math.min(opts.cadres, from + batch - 1);
    const rows = buffers[k % 2];
    for (let i = from; i <= to; i++) {
      gens[k % 2].cadre(i);
      // let the previous batch's statements go out and complete meanwhile
      if (i % 250 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    progress(from - 1, 'writing');
    writing = writeBatch(run, rows, counts);
  }
  await writing;
  progress(opts.cadres, 'analyze');
  await ds.query('ANALYZE');
  progress(0, 'spans');
  await refreshAllRuleSpans(ds, (done) => progress(done, 'spans'));
  // The visibility map lets index-only scans (vacancies' postings, say) skip the heap of the freshly loaded tables.
  progress(opts.cadres, 'vacuum');
  await ds.query('VACUUM (ANALYZE)');
  progress(opts.cadres, 'done');
  return { created: true, counts };
}
