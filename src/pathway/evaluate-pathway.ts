import { PolicyDocument } from '../policy/policy.types';
import { PathwayFacts } from './pathway-facts';
import { promoAppraisal } from './requirements/promo-appraisal';
import { promoEducation } from './requirements/promo-education';
import { promoGrassrootsYears } from './requirements/promo-grassroots-years';
import { promoNoRecent } from './requirements/promo-no-recent';
import { promoTimeInLevel } from './requirements/promo-time-in-level';
import { promoTwoPosts } from './requirements/promo-two-posts';
import { promoWorkYears } from './requirements/promo-work-years';
import { nextStep, Requirement, RequirementResult } from './requirements/requirement';

/** In the order a clerk reads the appointment form: experience, posts, time, education, appraisal. */
export const REQUIREMENTS: readonly Requirement[] = [
  promoWorkYears,
  promoGrassrootsYears,
  promoTwoPosts,
  promoTimeInLevel,
  promoEducation,
  promoAppraisal,
  promoNoRecent,
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

/** The cadre's next step and what stands in the way, from the facts on asOf and one policy version. */
export function evaluatePathway(facts: PathwayFacts, policy: PolicyDocument, asOf: string): PathwayResult {
  const step = nextStep(facts, policy);
  const base = { currentLevel: facts.currentLevel, ladder: facts.ladder };
  if (!step) {
    return { ...base, nextLevel: null, eligible: false, requirements: [], estimatedEligibleDate: null };
  }
  const requirements = REQUIREMENTS.map((r) => r(facts, policy, asOf)).filter(
    (r): r is RequirementResult => r !== null,
  );
  const blocked = requirements.some((r) => !r.met && r.dateMet === null);
  const dates = requirements.map((r) => r.dateMet).filter((d): d is string => d !== null);
  const latest = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
  return {
    ...base,
    nextLevel: step.to,
    eligible: requirements.every((r) => r.met),
    requirements,
    estimatedEligibleDate: blocked ? null : latest,
  };
}
