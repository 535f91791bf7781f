import { Client } from 'pg';
import { SqlParams } from '../../src/common/sql/sql-params';
import { PolicyDocument } from '../../src/policy/policy.types';
import { buildFlagsQuery, FlagMatch, matchHaving, subtreeScope } from '../../src/rules/flags.sql';
import { FlagCode, severityRankSql } from '../../src/rules/codes';
import { readyNowSql } from '../../src/rules/readiness.sql';
import { pathwaySpanVersions, readyNowFromSpansSql } from '../../src/rules/spans/pathway-spans.sql';
import { CadreScope } from '../../src/rules/sql/scope.sql';
import { list, text } from '../json';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const NODE = `
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        cadre { id externalId name }
        flags { code severity message ruleId source facts overBy }
      }
    }`;

/** The filter the scenarios before issue 16 send (`codes`, now the deprecated name of anyOf). */
const codesQuery = (code: FlagCode) => `
query Flagged($unitId: ID) {
  flaggedCadres(first: 20, filter: { codes: [${code}], unitId: $unitId }) {${NODE}
  }
}`;

const matchQuery = (m: FlagMatch) => `
query Flagged($unitId: ID) {
  flaggedCadres(first: 20, filter: { allOf: [${m.allOf.join(', ')}], anyOf: [${m.anyOf.join(', ')}], unitId: $unitId }) {${NODE}
  }
}`;

const PE = FlagCode.PROMOTION_ELIGIBLE;

/** A matching cadre as the service orders them: worst severity first (negated rank), then most days past. */
export interface MatchRow {
  cadre_id: string;
  worst: number;
  over_by: number;
}

/**
 * The cadres of a scope matching `match` on asOf, written for the raw SQL side. The rules of the match's codes
 * other than PROMOTION_ELIGIBLE read from their spans (light, as the service's first statement), grouped and
 * matched: `per (cadre_id, worst, over_by)`, for the caller's final SELECT. When the match needs
 * PROMOTION_ELIGIBLE (only in allOf, beside other codes: "past the limit and ready"), `ready` decides it for the
 * holders' ids as the service does (PathwayService.eligibleIds): under a version the PATHWAY spans cover, from the
 * span holding on asOf (readyNowFromSpansSql), and for the others their pathway facts and readiness (readyNowSql,
 * held to evaluatePathway by the parity spec: READY_NOW is eligible). In one statement with the first, the
 * holders (a CTE estimated at one row) made the planner loop the facts over them.
 */
