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
  | 'REAPPOINTMENT_GAP'
  | 'PROMO_WORK_YEARS'
  | 'PROMO_GRASSROOTS_YEARS'
  | 'PROMO_TWO_POSTS'
  | 'PROMO_TIME_IN_LEVEL'
  | 'PROMO_EDUCATION'
  | 'PROMO_APPRAISAL'
  | 'APPRAISAL_INCOMPETENT'
  | 'PROMO_EXCEPTIONAL'
  | 'PROMO_NO_SANCTION_IN_EFFECT'
  | 'SANCTION_PERIODS'
  | 'TRAINING_5Y'
  | 'TRAINING_ANNUAL'
  | 'INDUCTION_TRAINING'
  | 'SPECIALIST'
  | 'RANK_FROM_POST'
  | 'PROMO_TRAINING'
  | 'PROMO_PARTY_AGE'
  | 'AVOIDANCE'
  | 'TEAM_STRUCTURE';

/** Where a posting limit binds ("must rotate", CRITICAL): unit kinds and unit levels (both must match). */
export type MustRotateScope = {
  mustRotateUnitKinds: string[];
  mustRotateUnitLevels: string[];
};

/** Parameters per rule; each rule reads only its own. */
export interface RuleParams {
  /**
   * Exceeded is CRITICAL ("must rotate") for postings in units of these kinds at these unit levels, WARNING
   * ("should rotate") elsewhere. A stored version without the lists binds everywhere (as before they existed).
   */
  POST_LIMIT_SAME_POST: { years: number } & MustRotateScope;
  /**
   * An area is the topmost unit, at the posting unit's own level, above or at it (a county's Party committee and
   * government are one area), for posts in units of `unitKinds` at `areaUnitLevels`.
   */
  LEVEL_LIMIT_SAME_AREA: {
    years: number;
    areaUnitLevels: string[];
    unitKinds: string[];
  } & MustRotateScope;
  TERM_LIMIT: { terms: number; termYears: number };
  LEVEL_TOTAL_LIMIT: { years: number };
  /** Cadres whose first regular posting was in a unit at `recruitUnitLevels` serve `years` before moving above them. */
  TOWNSHIP_MIN_SERVICE: { years: number; recruitUnitLevels: string[] };
  WARNING_WINDOW: { months: number };
  /**
   * Days with no posting between a post's end and the next posting in the same post (or at the same level)
   * that keep the run continuous (re-elections close and reopen posts). 0: only back-to-back postings.
   */
  REAPPOINTMENT_GAP: { days: number };
  /** Applies to promotions whose target is one of `appliesToLevels`. */
  PROMO_WORK_YEARS: { years: number; appliesToLevels: string[] };
  PROMO_GRASSROOTS_YEARS: { years: number; appliesToLevels: string[] };
  /** Posts held in the band below the target (its deputy and chief levels together). */
  PROMO_TWO_POSTS: { posts: number; appliesToLevels: string[] };
  /** Deputy → chief of the same band, and chief → next band's deputy; per-step numbers live on the ladder. */
  PROMO_TIME_IN_LEVEL: { deputyToChiefYears: number; chiefToNextDeputyYears: number };
  /** Education levels in order, lowest first, and the minimum per target level (default for the rest). */
  PROMO_EDUCATION: { order: string[]; defaultMinimum: string; minimumByLevel: Record<string, string> };
  /**
   * The effects of annual appraisals. The optional params came with the 2026 appraisal effects; a version published
   * before them has none and is read as it was applied then (appraisalParams in src/rules/promo-appraisal.rule.ts):
   * years adjusted on the RANK ladder only, no partial first year, one counted year lifts a block.
   */
  PROMO_APPRAISAL: {
    /** Months each EXCELLENT year takes off the time needed, on the ladders of `excellentLadders`. */
    excellentShortensMonths: number;
    /** Grades whose years do not count toward time at a level, on the ladders of `notCountingLadders`. */
    notCountingGrades: string[];
    /** Grades that block promotion until `countedYearsToLift` later years with a counting grade have ended. */
    blockingGrades: string[];
    /** Ladder ids (LEADERSHIP, RANK) whose time the notCountingGrades years do not count toward. */
    notCountingLadders?: string[];
    /** Ladder ids whose time EXCELLENT years shorten. */
    excellentLadders?: string[];
    /** Later years graded outside notCountingGrades that lift a blocking grade (0: a blocking grade never blocks). */
    countedYearsToLift?: number;
    /** Whether the grade of the year a level began in counts when the level began after 1 January. */
    partialFirstYearCounts?: boolean;
  };
  /** Flag APPRAISAL_INCOMPETENT in the `followingYears` calendar years after a year graded one of `grades`. */
  APPRAISAL_INCOMPETENT: { grades: string[]; followingYears: number };
  /**
   * 破格提拔: on an exceptional list only, these requirements (`waives`) are set aside, and the cadre needs
   * SPECIALIST_STRENGTH in the post's domain, probation over and `sinceLastPromotionYears` since the last promotion;
   * never more than `maxLevelsAtOnce` levels (1: the next step, which is all a list offers).
   */
  PROMO_EXCEPTIONAL: {
    sinceLastPromotionYears: number;
    probationMonths: number;
    maxLevelsAtOnce: number;
    waives: string[];
  };
  /** Reads SANCTION_PERIODS; no params of its own. */
  PROMO_NO_SANCTION_IN_EFFECT: Record<string, never>;
  /**
   * The influence period (影响期) of each kind of sanction or accountability record (every SanctionKind), from its
   * effective date, and the article that sets it. A revocation or 容错 decision ends it from its date.
   */
  SANCTION_PERIODS: { periods: Record<string, SanctionPeriod> };
  /**
   * Centralised training in the rolling window of `windowYears` up to the date, for the listed levels: `hours`
   * class hours, or `days` days of training (the text's "3 months"), of the `countingKinds` only. The window does
   * not start before entry to the band (the continuous run at the listed levels); until the band has lasted
   * windowYears both are pro-rated to the days since entry (INFO), after that judged in full (WARNING). A version
   * stored before `days` and `countingKinds` existed has no days alternative and counts every kind.
   */
  TRAINING_5Y: {
    hours: number;
    days?: number;
    windowYears: number;
    countingKinds?: string[];
    appliesToLevels: string[];
  };
  /**
   * Centralised training per calendar year for the listed levels: `hours` class hours, or `days` days of training
   * (the text's "12 days"), of the `countingKinds` only. The last completed year is judged (WARNING); the current
   * year is shown pro-rated to the date (INFO). Both are pro-rated to the days in the band in a year of entry.
   */
  TRAINING_ANNUAL: { hours: number; days?: number; countingKinds?: string[]; appliesToLevels: string[] };
  /** Qualifying training (these kinds, at least these days) within `withinMonths` of a new leadership appointment. */
  INDUCTION_TRAINING: {
    withinMonths: number;
    qualifyingKinds: string[];
    daysByLevel: Record<string, number>;
  };
  /**
   * Induction training (INDUCTION_TRAINING's kinds and days for the target level) ending within `windowMonths`
   * before the promotion; otherwise due within INDUCTION_TRAINING.withinMonths after it (soft).
   */
  PROMO_TRAINING: { windowMonths: number };
  /** Years of Party membership for a Party post, by target level; which unit kinds hold Party posts. */
  PROMO_PARTY_AGE: { yearsByLevel: Record<string, number>; partyUnitKinds: string[] };
  /** Verified achievements only. Any one criterion is enough. */
  SPECIALIST: {
    minCount: number;
    windowYears: number;
    /** One achievement recognised at this level or above. */
    recognitionAtLeast: string;
    /** One achievement with a measured improvement of at least this percentage. */
    minImprovementPercent: number;
    /**
     * Years before asOf within which a recognised achievement counts (like windowYears for the count). A version
     * published before this param existed has none: recognition never expires there.
     */
    recognitionWindowYears?: number;
    /** The same for the measured-improvement criterion. */
    improvementWindowYears?: number;
  };
  /**
   * 职务与职级并行: each leadership level → its corresponding ranks, lowest first. A cadre without a rank grant
   * holds the lowest by correspondence, and time in the post counts as time at that rank.
   */
  RANK_FROM_POST: { correspondence: Record<string, string[]> };
  /**
   * 回避: relatives of these kinds (family_member.relation_kind, linked to a cadre) may not hold posts in the same
   * unit's leadership or in a direct reporting line; the posts of `homeAreaPosts`, in units at `homeAreaUnitLevels`,
   * are not held in the area (unit.area_name) of one's native place or place of birth.
   */
  AVOIDANCE: {
    closeRelations: string[];
    homeAreaUnitLevels: string[];
    homeAreaPosts: HomeAreaPost[];
  };
  /**
   * Targets for a unit's leadership team (its holders of leadership levels): at least `minWomen` women, at least
   * `minYoung` young cadres (age at most youngMaxAgeByLevel[their level]), and at least `minGrassrootsShare` of the
   * holders with grassroots experience; `ageBands` are the upper ages of the bands counted (the last is open).
   */
  TEAM_STRUCTURE: {
    minWomen: number;
    minYoung: number;
    youngMaxAgeByLevel: Record<string, number>;
    minGrassrootsShare: number;
    ageBands: number[];
  };
}

