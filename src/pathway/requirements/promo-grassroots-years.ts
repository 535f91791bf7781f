import { addDays, dayNumber, round2 } from '../pathway-dates';
import { DateSpan } from '../pathway-facts';
import { nextStep, Requirement, ruleInfo } from './requirement';

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
