import { DataSource } from 'typeorm';
import { SqlParams } from '../../common/sql/sql-params';
import { queryWithGenericPlan } from '../../database/generic-plan';
import { GRASSROOTS_UNIT_LEVELS } from '../../units/unit.entity';
import { CadreScope, scopeSql } from '../sql/scope.sql';
import { PathwayFacts } from './pathway-facts';
import { currentRankSql } from './rank-facts.sql';

/** Whose facts to read: given cadres as they are, or the cadres with a regular posting on asOf in a jurisdiction. */
export type PathwayScope = Pick<CadreScope, 'cadreIds' | 'unitId'>;

/** Grassroots units (COUNTY level and below), as a SQL list: `u.level IN ${GRASSROOTS}`. */
export const GRASSROOTS = `(${GRASSROOTS_UNIT_LEVELS.map((l) => `'${l}'`).join(',')})`;

/** Placeholders the facts SQL is written against, e.g. `$1::date` and `$2::text[]`. */
export interface FactsSqlParams {
  asOf: string;
  /** Every level of every ladder, lowest first (from the policy). */
  levelOrder: string;
  /**
   * Leave pathway_facts.appraisals NULL; pathwayFactsColumns(asOf) then reads them for the rows selected. For
   * statements that need the facts of many cadres but return few (candidate ranking returns one page).
   */
  appraisalsLater?: boolean;
  /**
   * The rank ladder's facts (职务与职级并行): current_level is the cadre's rank (currentRankSql), with the
   * post's time counted where RANK_FROM_POST says so. `$n::jsonb`: lowestRankByPost of the policy.
   */
  rankLowestByPost?: string;
  /**
   * `target` has a second column `as_of` (date): the facts of each cadre on each of its dates, one row per
   * (cadre_id, as_of), and `asOf` must then be `t.as_of` (the rule spans: src/rules/spans/pathway-spans.sql.ts).
   */
  perDate?: boolean;
}

/**
 * The appraisal years the rules read: every year up to asOf's year (time at the level reads those from the year it
 * began; a blocking grade and the counted years that lift it may lie before the level began).
 */
const appraisalYears = (asOf: string): string => `<= extract(year FROM ${asOf})::int`;

/**
 * The facts every promotion requirement reads, as common table expressions for one set-based statement.
 * The caller defines `target (cadre_id)` first. The helper CTEs are named pw_* so they do not clash with
 * the caller's own; the last, `pathway_facts`, has one row per target cadre with typed columns: cadre_id,
 * current_level, ladder, level_start, last_promotion_date, work_start_date, education_level,
 * grassroots_spans (datemultirange), grassroots_days, in_grassroots_now, posts_by_level (jsonb), appraisals (json). `levelOrder` picks the highest level if a cadre ever holds two
 * current regular postings. Candidate ranking joins these CTEs; queryPathwayFacts reads them for the rules.
 */
