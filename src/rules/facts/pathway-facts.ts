import { SanctionFact } from '../sanction-effect';

/** What the facts query returns per cadre: everything any promotion requirement reads. */

/** A half-open date range [from, to), as PostgreSQL writes a canonical daterange. */
export interface DateSpan {
  from: string;
  to: string;
}

export interface AppraisalFact {
  year: number;
  grade: string;
}

/** A completed training course (PROMO_TRAINING reads the kinds and days). */
export interface TrainingFact {
  kind: string;
  start: string;
  end: string;
}

export interface PathwayFacts {
  cadreId: string;
  /** Level of the current REGULAR posting on asOf; null without one. */
  currentLevel: string | null;
  /** LEADERSHIP or RANK (position_level.ladder of currentLevel). */
  ladder: string | null;
  /** Start of continuous time at the current level: adjacent regular postings at that level chain. */
  levelStart: string | null;
  /** Start of the latest stint at the current level after a posting at another level (gaps ignored). */
  lastPromotionDate: string | null;
  /**
   * Rank facts only (职务与职级并行): the leadership level whose time counts as time at the current rank
   * (RANK_FROM_POST); null otherwise. Optional so facts built before the rank ladder still type-check.
   */
  rankFromPost?: string | null;
  workStartDate: string;
  /** The kind of the current regular posting's unit (PARTY_COMMITTEE, GOVERNMENT…); PROMO_PARTY_AGE reads it. */
  unitKind?: string | null;
  /** Joined the Party on; null for a non-member. */
  partyJoinDate?: string | null;
  /**
   * A candidate list's word on whether the target post is a Party post (PROMO_PARTY_AGE); absent: judged by
   * unitKind (the next step is taken to be on the same line as the current post).
   */
  partyPost?: boolean | null;
  educationLevel: string;
  /** Days in grassroots units (COUNTY and below) before asOf, overlapping postings counted once. */
  grassrootsDays: number;
  /** The grassroots union itself, clipped at asOf, oldest first. */
  grassrootsSpans: DateSpan[];
  /** True when a posting in a grassroots unit covers asOf, so grassroots time is still accruing. */
  inGrassrootsNow: boolean;
  /** Distinct posts (unit, level) held in regular postings up to asOf, counted per leadership level. */
  postsByLevel: Record<string, number>;
  /** Appraisals up to asOf's year (PROMO_APPRAISAL reads a blocking grade and the years after it). */
  appraisals: AppraisalFact[];
  /**
   * Completed training that ended by asOf, oldest first. Optional: facts built without it (specs of rules that
   * do not read it) count as none.
   */
  trainings?: TrainingFact[];
  /**
   * Set only on an exceptional (破格) candidate list: the post's domain and the cadre's SPECIALIST_STRENGTH
   * domains on asOf. PROMO_EXCEPTIONAL then applies and the requirements it waives are set aside.
   */
  exceptional?: { domain: string; specialistDomains: string[] };
  /** Every sanction or accountability record of the cadre, whatever its dates (the rule cuts them by date). */
  sanctions: SanctionFact[];
}
