import { FlagCode } from '../../rules/codes';
import { flagRuleSql } from '../../rules/flags.sql';
import { FLAG_COLUMNS, FlagSql } from '../../rules/sql/flag-sql';
import { pathwayFactsColumns, pathwayFactsCtes } from '../../rules/facts/pathway-facts.sql';
import { PolicyDocument } from '../../policy/policy.types';
import { readinessCtes } from '../../rules/readiness.sql';
import { SqlParams } from '../../common/sql/sql-params';
import { StepRow } from '../../rules/steps';

export interface FactorWeight {
  factor: string;
  weight: number;
}

/** What one list (promotion, training, specialists) adds to the shared ranking statement. */
export interface ListSpec {
  /** The factors of `score`, in order, with the weights the SQL used (scoreBreakdown shows the same). */
  weights: FactorWeight[];
  /** `SELECT cadre_id, unit_id, level`: the cadres the flags are evaluated over, within the jurisdiction. */
  scope: string;
  /** Flags the list reads from the CTE `flags`. */
  flagCodes: FlagCode[];
  /** `SELECT cadre_id, unit_id, level` from `scope` (and `flags`): the cadres scored; all of scope by default. */
  candidates?: string;
  /**
   * Where readiness is worked out. `all`: for every candidate, so the list can filter and count by it
   * (promotion, specialists). `page`: for the rows of the page only, when the candidates are too many to
   * evaluate every time (training needs); byReadiness is then empty and `scored` must not read pathway_facts.
   * `spans`: read with the candidates from the PATHWAY spans (rule_span): `candidates` also has the columns
   * to_level, readiness and eligible_from; the pathway facts are read for the page rows only, and `scored`
   * must not read pathway_facts (promotion on the leadership ladder).
   */
  readinessFor: 'all' | 'page' | 'spans';
  /** The ladder steps readiness is evaluated for. */
  steps: StepRow[];
  /**
   * `SELECT cadre_id, unit_id, level, score (numeric, 4 decimals), factor_values (jsonb: factor → 0..1), details
   * (jsonb), needs (text[])` (with pageJson its columns instead of factor_values and details), and with
   * readinessFor `spans` the candidate's `readiness`, `to_level` and `eligible_from`, over `candidates`, `flags`
   * and (readinessFor `all`) `pathway_facts`: one row per cadre scored. The candidate's columns are carried
   * through, so the list never joins `candidates` again: the planner cannot size a CTE read from the spans (it
   * guessed 1 row for 7,204), and joining two such CTEs by nested loops grew with the square of the list.
   */
  scored: string;
  /**
   * `factor_values` and `details` built for the rows of the page only, over `pg` (the page row): `scored` then
   * leaves them out and gives the named `columns` instead, which the list carries to the page. Building two jsonb
   * objects for every one of a province's candidates took some 40% of the statement's CPU.
   */
  pageJson?: { columns: readonly string[]; factorValues: string; details: string };
  /** Extra details (jsonb) worked out for the rows of the page only, over `pg.cadre_id`. */
  pageDetails?: string;
  /** An exceptional (破格) list: readiness under PROMO_EXCEPTIONAL (readinessCtes). */
  exceptional?: { domain: string };
  /** `$n::boolean`: whether the post is a Party post (PROMO_PARTY_AGE; readinessCtes). */
  partyPost?: string;
  /** `$n::jsonb`: read the rank ladder's facts (pathwayFactsCtes rankLowestByPost), for a rank step. */
  rankLowestByPost?: string;
  /** Which scored rows are listed, over `s` (scored) and, when readinessFor is `all`, `r` (readiness). */
  filter: string;
}

export interface RankingStatementInput {
  p: SqlParams;
  /** Placeholders: `$n::date`, and the path of the jurisdiction's root `$n::ltree` when there is one. */
  asOf: string;
  root?: string;
  /** `$n::text` when SPECIALIST_STRENGTH is limited to a domain. */
  domain?: string;
  policy: PolicyDocument;
  levelOrder: readonly string[];
  withinMonths: number;
  spec: ListSpec;
  first: number;
  after?: { score: string; cadreId: string };
}

