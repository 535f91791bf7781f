import { DataSource } from 'typeorm';
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

/**
 * A synthetic province for benchmarks. Each chunk of up to 10,000 rows is one multi-row insert in its own
 * transaction; ids are made in Node, so children are written without reading anything back.
 */
export async function seedSynthetic(ds: DataSource, opts: SyntheticOptions): Promise<SyntheticResult> {
  const existing: unknown[] = await ds.query(`SELECT 1 FROM unit WHERE code = 'SYN'`);
  if (existing.length > 0) return { created: false, counts: {} };
  const rng = new Prng(opts.seed ?? 42);
  // A bulk load: each chunk's span refresh may wait for the other tables' chunks of the same cadres (they lock the
  // cadres in turn), longer than a request's statement timeout allows.
  const run: RunSql = (sql, params) =>
    ds.transaction(async (m) => {
      await m.query(`SET LOCAL statement_timeout = 0`);
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
  progress(opts.cadres, 'done');
  return { created: true, counts };
}
