import { addMonths, round2, yearsBetween } from './dates';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

/**
 * PROMO_NO_RECENT: at least `years` since the last promotion (leadership). The other half of the rule,
 * no skipping a level, holds by construction: the target is always the next step on the ladder. Counted in whole
 * months, as SQL counts them.
 */
export const promoNoRecent: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_NO_RECENT;
  const step = nextStep(facts, policy);
  if (!step || step.ladder !== 'LEADERSHIP' || !facts.lastPromotionDate) return null;
  const dateMet = addMonths(facts.lastPromotionDate, Math.round(rule.params.years * 12));
  const met = asOf >= dateMet;
  return {
    ...ruleInfo(rule),
    met,
    current: round2(yearsBetween(facts.lastPromotionDate, asOf)),
    required: rule.params.years,
    remaining: met ? 0 : round2(yearsBetween(asOf, dateMet)),
    unit: 'years since the last promotion',
    dateMet,
  };
};

export const promoNoRecentRule: PromotionRule<'PROMO_NO_RECENT'> = {
  id: 'PROMO_NO_RECENT',
  kind: 'promotion',
  params: { numbers: ['years'] },
  evaluate: promoNoRecent,
  step: (policy, ladder) => ({
    no_recent_months:
      ladder === 'LEADERSHIP' ? Math.round(policy.rules.PROMO_NO_RECENT.params.years * 12) : null,
  }),
  stepColumns: ['no_recent_months int'],
  sql: () => ({
    date: `CASE WHEN st.no_recent_months IS NULL OR f.last_promotion_date IS NULL THEN ${NEVER}
                ELSE (f.last_promotion_date + make_interval(months => st.no_recent_months))::date END`,
  }),
};
