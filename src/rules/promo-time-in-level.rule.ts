import { addMonths, round2, yearsBetween } from './dates';
import { appraisalAdjustedDate, appraisalAdjustmentSql } from './promo-appraisal.rule';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { rankFromPost } from './rank-from-post.rule';
import { PromotionRule } from './rule';

/**
 * PROMO_TIME_IN_LEVEL: continuous time at the current level against the ladder step's minYears.
 * Leadership steps count plain anniversaries; rank steps count with the PROMO_APPRAISAL adjustments.
 */
export const promoTimeInLevel: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_TIME_IN_LEVEL;
  const step = nextStep(facts, policy);
  if (!step || !facts.levelStart) return null;
  const elapsed = yearsBetween(facts.levelStart, asOf);
  let dateMet = addMonths(facts.levelStart, Math.round(step.minYears * 12));
  let current = elapsed;
  if (step.ladder === 'RANK') {
    const appraisal = policy.rules.PROMO_APPRAISAL.params;
    const adjusted = appraisalAdjustedDate(
      facts.levelStart,
      step.minYears,
      facts.appraisals,
      appraisal,
      asOf,
    );
    dateMet = adjusted.dateMet;
    current = Math.max(
      0,
      elapsed -
        adjusted.notCountingYears +
        (adjusted.excellentYears * appraisal.excellentShortensMonths) / 12,
    );
  }
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
  // The step's minYears in whole months; rank steps count with the PROMO_APPRAISAL adjustments.
  step: (_policy, ladder, step) => ({
    min_months: Math.round(step.minYears * 12),
    rank_adjusted: ladder === 'RANK',
  }),
  stepColumns: ['min_months int', 'rank_adjusted boolean'],
  sql: (x) => ({
    date: `CASE WHEN f.level_start IS NULL THEN ${NEVER}
                ELSE (f.level_start + make_interval(months => (st.min_months + coalesce(adj.months, 0))::int))::date
           END`,
    joins: appraisalAdjustmentSql(x),
  }),
};