export function matchSql(
  asOf: string,
  policy: PolicyDocument,
  scope: CadreScope,
  match: FlagMatch,
): {
  sql: string;
  values: unknown[];
  others: FlagCode[];
  ready?: (client: Client, ids: string[]) => Promise<string[]>;
} {
  const codes = [...new Set([...match.allOf, ...match.anyOf])];
  const others = codes.filter((c) => c !== PE);
  const withPe = codes.length !== others.length;
  if (withPe && (match.anyOf.length || others.length === 0)) {
    throw new Error('matchSql: PROMOTION_ELIGIBLE only in allOf, beside other codes of allOf');
  }
  const { withSql, params: p } = buildFlagsQuery({
    asOf,
    policy,
    scope,
    codes: others,
    light: true,
    fromSpans: true,
  });
  const rest = { allOf: match.allOf.filter((c) => c !== PE), anyOf: match.anyOf };
  const sql = `${withSql},
    per AS (
      SELECT cadre_id, -max(${severityRankSql('severity')}) AS worst, max(over_by) AS over_by
        FROM flags GROUP BY cadre_id ${matchHaving(p, rest)})`;
  if (!withPe) return { sql, values: p.values, others };
  const onTheFly = async (client: Client, ids: string[]): Promise<string[]> => {
    if (!ids.length) return [];
    const q = new SqlParams();
    const text = readyNowSql(q, q.add(asOf, 'date'), policy, q.add(ids, 'uuid[]'));
    return (await client.query<{ cadre_id: string }>(text, q.values)).rows.map((r) => r.cadre_id);
  };
  // As PathwayService.eligibleIds: under a version the PATHWAY spans cover, leadership steps from the spans.
  const ready = async (client: Client, ids: string[]): Promise<string[]> => {
    const { rows: v } = await client.query<{ version: number }>(
      `SELECT version FROM policy_version WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
      [asOf],
    );
    const covered = await pathwaySpanVersions(
      async (sql) => (await client.query<{ v: number[] | null }>(sql)).rows,
    );
    if (!v[0] || !covered.includes(v[0].version)) return onTheFly(client, ids);
    const q = new SqlParams();
    const { rows } = await client.query<{ cadre_id: string; ready: boolean }>(
      readyNowFromSpansSql(q.add(asOf, 'date'), q.add(ids, 'uuid[]')),
      q.values,
    );
    const rest = rows.filter((r) => !r.ready).map((r) => r.cadre_id);
    return [...rows.filter((r) => r.ready).map((r) => r.cadre_id), ...(await onTheFly(client, rest))];
  };
  return { sql, values: p.values, others, ready };
}

/**
 * Runs matchSql's statements on `client` (in the caller's transaction) and returns the matching cadres, ordered as
 * the service orders them. PROMOTION_ELIGIBLE is INFO with no days past: a cadre's worst is that of its other
 * codes, its days past at least 0.
 */
export async function matchRows(client: Client, m: ReturnType<typeof matchSql>): Promise<MatchRow[]> {
  const { rows } = await client.query<MatchRow>(`${m.sql} SELECT * FROM per`, m.values);
  if (!m.ready) return rows;
  if (!rows.length) return [];
  await client.query('SET LOCAL jit = off');
  const ok = new Set(
    await m.ready(
      client,
      rows.map((r) => r.cadre_id),
    ),
  );
  return rows
    .filter((r) => ok.has(r.cadre_id))
    .map((r) => ({ ...r, over_by: Math.max(r.over_by, 0) }))
    .sort((a, b) => a.worst - b.worst || b.over_by - a.over_by || (a.cadre_id < b.cadre_id ? -1 : 1));
}

export interface FlagScenarioOptions {
  /** The scenario's name, e.g. flagged-stuck-province. */
  name: string;
  /** The filter's codes, e.g. `{ allOf: [POSTING_LIMIT_EXCEEDED, PROMOTION_ELIGIBLE], anyOf: [] }`. */
  match: FlagMatch;
  /** What the label says the list is, e.g. `allOf: [POSTING_LIMIT_EXCEEDED, PROMOTION_ELIGIBLE]`. */
  what: string;
}

/**
 * The first page of flagged cadres under a unit, as the service computes it: the rules' own set-based SQL (the
 * same builder, with the same scope: the subtree's unit ids, its root for a large one, none for the whole
 * province) without messages and facts, grouped, matched, ordered, counted and limited in one statement; then
 * the page's cadres' flags in full, and their names. Without `o`: `codes: [code]`, as before issue 16.
 */
export function flaggedScenario(
  ctx: ScenarioContext,
  where: 'district' | 'province',
  code: FlagCode = FlagCode.POSTING_LIMIT_EXCEEDED,
  o?: FlagScenarioOptions,
): Scenario {
  const { fixtures, tokens } = ctx;
  const unit = where === 'district' ? fixtures.district : fixtures.province;
  const token = tokens.orgDept(unit.id);
  const match: FlagMatch = o?.match ?? { allOf: [], anyOf: [code] };
  const policy = fixtures.policyDocument as PolicyDocument;
  // The synthetic province holds every unit of its database.
  const scope = subtreeScope(unit.id, unit.unitIds, where === 'province');
  const matched = matchSql(fixtures.asOf, policy, scope, match);
  const withPe = !!matched.ready;
  const limit = `$${matched.values.length + 1}::int`;
  const sql = `${matched.sql}
    SELECT per.*, (SELECT count(*) FROM per)::int AS total FROM per
     ORDER BY worst, over_by DESC, cadre_id LIMIT ${limit}`;
  const values = [...matched.values, 21];
  /** The first page's ids and the total: one statement, or matchRows when PROMOTION_ELIGIBLE is asked for. */
  const firstPage = async (client: Client): Promise<{ page: string[]; total: number }> => {
    if (withPe) {
      const rows = await matchRows(client, matched);
      return { page: rows.slice(0, 20).map((r) => r.cadre_id), total: rows.length };
    }
    const { rows } = await client.query<{ cadre_id: string; total: number }>(sql, values);
    return { page: rows.slice(0, 20).map((r) => r.cadre_id), total: rows[0]?.total ?? 0 };
  };
  const pageFlags = (cadreIds: string[]) => {
    const full = buildFlagsQuery({
      asOf: fixtures.asOf,
      policy,
      scope: { cadreIds },
      fromSpans: true,
      codes: matched.others,
    });
    return {
      text: `${full.withSql} SELECT f.*, c.external_id, c.name FROM flags f JOIN cadre c ON c.id = f.cadre_id`,
      values: full.params.values,
    };
  };
  const name = o
    ? o.name
    : code === FlagCode.POSTING_LIMIT_EXCEEDED
      ? `flagged-${where}`
      : `flagged-${code.toLowerCase().replace(/_/g, '-')}-${where}`;
  const what = o?.what ?? code;
  return {
    // flagged-district, flagged-province; flagged-training-shortfall-district …
    name,
    label:
      where === 'district'
        ? `\`flaggedCadres(${what})\` page 1, county ${unit.code}`
        : `\`flaggedCadres(${what})\` page 1, province`,
    targets: { p95Ms: LIST_P95_MS },
    requests: [{ query: o ? matchQuery(match) : codesQuery(code), variables: { unitId: unit.id }, token }],
    keys: (data) => [
      `total ${text(data, 'flaggedCadres', 'totalCount')}`,
      ...list(data, 'flaggedCadres', 'edges').map(
        (e) => `${text(e, 'node', 'cadre', 'id')} ${list(e, 'node', 'flags').length}`,
      ),
    ],
    sql: {
      description: withPe
        ? "the other codes from their spans (light), grouped; the holders' pathway facts and readiness (READY_NOW) in a second statement; ordered and paged; then the page in full"
        : 'the flag rules (src/flags/sql) without messages, grouped, counted and paged; then the page in full',
      run: async (client) => {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        try {
          // As the service's list statement (FlagsService.list): no parallel workers.
          if (!withPe) await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
          const { page, total } = await firstPage(client);
          const { rows: flags } = page.length
            ? await client.query<{ cadre_id: string }>(pageFlags(page))
            : { rows: [] };
          // Each page cadre also holds its PROMOTION_ELIGIBLE flag when the match asks for it.
          const extra = withPe ? 1 : 0;
          return [
            `total ${total}`,
            ...page.map((id) => `${id} ${flags.filter((f) => f.cadre_id === id).length + extra}`),
          ];
        } finally {
          await client.query('COMMIT');
        }
      },
    },
  };
}

/** Issue 16's lists over the province: the new rules' codes, and codes combined (allOf: AND). */
export function issue16FlagScenarios(ctx: ScenarioContext): Scenario[] {
  const { POSTING_LIMIT_EXCEEDED, POSTING_LIMIT_APPROACHING, MIN_SERVICE_NOT_MET, INDUCTION_TRAINING_DUE } =
    FlagCode;
  const any = (code: FlagCode, name: string): FlagScenarioOptions => ({
    name: `flagged-${name}-province`,
    match: { allOf: [], anyOf: [code] },
    what: `anyOf: ${code}`,
  });
  const all = (codes: FlagCode[], name: string): FlagScenarioOptions => ({
    name: `flagged-${name}-province`,
    match: { allOf: codes, anyOf: [] },
    what: `allOf: ${codes.join(' + ')}`,
  });
  return [
    // LEVEL_LIMIT_SAME_AREA, TERM_LIMIT, POST_LIMIT_SAME_POST, LEVEL_TOTAL_LIMIT before their limits
    any(POSTING_LIMIT_APPROACHING, 'approaching'),
    // TOWNSHIP_MIN_SERVICE
    any(MIN_SERVICE_NOT_MET, 'min-service'),
    // INDUCTION_TRAINING: its continuity follows the re-appointment gap (REAPPOINTMENT_GAP)
    any(INDUCTION_TRAINING_DUE, 'induction'),
    // two span codes together
    all([POSTING_LIMIT_EXCEEDED, FlagCode.TRAINING_SHORTFALL], 'exceeded-and-training'),
    // past the limit and ready for promotion (the stuckTalent report's cadres)
    all([POSTING_LIMIT_EXCEEDED, FlagCode.PROMOTION_ELIGIBLE], 'stuck'),
  ].map((o) => flaggedScenario(ctx, 'province', POSTING_LIMIT_EXCEEDED, o));
}
