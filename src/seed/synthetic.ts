import { DataSource } from 'typeorm';
import { CareerGenerator, CareerOptions } from './career';
import { DEMO_CASE_NAMES } from './demo-cases';
import { Prng } from './prng';
import { INSERT_ORDER, newSeedRows, RunSql, SeedRows } from './rows';
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
  /** Called after each batch with the cadres written so far and what is being written. */
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
 * A synthetic province for benchmarks. Each chunk of up to 10,000 rows is one multi-row insert in its own
 * transaction; ids are made in Node, so children are written without reading anything back.
 */
export async function seedSynthetic(ds: DataSource, opts: SyntheticOptions): Promise<SyntheticResult> {
  const existing: unknown[] = await ds.query(`SELECT 1 FROM unit WHERE code = 'SYN'`);
  if (existing.length > 0) return { created: false, counts: {} };
  const rng = new Prng(opts.seed ?? 42);
  const run: RunSql = (sql, params) => ds.transaction((m) => m.query(sql, params));
  const progress = opts.onProgress ?? ((): void => undefined);

  const catalog = buildSyntheticUnits(rng);
  await insertUnits(run, catalog.units);
  const counts: Record<string, number> = { unit: catalog.units.length };
  const rows: SeedRows = newSeedRows();
  const gen = new CareerGenerator(rng, catalog, SYNTHETIC_CAREER, rows);
  const batch = opts.batchSize ?? 5_000;
  for (let from = 1; from <= opts.cadres; from += batch) {
    progress(from - 1, 'generating');
    const to = Math.min(opts.cadres, from + batch - 1);
    for (let i = from; i <= to; i++) gen.cadre(i);
    progress(from - 1, 'writing');
    for (const table of INSERT_ORDER) {
      counts[rows[table].table] =
        (counts[rows[table].table] ?? 0) + (await rows[table].insert(run, CHUNK_ROWS));
      rows[table].clear();
    }
  }
  progress(opts.cadres, 'analyze');
  await ds.query('ANALYZE');
  progress(opts.cadres, 'done');
  return { created: true, counts };
}
