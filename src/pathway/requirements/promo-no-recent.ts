import { addYears, round2, yearsBetween } from '../pathway-dates';
import { nextStep, Requirement, ruleInfo } from './requirement';

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
