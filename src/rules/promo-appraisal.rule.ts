import { RuleParams } from '../policy/policy.types';
import { addMonths, yearOf } from './dates';
import { AppraisalFact } from './facts/pathway-facts';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule, ReadinessSql } from './rule';

export interface AdjustedTime {
  /** levelStart + minYears, shortened per EXCELLENT year and lengthened per year that does not count. */
  dateMet: string;
  excellentYears: number;
  notCountingYears: number;
}

/**
 * Time in rank with the appraisal effects. A year counts only if the cadre held the level for all of it
 * (it began on or after levelStart) and it ended before the date being reached; recorded grades up to
 * asOf's year are used. Each EXCELLENT year brings the date `excellentShortensMonths` earlier; each year
 * in notCountingGrades pushes it a year later, which may bring further years into play, so years are
 * taken in order. All in whole months from levelStart, so month-end clamping happens once (as in SQL).
 */
export function appraisalAdjustedDate(
  levelStart: string,
  minYears: number,
  appraisals: readonly AppraisalFact[],
  params: RuleParams['PROMO_APPRAISAL'],
  asOf: string,
): AdjustedTime {
  let months = Math.round(minYears * 12);
  let excellentYears = 0;
  let notCountingYears = 0;
  const years = appraisals
    .filter((a) => `${a.year}-01-01` >= levelStart && a.year <= yearOf(asOf))
    .sort((a, b) => a.year - b.year);
  for (const a of years) {
    if (`${a.year + 1}-01-01` > addMonths(levelStart, months)) break;
    if (params.notCountingGrades.includes(a.grade)) {
      months += 12;
      notCountingYears += 1;
    } else if (a.grade === 'EXCELLENT') {
      months -= params.excellentShortensMonths;
      excellentYears += 1;
    }
  }
  return { dateMet: addMonths(levelStart, months), excellentYears, notCountingYears };
}

/** PROMO_APPRAISAL as a requirement: a blocking grade in the last completed year blocks. Not time-based. */
export const promoAppraisal: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_APPRAISAL;
  if (!nextStep(facts, policy)) return null;
  const lastYear = yearOf(asOf) - 1;
  const grade = facts.appraisals.find((a) => a.year === lastYear)?.grade ?? null;
  const met = grade === null || !rule.params.blockingGrades.includes(grade);
  return {
    ...ruleInfo(rule),
    met,
    current: grade,
    required: `not ${rule.params.blockingGrades.join(' or ')} in ${lastYear}`,
    remaining: null,
    unit: 'appraisal grade',
    dateMet: null,
  };
};

/**
 * appraisalAdjustedDate in SQL, for rank steps (st.rank_adjusted): `LEFT JOIN LATERAL (…) adj`, whose
 * adj.months is the shift of the date met in months (NULL without appraisals). Whole years held at the level
 * count, in order, while they end before the date being reached.
 */
export function appraisalAdjustmentSql({ p, asOf, policy }: ReadinessSql): string {
  const ap = policy.rules.PROMO_APPRAISAL.params;
  const notCounting = p.add(ap.notCountingGrades, 'text[]');
  const shortens = p.add(ap.excellentShortensMonths, 'int');
  const adj = `CASE WHEN a.grade = ANY(${notCounting}) THEN 12 WHEN a.grade = 'EXCELLENT' THEN -${shortens} ELSE 0 END`;
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
                           WHERE st.rank_adjusted AND a.cadre_id = f.cadre_id
                             AND a.year <= extract(year FROM ${asOf})::int
                             AND make_date(a.year, 1, 1) >= f.level_start) x) y
        ) adj ON true`;
}

export const promoAppraisalRule: PromotionRule<'PROMO_APPRAISAL'> = {
  id: 'PROMO_APPRAISAL',
  kind: 'promotion',
  params: {
    counts: ['excellentShortensMonths'],
    stringLists: ['notCountingGrades', 'blockingGrades'],
  },
  evaluate: promoAppraisal,
  step: () => ({}),
  stepColumns: [],
  sql: ({ p, asOf, policy }) => ({
    date: `CASE WHEN last_year.grade = ANY(${p.add(policy.rules.PROMO_APPRAISAL.params.blockingGrades, 'text[]')})
                THEN NULL ELSE ${NEVER} END`,
    joins: `LEFT JOIN appraisal last_year
              ON last_year.cadre_id = f.cadre_id AND last_year.year = extract(year FROM ${asOf})::int - 1`,
  }),
};
