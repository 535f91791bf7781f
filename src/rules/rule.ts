import { LadderStep, PolicyDocument, RuleId } from '../policy/policy.types';
import { FlagCode } from './codes';
import { ParamShape } from './params';
import { Requirement } from './requirement';
import { SqlParams } from '../common/sql/sql-params';
import { FlagQuery, FlagSql } from './sql/flag-sql';

/**
 * A write that changes a rule's spans: a table, and a SELECT over the transition table `changed` (its rows
 * inserted, deleted, or before and after an update) giving the ids of the cadres concerned, e.g.
 * `{ table: 'training', cadreIds: 'SELECT cadre_id FROM changed' }`.
 */
export interface SpanDependency {
  table: string;
  cadreIds: string;
}

/**
 * A rule whose findings are kept as date spans in rule_span (see src/rules/spans/install.ts, which installs them
 * into the database at boot: no migration). Both fields, or neither.
 */
export interface SpanSource {
  /**
   * ONE SQL statement: `INSERT INTO rule_span (cadre_id, rule_id, code, severity, [domain,] valid_from, valid_to,
   * policy_version, facts) SELECT …` for the cadres in the plpgsql variable `ids` (uuid[]; their old spans are
   * already deleted). It reads its thresholds from policy_version itself, one row per version clipped to the
   * version's in-force range (spanVersions in src/rules/spans/span-sql.ts); a version lacking the rule yields
   * nothing. No column may be named `ids`.
   */
  spanSql?: string;
  /** The writes that change the spans (a new policy version always recomputes every cadre). */
  dependsOn?: readonly SpanDependency[];
  /**
   * The day a flag's days past (over_by) count from, as SQL over a span's `facts` (jsonb): stored in
   * rule_span.over_from by the installer, so a list orders the spans without reading their facts. None: 0 days.
   */
  overFrom?: (facts: string) => string;
  /**
   * The scope CTE the rule's span reader keeps its flags to (`scope_cur`, or `scope`): set when the spans' code,
   * severity and over_from are the flag's own, so a light read (FlagSql.light) takes them from rule_span's
   * columns alone (lightSpanFlags).
   */
  lightScope?: 'scope' | 'scope_cur';
}

/** A flag rule: set-based SQL over a scope of cadres, producing flags with these codes. */
export interface FlagRule<K extends RuleId = RuleId> extends SpanSource {
  id: K;
  kind: 'flag';
  params: ParamShape;
  codes: readonly FlagCode[];
  sql: (s: FlagSql) => FlagQuery;
  /** The same flags read from rule_span, for the rules whose spans are kept (every flag rule but PROMOTION_ELIGIBLE). */
  spans?: (s: FlagSql) => FlagQuery;
}

/** Placeholders and context the readiness SQL of a promotion requirement is written against. */
export interface ReadinessSql {
  p: SqlParams;
  /** `$n::date` */
  asOf: string;
  policy: PolicyDocument;
  /** An exceptional (破格) list: `$n::text`, the post's domain (PROMO_EXCEPTIONAL); absent on every other list. */
  exceptional?: { domain: string };
  /** `$n::boolean`: a list's word on whether the target post is a Party post (PROMO_PARTY_AGE); absent: by unit kind. */
  partyPost?: string;
}

/**
 * A promotion requirement, written once: `evaluate` (TypeScript, over one cadre's facts) and, for lists that
 * filter and rank a whole jurisdiction by readiness, `sql`: the date from which it is met, over `f`
 * (pathway_facts) and `st` (the step's thresholds) — '-infinity' when met or not applicable with no date
 * to give, NULL when time alone cannot meet it. The parity spec (promotion.parity.spec.ts) holds the two
 * together over generated careers on many dates.
 */
export interface PromotionRule<K extends RuleId = RuleId> extends SpanSource {
  id: K;
  kind: 'promotion';
  params: ParamShape;
  evaluate: Requirement;
  /** This rule's thresholds on one ladder step (null: it does not apply); columns of the step row. */
  step: (policy: PolicyDocument, ladder: string, step: LadderStep) => Record<string, unknown>;
  /** The SQL types of the step columns above, as `name type` for jsonb_to_recordset. */
  stepColumns: readonly string[];
  /** The column of requirement_dates: the date it is met, and any lateral join it reads. */
  sql: (x: ReadinessSql) => { date: string; joins?: string };
}

/** A rule whose params other rules read (WARNING_WINDOW: the posting limits' warning period). */
export interface ParameterRule<K extends RuleId = RuleId> {
  id: K;
  kind: 'parameter';
  params: ParamShape;
  readBy: readonly RuleId[];
}

/** A rule that judges a unit's leadership team rather than a cadre: read by the named queries (src/teams). */
export interface TeamRule<K extends RuleId = RuleId> {
  id: K;
  kind: 'team';
  params: ParamShape;
  /** The GraphQL queries that evaluate it. */
  readBy: readonly string[];
}

/** A policy rule no code evaluates yet: listed honestly (Policy.rules.evaluated is false). */
export interface NotEvaluatedRule<K extends RuleId = RuleId> {
  id: K;
  kind: 'not-evaluated';
  params: ParamShape;
  /** Why, and what evaluating it needs. */
  note: string;
}

export type Rule<K extends RuleId = RuleId> =
  FlagRule<K> | PromotionRule<K> | ParameterRule<K> | TeamRule<K> | NotEvaluatedRule<K>;
