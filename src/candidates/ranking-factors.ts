/**
 * How candidates are scored. Every factor value is normalised to 0..1 here (documented per factor), the
 * weight comes from the policy's rankingWeights (a missing key weighs 0), and
 *   score = Σ weight × value, each value rounded to 4 decimals and the sum too.
 * The SQL reads the constants below as parameters, so this file is the one place they live.
 */

/** Promotion factors, in the order they are listed in scoreBreakdown. Keys of policy.rankingWeights. */
export const PROMOTION_FACTORS = [
  'appraisal',
  'grassrootsYears',
  'achievements',
  'training',
  'timeAtLevel',
  'specialistMatch',
] as const;
export type PromotionFactor = (typeof PROMOTION_FACTORS)[number];

/** appraisal: the mean of these points over the last APPRAISAL_YEARS completed years; a missing year is 0. */
export const GRADE_POINTS: Record<string, number> = {
  EXCELLENT: 1,
  COMPETENT: 0.6,
  BASICALLY_COMPETENT: 0.2,
  INCOMPETENT: 0,
  UNGRADED: 0,
};
export const APPRAISAL_YEARS = 3;

/** grassrootsYears: years in grassroots units (overlaps once) / this, capped at 1. */
export const GRASSROOTS_FULL_YEARS = 10;

/** achievements: Σ these points over VERIFIED achievements up to asOf / ACHIEVEMENT_FULL_POINTS, capped at 1. */
export const RECOGNITION_POINTS: Record<string, number> = {
  UNIT: 0.2,
  COUNTY: 0.4,
  PREFECTURE: 0.6,
  PROVINCE: 0.8,
  NATIONAL: 1,
};
export const ACHIEVEMENT_FULL_POINTS = 2;

/*
 * training: completed class hours in the TRAINING_5Y window (windowYears up to asOf) / its hours, capped at 1.
 * timeAtLevel: years at the current level / (2 × the step's minYears), capped at 1: twice the minimum is full.
 * specialistMatch: 1 with SPECIALIST_STRENGTH in the requested domain (in any domain when none is asked), else 0.
 */

/** Specialists are ranked by their evidence in the domain; policy.rankingWeights may override these weights. */
export const EVIDENCE_FACTORS = {
  /** The highest recognition level among the domain's verified achievements: UNIT 0.2 … NATIONAL 1. */
  evidenceRecognition: 0.4,
  /** The best measured improvement in the domain, as a percentage / 100, capped at 1; 0 without one. */
  evidenceImpact: 0.3,
  /** 1 − years since the latest verified achievement in the domain / SPECIALIST.windowYears, at least 0. */
  evidenceRecency: 0.2,
  /** Verified achievements in the domain within SPECIALIST.windowYears / (2 × SPECIALIST.minCount), capped at 1. */
  evidenceCount: 0.1,
} as const;
export type EvidenceFactor = keyof typeof EVIDENCE_FACTORS;

/** Training needs, ranked by urgency; policy.rankingWeights may override these weights. */
export const NEED_FACTORS = {
  /**
   * TRAINING_SHORTFALL: the hours missing as a share of the rule's full requirement (a year, or the window), the
   * larger of the annual and 5-year rules: a pro-rated shortfall early in a year or a band weighs little.
   */
  SHORTFALL: 0.4,
  /** INDUCTION_TRAINING_DUE: 1 once overdue, else the share of the induction period already gone. */
  INDUCTION_DUE: 0.3,
  /** No completed training at all in the TRAINING_5Y window: 1. */
  NEVER_TRAINED_IN_WINDOW: 0.2,
  /** Grassroots years / (2 × longServiceYears), capped at 1, for those with no degree or party-school study. */
  LONG_SERVICE_NO_STUDY: 0.1,
} as const;
export type NeedFactor = keyof typeof NEED_FACTORS;

/** The policy's weight for a factor, or the default given (0 for promotion factors the policy leaves out). */
export function weightOf(weights: Record<string, number>, factor: string, fallback = 0): number {
  const w = weights[factor];
  return typeof w === 'number' && Number.isFinite(w) ? w : fallback;
}
