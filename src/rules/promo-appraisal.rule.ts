import { APPRAISAL_GRADES } from '../appraisals/appraisal.entity';
import { PolicyDocument, RuleParams } from '../policy/policy.types';
import { addMonths, yearOf } from './dates';
import { AppraisalFact } from './facts/pathway-facts';
import { bad, strings } from './params';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule, ReadinessSql } from './rule';

export type AppraisalParams = Required<RuleParams['PROMO_APPRAISAL']>;

/**
 * PROMO_APPRAISAL's params, with those a version published before the 2026 appraisal effects lacks read as that
 * version was applied: years adjusted on the RANK ladder only, no partial first year, one counted year lifts a block.
 */
export function appraisalParams(policy: PolicyDocument): AppraisalParams {
  const p = policy.rules.PROMO_APPRAISAL.params;
  return {
    ...p,
    notCountingLadders: p.notCountingLadders ?? ['RANK'],
    excellentLadders: p.excellentLadders ?? ['RANK'],
    countedYearsToLift: p.countedYearsToLift ?? 1,
    partialFirstYearCounts: p.partialFirstYearCounts ?? false,
  };
}

export interface AdjustedTime {
  /** levelStart + minYears, shortened per EXCELLENT year and lengthened per year that does not count. */
  dateMet: string;
  excellentYears: number;
  notCountingYears: number;
}

/** The first year whose grade bears on time at a level begun on levelStart: its own year only if whole or counted. */
const firstYear = (levelStart: string, params: AppraisalParams): number =>
  params.partialFirstYearCounts || levelStart.endsWith('-01-01')
    ? yearOf(levelStart)
    : yearOf(levelStart) + 1;

/**
 * Time at a level with the appraisal effects, on the ladder `ladder`. A year counts only if the cadre held the level
 * for all of it (or it is the partial first year and partialFirstYearCounts) and it ended before the date being
 * reached (a year ending on 31 December counts toward a date of 1 January); recorded grades up to asOf's year are
 * used. Each EXCELLENT year brings the date `excellentShortensMonths` earlier (excellentLadders); each year in
 * notCountingGrades pushes it a year later (notCountingLadders), which may bring further years into play, so years
 * are taken in order. All in whole months from levelStart, so month-end clamping happens once (as in SQL).
 */
export function appraisalAdjustedDate(
  levelStart: string,
  minYears: number,
  appraisals: readonly AppraisalFact[],
  params: AppraisalParams,
  asOf: string,
  ladder: string,
): AdjustedTime {
  const notCounting = params.notCountingLadders.includes(ladder);
  const excellent = params.excellentLadders.includes(ladder);
  let months = Math.round(minYears * 12);
  let excellentYears = 0;
  let notCountingYears = 0;
  const from = firstYear(levelStart, params);
  const years = appraisals
    .filter((a) => a.year >= from && a.year <= yearOf(asOf))
    .sort((a, b) => a.year - b.year);
  for (const a of years) {
    if (`${a.year + 1}-01-01` > addMonths(levelStart, months)) break;
    if (notCounting && params.notCountingGrades.includes(a.grade)) {
      months += 12;
      notCountingYears += 1;
    } else if (excellent && a.grade === 'EXCELLENT') {
      months -= params.excellentShortensMonths;
      excellentYears += 1;
    }
  }
  return { dateMet: addMonths(levelStart, months), excellentYears, notCountingYears };
}

export interface AppraisalBlock {
  /** The latest completed year with a blocking grade, and that grade. */
  year: number;
  grade: string;
  /** The later years (recorded up to asOf's year) whose grade counts, in order. */
  countedYears: number[];
  /** 1 January after the countedYearsToLift-th of them; null while too few are recorded. */
  liftedOn: string | null;
}

/**
 * The block a blocking grade (INCOMPETENT) puts on promotion: from the end of that year until `countedYearsToLift`
 * later years graded outside notCountingGrades have ended. Only completed years block (a grade recorded for asOf's
 * year blocks from 1 January next); the latest blocking year is the one that matters. Null: nothing blocks.
 */
export function appraisalBlock(
  appraisals: readonly AppraisalFact[],
  params: AppraisalParams,
  asOf: string,
): AppraisalBlock | null {
  const thisYear = yearOf(asOf);
  const known = appraisals.filter((a) => a.year <= thisYear).sort((a, b) => a.year - b.year);
  const blocking = known.filter((a) => a.year < thisYear && params.blockingGrades.includes(a.grade)).at(-1);
  if (!blocking || params.countedYearsToLift === 0) return null;
  const countedYears = known
    .filter((a) => a.year > blocking.year && !params.notCountingGrades.includes(a.grade))
    .map((a) => a.year);
  const nth = countedYears[params.countedYearsToLift - 1];
  return {
    year: blocking.year,
    grade: blocking.grade,
    countedYears,
    liftedOn: nth === undefined ? null : `${nth + 1}-01-01`,
  };
}

/**
 * PROMO_APPRAISAL as a requirement: a blocking grade (INCOMPETENT) blocks until the policy's number of later counted
 * years has ended; the date is known once those years' grades are recorded.
 */
