import { DataSource } from 'typeorm';
import { CareerGenerator, CareerOptions } from './career';
import { DEMO_CASE_NAMES, writeDemoCases } from './demo-cases';
import { writeDemoPosts } from './demo-posts';
import { writeDemoForm } from './demo-form';
import { DEMO_LAW_CASE_NAMES, writeDemoLawCases } from './demo-law-cases';
import { DEMO_TEAM_CASE_NAMES, writeDemoTeams } from './demo-teams';
import { buildDemoUnits } from './demo-units';
import { Prng } from './prng';
import { INSERT_ORDER, newSeedRows, RunSql } from './rows';
import { insertUnits } from './units';

/** Serialises concurrent seeders, so a second one sees the first one's rows instead of colliding. */
const SEED_LOCK = 4_217_002;
export const DEMO_RANDOM_CADRES = 300;

/**
 * Generated colleagues for the example cases. Chosen so none of them shares a case's distinctive situation:
 * nobody's current post is old enough to be near the ten-year limit, no level is held 9 years running,
 * and no one is a verified culture-and-tourism specialist.
 */
export const DEMO_CAREER: CareerOptions = {
  externalIdPrefix: 'YL-',
  regularPostings: [
    [1, 15],
    [2, 25],
    [3, 25],
    [4, 20],
    [5, 15],
  ],
  temporaryShare: 0.12,
  longTenureShare: 0,
  lastPostingMonths: [3, 100],
  earlierPostingMonths: [24, 54],
  unrecordedShare: 0.7,
  unrecordedMonths: 300,
  maxMonthsAtLevel: 108,
  closedShare: 0.03,
  leadershipShare: 0.45,
  topLeadership: 3,
  trainingPerCadre: 6,
  achievementsPerCadre: 0.6,
  claimOnlyDomains: new Set(['CULTURAL_TOURISM']),
  appraisalYears: [2021, 2025],
  avoidNames: new Set([...DEMO_CASE_NAMES, ...DEMO_LAW_CASE_NAMES, ...DEMO_TEAM_CASE_NAMES]),
};

export interface SeedResult {
  created: boolean;
  cadres: number;
}

/**
 * The 云岭市 demo: fixed units, the six example cases, three cases of sanctions and ranks (demo-law-cases.ts),
 * a few hundred generated cadres, and a team with an avoidance conflict and no woman (demo-teams.ts). Runs once.
 */
export async function seedDemo(ds: DataSource, opts: { seed?: number } = {}): Promise<SeedResult> {
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const seeded: unknown[] = await m.query(`SELECT 1 FROM cadre WHERE external_id = 'DEMO-001'`);
    if (seeded.length > 0) return { created: false, cadres: 0 };
    const run: RunSql = (sql, params) => m.query(sql, params);

    const { catalog, byCode } = buildDemoUnits();
    await insertUnits(run, catalog.units);
    const rows = newSeedRows();
    writeDemoCases(rows, byCode);
    writeDemoLawCases(rows, byCode);
    const gen = new CareerGenerator(new Prng(opts.seed ?? 20261127), catalog, DEMO_CAREER, rows);
    for (let i = 1; i <= DEMO_RANDOM_CADRES; i++) gen.cadre(i);
    for (const table of INSERT_ORDER) await rows[table].insert(run);
    await writeDemoForm(run);
    await writeDemoPosts(run);
    await writeDemoTeams(run);
    return { created: true, cadres: rows.cadre.length };
  });
}
