import { addMonths, round2, yearsBetween } from './dates';
import { leadershipTo, NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

/**
 * PROMO_WORK_YEARS: years since the work start date, for targets in appliesToLevels (leadership only). Counted
 * in whole months, as SQL counts them, so a threshold of 4.5 years is 54 months.
 */
export const promoWorkYears: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_WORK_YEARS;
  const step = nextStep(facts, policy);
  if (!step || step.ladder !== 'LEADERSHIP' || !rule.params.appliesToLevels.includes(step.to)) return null;
  const dateMet = addMonths(facts.workStartDate, Math.round(rule.params.years * 12));
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

export const promoWorkYearsRule: PromotionRule<'PROMO_WORK_YEARS'> = {
  id: 'PROMO_WORK_YEARS',
  kind: 'promotion',
  params: { numbers: ['years'], levelLists: ['appliesToLevels'] },
  evaluate: promoWorkYears,
  step: (policy, ladder, step) => {
    const { years, appliesToLevels } = policy.rules.PROMO_WORK_YEARS.params;
    return { work_months: leadershipTo(ladder, step, appliesToLevels) ? Math.round(years * 12) : null };
  },
  stepColumns: ['work_months int'],
  sql: () => ({
    date: `CASE WHEN st.work_months IS NULL THEN ${NEVER}
                ELSE (f.work_start_date + make_interval(months => st.work_months))::date END`,
  }),
};