export interface FacetRow {
  key: string;
  label: string | null;
  count: number;
}

/** One row of the statement: the list's totals on every row; a page row unless the list is empty. */
export interface RankingRow {
  total: number;
  by_unit: FacetRow[];
  by_level: FacetRow[];
  by_readiness: FacetRow[];
  cadre_id: string | null;
  score: string;
  factor_values: Record<string, number>;
  details: Record<string, unknown>;
  needs: string[];
  unit_id: string;
  level: string;
  to_level: string | null;
  readiness: string | null;
  eligible_from: string | null;
}

const facet = (column: string, labels: string) => `
      (SELECT coalesce(jsonb_agg(jsonb_build_object('key', x.k, 'label', ${labels}, 'count', x.n)
                                 ORDER BY x.n DESC, x.k), '[]')
         FROM (SELECT ${column}::text AS k, count(*)::int AS n FROM listed GROUP BY 1) x)`;

/**
 * One statement per page. The scope (jurisdiction and, for promotion, the level one step below) comes first,
 * then the flag SQL over it, the candidates, the pathway facts and readiness (src/pathway, src/flags), the
 * list's scores; then the total and facets over everything listed, and the page by keyset (score DESC,
 * cadre_id), so pages never repeat or skip a row whose score has not changed. Each page row carries its
 * pathway facts, from which the service explains it with the pure rules.
 */
