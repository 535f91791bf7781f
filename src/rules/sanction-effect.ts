import { PolicyDocument, RuleParams } from '../policy/policy.types';
import { addDays, addMonths } from './dates';

/** One sanction or accountability record as the rules read it (all of a cadre's records, whatever the date). */
export interface SanctionFact {
  id: string;
  kind: string;
  decisionDate: string;
  effectiveDate: string;
  issuingBody: string;
  documentNumber: string | null;
  revokedOn: string | null;
  toleranceDecidedOn: string | null;
  toleranceBasis: string | null;
}

/** How one record bars promotion: from its effective date to `until` (exclusive), cut by revocation or 容错. */
export interface SanctionEffect extends SanctionFact {
  months: number;
  /** The article that sets this kind's period. */
  source: string;
  /** The last day of the full period (months from the effective date, that day counted). */
  endsOn: string;
  /** The first day it no longer bars: the day after endsOn, or the revocation / 容错 date if earlier. */
  until: string;
  /** What ended it early, if anything did. */
  liftedBy: 'REVOKED' | 'TOLERANCE' | null;
}

type Periods = RuleParams['SANCTION_PERIODS']['periods'];

/**
 * The periods of the policy version, or null when the version does not have them (a version published before
 * the sanction rules): then no record bars anything.
 */
export function sanctionPeriods(policy: PolicyDocument): Periods | null {
  const rules: Partial<PolicyDocument['rules']> = policy.rules;
  return rules.SANCTION_PERIODS?.params.periods ?? null;
}

/** The periods when the version also has PROMO_NO_SANCTION_IN_EFFECT (the requirement is in force). */
export function requirementPeriods(policy: PolicyDocument): Periods | null {
  const rules: Partial<PolicyDocument['rules']> = policy.rules;
  return rules.PROMO_NO_SANCTION_IN_EFFECT ? sanctionPeriods(policy) : null;
}

/** Each record's effect under `periods`; a record of a kind the version lacks has none. */
export function sanctionEffects(sanctions: readonly SanctionFact[], periods: Periods): SanctionEffect[] {
  return sanctions.flatMap((s) => {
    const period = periods[s.kind] as Periods[string] | undefined;
    if (!period) return [];
    const end = addMonths(s.effectiveDate, period.months);
    const cuts: [string, SanctionEffect['liftedBy']][] = [[end, null]];
    if (s.revokedOn) cuts.push([s.revokedOn, 'REVOKED']);
    if (s.toleranceDecidedOn) cuts.push([s.toleranceDecidedOn, 'TOLERANCE']);
    const [until, liftedBy] = cuts.reduce((a, b) => (b[0] < a[0] ? b : a));
    return [
      {
        ...s,
        months: period.months,
        source: period.source,
        endsOn: addDays(end, -1),
        until: until < s.effectiveDate ? s.effectiveDate : until,
        liftedBy,
      },
    ];
  });
}

/** True when the record bars promotion on `date`. */
export const inEffect = (e: SanctionEffect, date: string): boolean =>
  e.effectiveDate <= date && date < e.until;

/**
 * The first day on or after `date` that no record bars: `date` itself when none is in effect, else the end of
 * the chain of effects running on it (one ending inside or at the start of another carries on to its end).
 */
export function firstFreeDay(effects: readonly SanctionEffect[], date: string): string {
  let day = date;
  for (;;) {
    const running = effects.filter((e) => inEffect(e, day));
    if (!running.length) return day;
    day = running.map((e) => e.until).reduce((a, b) => (a > b ? a : b));
  }
}
