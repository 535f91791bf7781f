import { randomUUID } from 'node:crypto';
import { AS_OF_DAY, AS_OF_MONTH, dayBefore, dayOf, fmtDay, monthStart, monthStartDay } from './dates';
import { ETHNICITIES, Gender, MAJORS, personName } from './names';
import { Prng } from './prng';
import { SeedRows } from './rows';
import { postTitle } from './titles';
import { CountyArea, PrefectureArea, SeedUnit, UnitCatalog, UnitRole } from './units';
import { writeAchievements, writeAppraisals, writeTrainings } from './records';
import { LEADERSHIP, Level, RANKS } from './vocabulary';

export interface CareerOptions {
  externalIdPrefix: string;
  /** `[count, weight]` of regular postings per cadre. */
  regularPostings: readonly (readonly [number, number])[];
  temporaryShare: number;
  /** Share of cadres whose current post started 10–14 years ago. */
  longTenureShare: number;
  /** Months in the current post, and in each earlier one. */
  lastPostingMonths: readonly [number, number];
  earlierPostingMonths: readonly [number, number];
  /** Share of cadres whose record starts mid-career, and the most unrecorded months before the first posting. */
  unrecordedShare: number;
  unrecordedMonths: number;
  /** Consecutive months at one level after which the next posting is a promotion. */
  maxMonthsAtLevel: number;
  /** Share of careers that already ended (left or retired). */
  closedShare: number;
  leadershipShare: number;
  /** Highest leadership level anyone reaches, as an index into LEADERSHIP. */
  topLeadership: number;
  trainingPerCadre: number;
  achievementsPerCadre: number;
  /** Generated people never get verified achievements here: keeps hand-written cases unique. */
  claimOnlyDomains: ReadonlySet<string>;
  appraisalYears: readonly [number, number];
  avoidNames: ReadonlySet<string>;
}

/** What the record generators need to know about a career. */
export interface CareerFacts {
  cadreId: string;
  workStartDay: number;
  /** Last day of the career: the reference date for serving cadres. */
  endDay: number;
  open: boolean;
  county: CountyArea;
  prefecture: PrefectureArea;
  /** Regular leadership postings' first days, for induction training. */
  leadershipStarts: number[];
}

type Education = 'SECONDARY' | 'COLLEGE' | 'BACHELOR' | 'MASTER' | 'DOCTORATE';

const EDUCATION: readonly (readonly [Education, number])[] = [
  ['SECONDARY', 2],
  ['COLLEGE', 18],
  ['BACHELOR', 62],
  ['MASTER', 16],
  ['DOCTORATE', 2],
];
/** Age in months when starting work, by education. */
const START_AGE: Record<Education, [number, number]> = {
  SECONDARY: [216, 240],
  COLLEGE: [240, 264],
  BACHELOR: [264, 288],
  MASTER: [288, 324],
  DOCTORATE: [324, 372],
};
const RANK_CEILING: readonly (readonly [number, number])[] = [
  [3, 15],
  [4, 25],
  [5, 25],
  [6, 18],
  [7, 10],
  [8, 5],
  [9, 2],
];
const LEAD_CEILING: readonly (readonly [number, number])[] = [
  [0, 28],
  [1, 36],
  [2, 22],
  [3, 10],
  [4, 3],
  [5, 1],
];
const RANK_ROLES: readonly (readonly [UnitRole, number])[] = [
  ['TOWNSHIP', 50],
  ['COUNTY_DEPT', 24],
  ['COUNTY_GOV', 8],
  ['COUNTY_PARTY', 4],
  ['PREF_BUREAU', 11],
  ['PROVINCE_DEPT', 3],
];
const ROLES_BY_BAND: Record<'TOWNSHIP' | 'COUNTY' | 'BUREAU', readonly (readonly [UnitRole, number])[]> = {
  TOWNSHIP: [
    ['TOWNSHIP', 75],
    ['COUNTY_DEPT', 25],
  ],
  COUNTY: [
    ['COUNTY_GOV', 35],
    ['COUNTY_PARTY', 25],
    ['PREF_BUREAU', 40],
  ],
  BUREAU: [
    ['PREF_GOV', 50],
    ['PREF_PARTY', 30],
    ['PROVINCE_DEPT', 20],
  ],
};

/** Writes one generated cadre and their whole record into the row buffers. */
export class CareerGenerator {
  constructor(
    private readonly rng: Prng,
    private readonly catalog: UnitCatalog,
    private readonly opts: CareerOptions,
    private readonly rows: SeedRows,
  ) {}