export function rankingStatement(o: RankingStatementInput): string {
  const { p, asOf, spec } = o;
  const s: FlagSql = { p, policy: o.policy, asOf, domain: o.domain };
  // Rules whose spans are kept (rule_span) are read from them.
  // No codes would mean every rule's SQL to flagRuleSql: a list without flags binds none.
  const flagSql = spec.flagCodes.length ? flagRuleSql(s, spec.flagCodes, true) : { ctes: [], selects: [] };
  const flags = spec.flagCodes.length
    ? `flags AS MATERIALIZED (SELECT * FROM (${flagSql.selects.join(' UNION ALL ')}) AS u
                               WHERE u.code = ANY(${p.add(spec.flagCodes, 'text[]')}))`
    : `flags AS (SELECT ${FLAG_COLUMNS} FROM (SELECT NULL::uuid, ''::text, ''::text, ''::text, ''::text, ''::text,
                 '{}'::jsonb, 0) AS none(${FLAG_COLUMNS}) WHERE false)`;
  const mode = spec.readinessFor;
  const json = spec.pageJson;
  // Appraisals are read for the page rows only: the SQL rules read the appraisal table themselves.
  const factsCtes = pathwayFactsCtes({
    asOf,
    levelOrder: p.add(o.levelOrder, 'text[]'),
    appraisalsLater: true,
    rankLowestByPost: spec.rankLowestByPost,
  });
  // With the spans, readiness is theirs: its SQL is not written (nor its parameters bound).
  const facts =
    mode === 'spans'
      ? [factsCtes]
      : [
          factsCtes,
          readinessCtes(
            {
              asOf,
              policy: o.policy,
              steps: spec.steps,
              withinMonths: o.withinMonths,
              exceptional: spec.exceptional,
              partyPost: spec.partyPost,
            },
            p,
          ),
        ];
  // Readiness for every candidate (from the facts or the spans), so the list filters and counts by it.
  const all = mode !== 'page';
  const keyset = o.after
    ? `WHERE l.score < ${p.add(o.after.score, 'numeric')}
          OR (l.score = ${p.add(o.after.score, 'numeric')} AND l.cadre_id > ${p.add(o.after.cadreId, 'uuid')})`
    : '';
  const ctes = [
    `scope AS MATERIALIZED (${spec.scope})`,
    ...(spec.flagCodes.length ? flagSql.ctes : []),
    flags,
    `candidates AS MATERIALIZED (${spec.candidates ?? 'SELECT cadre_id, unit_id, level FROM scope'})`,
    ...(mode === 'all' ? [`target AS (SELECT cadre_id FROM candidates)`, ...facts] : []),
    `scored AS (${spec.scored})`,
    `listed AS MATERIALIZED (
      SELECT s.cadre_id, s.score, ${json ? json.columns.map((c) => `s.${c}`).join(', ') : 's.factor_values, s.details'},
             s.needs, s.unit_id, s.level,
             ${mode === 'all' ? 'r.readiness' : mode === 'spans' ? 's.readiness, s.to_level, s.eligible_from' : 'NULL::text AS readiness'},
             CASE WHEN nlevel(cu.path) > d.depth
                  THEN replace(ltree2text(subpath(cu.path, d.depth, 1)), '_', '-')::uuid ELSE cu.id END AS facet_unit
        FROM scored s
        JOIN unit cu ON cu.id = s.unit_id
        CROSS JOIN (SELECT ${o.root ? `nlevel(${o.root})` : '1'} AS depth) d
        ${mode === 'all' ? 'LEFT JOIN readiness r ON r.cadre_id = s.cadre_id' : ''}
       WHERE ${spec.filter})`,
    `page AS (SELECT l.* FROM listed l ${keyset} ORDER BY l.score DESC, l.cadre_id LIMIT ${p.add(o.first, 'int')})`,
    ...(mode === 'page' ? [`target AS (SELECT cadre_id FROM page)`, ...facts] : []),
    // The page rows' facts, from which the service explains them; their readiness is the spans'.
    ...(mode === 'spans' ? [`target AS (SELECT cadre_id FROM page)`, ...facts] : []),
    // Worked out once: the planner, which cannot size the page, would evaluate them again for each page row.
    ...(mode === 'all' ? [] : [`page_facts AS MATERIALIZED (SELECT * FROM pathway_facts)`]),
  ];
  // With the spans, the page rows carry their readiness (the candidates' columns), rather than being joined to
  // every candidate again.
  const readiness =
    mode === 'spans'
      ? `CROSS JOIN LATERAL (SELECT pg.to_level, pg.readiness, pg.eligible_from) r`
      : `LEFT JOIN readiness r ON r.cadre_id = pg.cadre_id`;
  return `
    WITH ${ctes.join(',\n')}
    SELECT m.*, pg.cadre_id, pg.score::text AS score,
           CASE WHEN pg.cadre_id IS NOT NULL THEN ${json?.factorValues ?? 'pg.factor_values'} END AS factor_values,
           CASE WHEN pg.cadre_id IS NOT NULL
                THEN ${json?.details ?? 'pg.details'} || ${spec.pageDetails ?? `'{}'::jsonb`} END AS details,
           pg.needs, pg.unit_id, pg.level, r.to_level, r.readiness,
           CASE WHEN r.eligible_from > '-infinity' THEN to_char(r.eligible_from, 'YYYY-MM-DD') END AS eligible_from,
           ${pathwayFactsColumns(asOf)}
      FROM (SELECT (SELECT count(*) FROM listed)::int AS total,
                   ${facet('facet_unit', '(SELECT u.name FROM unit u WHERE u.id = x.k::uuid)')} AS by_unit,
                   ${facet('level', '(SELECT pl.name_zh FROM position_level pl WHERE pl.code = x.k)')} AS by_level,
                   ${all ? facet(`coalesce(readiness, 'NONE')`, 'NULL::text') : `'[]'::jsonb`} AS by_readiness) m
      LEFT JOIN page pg ON true
      LEFT JOIN ${mode === 'all' ? 'pathway_facts' : 'page_facts'} f ON f.cadre_id = pg.cadre_id
      ${readiness}
     ORDER BY pg.score DESC, pg.cadre_id`;
}
