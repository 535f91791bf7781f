import { nextStep, Requirement, ruleInfo } from './requirement';

/** PROMO_EDUCATION: the target's minimum education (leadership only; ranks have none). Not time-based. */
export const promoEducation: Requirement = (facts, policy) => {
  const rule = policy.rules.PROMO_EDUCATION;
  const step = nextStep(facts, policy);
  if (!step || step.ladder !== 'LEADERSHIP') return null;
  const { order, defaultMinimum, minimumByLevel } = rule.params;
  const required = minimumByLevel[step.to] ?? defaultMinimum;
  const met = order.indexOf(facts.educationLevel) >= order.indexOf(required);
  return {
    ...ruleInfo(rule),
    met,
    current: facts.educationLevel,
    required,
    remaining: met ? null : required,
    unit: 'education level',
    dateMet: null,
  };
};
