import { round2, yearsBetween } from './dates';
import { appraisalAdjustedDate, appraisalAdjustmentSql, appraisalParams } from './promo-appraisal.rule';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { rankFromPost } from './rank-from-post.rule';
import { PromotionRule } from './rule';

/**
 * PROMO_TIME_IN_LEVEL: continuous time at the current level against the ladder step's minYears.
 * Years that do not count (PROMO_APPRAISAL.notCountingLadders) and EXCELLENT years (excellentLadders) adjust it.
 */
export const promoTimeInLevel: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_TIME_IN_LEVEL;
  const step = nextStep(facts, policy);
  if (!step || !facts.levelStart) return null;
  const elapsed = yearsBetween(facts.levelStart, asOf);
  // A BASICALLY_COMPETENT, UNGRADED or INCOMPETENT year does not count; EXCELLENT shortens rank time (PROMO_APPRAISAL).
  const appraisal = appraisalParams(policy);
  const adjusted = appraisalAdjustedDate(
    facts.levelStart,
    step.minYears,
    facts.appraisals,
    appraisal,
    asOf,
    step.ladder,
  );
  const dateMet = adjusted.dateMet;
  const current = Math.max(
    0,
    elapsed - adjusted.notCountingYears + (adjusted.excellentYears * appraisal.excellentShortensMonths) / 12,
  );
  const met = asOf >= dateMet;
  // 职务与职级并行: time in the corresponding post counted as time at the rank (rank facts; RANK_FROM_POST).
  const post = step.ladder === 'RANK' && facts.rankFromPost ? rankFromPost(policy) : undefined;
  const info = ruleInfo(rule);
  return {
    ...info,
    source: post ? `${info.source}; ${post.source}` : info.source,
    met,
    current: round2(current),
    required: step.minYears,
    remaining: met ? 0 : round2(yearsBetween(asOf, dateMet)),
    unit: post ? `years at ${step.from} (time as ${facts.rankFromPost} counted)` : `years at ${step.from}`,
    dateMet,
  };
};

export const promoTimeInLevelRule: PromotionRule<'PROMO_TIME_IN_LEVEL'> = {
  id: 'PROMO_TIME_IN_LEVEL',
  kind: 'promotion',
  params: { numbers: ['deputyToChiefYears', 'chiefToNextDeputyYears'] },
  evaluate: promoTimeInLevel,
  // The step's minYears in whole months, and which PROMO_APPRAISAL adjustments its ladder takes.
  step: (policy, ladder, step) => {
    const appraisal = appraisalParams(policy);
    return {
      min_months: Math.round(step.minYears * 12),
      years_adjusted: appraisal.notCountingLadders.includes(ladder),
      excellent_adjusted: appraisal.excellentLadders.includes(ladder),
    };
  },
  stepColumns: ['min_months int', 'years_adjusted boolean', 'excellent_adjusted boolean'],
  sql: (x) => ({
    date: `CASE WHEN f.level_start IS NULL THEN ${NEVER}
                ELSE (f.level_start + make_interval(months => (st.min_months + coalesce(adj.months, 0))::int))::date
           END`,
    joins: appraisalAdjustmentSql(x),
  }),
};
