import { FlagCode } from './codes';
import { commonCtes } from './facts/current-posting.sql';
import { FLAG_RULES } from './registry';
import { SqlParams } from '../common/sql/sql-params';
import { PolicyDocument } from '../policy/policy.types';
import { Cte, FLAG_COLUMNS, FlagSql, lightSpanFlags } from './sql/flag-sql';
import { CadreScope, scopeSql, SMALL_SUBTREE_UNITS } from './sql/scope.sql';

export interface FlagQueryOptions {
  asOf: string;
  policy: PolicyDocument;
  /** Given cadres as they are, or the active cadres with a posting of any kind on asOf in a jurisdiction. */
  scope: CadreScope;
  /** Only these codes; all when empty or absent. */
  codes?: readonly FlagCode[];
  /** SPECIALIST_STRENGTH for this domain only. */
  domain?: string;
  /** Count the achievements verified by this date instead of asOf (see FlagSql.asOfRecorded). */
  asOfRecorded?: string;
  /** Rows computed outside this SQL (PROMOTION_ELIGIBLE), FLAG_COLUMNS in snake_case; kept to the scope. */
  extraRows?: readonly object[];
  /** Message and facts left NULL (see FlagSql.light). */
  light?: boolean;
  /** Read the rules whose spans are kept (rule_span) from their spans instead of evaluating them. */
  fromSpans?: boolean;
}

/**
 * The scope for a unit subtree given its root and its units' ids: a county's or a prefecture's ids, which
 * PostgreSQL estimates well; for a larger subtree (a province has thousands of units, and planning a statement
 * around an array that long took 30–50 ms) the root, tested by path for each cadre; for the subtree of every
 * unit, no unit test at all (a third of a province's flag evaluation was spent proving each cadre in it).
 */
export function subtreeScope(rootId: string, unitIds: readonly string[], allUnits = false): CadreScope {
  if (allUnits) return { posted: true };
  return unitIds.length <= SMALL_SUBTREE_UNITS ? { unitIds } : { unitId: rootId };
}

/** Which cadres a list keeps: those holding every code of allOf and, when anyOf is not empty, one of anyOf. */
export interface FlagMatch {
  allOf: readonly FlagCode[];
  anyOf: readonly FlagCode[];
}

/** The codes a match evaluates and shows: those of both lists; undefined (every code) when both are empty. */
export function matchCodes(m: FlagMatch): FlagCode[] | undefined {
  const codes = [...new Set([...m.allOf, ...m.anyOf])];
  return codes.length ? codes : undefined;
}

/** `HAVING …` over the rows of `flags` grouped by cadre_id: the cadres that match (empty: every cadre). */
export function matchHaving(p: SqlParams, m: FlagMatch): string {
  const conds: string[] = [];
  // Each code of allOf held: one bool_or per code, which a hash aggregate computes (a count of distinct codes made
  // PostgreSQL sort a province's flags by cadre).
  for (const code of new Set(m.allOf)) conds.push(`bool_or(code = ${p.add(code, 'text')})`);
  if (m.anyOf.length) conds.push(`bool_or(code = ANY(${p.add([...new Set(m.anyOf)], 'text[]')}))`);
  return conds.length ? `HAVING ${conds.join(' AND ')}` : '';
}

/** Adds `name` and what it reads to `out`, dependencies first. */
function collect(name: string, all: Record<string, Cte>, out: string[]): void {
  if (out.includes(name)) return;
  for (const dep of all[name].deps) collect(dep, all, out);
  out.push(name);
}

/**
 * The rules that can produce `codes` (all rules when empty) over a `scope (cadre_id)` CTE defined by the
 * caller: the CTEs they read, as `name AS (…)` in dependency order (scope itself left out), and each rule's
 * SELECT of FLAG_COLUMNS. buildFlagsQuery unions them; candidate ranking joins them into its own statement.
 */
