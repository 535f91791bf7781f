/** What a flag says about a cadre: the reason codes the flag rules produce (flag.model.ts exposes them in GraphQL). */
export enum FlagCode {
  POSTING_LIMIT_EXCEEDED = 'POSTING_LIMIT_EXCEEDED',
  POSTING_LIMIT_APPROACHING = 'POSTING_LIMIT_APPROACHING',
  TRAINING_SHORTFALL = 'TRAINING_SHORTFALL',
  INDUCTION_TRAINING_DUE = 'INDUCTION_TRAINING_DUE',
  /** TOWNSHIP_MIN_SERVICE: moved above the township before the minimum service was met. */
  MIN_SERVICE_NOT_MET = 'MIN_SERVICE_NOT_MET',
  SPECIALIST_STRENGTH = 'SPECIALIST_STRENGTH',
  SANCTION_IN_EFFECT = 'SANCTION_IN_EFFECT',
  /** APPRAISAL_INCOMPETENT: in the year after a year appraised INCOMPETENT. */
  APPRAISAL_INCOMPETENT = 'APPRAISAL_INCOMPETENT',
  /** AVOIDANCE: a posting held against the avoidance rules (relatives, home area). */
  AVOIDANCE_CONFLICT = 'AVOIDANCE_CONFLICT',
  PROMOTION_ELIGIBLE = 'PROMOTION_ELIGIBLE',
}

export enum Severity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}

/** Worst first: the rank used to order flags and flagged cadres. */
export const SEVERITY_RANK: Record<Severity, number> = { INFO: 1, WARNING: 2, CRITICAL: 3 };

/** SEVERITY_RANK in SQL, of the severity column or expression `col`. */
export function severityRankSql(col: string): string {
  const whens = Object.entries(SEVERITY_RANK).map(([s, n]) => `WHEN '${s}' THEN ${n}`);
  return `CASE ${col} ${whens.join(' ')} END`;
}

/** One flag as evaluated: what the flag SQL (or PROMOTION_ELIGIBLE) returns. */
export interface FlagRow {
  cadreId: string;
  code: FlagCode;
  severity: Severity;
  ruleId: string;
  source: string;
  message: string;
  facts: Record<string, unknown>;
  /** Days past the limit (negative: days before it); orders flagged cadres. 0 when a flag has no date. */
  overBy: number;
}

/** Worst severity first, then furthest past its limit, then code. */
export function compareFlags(a: FlagRow, b: FlagRow): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.overBy - a.overBy ||
    a.code.localeCompare(b.code) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
