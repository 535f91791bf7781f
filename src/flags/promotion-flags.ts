import { EligibleCadre } from '../pathway/pathway.service';
import { PolicyDocument } from '../policy/policy.types';
import { FlagCode, FlagRow, Severity } from './flag.model';

const PROMO_RULES = [
  'PROMO_WORK_YEARS',
  'PROMO_GRASSROOTS_YEARS',
  'PROMO_TWO_POSTS',
  'PROMO_TIME_IN_LEVEL',
  'PROMO_EDUCATION',
  'PROMO_APPRAISAL',
  'PROMO_NO_RECENT',
] as const;

/** PROMOTION_ELIGIBLE: the pathway found every requirement for the next level met (see src/pathway). */
export function promotionFlag(e: EligibleCadre, policy: PolicyDocument): FlagRow {
  const sources = [...new Set(PROMO_RULES.map((id) => policy.rules[id].source))];
  return {
    cadreId: e.cadreId,
    code: FlagCode.PROMOTION_ELIGIBLE,
    severity: Severity.INFO,
    ruleId: 'PATHWAY',
    source: sources.join('; '),
    message: `Meets every requirement to move from ${e.currentLevel} to ${e.nextLevel}.`,
    facts: { currentLevel: e.currentLevel, nextLevel: e.nextLevel, rules: [...PROMO_RULES] },
    overBy: 0,
  };
}
