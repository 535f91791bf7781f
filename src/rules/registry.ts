import { RuleId } from '../policy/policy.types';
import { appraisalIncompetentRule } from './appraisal-incompetent.rule';
import { inductionTrainingRule } from './induction-training.rule';
import { levelLimitSameAreaRule } from './level-limit-same-area.rule';
import { levelTotalLimitRule } from './level-total-limit.rule';
import { postLimitSamePostRule } from './post-limit-same-post.rule';
import { promoAppraisalRule } from './promo-appraisal.rule';
import { promoEducationRule } from './promo-education.rule';
import { promoExceptionalRule } from './promo-exceptional.rule';
import { promoGrassrootsYearsRule } from './promo-grassroots-years.rule';
import { promoNoSanctionInEffectRule } from './promo-no-sanction-in-effect.rule';
import { promoTimeInLevelRule } from './promo-time-in-level.rule';
import { promoPartyAgeRule } from './promo-party-age.rule';
import { promoTrainingRule } from './promo-training.rule';
import { promoTwoPostsRule } from './promo-two-posts.rule';
import { promoWorkYearsRule } from './promo-work-years.rule';
import { rankFromPostRule } from './rank-from-post.rule';
import { reappointmentGapRule } from './reappointment-gap.rule';
import { FlagRule, Rule } from './rule';
import { avoidanceRule } from './avoidance.rule';
import { teamStructureRule } from './team-structure.rule';
import { sanctionPeriodsRule } from './sanction-periods.rule';
import { specialistRule } from './specialist.rule';
import { termLimitRule } from './term-limit.rule';
import { townshipMinServiceRule } from './township-min-service.rule';
import { training5yRule } from './training-5y.rule';
import { trainingAnnualRule } from './training-annual.rule';
import { warningWindowRule } from './warning-window.rule';

/**
 * Every rule of the policy, once, in the order the policy lists them. Each lives in <rule-id>.rule.ts with its
 * params shape (checked by publishPolicy), its evaluation and its SQL. A rule no code evaluates says so
 * (kind 'not-evaluated'), and the `policy` query shows it (PolicyRule.evaluated).
 */
export const RULES: { readonly [K in RuleId]: Rule<K> } = {
  POST_LIMIT_SAME_POST: postLimitSamePostRule,
  LEVEL_LIMIT_SAME_AREA: levelLimitSameAreaRule,
  TERM_LIMIT: termLimitRule,
  LEVEL_TOTAL_LIMIT: levelTotalLimitRule,
  TOWNSHIP_MIN_SERVICE: townshipMinServiceRule,
  WARNING_WINDOW: warningWindowRule,
  REAPPOINTMENT_GAP: reappointmentGapRule,
  PROMO_WORK_YEARS: promoWorkYearsRule,
  PROMO_GRASSROOTS_YEARS: promoGrassrootsYearsRule,
  PROMO_TWO_POSTS: promoTwoPostsRule,
  PROMO_TIME_IN_LEVEL: promoTimeInLevelRule,
  PROMO_EDUCATION: promoEducationRule,
  PROMO_APPRAISAL: promoAppraisalRule,
  APPRAISAL_INCOMPETENT: appraisalIncompetentRule,
  PROMO_EXCEPTIONAL: promoExceptionalRule,
  PROMO_NO_SANCTION_IN_EFFECT: promoNoSanctionInEffectRule,
  SANCTION_PERIODS: sanctionPeriodsRule,
  TRAINING_5Y: training5yRule,
  TRAINING_ANNUAL: trainingAnnualRule,
  INDUCTION_TRAINING: inductionTrainingRule,
  PROMO_TRAINING: promoTrainingRule,
  PROMO_PARTY_AGE: promoPartyAgeRule,
  SPECIALIST: specialistRule,
  RANK_FROM_POST: rankFromPostRule,
  AVOIDANCE: avoidanceRule,
  TEAM_STRUCTURE: teamStructureRule,
};

/** Every rule a policy must define, in the order they are listed. */
export const RULE_IDS = Object.keys(RULES) as readonly RuleId[];

/** True when code evaluates the rule, or reads it as a parameter of rules that are evaluated. */
export const isEvaluated = (id: RuleId): boolean => RULES[id].kind !== 'not-evaluated';

/** The flag rules, in registry order: the flag SQL unions them. */
// Widened to Rule first: with more than 25 rules TypeScript no longer relates FlagRule to the union of each rule.
export const FLAG_RULES: readonly FlagRule[] = (Object.values(RULES) as Rule[]).filter(
  (r): r is FlagRule => r.kind === 'flag',
);
