import { LadderStep, PolicyDocument, RuleId } from '../policy/policy.types';
import { FlagCode } from './codes';
import { ParamShape } from './params';
import { Requirement } from './requirement';
import { SqlParams } from '../common/sql/sql-params';
import { FlagQuery, FlagSql } from './sql/flag-sql';
import { SpanDependency } from './spans/limit-spans.sql';

/** A flag rule: set-based SQL over a scope of cadres, producing flags with these codes. */
export interface FlagRule<K extends RuleId = RuleId> {
  id: K;
  kind: 'flag';
  params: ParamShape;
  codes: readonly FlagCode[];
  sql: (s: FlagSql) => FlagQuery;
  /** The same flags read from rule_span, for the rules whose spans are kept (every flag rule but PROMOTION_ELIGIBLE). */
  spans?: (s: FlagSql) => FlagQuery;
  /**
   * The rule's spans for the cadres in the plpgsql variable `ids` (uuid[]): one INSERT INTO rule_span statement
   * (RULES-CORE.md, issue 14), installed into refresh_rule_spans by the rules installer.
   */
  spanSql?: string;
  /** The writes that change this rule's spans (see SpanDependency). */
  dependsOn?: readonly SpanDependency[];
}

/** Placeholders and context the readiness SQL of a promotion requirement is written against. */
export interface ReadinessSql {
  p: SqlParams;
  /** `$n::date` */
  asOf: string;
  policy: PolicyDocument;
}

/**
 * A promotion requirement, written once: `evaluate` (TypeScript, over one cadre's facts) and, for lists that
 * filter and rank a whole jurisdiction by readiness, `sql`: the date from which it is met, over `f`
 * (pathway_facts) and `st` (the step's thresholds) — '-infinity' when met or not applicable with no date
 * to give, NULL when time alone cannot meet it. The parity spec (promotion.parity.spec.ts) holds the two
 * together over generated careers on many dates.
 */
export interface PromotionRule<K extends RuleId = RuleId> {
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

/** A policy rule no code evaluates yet: listed honestly (Policy.rules.evaluated is false). */
export interface NotEvaluatedRule<K extends RuleId = RuleId> {
  id: K;
  kind: 'not-evaluated';
  params: ParamShape;
  /** Why, and what evaluating it needs. */
  note: string;
}

export type Rule<K extends RuleId = RuleId> =
  FlagRule<K> | PromotionRule<K> | ParameterRule<K> | NotEvaluatedRule<K>;
