import { addYears, round2, yearsBetween } from './dates';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

/**
 * PROMO_NO_RECENT: at least `years` since the last promotion (leadership). The other half of the rule,
 * no skipping a level, holds by construction: the target is always the next step on the ladder.
 */
export const promoNoRecent: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_NO_RECENT;
  const step = nextStep(facts, policy);
  if (!step || step.ladder !== 'LEADERSHIP' || !facts.lastPromotionDate) return null;
  const dateMet = addYears(facts.lastPromotionDate, rule.params.years);
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
    no_recent_years: ladder === 'LEADERSHIP' ? policy.rules.PROMO_NO_RECENT.params.years : null,
  }),
  stepColumns: ['no_recent_years float8'],
  sql: () => ({
    date: `CASE WHEN st.no_recent_years IS NULL OR f.last_promotion_date IS NULL THEN ${NEVER}
                ELSE (f.last_promotion_date + st.no_recent_years * interval '1 year')::date END`,
  }),
};
