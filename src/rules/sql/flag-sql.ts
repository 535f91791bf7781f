import { SqlParams } from '../../common/sql/sql-params';
import { PolicyDocument, RuleId } from '../../policy/policy.types';

/**
 * What the flag SQL is written against: the statement's parameters and the policy version in force. Every
 * threshold is bound from that version as a parameter (param, list, source), never written as a constant.
 */
export interface FlagSql {
  p: SqlParams;
  policy: PolicyDocument;
  /** e.g. `$1::date` */
  asOf: string;
  /**
   * `$n::date` when an evaluation counts achievements verified by another date than asOf (asOfRecorded); by
   * default the records verified by asOf count.
   */
  asOfRecorded?: string;
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
  /**
   * scope_cur is every active cadre (a list over every unit): a light span read keeps its spans to it by leaving
   * out the few inactive cadres (an anti-join over cadre_inactive_idx) instead of joining the 95,000 active ones.
   */
  everyActive?: boolean;
}

/** A rule's message and facts columns, or NULLs when the statement is light. */
export const details = (s: FlagSql, message: string, facts: string): string =>
  s.light ? 'NULL::text, NULL::jsonb' : `${message},\n           ${facts}`;

const paramsOf = (s: FlagSql, rule: RuleId): Record<string, unknown> => s.policy.rules[rule].params;

/** A number parameter of a rule, e.g. param(s, 'POST_LIMIT_SAME_POST', 'years') → `$n::numeric`. */
export const param = (s: FlagSql, rule: RuleId, key: string): string =>
  s.p.add(paramsOf(s, rule)[key], 'numeric');

/** A list parameter of a rule, as text[] (test membership with `x = ANY(…)`). */
export const list = (s: FlagSql, rule: RuleId, key: string): string =>
  s.p.add(paramsOf(s, rule)[key], 'text[]');

/** An object parameter of a rule, as jsonb (daysByLevel). */
export const map = (s: FlagSql, rule: RuleId, key: string): string =>
  s.p.add(JSON.stringify(paramsOf(s, rule)[key]), 'jsonb');

export const source = (s: FlagSql, rule: RuleId): string => s.p.add(s.policy.rules[rule].source, 'text');

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

/** No flags: a rule's query under a policy version that lacks the rule. */
export const NO_FLAGS: FlagQuery = {
  ctes: [],
  select: `SELECT NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::jsonb, 0 WHERE false`,
};

/**
 * The flags of a rule kept as spans, read from rule_span: the span holding on asOf carries every fact and the
 * source; the message is written from the facts (`message` over `sp.facts`) and the days past from the fact
 * `lastDay` (the last day flagged).
 */
export function spanFlags(
  s: FlagSql,
  o: { rule: RuleId; code: string; severity: string; message: (facts: string) => string; lastDay: string },
): FlagQuery {
  return {
    ctes: [],
    select: `
    SELECT sp.cadre_id, '${o.code}', '${o.severity}', '${o.rule}', sp.facts ->> 'source',
           ${details(s, o.message('sp.facts'), 'sp.facts')},
           (${s.asOf} - ((sp.facts ->> '${o.lastDay}')::date + 1))::int
      FROM rule_span sp JOIN scope sc ON sc.cadre_id = sp.cadre_id
     WHERE sp.rule_id = '${o.rule}' AND sp.valid @> ${s.asOf}`,
  };
}

/**
 * A span rule's flags on asOf for a light statement (s.light): who holds which code and severity, and the days past
 * over_from, from rule_span's columns alone; `within` is the scope CTE the rule's own reader keeps its spans to.
 * "Holding on asOf" as two ranges of rule_span_holding_idx, so the read is index-only: the open spans started by
 * asOf, and the bounded ones started by asOf that end after it.
 */
export function lightSpanFlags(s: FlagSql, rule: RuleId, within: 'scope' | 'scope_cur'): FlagQuery {
  if (!s.policy.rules[rule]) return NO_FLAGS;
  const kept =
    within === 'scope_cur' && s.everyActive
      ? `NOT EXISTS (SELECT 1 FROM cadre x WHERE x.id = sp.cadre_id AND x.status <> 'ACTIVE')`
      : `sp.cadre_id IN (SELECT cadre_id FROM ${within})`;
  const src = source(s, rule);
  const holding = (until: string) => `
    SELECT sp.cadre_id, sp.code, sp.severity, '${rule}', ${src}, NULL::text, NULL::jsonb,
           coalesce(${s.asOf} - sp.over_from, 0)
      FROM rule_span sp
     WHERE sp.rule_id = '${rule}' AND ${until} AND sp.valid_from <= ${s.asOf} AND ${kept}`;
  return {
    ctes: within === 'scope_cur' ? ['scope_cur'] : [],
    select: `${holding('sp.valid_to IS NULL')}
    UNION ALL${holding(`sp.valid_to > ${s.asOf}`)}`,
  };
}
