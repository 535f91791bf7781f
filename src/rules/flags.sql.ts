import { FlagCode } from './codes';
import { commonCtes } from './facts/current-posting.sql';
import { FLAG_RULES } from './registry';
import { Cte, FLAG_COLUMNS, FlagSql } from './sql/flag-sql';

/**
 * Which cadres to evaluate: these ids; or the active cadres with a current posting under a unit (given as the
 * root, or as the ids of every unit in its subtree, which PostgreSQL estimates far better), or anywhere
 * (`posted`: a subtree holding every unit); or all active ones.
 */
export type FlagScope =
  { cadreIds: readonly string[] } | { unitIds: readonly string[] } | { unitId?: string } | { posted: true };

export interface FlagQueryOptions {
  asOf: string;
  document: unknown;
  scope: FlagScope;
  /** Only these codes; all when empty or absent. */
  codes?: readonly FlagCode[];
  /** SPECIALIST_STRENGTH for this domain only. */
  domain?: string;
  /** Rows computed outside this SQL (PROMOTION_ELIGIBLE), FLAG_COLUMNS in snake_case; kept to the scope. */
  extraRows?: readonly object[];
  /** Message and facts left NULL (see FlagSql.light). */
  light?: boolean;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** Up to this many units in a subtree (a prefecture has a few hundred, the province thousands). */
const SMALL_SUBTREE_UNITS = 2000;

/**
 * The scope for a unit subtree given its root and its units' ids: a county's or a prefecture's ids, which
 * PostgreSQL estimates well; for a larger subtree (a province has thousands of units, and planning a statement
 * around an array that long took 30–50 ms) the root, tested by path for each cadre; for the subtree of every
 * unit, no unit test at all (a third of a province's flag evaluation was spent proving each cadre in it).
 */
export function subtreeScope(rootId: string, unitIds: readonly string[], allUnits = false): FlagScope {
  if (allUnits) return { posted: true };
  return unitIds.length <= SMALL_SUBTREE_UNITS ? { unitIds } : { unitId: rootId };
}

function scopeSql(scope: FlagScope, asOf: string, p: Params): string {
  if ('cadreIds' in scope) return `SELECT DISTINCT unnest(${p.add(scope.cadreIds, 'uuid[]')}) AS cadre_id`;
  if ('unitIds' in scope) {
    const units = p.add(scope.unitIds, 'uuid[]');
    // A county or a prefecture: the cadres looked up by id from the subtree's current postings. Left to plan
    // the EXISTS below, PostgreSQL scanned every cadre (a county on 100,000 cadres: 23 ms, this way 4 ms);
    // for the whole province that scan is the cheaper way (120 ms against 290 ms for 95,000 lookups).
    if (scope.unitIds.length <= SMALL_SUBTREE_UNITS) {
      return `
      SELECT c.id AS cadre_id FROM cadre c
       WHERE c.id = ANY(ARRAY(SELECT p.cadre_id FROM posting p WHERE p.period @> ${asOf} AND p.unit_id = ANY(${units})))
         AND c.status = 'ACTIVE'`;
    }
    return `
      SELECT c.id AS cadre_id FROM cadre c
       WHERE c.status = 'ACTIVE' AND EXISTS (
         SELECT 1 FROM posting p
          WHERE p.cadre_id = c.id AND p.period @> ${asOf} AND p.unit_id = ANY(${units}))`;
  }
  if ('posted' in scope) {
    return `
      SELECT c.id AS cadre_id FROM cadre c
       WHERE c.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM posting p WHERE p.cadre_id = c.id AND p.period @> ${asOf})`;
  }
  if (!scope.unitId) return `SELECT c.id AS cadre_id FROM cadre c WHERE c.status = 'ACTIVE'`;
  return `
      SELECT c.id AS cadre_id FROM cadre c
       WHERE c.status = 'ACTIVE' AND EXISTS (
         SELECT 1 FROM posting p JOIN unit u ON u.id = p.unit_id
          WHERE p.cadre_id = c.id AND p.period @> ${asOf}
            AND u.path <@ (SELECT r.path FROM unit r WHERE r.id = ${p.add(scope.unitId, 'uuid')}))`;
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
export function flagRuleSql(s: FlagSql, codes?: readonly FlagCode[]): { ctes: string[]; selects: string[] } {
  const wanted = codes?.length ? new Set(codes) : undefined;
  const rules = FLAG_RULES.filter((r) => !wanted || r.codes.some((c) => wanted.has(c))).map((r) => r.sql(s));
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
export function buildFlagsQuery(o: FlagQueryOptions): { withSql: string; params: Params } {
  const p = new Params();
  const asOf = p.add(o.asOf, 'date');
  const s: FlagSql = { asOf, doc: p.add(JSON.stringify(o.document), 'jsonb'), light: o.light };
  if ('posted' in o.scope) s.scopeCur = `SELECT c.id AS cadre_id FROM cadre c WHERE c.status = 'ACTIVE'`;
  if (o.domain) s.domain = p.add(o.domain, 'text');
  const wanted = o.codes?.length ? new Set(o.codes) : undefined;
  const scope = `scope AS NOT MATERIALIZED (${scopeSql(o.scope, asOf, p)})`;
  const rules = flagRuleSql(s, o.codes);

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
  // Names every parameter once, so each has a type even when no rule reads it (e.g. PROMOTION_ELIGIBLE alone).
  const args = `args AS (SELECT ${asOf} AS as_of, ${s.doc} AS doc${s.domain ? `, ${s.domain} AS domain` : ''})`;
  const ctes = [args, scope, ...rules.ctes, `flags AS (SELECT * FROM (${union}) AS u ${filter})`];
  return { withSql: `WITH ${ctes.join(',\n')}`, params: p };
}
