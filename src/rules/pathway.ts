import { PolicyDocument } from '../policy/policy.types';
import { PathwayFacts } from './facts/pathway-facts';
import { promoAppraisalRule } from './promo-appraisal.rule';
import { promoEducationRule } from './promo-education.rule';
import { promoExceptionalOf, promoExceptionalRule } from './promo-exceptional.rule';
import { promoGrassrootsYearsRule } from './promo-grassroots-years.rule';
import { promoNoSanctionInEffectRule } from './promo-no-sanction-in-effect.rule';
import { promoTimeInLevelRule } from './promo-time-in-level.rule';
import { promoPartyAgeRule } from './promo-party-age.rule';
import { promoTrainingRule } from './promo-training.rule';
import { promoTwoPostsRule } from './promo-two-posts.rule';
import { promoWorkYearsRule } from './promo-work-years.rule';
import { nextStep, RequirementResult } from './requirement';
import { PromotionRule } from './rule';

/** In the order a clerk reads the appointment form: experience, posts, time, education, appraisal, sanctions. */
export const PROMOTION_RULES: readonly PromotionRule[] = [
  promoWorkYearsRule,
  promoGrassrootsYearsRule,
  promoTwoPostsRule,
  promoTimeInLevelRule,
  promoEducationRule,
  promoAppraisalRule,
  promoExceptionalRule,
  promoTrainingRule,
  promoPartyAgeRule,
  promoNoSanctionInEffectRule,
];

export interface PathwayResult {
  currentLevel: string | null;
  ladder: string | null;
  nextLevel: string | null;
  eligible: boolean;
  requirements: RequirementResult[];
  /** The latest dateMet when every unmet requirement is time-based; null when something else blocks. */
  estimatedEligibleDate: string | null;
}

/** On an exceptional (破格) list, the requirements PROMO_EXCEPTIONAL sets aside; none otherwise. */
export function waivedOn(policy: PolicyDocument, exceptional: boolean): readonly string[] {
  return exceptional ? (promoExceptionalOf(policy)?.params.waives ?? []) : [];
}

/** The cadre's next step and what stands in the way, from the facts on asOf and one policy version. */
export function evaluatePathway(facts: PathwayFacts, policy: PolicyDocument, asOf: string): PathwayResult {
  const step = nextStep(facts, policy);
  const base = { currentLevel: facts.currentLevel, ladder: facts.ladder };
  if (!step) {
    return { ...base, nextLevel: null, eligible: false, requirements: [], estimatedEligibleDate: null };
  }
  const waived = waivedOn(policy, !!facts.exceptional);
  const requirements = PROMOTION_RULES.filter((r) => !waived.includes(r.id))
    .map((r) => r.evaluate(facts, policy, asOf))
    .filter((r): r is RequirementResult => r !== null);
  // A soft requirement (PROMO_TRAINING) is listed but never bars eligibility or the estimate.
  const hard = requirements.filter((r) => !r.soft);
  const blocked = hard.some((r) => !r.met && r.dateMet === null);
  const dates = hard.map((r) => r.dateMet).filter((d): d is string => d !== null);
  const latest = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
  return {
    ...base,
    nextLevel: step.to,
    eligible: hard.every((r) => r.met),
    requirements,
    estimatedEligibleDate: blocked ? null : latest,
  };
}
