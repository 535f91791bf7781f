import { addDays, dayNumber, round2 } from './dates';
import { DateSpan } from './facts/pathway-facts';
import { leadershipTo, NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

// Grassroots time is a union of separate periods, so it is counted in average years (as durations.unionYears).
const DAYS_PER_YEAR = 365.25;

/** The day on which the union of spans first holds `need` days (counting [from, day)); null if it never does. */
export function dayReaching(spans: readonly DateSpan[], need: number): string | null {
  let total = 0;
  for (const s of spans) {
    const len = dayNumber(s.to) - dayNumber(s.from);
    if (total + len >= need) return addDays(s.from, need - total);
    total += len;
  }
  return null;
}

/** PROMO_GRASSROOTS_YEARS: days in COUNTY-level-and-below units, overlaps once, for targets in appliesToLevels. */
export const promoGrassrootsYears: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_GRASSROOTS_YEARS;
  const step = nextStep(facts, policy);
  if (!step || step.ladder !== 'LEADERSHIP' || !rule.params.appliesToLevels.includes(step.to)) return null;
  const need = Math.ceil(rule.params.years * DAYS_PER_YEAR);
  const days = facts.grassrootsDays;
  const met = days >= need;
  let dateMet: string | null = null;
  if (met) dateMet = dayReaching(facts.grassrootsSpans, need);
  else if (facts.inGrassrootsNow) dateMet = addDays(asOf, need - days);
  return {
    ...ruleInfo(rule),
    met,
    current: round2(days / DAYS_PER_YEAR),
    required: rule.params.years,
    remaining: met ? 0 : round2((need - days) / DAYS_PER_YEAR),
    unit: 'years',
    dateMet,
  };
};

export const promoGrassrootsYearsRule: PromotionRule<'PROMO_GRASSROOTS_YEARS'> = {
  id: 'PROMO_GRASSROOTS_YEARS',
  kind: 'promotion',
  params: { numbers: ['years'], levelLists: ['appliesToLevels'] },
  evaluate: promoGrassrootsYears,
  // In days, as promoGrassrootsYears counts them (365.25-day years, rounded up).
  step: (policy, ladder, step) => {
    const { years, appliesToLevels } = policy.rules.PROMO_GRASSROOTS_YEARS.params;
    return {
      grassroots_days: leadershipTo(ladder, step, appliesToLevels) ? Math.ceil(years * DAYS_PER_YEAR) : null,
    };
  },
  stepColumns: ['grassroots_days int'],
  sql: ({ asOf }) => ({
    date: `CASE WHEN st.grassroots_days IS NULL OR f.grassroots_days >= st.grassroots_days THEN ${NEVER}
                WHEN f.in_grassroots_now THEN ${asOf} + (st.grassroots_days - f.grassroots_days) END`,
  }),
};
