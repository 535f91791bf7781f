import { LadderStep, PolicyDocument, RuleDefinition, RuleId } from '../../policy/policy.types';
import { PathwayFacts } from '../pathway-facts';

export type RequirementValue = number | string | null;

/** One requirement for the next level, as the cadre reads it. */
export interface RequirementResult {
  /** The rule id in the policy. */
  code: RuleId;
  /** The rule's sentence from the policy. */
  description: string;
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

/** The next step on the cadre's ladder; null without a current level or at the top. */
export function nextStep(facts: PathwayFacts, policy: PolicyDocument): Step | null {
  if (!facts.currentLevel || !facts.ladder) return null;
  const ladder = policy.ladders.find((l) => l.id === facts.ladder);
  const step = ladder?.steps.find((s) => s.from === facts.currentLevel);
  return ladder && step ? { ...step, ladder: ladder.id } : null;
}

export function ruleInfo<K extends RuleId>(
  rule: RuleDefinition<K>,
): Pick<RequirementResult, 'code' | 'description' | 'source'> {
  return { code: rule.id, description: rule.sentence, source: rule.source };
}
