import { PolicyDocument } from '../policy/policy.types';
import { PROMOTION_RULES } from './pathway';

/**
 * One ladder step with the thresholds of each promotion requirement that applies to it, each decided by its
 * rule file (`step`; null: the rule does not apply to this step). The readiness SQL reads these rows, so it
 * holds no threshold and no applicability rule of its own.
 */
export interface StepRow {
  from_level: string;
  to_level: string;
  ladder: string;
  /** PROMO_TIME_IN_LEVEL: the step's minYears in whole months. */
  min_months: number;
  /** PROMO_APPRAISAL: years in notCountingGrades do not count on this step's ladder (notCountingLadders). */
  years_adjusted: boolean;
  /** PROMO_APPRAISAL: EXCELLENT years shorten the time on this step's ladder (excellentLadders). */
  excellent_adjusted: boolean;
  /** PROMO_WORK_YEARS in whole months. */
  work_months: number | null;
  /** PROMO_GRASSROOTS_YEARS in days, as promoGrassrootsYears counts them (365.25-day years, rounded up). */
  grassroots_days: number | null;
  posts_needed: number | null;
  /** The levels of the band below the target whose posts PROMO_TWO_POSTS counts. */
  band: string[];
  /** PROMO_EDUCATION: index of the minimum in the policy's education order. */
  education_min: number | null;
  /** PROMO_EXCEPTIONAL: months after the last promotion (leadership steps; null: not in force). */
  exceptional_months: number | null;
}

/** The columns of a step row as jsonb_to_recordset reads them. */
export const STEP_COLUMNS = [
  'from_level text',
  'to_level text',
  'ladder text',
  ...PROMOTION_RULES.flatMap((r) => r.stepColumns),
].join(', ');

/** Every level of every ladder, lowest first, so SQL can tell which of two levels is higher. */
export function levelOrder(policy: PolicyDocument): string[] {
  return policy.ladders.flatMap((l) =>
    l.steps.length ? [l.steps[0].from, ...l.steps.map((s) => s.to)] : [],
  );
}

/** Every step of every ladder of the policy, with its requirement thresholds. */
export function stepRows(policy: PolicyDocument): StepRow[] {
  return policy.ladders.flatMap((ladder) =>
    ladder.steps.map(
      (step) =>
        Object.assign(
          { from_level: step.from, to_level: step.to, ladder: ladder.id },
          ...PROMOTION_RULES.map((r) => r.step(policy, ladder.id, step)),
        ) as StepRow,
    ),
  );
}

/** The step whose target is `level`; undefined when nobody is promoted to it under this policy. */
export function stepTo(policy: PolicyDocument, level: string): StepRow | undefined {
  return stepRows(policy).find((s) => s.to_level === level);
}
