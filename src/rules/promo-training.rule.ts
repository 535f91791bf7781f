import { PolicyDocument, RuleDefinition } from '../policy/policy.types';
import { addMonths, dayNumber } from './dates';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

/** The rule as in force under `policy`, or undefined when that version predates it (not applied). */
const promoTrainingOf = (policy: PolicyDocument): RuleDefinition<'PROMO_TRAINING'> | undefined =>
  (policy.rules as Partial<PolicyDocument['rules']>).PROMO_TRAINING;

/**
 * PROMO_TRAINING (art. 8(5)): before a leadership promotion, the induction training of INDUCTION_TRAINING (completed
 * sessions of its kinds adding up to the target level's days) ending within `windowMonths` before
 * the promotion date (asOf). Where that was not possible, the text lets it follow within
 * INDUCTION_TRAINING.withinMonths after appointment, so it is soft: unmet, it is listed (blockers, the pathway,
 * with the date it would be due) but does not bar eligibility or readiness. Rank steps and target levels without
 * a number of days: not applicable.
 */
export const promoTraining: Requirement = (facts, policy, asOf) => {
  const rule = promoTrainingOf(policy);
  const step = nextStep(facts, policy);
  if (!rule || !step || step.ladder !== 'LEADERSHIP') return null;
  const induction = policy.rules.INDUCTION_TRAINING.params;
  const required = induction.daysByLevel[step.to];
  if (required === undefined) return null;
  const windowStart = addMonths(asOf, -Math.round(rule.params.windowMonths));
  const inWindow = (facts.trainings ?? []).filter(
    (t) => induction.qualifyingKinds.includes(t.kind) && t.end >= windowStart && t.end <= asOf,
  );
  // Sessions add up (as for INDUCTION_TRAINING): met on the end of the one that brings the days to `required`.
  const days = (t: { start: string; end: string }) => dayNumber(t.end) - dayNumber(t.start) + 1;
  let total = 0;
  let metOn: string | null = null;
  for (const t of [...inWindow].sort((a, b) => a.end.localeCompare(b.end))) {
    total += days(t);
    if (metOn === null && total >= required) metOn = t.end;
  }
  const met = metOn !== null;
  const dueBy = addMonths(asOf, induction.withinMonths);
  return {
    ...ruleInfo(rule),
    met,
    soft: true,
    current: total,
    required,
    remaining: met ? 0 : required,
    unit: met
      ? `days of induction training within ${rule.params.windowMonths} months before`
      : `days of induction training: due within a year after appointment (by ${dueBy} if appointed on ${asOf})`,
    dateMet: metOn,
  };
};

export const promoTrainingRule: PromotionRule<'PROMO_TRAINING'> = {
  id: 'PROMO_TRAINING',
  kind: 'promotion',
  params: { numbers: ['windowMonths'] },
  evaluate: promoTraining,
  step: () => ({}),
  stepColumns: [],
  // Soft: it never bars readiness, so the lists need no date for it.
  sql: () => ({ date: NEVER }),
};