  cadre(seq: number): void {
    const { rng, opts } = this;
    const gender: Gender = rng.chance(0.62) ? 'MALE' : 'FEMALE';
    const education = rng.weighted(EDUCATION);
    const prefecture = rng.pick(this.catalog.prefectures);
    const county = rng.pick(prefecture.counties);

    // Durations in months, latest first; the career is laid out backwards from its end.
    const n = rng.weighted(opts.regularPostings);
    const open = !rng.chance(opts.closedShare);
    const endMonth = open ? AS_OF_MONTH : AS_OF_MONTH - rng.int(3, 60);
    const months: number[] = [
      rng.chance(opts.longTenureShare) ? rng.int(120, 170) : rng.int(...opts.lastPostingMonths),
    ];
    const gaps: number[] = [0];
    for (let i = 1; i < n; i++) {
      months.push(rng.int(...opts.earlierPostingMonths));
      gaps.push(rng.chance(0.08) ? rng.int(1, 6) : 0);
    }
    let startAge = rng.int(...START_AGE[education]);
    // Years of work before the first recorded posting: records often start mid-career.
    let unrecorded = rng.chance(opts.unrecordedShare) ? rng.int(12, opts.unrecordedMonths) : 0;
    // Nobody works past 59 by the end of the data: drop unrecorded years, shorten earlier posts, start younger.
    const span = (): number =>
      unrecorded + months.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
    unrecorded = Math.max(0, unrecorded - Math.max(0, span() + startAge - 59 * 12));
    for (let i = n - 1; span() + startAge > 59 * 12 && i >= 1; i--) {
      months[i] = Math.max(12, months[i] - (span() + startAge - 59 * 12));
    }
    startAge = Math.max(216, Math.min(startAge, 59 * 12 - span()));

    const starts: number[] = [];
    let next = endMonth;
    for (let i = 0; i < n; i++) {
      next -= months[i] + gaps[i];
      starts.push(next);
    }
    starts.reverse();
    months.reverse();
    const workStartMonth = starts[0] - unrecorded;
    const birthMonth = workStartMonth - startAge;
    const birthDay = monthStartDay(birthMonth) + rng.int(0, 27);
    const retired = !open && endMonth - birthMonth >= 55 * 12 && rng.chance(0.6);

    const cadreId = randomUUID();
    const ageMonths = endMonth - birthMonth;
    const party = rng.chance(0.85)
      ? fmtDay(
          monthStartDay(birthMonth + rng.int(18 * 12, Math.max(18 * 12, Math.min(ageMonths, 36 * 12)))) + 9,
        )
      : null;
    this.rows.cadre.push(
      cadreId,
      `${opts.externalIdPrefix}${String(seq).padStart(6, '0')}`,
      personName(rng, gender, opts.avoidNames),
      gender,
      fmtDay(birthDay),
      rng.weighted(ETHNICITIES),
      rng.chance(0.7) ? county.name : rng.pick(prefecture.counties).name,
      party,
      monthStart(workStartMonth),
      education,
      rng.pick(MAJORS),
      rng.chance(0.1),
      rng.chance(0.05) ? '经济师' : null,
      open ? 'ACTIVE' : retired ? 'RETIRED' : 'LEFT',
    );

    const levels = this.levels(months, education, Math.floor(unrecorded / 30));
    const leadershipStarts: number[] = [];
    let previous: SeedUnit | null = null;
    for (let i = 0; i < n; i++) {
      // a new posting means a new unit, as far as the area offers one
      let unit = this.unitFor(levels[i], county, prefecture);
      for (let k = 0; k < 5 && unit.id === previous?.id; k++)
        unit = this.unitFor(levels[i], county, prefecture);
      previous = unit;
      const last = i === n - 1;
      const endDate = last && open ? null : dayBefore(starts[i] + months[i]);
      this.posting(cadreId, unit, levels[i], 'REGULAR', monthStart(starts[i]), endDate);
      if ((LEADERSHIP as readonly string[]).includes(levels[i]))
        leadershipStarts.push(monthStartDay(starts[i]));
    }
    // a temporary assignment only where the history stays within eight postings
    if (n < 8 && rng.chance(opts.temporaryShare)) {
      const i = rng.int(0, n - 1);
      if (months[i] >= 18) {
        const start = starts[i] + rng.int(2, months[i] - 13);
        const length = Math.min(rng.chance(0.6) ? 12 : 24, endMonth - start);
        const village = county.villages.length > 0 && rng.chance(0.5);
        const unit = village
          ? rng.pick(county.villages)
          : this.unitFor(levels[i], rng.pick(prefecture.counties), prefecture);
        const leading = (LEADERSHIP as readonly string[]).includes(levels[i]);
        const title = village
          ? '驻村第一书记'
          : leading
            ? `挂职${postTitle(levels[i], unit, rng.int(0, 5))}`
            : '挂职锻炼';
        this.posting(
          cadreId,
          unit,
          levels[i],
          'TEMPORARY_ASSIGNMENT',
          monthStart(start),
          dayBefore(start + length),
          title,
        );
      }
    }

    const facts: CareerFacts = {
      cadreId,
      workStartDay: monthStartDay(workStartMonth),
      endDay: open ? AS_OF_DAY : monthStartDay(endMonth) - 1,
      open,
      county,
      prefecture,
      leadershipStarts,
    };
    writeTrainings(rng, this.rows, facts, opts.trainingPerCadre);
    writeAchievements(rng, this.rows, facts, opts.achievementsPerCadre, opts.claimOnlyDomains);
    writeAppraisals(rng, this.rows, facts, opts.appraisalYears);
  }

