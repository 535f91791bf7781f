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
  workStartDate: string;
  educationLevel: string;
  /** Days in grassroots units (COUNTY and below) before asOf, overlapping postings counted once. */
  grassrootsDays: number;
  /** The grassroots union itself, clipped at asOf, oldest first. */
  grassrootsSpans: DateSpan[];
  /** True when a posting in a grassroots unit covers asOf, so grassroots time is still accruing. */
  inGrassrootsNow: boolean;
  /** Distinct posts (unit, level) held in regular postings up to asOf, counted per leadership level. */
  postsByLevel: Record<string, number>;
  /** Appraisals from the year the current level began (or last year, if earlier) up to asOf's year. */
  appraisals: AppraisalFact[];
  /** Every sanction or accountability record of the cadre, whatever its dates (the rule cuts them by date). */
  sanctions: SanctionFact[];
}
