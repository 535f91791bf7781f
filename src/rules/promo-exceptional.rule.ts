import { PolicyDocument, RuleDefinition } from '../policy/policy.types';
import { addMonths, round2, yearsBetween } from './dates';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

/** The rule as in force under `policy`, or undefined when that version predates it (no exceptional list). */
export const promoExceptionalOf = (policy: PolicyDocument): RuleDefinition<'PROMO_EXCEPTIONAL'> | undefined =>
  (policy.rules as Partial<PolicyDocument['rules']>).PROMO_EXCEPTIONAL;

/** Months after the last promotion before an exceptional one: the longer of probation and the one-year wait. */
export function exceptionalMonths(policy: PolicyDocument): number | null {
  const rule = promoExceptionalOf(policy);
  if (!rule) return null;
  const { probationMonths, sinceLastPromotionYears } = rule.params;
  return Math.max(Math.round(probationMonths), Math.round(sinceLastPromotionYears * 12));
}

/**
 * PROMO_EXCEPTIONAL (破格提拔, art. 9 of the 2019 regulations): applied only on an exceptional candidate list
 * (facts.exceptional, set by promotionCandidates(exceptional: true)), where the requirements listed in `waives`
 * are set aside. The limits: SPECIALIST_STRENGTH in the post's domain on asOf (the "highly specialised or urgently
 * needed" case, as this service can see it; without it nothing but a new verified achievement helps, so no date),
 * probation finished and a year since the last promotion, counted from the start of the latest stint at the
 * current level (or the level run when there is none). Never two levels at once holds by construction: the
 * target is always the next step. Leadership steps only.
 */
export const promoExceptional: Requirement = (facts, policy, asOf) => {
  const rule = promoExceptionalOf(policy);
  const step = nextStep(facts, policy);
  const months = exceptionalMonths(policy);
  if (!rule || months === null || !facts.exceptional || !step || step.ladder !== 'LEADERSHIP') return null;
  const { domain, specialistDomains } = facts.exceptional;
  if (!specialistDomains.includes(domain)) {
    return {
      ...ruleInfo(rule),
      met: false,
      current: null,
      required: domain,
      remaining: domain,
      unit: 'SPECIALIST_STRENGTH in the domain of the post',
      dateMet: null,
    };
  }
  const since = facts.lastPromotionDate ?? facts.levelStart;
  if (!since) return null;
  const dateMet = addMonths(since, months);
  const met = asOf >= dateMet;
  return {
    ...ruleInfo(rule),
    met,
    current: round2(yearsBetween(since, asOf)),
    required: round2(months / 12),
    remaining: met ? 0 : round2(yearsBetween(asOf, dateMet)),
    unit: `years since the last promotion (probation over), with SPECIALIST_STRENGTH in ${domain}`,
    dateMet,
  };
};

export const promoExceptionalRule: PromotionRule<'PROMO_EXCEPTIONAL'> = {
  id: 'PROMO_EXCEPTIONAL',
  kind: 'promotion',
  params: {
    numbers: ['sinceLastPromotionYears'],
    counts: ['probationMonths', 'maxLevelsAtOnce'],
    stringLists: ['waives'],
  },
  evaluate: promoExceptional,
  step: (policy, ladder) => ({
    exceptional_months: ladder === 'LEADERSHIP' ? exceptionalMonths(policy) : null,
  }),
  stepColumns: ['exceptional_months int'],
  sql: (x) => ({
    date: !x.exceptional
      ? NEVER
      : `CASE WHEN st.exceptional_months IS NULL THEN ${NEVER}
              WHEN NOT EXISTS (SELECT 1 FROM rule_span sp
                                WHERE sp.cadre_id = f.cadre_id AND sp.rule_id = 'SPECIALIST'
                                  AND sp.valid @> ${x.asOf} AND sp.domain = ${x.exceptional.domain}) THEN NULL
              WHEN coalesce(f.last_promotion_date, f.level_start) IS NULL THEN ${NEVER}
              ELSE (coalesce(f.last_promotion_date, f.level_start)
                    + make_interval(months => st.exceptional_months))::date END`,
  }),
};