  private posting(
    cadreId: string,
    unit: SeedUnit,
    level: Level,
    kind: 'REGULAR' | 'TEMPORARY_ASSIGNMENT',
    start: string,
    end: string | null,
    title?: string,
  ): void {
    const t = title ?? postTitle(level, unit, this.rng.int(0, 5));
    if (end !== null && dayOf(end) < dayOf(start))
      throw new Error(`posting ends before it starts: ${start}..${end}`);
    this.rows.posting.push(randomUUID(), cadreId, unit.id, t, level, kind, start, end);
  }

  /** Climbs the rank ladder, and for some the leadership ladder, one step per posting or a lateral move. */
  private levels(months: readonly number[], education: Education, unrecordedSteps: number): Level[] {
    const { rng, opts } = this;
    const leader = rng.chance(opts.leadershipShare);
    const rankCeil = rng.weighted(RANK_CEILING);
    const top = opts.topLeadership;
    const leadCeil = Math.min(top, rng.weighted(LEAD_CEILING));
    let lead = false;
    let i = education === 'MASTER' || education === 'DOCTORATE' ? 1 : 0;
    const step = (forced: boolean): void => {
      if (!forced && !rng.chance(0.72)) return;
      if (!lead && leader && i >= 2 && rng.chance(0.65)) {
        lead = true;
        i = 0;
      } else if (lead ? i < leadCeil || forced : i < rankCeil || forced) {
        i = Math.min(i + 1, lead ? top : RANKS.length - 1);
      }
    };
    const current = (): Level => (lead ? LEADERSHIP[i] : RANKS[i]);
    for (let k = 0; k < unrecordedSteps; k++) step(false);
    let atLevel = months[0];
    const out: Level[] = [current()];
    for (let k = 1; k < months.length; k++) {
      step(atLevel + months[k] > opts.maxMonthsAtLevel);
      const level = current();
      atLevel = level === out[k - 1] ? atLevel + months[k] : months[k];
      out.push(level);
    }
    return out;
  }

  private unitFor(level: Level, home: CountyArea, prefecture: PrefectureArea): SeedUnit {
    const { rng } = this;
    const county = rng.chance(0.88) ? home : rng.pick(prefecture.counties);
    const band = level.startsWith('TOWNSHIP')
      ? 'TOWNSHIP'
      : level.startsWith('COUNTY')
        ? 'COUNTY'
        : level.startsWith('BUREAU')
          ? 'BUREAU'
          : null;
    const role = rng.weighted(band ? ROLES_BY_BAND[band] : RANK_ROLES);
    const pool: Record<UnitRole, readonly SeedUnit[]> = {
      PROVINCE_GOV: [],
      PROVINCE_PARTY: [],
      PROVINCE_DEPT: this.catalog.provinceDepts,
      PREF_GOV: [prefecture.gov],
      PREF_PARTY: [prefecture.party],
      PREF_BUREAU: prefecture.bureaus,
      COUNTY_GOV: [county.gov],
      COUNTY_PARTY: [county.party],
      COUNTY_DEPT: county.depts,
      TOWNSHIP: county.townships,
      VILLAGE: county.villages,
    };
    const units = pool[role];
    if (units.length > 0) return rng.pick(units);
    return band === 'BUREAU' ? prefecture.gov : rng.pick(prefecture.bureaus);
  }
}
