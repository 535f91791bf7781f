import { PolicyDocument } from '../policy/policy.types';
import { FlagCode, FlagRow, Severity } from './codes';
import { PROMOTION_RULES } from './pathway';

/** A cadre who meets every requirement for the next level on a date. */
export interface EligibleCadre {
  cadreId: string;
  currentLevel: string;
  nextLevel: string;
}

/** PROMOTION_ELIGIBLE: evaluatePathway found every requirement for the next level met (pathway.ts). */
export function promotionFlag(e: EligibleCadre, policy: PolicyDocument): FlagRow {
  // The rules in force under this version (one published before a rule existed lacks it).
  const rules: Partial<PolicyDocument['rules']> = policy.rules;
  const ids = PROMOTION_RULES.map((r) => r.id).filter((id) => rules[id] !== undefined);
  const sources = [...new Set(ids.map((id) => policy.rules[id].source))];
  return {
    cadreId: e.cadreId,
    code: FlagCode.PROMOTION_ELIGIBLE,
    severity: Severity.INFO,
    ruleId: 'PATHWAY',
    source: sources.join('; '),
    message: `Meets every requirement to move from ${e.currentLevel} to ${e.nextLevel}.`,
    facts: { currentLevel: e.currentLevel, nextLevel: e.nextLevel, rules: ids },
    overBy: 0,
  };
}
