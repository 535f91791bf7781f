import { randomUUID } from 'node:crypto';
import type { CareerFacts } from './career';
import { AS_OF_DAY, dayOf, fmtDay } from './dates';
import { Prng } from './prng';
import { SeedRows } from './rows';
import { ACHIEVEMENTS, DOMAINS, ImpactTemplate, TRAININGS } from './vocabulary';

const RECORDS_FROM = dayOf('2012-01-01');
const TRAINING_WEIGHTS = TRAININGS.map((t) => [t, t.weight] as const);

/** Ordinary courses spread over the career since 2012, plus induction training after most leadership appointments. */
export function writeTrainings(rng: Prng, rows: SeedRows, c: CareerFacts, mean: number): void {
  const from = Math.max(c.workStartDay, RECORDS_FROM);
  const to = c.endDay - 3;
  if (to <= from) return;
  const years = (to - from) / 365;
  const n = Math.round(rng.around(mean) * Math.min(1, years / 8 + 0.15));
  for (let i = 0; i < n; i++) {
    const t = rng.weighted(TRAINING_WEIGHTS);
    const start = rng.int(from, to);
    const end = Math.min(start + rng.int(...t.days) - 1, to);
    // Courses still running near the reference date are not finished yet.
    const completed = end < AS_OF_DAY - 30 ? rng.chance(0.95) : rng.chance(0.5);
    rows.training.push(
      randomUUID(),
      c.cadreId,
      rng.pick(t.titles),
      rng.pick(t.providers),
      t.kind,
      fmtDay(start),
      fmtDay(end),
      rng.int(t.hours[0] * 2, t.hours[1] * 2) / 2,
      completed,
    );
  }
  for (const appointed of c.leadershipStarts) {
    const start = appointed + rng.int(20, 300);
    if (appointed < RECORDS_FROM || start + 15 > to || !rng.chance(0.7)) continue;
    const days = rng.int(10, 15);
    rows.training.push(
      randomUUID(),
      c.cadreId,
      '新任职领导干部任职培训班',
      `${c.prefecture.name}委党校`,
      'PARTY_SCHOOL',
      fmtDay(start),
      fmtDay(start + days - 1),
      days * 8,
      true,
    );
  }
}

const RECOGNITION: readonly (readonly [string, number])[] = [
  ['UNIT', 35],
  ['COUNTY', 35],
  ['PREFECTURE', 18],
  ['PROVINCE', 10],
  ['NATIONAL', 2],
];
const STATUS: readonly (readonly [string, number])[] = [
  ['VERIFIED', 45],
  ['CLAIMED', 45],
  ['REJECTED', 10],
];

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function impactValues(rng: Prng, t: ImpactTemplate): [number, number] {
  const baseline = round(t.baseline[0] + rng.next() * (t.baseline[1] - t.baseline[0]), t.decimals);
  const change = t.change[0] + rng.next() * (t.change[1] - t.change[0]);
  const result = round(
    t.betterWhen === 'HIGHER' ? baseline * (1 + change) : baseline * (1 - change),
    t.decimals,
  );
  return [baseline, result];
}

/** A geometric number of achievements, some with measured impacts, verified or not. */
export function writeAchievements(
  rng: Prng,
  rows: SeedRows,
  c: CareerFacts,
  mean: number,
  claimOnly: ReadonlySet<string>,
): void {
  const from = Math.max(c.workStartDay, RECORDS_FROM);
  const to = c.endDay - 20;
  if (to <= from) return;
  const p = mean / (mean + 1);
  for (let k = 0; k < 6 && rng.chance(p); k++) {
    const domain = rng.pick(DOMAINS);
    const template = ACHIEVEMENTS[domain];
    const achieved = rng.int(from, to);
    const recognition = rng.weighted(RECOGNITION);
    const checkedOn = achieved + rng.int(15, 200);
    let status = rng.weighted(STATUS);
    if (checkedOn >= AS_OF_DAY || (claimOnly.has(domain) && status === 'VERIFIED')) status = 'CLAIMED';
    const checked = status !== 'CLAIMED';
    const checker = ['UNIT', 'COUNTY'].includes(recognition) ? c.county.name : c.prefecture.name;
    const id = randomUUID();
    rows.achievement.push(
      id,
      c.cadreId,
      rng.pick(template.titles),
      null,
      fmtDay(achieved),
      domain,
      recognition,
      status,
      checked ? `${checker}委组织部` : null,
      checked ? `${fmtDay(checkedOn)}T10:00:00+08:00` : null,
      status === 'VERIFIED' ? '经实地核实' : status === 'REJECTED' ? '佐证材料不足，未予认定' : null,
    );
    if (template.impacts.length === 0 || !rng.chance(0.3)) continue;
    const impacts = rng.chance(0.15) ? template.impacts : [rng.pick(template.impacts)];
    impacts.forEach((t, i) => {
      const [baseline, result] = impactValues(rng, t);
      rows.impact.push(randomUUID(), id, i + 1, t.indicator, baseline, result, t.unit, t.betterWhen);
    });
  }
}

const GRADES: readonly (readonly [string, number])[] = [
  ['EXCELLENT', 18],
  ['COMPETENT', 76],
  ['BASICALLY_COMPETENT', 3.5],
  ['INCOMPETENT', 0.5],
  ['UNGRADED', 2],
];

/** One appraisal per year served in full-ish (joined by June), a few years missing; unique per cadre-year. */
export function writeAppraisals(
  rng: Prng,
  rows: SeedRows,
  c: CareerFacts,
  years: readonly [number, number],
): void {
  const start = new Date(c.workStartDay * 86_400_000);
  const first = Math.max(years[0], start.getUTCFullYear() + (start.getUTCMonth() >= 6 ? 1 : 0));
  const endYear = new Date(c.endDay * 86_400_000).getUTCFullYear();
  // A year is appraised after it ends: the year the data (or the career) ends has none yet.
  const last = Math.min(years[1], endYear - 1);
  for (let y = first; y <= last; y++) {
    if (rng.chance(0.14)) continue;
    rows.appraisal.push(randomUUID(), c.cadreId, y, rng.weighted(GRADES), null);
  }
}
