import { addYears, round2, yearsBetween } from '../pathway-dates';
import { nextStep, Requirement, ruleInfo } from './requirement';

/** PROMO_WORK_YEARS: years since the work start date, for targets in appliesToLevels (leadership only). */
export const promoWorkYears: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_WORK_YEARS;
  const step = nextStep(facts, policy);
  if (!step || step.ladder !== 'LEADERSHIP' || !rule.params.appliesToLevels.includes(step.to)) return null;
  const dateMet = addYears(facts.workStartDate, rule.params.years);
  const met = asOf >= dateMet;
  return {
    ...ruleInfo(rule),
    met,
    current: round2(yearsBetween(facts.workStartDate, asOf)),
    required: rule.params.years,
    remaining: met ? 0 : round2(yearsBetween(asOf, dateMet)),
    unit: 'years',
    dateMet,
  };
};
