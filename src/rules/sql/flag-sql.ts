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
  /**
   * Leave each flag's message and facts NULL: for a statement that only counts and orders flags (a page of
   * flagged cadres over a province), whose page then reads its flags in full.
   */
  light?: boolean;
  /**
   * The scope for rows that are themselves a current regular posting of the cadre (see commonCtes'
   * scope_cur), when it is simpler than `scope`; by default scope itself.
   */
  scopeCur?: string;
}

/** A rule's message and facts columns, or NULLs when the statement is light. */
export const details = (s: FlagSql, message: string, facts: string): string =>
  s.light ? 'NULL::text, NULL::jsonb' : `${message},\n           ${facts}`;

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
  /** Planned into each query that reads it (NOT MATERIALIZED), even when read more than once. */
  inline?: boolean;
}

/** One rule's flags: a SELECT of FLAG_COLUMNS and the CTEs it needs, shared ones or its own. */
export interface FlagQuery {
  ctes: string[];
  select: string;
  /** CTEs only this rule reads, by name (the names must not clash with the shared ones). */
  own?: Record<string, Cte>;
}