export function pathwayFactsCtes({
  asOf,
  levelOrder,
  appraisalsLater,
  rankLowestByPost,
  perDate,
}: FactsSqlParams): string {
  // Per date: every CTE carries the date, its rows are keyed by (cadre_id, as_of), and each reads its own.
  const d = (alias: string) => (perDate ? `${alias}.as_of, ` : '');
  const on = (a: string, b: string) => (perDate ? ` AND ${a}.as_of = ${b}.as_of` : '');
  const at = (alias: string) => (perDate ? `${alias}.as_of` : asOf);
  // Each aggregate once: when the planner sizes `target` at a row or so (a list read from spans), it joins these by
  // nested loops, and an aggregate left inline is computed again for every target row. (Per date, the spans'
  // statement is left as it was planned.)
  const once = perDate ? '' : 'MATERIALIZED ';
  const appraisals = appraisalsLater
    ? ''
    : `pw_appraisals AS (
      SELECT a.cadre_id,
             json_agg(json_build_object('year', a.year, 'grade', a.grade) ORDER BY a.year) AS list
        FROM target t
        JOIN appraisal a ON a.cadre_id = t.cadre_id
       WHERE a.year ${appraisalYears(asOf)}
       GROUP BY a.cadre_id
    ),`;
  return `
    pw_postings AS MATERIALIZED (
      -- Every posting of the cadres in scope that began by asOf, read once.
      SELECT ${d('t')}p.cadre_id, p.unit_id, p.level, p.kind, p.start_date, p.period,
             u.level IN ${GRASSROOTS} AS grassroots
        FROM target t
        JOIN posting p ON p.cadre_id = t.cadre_id
        JOIN unit u ON u.id = p.unit_id
       WHERE p.start_date <= ${at('t')}
    ),
    ${rankLowestByPost ? 'pw_post' : 'pw_cur'} AS ${once}(
      -- The regular posting covering asOf, with its level run from posting_run (kept by triggers on posting):
      -- adjacent postings at the level form one stint, which began on level_start; level_entered_on is the
      -- start of the latest posting at the level that followed one at another level (the last promotion).
      SELECT DISTINCT ON (r.cadre_id${perDate ? ', t.as_of' : ''}) ${d('t')}r.cadre_id, r.level, pl.ladder, r.level_run_start AS level_start,
             r.level_entered_on AS last_promotion_date, NULL::text AS rank_from_post, pu.kind AS unit_kind
        FROM target t
        JOIN posting_run r ON r.cadre_id = t.cadre_id
        JOIN position_level pl ON pl.code = r.level
        JOIN unit pu ON pu.id = r.unit_id
       WHERE r.period @> ${at('t')}
       ORDER BY r.cadre_id, ${d('t')}array_position(${levelOrder}, r.level::text) DESC NULLS LAST, r.start_date DESC
    ),${rankLowestByPost ? rankCur(asOf, rankLowestByPost) : ''}
    pw_regular AS (
      -- Posts held: regular ones and concurrent ones (兼任), which are posts of their own.
      SELECT ${d('p')}p.cadre_id, p.unit_id, p.level FROM pw_postings p WHERE p.kind IN ('REGULAR', 'CONCURRENT')
    ),
    pw_posts AS ${once}(
      SELECT ${d('x')}x.cadre_id, jsonb_object_agg(x.level, x.n) AS by_level
        FROM (SELECT ${d('r')}r.cadre_id, r.level, count(DISTINCT r.unit_id)::int AS n
                FROM pw_regular r
                JOIN position_level pl ON pl.code = r.level AND pl.ladder = 'LEADERSHIP'
               GROUP BY ${d('r')}r.cadre_id, r.level) x
       GROUP BY ${d('x')}x.cadre_id
    ),
    pw_grassroots AS ${once}(
      -- Any kind of posting counts; the union counts overlapping days once, clipped at asOf.
      SELECT ${d('p')}p.cadre_id,
             range_agg(p.period * daterange(NULL, ${at('p')})) AS spans,
             bool_or(p.period @> ${at('p')}) AS now
        FROM pw_postings p
       WHERE p.grassroots
       GROUP BY ${d('p')}p.cadre_id
    ),
    ${appraisals}
    pathway_facts AS (
      SELECT ${d('t')}t.cadre_id, cur.level AS current_level, cur.ladder, cur.level_start, cur.last_promotion_date,
             cur.rank_from_post, cur.unit_kind, c.party_join_date,
             c.work_start_date, c.education_level, g.spans AS grassroots_spans,
             (SELECT coalesce(sum(upper(s) - lower(s)), 0)::int FROM unnest(g.spans) s) AS grassroots_days,
             coalesce(g.now, false) AS in_grassroots_now,
             coalesce(po.by_level, '{}'::jsonb) AS posts_by_level,
             ${appraisalsLater ? 'NULL::json' : `coalesce(ap.list, '[]'::json)`} AS appraisals,
             ${appraisalsLater ? 'NULL::json' : trainingsOf('t.cadre_id', asOf)} AS trainings
        FROM target t
        JOIN cadre c ON c.id = t.cadre_id
        LEFT JOIN pw_cur cur ON cur.cadre_id = t.cadre_id${on('cur', 't')}
        LEFT JOIN pw_posts po ON po.cadre_id = t.cadre_id${on('po', 't')}
        LEFT JOIN pw_grassroots g ON g.cadre_id = t.cadre_id${on('g', 't')}
        ${appraisalsLater ? '' : 'LEFT JOIN pw_appraisals ap ON ap.cadre_id = t.cadre_id'}
    )`;
}

/** The rank ladder's pw_cur, from the post's (pw_post) and the rank grants. */
const rankCur = (asOf: string, lowestByPost: string): string => `
    pw_cur AS (
      SELECT t.cadre_id, rk.level, 'RANK'::text AS ladder, rk.level_start, rk.last_promotion_date, rk.rank_from_post,
             l.unit_kind
        FROM target t
        LEFT JOIN pw_post l ON l.cadre_id = t.cadre_id
        CROSS JOIN LATERAL (${currentRankSql({
          asOf,
          lowestByPost,
          cadre: 't.cadre_id',
          postLevel: 'l.level::text',
          postStart: 'l.level_start',
          postEntered: 'l.last_promotion_date',
        })}) rk
    ),`;

