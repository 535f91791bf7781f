/**
 * Placeholders the flag SQL is written against. The policy document is one jsonb parameter, so every
 * threshold is read from the version in force, never from a constant.
 */
export interface FlagSql {
  /** e.g. `$1::date` */
  asOf: string;
  /** e.g. `$2::jsonb`, the whole policy document. */
  doc: string;
  /** A `$n::text` when SPECIALIST_STRENGTH is limited to one domain. */
  domain?: string;
}

/*
 * Each reads the document in an uncorrelated subquery, which PostgreSQL evaluates once per statement (an
 * InitPlan); written inline, the jsonb path was evaluated again for every row (a province has ~95,000).
 */

/** A number parameter of a rule, e.g. param(s, 'POST_LIMIT_SAME_POST', 'years') → numeric. */
export const param = (s: FlagSql, rule: string, key: string): string =>
  `(SELECT (${s.doc} #>> '{rules,${rule},params,${key}}')::numeric)`;

/** A list parameter of a rule, as jsonb (test membership with `@> to_jsonb(x::text)`). */
export const list = (s: FlagSql, rule: string, key: string): string =>
  `(SELECT ${s.doc} #> '{rules,${rule},params,${key}}')`;

export const source = (s: FlagSql, rule: string): string => `(SELECT ${s.doc} #>> '{rules,${rule},source}')`;

/** Every flag query selects these columns, in this order. */
export const FLAG_COLUMNS = 'cadre_id, code, severity, rule_id, source, message, facts, over_by';

/** A common table expression and the ones it reads. */
export interface Cte {
  sql: string;
  deps: string[];
}

/** One rule's flags: a SELECT of FLAG_COLUMNS and the CTEs it needs, shared ones or its own. */
export interface FlagQuery {
  ctes: string[];
  select: string;
  /** CTEs only this rule reads, by name (the names must not clash with the shared ones). */
  own?: Record<string, Cte>;
}
