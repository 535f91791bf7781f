import { PolicyDocument, RuleDefinition } from '../policy/policy.types';
import { addMonths, round2, yearsBetween } from './dates';
import { level, number, object } from './params';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

/** The rule as in force under `policy`, or undefined when that version predates it (not applied). */
const promoPartyAgeOf = (policy: PolicyDocument): RuleDefinition<'PROMO_PARTY_AGE'> | undefined =>
  (policy.rules as Partial<PolicyDocument['rules']>).PROMO_PARTY_AGE;

/**
 * PROMO_PARTY_AGE (art. 8(7); the Party constitution): a Party post needs `yearsByLevel[target]` years since
 * partyJoinDate. The target is a Party post when a candidate list says so (facts.partyPost), else when the
 * current post's unit is of a `partyUnitKinds` kind. A non-member cannot meet it (no date). Target levels
 * without a number, rank steps and other posts: not applicable.
 */
export const promoPartyAge: Requirement = (facts, policy, asOf) => {
  const rule = promoPartyAgeOf(policy);
  const step = nextStep(facts, policy);
  if (!rule || !step || step.ladder !== 'LEADERSHIP') return null;
  const years = rule.params.yearsByLevel[step.to];
  const party = facts.partyPost ?? rule.params.partyUnitKinds.includes(facts.unitKind ?? '');
  if (years === undefined || !party) return null;
  const base = { ...ruleInfo(rule), required: years, unit: 'years of Party membership' };
  if (!facts.partyJoinDate) {
    return { ...base, met: false, current: null, remaining: years, dateMet: null };
  }
  const dateMet = addMonths(facts.partyJoinDate, Math.round(years * 12));
  const met = asOf >= dateMet;
  return {
    ...base,
    met,
    current: round2(yearsBetween(facts.partyJoinDate, asOf)),
    remaining: met ? 0 : round2(yearsBetween(asOf, dateMet)),
    dateMet,
  };
};

/**
 * The unit kinds whose posts are Party posts when no list says otherwise, for a step to `toLevel`; undefined when
 * PROMO_PARTY_AGE asks nothing of that level under `policy` (whether the post is a Party post changes nothing).
 */
export function partyUnitKindsFor(policy: PolicyDocument, toLevel: string): string[] | undefined {
  const rule = promoPartyAgeOf(policy);
  return rule?.params.yearsByLevel[toLevel] === undefined ? undefined : rule.params.partyUnitKinds;
}

export const promoPartyAgeRule: PromotionRule<'PROMO_PARTY_AGE'> = {
  id: 'PROMO_PARTY_AGE',
  kind: 'promotion',
  params: {
    stringLists: ['partyUnitKinds'],
    check: (params, field, levels) => {
      const years = object(params.yearsByLevel, `${field}.yearsByLevel`);
      for (const [code, y] of Object.entries(years)) {
        level(code, `${field}.yearsByLevel`, levels);
        number(y, `${field}.yearsByLevel.${code}`);
      }
    },
  },
  evaluate: promoPartyAge,
  step: (policy, ladder, step) => {
    const rule = promoPartyAgeOf(policy);
    const years = ladder === 'LEADERSHIP' ? rule?.params.yearsByLevel[step.to] : undefined;
    return {
      party_age_months: years === undefined ? null : Math.round(years * 12),
      party_unit_kinds: rule?.params.partyUnitKinds ?? [],
    };
  },
  stepColumns: ['party_age_months int', 'party_unit_kinds text[]'],
  sql: (x) => ({
    date: `CASE WHEN st.party_age_months IS NULL
                  OR NOT coalesce(${x.partyPost ?? 'NULL::boolean'}, f.unit_kind = ANY(st.party_unit_kinds), false)
                THEN ${NEVER}
                ELSE (f.party_join_date + make_interval(months => st.party_age_months))::date END`,
  }),
};