/** The cadre's completed training up to asOf, as TrainingFact[] (PROMO_TRAINING). */
const trainingsOf = (cadre: string, asOf: string): string => `(
    SELECT coalesce(json_agg(json_build_object('kind', x.kind, 'start', to_char(x.start_date, 'YYYY-MM-DD'),
                                               'end', to_char(x.end_date, 'YYYY-MM-DD')) ORDER BY x.end_date), '[]'::json)
      FROM training x WHERE x.cadre_id = ${cadre} AND x.completed AND x.end_date <= ${asOf})`;

const columns = (appraisals: string, trainings = 'f.trainings'): string => `
           f.cadre_id AS "cadreId",
           f.current_level AS "currentLevel",
           f.ladder AS "ladder",
           to_char(f.level_start, 'YYYY-MM-DD') AS "levelStart",
           to_char(f.last_promotion_date, 'YYYY-MM-DD') AS "lastPromotionDate",
           f.rank_from_post AS "rankFromPost",
           f.unit_kind AS "unitKind",
           to_char(f.party_join_date, 'YYYY-MM-DD') AS "partyJoinDate",
           to_char(f.work_start_date, 'YYYY-MM-DD') AS "workStartDate",
           f.education_level AS "educationLevel",
           f.grassroots_days AS "grassrootsDays",
           (SELECT coalesce(json_agg(json_build_object('from', lower(s), 'to', upper(s)) ORDER BY lower(s)), '[]')
              FROM unnest(f.grassroots_spans) s) AS "grassrootsSpans",
           f.in_grassroots_now AS "inGrassrootsNow",
           f.posts_by_level AS "postsByLevel",
           ${appraisals} AS "appraisals",
           ${trainings} AS "trainings",
           (SELECT coalesce(json_agg(json_build_object('id', s.id, 'kind', s.kind, 'decisionDate', s.decision_date,
                      'effectiveDate', s.effective_date, 'issuingBody', s.issuing_body,
                      'documentNumber', s.document_number, 'revokedOn', s.revoked_on,
                      'toleranceDecidedOn', s.tolerance_decided_on, 'toleranceBasis', s.tolerance_basis)
                    ORDER BY s.effective_date, s.id), '[]'::json)
              FROM sanction s WHERE s.cadre_id = f.cadre_id) AS "sanctions"`;

/** Reads the facts of pathway_facts (alias f) as the rules take them. */
export const PATHWAY_FACTS_COLUMNS = columns('f.appraisals');

/** The same, reading the appraisals and trainings of each row selected when pathwayFactsCtes left them for later. */
export function pathwayFactsColumns(asOf: string): string {
  return columns(
    `coalesce(f.appraisals, (
    SELECT coalesce(json_agg(json_build_object('year', a.year, 'grade', a.grade) ORDER BY a.year), '[]'::json)
      FROM appraisal a WHERE a.cadre_id = f.cadre_id AND a.year ${appraisalYears(asOf)}))`,
    `coalesce(f.trainings, ${trainingsOf('f.cadre_id', asOf)})`,
  );
}

/** One set-based query for the facts every promotion requirement reads (see pathwayFactsCtes). */
export async function queryPathwayFacts(
  ds: DataSource,
  asOf: string,
  scope: PathwayScope,
  levelOrder: readonly string[],
  /** The rank ladder's facts: lowestRankByPost of the policy (see FactsSqlParams.rankLowestByPost). */
  rankLowestByPost?: Record<string, string>,
): Promise<PathwayFacts[]> {
  const p = new SqlParams();
  const at = p.add(asOf, 'date');
  const order = p.add(levelOrder, 'text[]');
  const lowest = rankLowestByPost ? p.add(JSON.stringify(rankLowestByPost), 'jsonb') : undefined;
  const target = scopeSql(p, scope, { asOf: at, posting: 'regular', active: false, keepGiven: true });
  const params = p.values;
  const sql = `
    WITH target AS (${target}),
    ${pathwayFactsCtes({ asOf: at, levelOrder: order, rankLowestByPost: lowest })}
    SELECT ${PATHWAY_FACTS_COLUMNS} FROM pathway_facts f`;
  // The planner's row estimates multiply across the left joins, which can cost a whole second of
  // JIT compilation for a query that runs in milliseconds; it is never worth it here.
  return ds.transaction(async (em) => {
    // Given cadres only (a cadre's own pathway, a page of cadres): the same plan fits every call.
    if (scope.cadreIds && scope.unitId === undefined)
      return queryWithGenericPlan<PathwayFacts>(em, sql, params, { jitOff: true });
    await em.query(`SET LOCAL jit = off`);
    const rows: PathwayFacts[] = await em.query(sql, params);
    return rows;
  });
}
