import { bandBelow } from '../../pathway/requirements/promo-two-posts';
import { PolicyDocument } from '../../policy/policy.types';

/**
 * One ladder step with the thresholds of each promotion requirement that applies to it, decided here with the
 * same conditions as the pure rules in src/pathway/requirements (null: the rule does not apply to this step).
 * The readiness SQL reads these rows, so it holds no threshold and no applicability rule of its own.
 */
export interface StepRow {
  from_level: string;
  to_level: string;
  ladder: string;
  /** PROMO_TIME_IN_LEVEL: the step's minYears in whole months. */
  min_months: number;
  /** Rank steps count time with the PROMO_APPRAISAL adjustments. */
  rank_adjusted: boolean;
  work_years: number | null;
  /** PROMO_GRASSROOTS_YEARS in days, as promoGrassrootsYears counts them (365.25-day years, rounded up). */
  grassroots_days: number | null;
  posts_needed: number | null;
  /** The levels of the band below the target whose posts PROMO_TWO_POSTS counts. */
  band: string[];
  /** PROMO_EDUCATION: index of the minimum in the policy's education order. */
  education_min: number | null;
  no_recent_years: number | null;
}

const DAYS_PER_YEAR = 365.25;

/** Every step of every ladder of the policy, with its requirement thresholds. */
export function stepRows(policy: PolicyDocument): StepRow[] {
  const r = policy.rules;
  return policy.ladders.flatMap((ladder) =>
    ladder.steps.map((step): StepRow => {
      const leadership = ladder.id === 'LEADERSHIP';
      const applies = (levels: string[]) => leadership && levels.includes(step.to);
      const band = applies(r.PROMO_TWO_POSTS.params.appliesToLevels) ? bandBelow(policy, step.to) : [];
      const edu = r.PROMO_EDUCATION.params;
      return {
        from_level: step.from,
        to_level: step.to,
        ladder: ladder.id,
        min_months: Math.round(step.minYears * 12),
        rank_adjusted: ladder.id === 'RANK',
        work_years: applies(r.PROMO_WORK_YEARS.params.appliesToLevels)
          ? r.PROMO_WORK_YEARS.params.years
          : null,
        grassroots_days: applies(r.PROMO_GRASSROOTS_YEARS.params.appliesToLevels)
          ? Math.ceil(r.PROMO_GRASSROOTS_YEARS.params.years * DAYS_PER_YEAR)
          : null,
        posts_needed: band.length ? r.PROMO_TWO_POSTS.params.posts : null,
        band,
        education_min: leadership
          ? edu.order.indexOf(edu.minimumByLevel[step.to] ?? edu.defaultMinimum)
          : null,
        no_recent_years: leadership ? r.PROMO_NO_RECENT.params.years : null,
      };
    }),
  );
}

/** The step whose target is `level`; undefined when nobody is promoted to it under this policy. */
export function stepTo(policy: PolicyDocument, level: string): StepRow | undefined {
  return stepRows(policy).find((s) => s.to_level === level);
}