export const promoAppraisal: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_APPRAISAL;
  if (!nextStep(facts, policy)) return null;
  const params = appraisalParams(policy);
  const block = appraisalBlock(facts.appraisals, params, asOf);
  const lastYear = yearOf(asOf) - 1;
  const required = params.countedYearsToLift;
  if (!block) {
    return {
      ...ruleInfo(rule),
      met: true,
      current: facts.appraisals.find((a) => a.year === lastYear)?.grade ?? null,
      required: `no ${params.blockingGrades.join(' or ')} without ${required} later counted year(s)`,
      remaining: null,
      unit: 'appraisal grade',
      dateMet: null,
    };
  }
  const ended = block.countedYears.filter((y) => `${y + 1}-01-01` <= asOf).length;
  const met = block.liftedOn !== null && asOf >= block.liftedOn;
  return {
    ...ruleInfo(rule),
    met,
    current: Math.min(ended, required),
    required,
    remaining: met ? 0 : required - ended,
    unit: `years graded outside ${params.notCountingGrades.join(', ')} after ${block.grade} in ${block.year}`,
    dateMet: block.liftedOn,
    facts: { blockingYear: block.year, grade: block.grade, countedYears: block.countedYears },
  };
};

/** The years whose grades bear on time at the level, over f (pathway_facts) and a (appraisal). */
const firstYearSql = (params: AppraisalParams): string =>
  params.partialFirstYearCounts
    ? `a.year >= extract(year FROM f.level_start)::int`
    : `make_date(a.year, 1, 1) >= f.level_start`;

/**
 * appraisalAdjustedDate in SQL, for the steps whose ladder is adjusted (st.years_adjusted: notCountingLadders,
 * st.excellent_adjusted: excellentLadders): `LEFT JOIN LATERAL (…) adj`, whose adj.months is the shift of the date
 * met in months (NULL without appraisals). Years count in order while they end before the date being reached.
 */
export function appraisalAdjustmentSql({ p, asOf, policy }: ReadinessSql): string {
  const ap = appraisalParams(policy);
  const notCounting = p.add(ap.notCountingGrades, 'text[]');
  const shortens = p.add(ap.excellentShortensMonths, 'int');
  const adj = `CASE WHEN st.years_adjusted AND a.grade = ANY(${notCounting}) THEN 12
                    WHEN st.excellent_adjusted AND a.grade = 'EXCELLENT' THEN -${shortens} ELSE 0 END`;
  return `LEFT JOIN LATERAL (
          SELECT sum(y.adj) FILTER (WHERE y.counted) AS months
            FROM (SELECT x.adj,
                         bool_and(make_date(x.year + 1, 1, 1)
                                  <= (f.level_start + make_interval(months => (st.min_months + x.prior)::int))::date)
                           OVER (ORDER BY x.year) AS counted
                    FROM (SELECT a.year, ${adj} AS adj,
                                 coalesce(sum(${adj}) OVER (ORDER BY a.year ROWS BETWEEN UNBOUNDED PRECEDING
                                                                               AND 1 PRECEDING), 0)::int AS prior
                            FROM appraisal a
                           WHERE (st.years_adjusted OR st.excellent_adjusted) AND a.cadre_id = f.cadre_id
                             AND a.year <= extract(year FROM ${asOf})::int
                             AND ${firstYearSql(ap)}) x) y
        ) adj ON true`;
}

/** appraisalBlock in SQL: `LEFT JOIN LATERAL (…) appraisal_block` with its year (NULL: none) and lifted_on. */
function appraisalBlockSql({ p, asOf, policy }: ReadinessSql): string {
  const ap = appraisalParams(policy);
  const thisYear = `extract(year FROM ${asOf})::int`;
  return `LEFT JOIN LATERAL (
          SELECT b.year,
                 (SELECT make_date(c.year + 1, 1, 1) FROM appraisal c
                   WHERE c.cadre_id = f.cadre_id AND c.year > b.year AND c.year <= ${thisYear}
                     AND NOT c.grade = ANY(${p.add(ap.notCountingGrades, 'text[]')})
                   ORDER BY c.year OFFSET ${p.add(ap.countedYearsToLift - 1, 'int')} LIMIT 1) AS lifted_on
            FROM appraisal b
           WHERE b.cadre_id = f.cadre_id AND b.grade = ANY(${p.add(ap.blockingGrades, 'text[]')})
             AND b.year < ${thisYear}
           ORDER BY b.year DESC LIMIT 1
        ) appraisal_block ON true`;
}

/** Grades are appraisal grades; ladders are named; a block is lifted by whole years; partialFirstYearCounts a boolean. */
function checkAppraisalParams(params: Record<string, unknown>, field: string): void {
  for (const k of ['notCountingGrades', 'blockingGrades']) {
    strings(params[k], `${field}.${k}`).forEach((g, i) => {
      if (!(APPRAISAL_GRADES as readonly string[]).includes(g)) {
        bad(`${field}.${k}[${i}]`, `${field}.${k}[${i}]: "${g}" is not an appraisal grade.`);
      }
    });
  }
  if (typeof params.partialFirstYearCounts !== 'boolean') {
    bad(`${field}.partialFirstYearCounts`, `${field}.partialFirstYearCounts must be true or false.`);
  }
}

export const promoAppraisalRule: PromotionRule<'PROMO_APPRAISAL'> = {
  id: 'PROMO_APPRAISAL',
  kind: 'promotion',
  params: {
    counts: ['excellentShortensMonths', 'countedYearsToLift'],
    stringLists: ['notCountingGrades', 'blockingGrades', 'notCountingLadders', 'excellentLadders'],
    check: checkAppraisalParams,
  },
  evaluate: promoAppraisal,
  step: () => ({}),
  stepColumns: [],
  sql: (x) =>
    appraisalParams(x.policy).countedYearsToLift === 0
      ? { date: NEVER }
      : {
          date: `CASE WHEN appraisal_block.year IS NULL THEN ${NEVER} ELSE appraisal_block.lifted_on END`,
          joins: appraisalBlockSql(x),
        },
};