export function flagRuleSql(
  s: FlagSql,
  codes?: readonly FlagCode[],
  fromSpans = false,
): { ctes: string[]; selects: string[] } {
  const wanted = codes?.length ? new Set(codes) : undefined;
  const rules = FLAG_RULES.filter((r) => !wanted || r.codes.some((c) => wanted.has(c))).map((r) => {
    if (!fromSpans || !r.spans) return r.sql(s);
    return s.light && r.lightScope ? lightSpanFlags(s, r.id, r.lightScope) : r.spans(s);
  });
  const all: Record<string, Cte> = { scope: { sql: '', deps: [] }, ...commonCtes(s) };
  for (const r of rules) Object.assign(all, r.own);
  const names: string[] = ['scope'];
  for (const r of rules) for (const c of r.ctes) collect(c, all, names);
  return {
    ctes: names.slice(1).map((n) => `${n} AS ${all[n].inline ? 'NOT MATERIALIZED ' : ''}(${all[n].sql})`),
    selects: rules.map((r) => `SELECT * FROM (${r.select}) AS q(${FLAG_COLUMNS})`),
  };
}

/**
 * One SQL statement `WITH …, flags AS (…)`: every requested rule as a set-based query over the scope,
 * unioned. The caller appends the final SELECT from `flags` and receives the parameters to bind.
 */
export function buildFlagsQuery(o: FlagQueryOptions): { withSql: string; params: SqlParams } {
  const p = new SqlParams();
  const asOf = p.add(o.asOf, 'date');
  const s: FlagSql = { p, policy: o.policy, asOf, light: o.light };
  const flagScope = { asOf, posting: 'any', active: true, keepGiven: true } as const;
  if (o.scope.posted) Object.assign(s, { scopeCur: scopeSql(p, {}, flagScope), everyActive: true });
  if (o.domain) s.domain = p.add(o.domain, 'text');
  if (o.asOfRecorded && o.asOfRecorded !== o.asOf) s.asOfRecorded = p.add(o.asOfRecorded, 'date');
  const wanted = o.codes?.length ? new Set(o.codes) : undefined;
  // A light read of a county's or prefecture's units (unitIds) keeps each rule's spans to the scope: materialized, the
  // scope's postings are read once instead of once for each rule's branch (flagged-district: 4,000 instead of 12,600
  // buffers).
  const once = o.light && o.scope.unitIds ? '' : 'NOT ';
  const scope = `scope AS ${once}MATERIALIZED (${scopeSql(p, o.scope, flagScope)})`;
  const rules = flagRuleSql(s, o.codes, o.fromSpans);

  const selects = rules.selects;
  if (o.extraRows?.length) {
    selects.push(`
    SELECT ${FLAG_COLUMNS} FROM jsonb_to_recordset(${p.add(JSON.stringify(o.extraRows), 'jsonb')})
      AS x(cadre_id uuid, code text, severity text, rule_id text, source text, message text, facts jsonb, over_by int)
     WHERE x.cadre_id IN (SELECT cadre_id FROM scope)`);
  }
  const union = selects.length
    ? selects.join('\n    UNION ALL\n')
    : `SELECT ${FLAG_COLUMNS} FROM (SELECT NULL::uuid, ''::text, ''::text, ''::text, ''::text, ''::text,
         '{}'::jsonb, 0) AS none(${FLAG_COLUMNS}) WHERE false`;
  const filter = wanted ? `WHERE code = ANY(${p.add([...wanted], 'text[]')})` : '';
  // Names every parameter once, so each has a type even when nothing reads it: PROMOTION_ELIGIBLE alone reads
  // no rule's, and a light statement leaves out the messages and facts that read some.
  const args = `args AS (SELECT ${p.all().join(', ')})`;
  const ctes = [args, scope, ...rules.ctes, `flags AS (SELECT * FROM (${union}) AS u ${filter})`];
  return { withSql: `WITH ${ctes.join(',\n')}`, params: p };
}
