import { bad, level, object, text } from './params';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

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

export const promoEducationRule: PromotionRule<'PROMO_EDUCATION'> = {
  id: 'PROMO_EDUCATION',
  kind: 'promotion',
  params: {
    stringLists: ['order'],
    check: (params, field, levels) => {
      const order = params.order as string[];
      const known = (v: unknown, f: string) =>
        order.includes(text(v, f)) ? v : bad(f, `${f} must be one of ${order.join(', ')}.`);
      known(params.defaultMinimum, `${field}.defaultMinimum`);
      for (const [code, min] of Object.entries(object(params.minimumByLevel, `${field}.minimumByLevel`))) {
        level(code, `${field}.minimumByLevel`, levels);
        known(min, `${field}.minimumByLevel.${code}`);
      }
    },
  },
  evaluate: promoEducation,
  // The index of the target's minimum in the policy's education order.
  step: (policy, ladder, step) => {
    const { order, defaultMinimum, minimumByLevel } = policy.rules.PROMO_EDUCATION.params;
    return {
      education_min:
        ladder === 'LEADERSHIP' ? order.indexOf(minimumByLevel[step.to] ?? defaultMinimum) : null,
    };
  },
  stepColumns: ['education_min int'],
  sql: ({ p, policy }) => {
    const order = p.add(policy.rules.PROMO_EDUCATION.params.order, 'text[]');
    return {
      date: `CASE WHEN st.education_min IS NULL
                    OR coalesce(array_position(${order}, f.education_level::text), 0) - 1 >= st.education_min
                  THEN ${NEVER} END`,
    };
  },
};