/**
 * A post subject to home-area avoidance, recognised on a posting by its unit and title: the unit's kind is one of
 * `unitKinds` (empty: any), its name matches `unitNamePattern` (when given), and the title matches `titlePattern`
 * (regular expressions, the same in JavaScript and PostgreSQL).
 */
export interface HomeAreaPost {
  code: string;
  unitKinds: string[];
  unitNamePattern?: string;
  titlePattern: string;
}

/** One kind's period: whole months from the effective date (that day counted), and its article. */
export interface SanctionPeriod {
  months: number;
  source: string;
}

/** A text in each locale, Chinese first. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** One document a rule cites. */
export interface CitationReference {
  /** The document's title in Chinese, without 《》, e.g. 党政领导干部选拔任用工作条例. */
  title: string;
  year: number | null;
  /** The article in Chinese, e.g. 第八条第（三）项; null when the document is cited as a whole. */
  article: string | null;
  /** The same article in English, e.g. art. 8(3). */
  articleEn: string | null;
  /** The title in English; when absent, the shared dictionary's (DOCUMENT_TITLES_EN in src/i18n/labels.ts). */
  titleEn?: string | null;
}

/**
 * Where a rule comes from: the documents, and whether its number is the national text's (NATIONAL_DEFAULT) or a
 * choice (LOCAL_CHOICE: a locality's, or this product's where no text sets one).
 */
export interface RuleCitation {
  basis: 'NATIONAL_DEFAULT' | 'LOCAL_CHOICE';
  references: CitationReference[];
  /** What to check or why it is a choice; null when nothing needs saying. */
  note: LocalizedText | null;
}

export interface RuleDefinition<K extends RuleId = RuleId> {
  id: K;
  /** One sentence a clerk can read (English; `sentences` has it in each locale). */
  sentence: string;
  /** The public text it comes from, as one line (`citation` has it structured). */
  source: string;
  /** The sentence in each locale. A version stored before it existed lacks it (see rule-texts.ts). */
  sentences?: LocalizedText;
  /** The source, structured. A version stored before it existed lacks it (see rule-texts.ts). */
  citation?: RuleCitation;
  params: RuleParams[K];
}

/** Ranking weights for candidate pools (issue 5); factor name → weight. */
export type RankingWeights = Record<string, number>;

export interface PolicyDocument {
  ladders: Ladder[];
  rules: { [K in RuleId]: RuleDefinition<K> };
  rankingWeights: RankingWeights;
}
