import { addMonths, round2, yearsBetween } from '../pathway-dates';
import { appraisalAdjustedDate } from './promo-appraisal';
import { nextStep, Requirement, ruleInfo } from './requirement';

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
  return {
    ...ruleInfo(rule),
    met,
    current: round2(current),
    required: step.minYears,
    remaining: met ? 0 : round2(yearsBetween(asOf, dateMet)),
    unit: `years at ${step.from}`,
    dateMet,
  };
};
