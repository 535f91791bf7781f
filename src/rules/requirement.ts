import { LadderStep, LocalizedText, PolicyDocument, RuleDefinition, RuleId } from '../policy/policy.types';
import { sentencesOf } from '../policy/rule-texts';
import { PathwayFacts } from './facts/pathway-facts';

export type RequirementValue = number | string | null;

/** One requirement for the next level, as the cadre reads it. */
export interface RequirementResult {
  /** The rule id in the policy. */
  code: RuleId;
  /** The rule's sentence from the policy. */
  description: string;
  /** The same in each locale (rendered per reader). */
  sentences: LocalizedText;
  met: boolean;
  current: RequirementValue;
  required: RequirementValue;
  /** 0 (or null for non-numeric values) once met. */
  remaining: RequirementValue;
  /** What current, required and remaining count: years, posts, an education level, a grade. */
  unit: string;
  source: string;
  /** First date it is (or was) met if nothing but time changes; null when it depends on more than time. */
  dateMet: string | null;
  /** Unmet, it is shown but does not bar promotion (PROMO_TRAINING: may follow within a year). */
  soft?: boolean;
  /** The records behind it, where a list of them says more than the numbers (PROMO_NO_SANCTION_IN_EFFECT). */
  facts?: Record<string, unknown>;
}

/** A rule: null when it does not apply to the cadre's next step. */
export type Requirement = (
  facts: PathwayFacts,
  policy: PolicyDocument,
  asOf: string,
) => RequirementResult | null;

export interface Step extends LadderStep {
  ladder: string;
}

// Steps by ladder and level, built once per policy document (documents are never mutated).
const stepIndex = new WeakMap<PolicyDocument, Map<string, Step>>();

/** The next step on the cadre's ladder; null without a current level or at the top. */
export function nextStep(facts: PathwayFacts, policy: PolicyDocument): Step | null {
  if (!facts.currentLevel || !facts.ladder) return null;
  let index = stepIndex.get(policy);
  if (!index) {
    index = new Map(
      policy.ladders.flatMap((l) => l.steps.map((s) => [`${l.id}:${s.from}`, { ...s, ladder: l.id }])),
    );
    stepIndex.set(policy, index);
  }
  return index.get(`${facts.ladder}:${facts.currentLevel}`) ?? null;
}

export function ruleInfo<K extends RuleId>(
  rule: RuleDefinition<K>,
): Pick<RequirementResult, 'code' | 'description' | 'sentences' | 'source'> {
  return { code: rule.id, description: rule.sentence, sentences: sentencesOf(rule), source: rule.source };
}

/** In readiness SQL: met (or not applicable) with no date to give. */
export const NEVER = `'-infinity'::date`;

/** A leadership step whose target is one of `levels` (the county-and-above rules). */
export const leadershipTo = (ladder: string, step: LadderStep, levels: readonly string[]): boolean =>
  ladder === 'LEADERSHIP' && levels.includes(step.to);
