/**
 * The policy document: every threshold a career rule uses, versioned in the database (policy_version.document).
 * Local policies vary, so nothing here is a constant in code: rules read their numbers from a PolicyDocument.
 */

/** One promotion step on a ladder: from a level to the next, and the minimum years at the lower level. */
export interface LadderStep {
  from: string;
  to: string;
  /** Minimum years at `from` before moving to `to` (PROMO_TIME_IN_LEVEL or the rank table). */
  minYears: number;
}

export interface Ladder {
  /** LEADERSHIP or RANK (the ladder of position_level). */
  id: string;
  name: string;
  steps: LadderStep[];
}

export type RuleId =
  | 'POST_LIMIT_SAME_POST'
  | 'LEVEL_LIMIT_SAME_AREA'
  | 'TERM_LIMIT'
  | 'LEVEL_TOTAL_LIMIT'
  | 'TOWNSHIP_MIN_SERVICE'
  | 'WARNING_WINDOW'
  | 'PROMO_WORK_YEARS'
  | 'PROMO_GRASSROOTS_YEARS'
  | 'PROMO_TWO_POSTS'
  | 'PROMO_TIME_IN_LEVEL'
  | 'PROMO_EDUCATION'
  | 'PROMO_APPRAISAL'
  | 'PROMO_NO_RECENT'
  | 'PROMO_NO_SANCTION_IN_EFFECT'
  | 'SANCTION_PERIODS'
  | 'TRAINING_5Y'
  | 'TRAINING_ANNUAL'
  | 'INDUCTION_TRAINING'
  | 'SPECIALIST';

/** Parameters per rule; each rule reads only its own. */
export interface RuleParams {
  POST_LIMIT_SAME_POST: { years: number };
  LEVEL_LIMIT_SAME_AREA: { years: number };
  TERM_LIMIT: { terms: number; termYears: number };
  LEVEL_TOTAL_LIMIT: { years: number };
  TOWNSHIP_MIN_SERVICE: { years: number };
  WARNING_WINDOW: { months: number };
  /** Applies to promotions whose target is one of `appliesToLevels`. */
  PROMO_WORK_YEARS: { years: number; appliesToLevels: string[] };
  PROMO_GRASSROOTS_YEARS: { years: number; appliesToLevels: string[] };
  /** Posts held in the band below the target (its deputy and chief levels together). */
  PROMO_TWO_POSTS: { posts: number; appliesToLevels: string[] };
  /** Deputy → chief of the same band, and chief → next band's deputy; per-step numbers live on the ladder. */
  PROMO_TIME_IN_LEVEL: { deputyToChiefYears: number; chiefToNextDeputyYears: number };
  /** Education levels in order, lowest first, and the minimum per target level (default for the rest). */
  PROMO_EDUCATION: { order: string[]; defaultMinimum: string; minimumByLevel: Record<string, string> };
  PROMO_APPRAISAL: {
    excellentShortensMonths: number;
    /** Grades whose years do not count toward time in rank. */
    notCountingGrades: string[];
    /** A grade in the last completed year that blocks promotion. */
    blockingGrades: string[];
  };
  PROMO_NO_RECENT: { years: number };
  /** Reads SANCTION_PERIODS; no params of its own. */
  PROMO_NO_SANCTION_IN_EFFECT: Record<string, never>;
  /**
   * The influence period (影响期) of each kind of sanction or accountability record (every SanctionKind), from its
   * effective date, and the article that sets it. A revocation or 容错 decision ends it from its date.
   */
  SANCTION_PERIODS: { periods: Record<string, SanctionPeriod> };
  /** Class hours in any rolling window of `windowYears` for the listed levels. */
  TRAINING_5Y: { hours: number; windowYears: number; appliesToLevels: string[] };
  /** Class hours per calendar year for the listed levels. */
  TRAINING_ANNUAL: { hours: number; appliesToLevels: string[] };
  /** Qualifying training (these kinds, at least these days) within `withinMonths` of a new leadership appointment. */
  INDUCTION_TRAINING: {
    withinMonths: number;
    qualifyingKinds: string[];
    daysByLevel: Record<string, number>;
  };
  /** Verified achievements only. Any one criterion is enough. */
  SPECIALIST: {
    minCount: number;
    windowYears: number;
    /** One achievement recognised at this level or above. */
    recognitionAtLeast: string;
    /** One achievement with a measured improvement of at least this percentage. */
    minImprovementPercent: number;
  };
}

/** One kind's period: whole months from the effective date (that day counted), and its article. */
export interface SanctionPeriod {
  months: number;
  source: string;
}

export interface RuleDefinition<K extends RuleId = RuleId> {
  id: K;
  /** One sentence a clerk can read. */
  sentence: string;
  /** The public text it comes from. */
  source: string;
  params: RuleParams[K];
}

/** Ranking weights for candidate pools (issue 5); factor name → weight. */
export type RankingWeights = Record<string, number>;

export interface PolicyDocument {
  ladders: Ladder[];
  rules: { [K in RuleId]: RuleDefinition<K> };
  rankingWeights: RankingWeights;
}
