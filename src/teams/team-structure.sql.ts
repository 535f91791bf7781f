import { SqlParams } from '../common/sql/sql-params';
import { RuleParams } from '../policy/policy.types';
import { GRASSROOTS } from '../rules/facts/pathway-facts.sql';
import { CadreScope, scopeSql } from '../rules/sql/scope.sql';

export type TeamParams = RuleParams['TEAM_STRUCTURE'];

/** The target codes a team can miss, in the order they are listed. */
export const TEAM_TARGETS = ['WOMEN', 'YOUNG', 'GRASSROOTS_SHARE'] as const;
export type TeamTargetCode = (typeof TEAM_TARGETS)[number];

/** Whole years of age on asOf. */
export const ageSql = (asOf: string, birthDate: string): string =>
  `extract(year FROM age(${asOf}, ${birthDate}))::int`;

/**
 * The CTEs `team` (one row per member: the holders on asOf of a regular posting at a leadership level, in the
 * units of `scope`, narrowed by `where` over the posting `p`) and `judged` (one row per unit: holders, women,
 * young, grassroots, average age, and `missed`, the TEAM_STRUCTURE targets it misses). A member is young when
 * their age on asOf is at most youngMaxAgeByLevel of their level; has grassroots experience when any posting
 * started by asOf was in a unit at COUNTY level or below (GRASSROOTS, as the pathway facts count it): the
 * current posting, when its unit is one (most teams of a province), else an earlier one, looked up only for
 * the members of the other units (`was`; a subquery per member made the planner's estimate of the whole
 * province large enough to JIT-compile it). `members`: each member's posting, name, ethnicity and education
 * too (one unit's team in detail; a list of teams reads none). Give the scope as `rootPath` for a list, so the
 * planner sees how many units it covers.
 */
export function teamCtes(
  p: SqlParams,
  asOf: string,
  scope: CadreScope,
  t: TeamParams,
  o: { where?: string; members?: boolean } = {},
): string {
  const scoped = scopeSql(p, scope, {
    asOf,
    posting: 'regular',
    leadership: true,
    // The cadre is read once, in `team`, where its status is tested.
    active: false,
    where: o.where,
  });
  const young = p.add(JSON.stringify(t.youngMaxAgeByLevel), 'jsonb');
  return `
    sc AS NOT MATERIALIZED (${scoped}),
    was AS (
      SELECT DISTINCT g.cadre_id
        FROM sc
        JOIN unit cu ON cu.id = sc.unit_id AND cu.level NOT IN ${GRASSROOTS}
        JOIN posting g ON g.cadre_id = sc.cadre_id AND g.start_date <= ${asOf}
        JOIN unit gu ON gu.id = g.unit_id AND gu.level IN ${GRASSROOTS}),
    team AS MATERIALIZED (
      SELECT sc.cadre_id, sc.unit_id, sc.level, a.age, c.gender,
             ${o.members ? 'po.id AS posting_id, po.title, po.start_date, c.name, c.ethnicity, c.education_level,' : ''}
             coalesce(a.age <= (${young} ->> sc.level)::int, false) AS young,
             cu.level IN ${GRASSROOTS} OR w.cadre_id IS NOT NULL AS grassroots
        FROM sc
        JOIN cadre c ON c.id = sc.cadre_id AND c.status = 'ACTIVE'
        JOIN unit cu ON cu.id = sc.unit_id
        LEFT JOIN was w ON w.cadre_id = sc.cadre_id
        ${
          o.members
            ? `JOIN posting po ON po.cadre_id = sc.cadre_id AND po.unit_id = sc.unit_id AND po.kind = 'REGULAR'
                       AND po.period @> ${asOf}`
            : ''
        }
        CROSS JOIN LATERAL (SELECT ${ageSql(asOf, 'c.birth_date')} AS age) a),
    judged AS (
      SELECT x.*,
             array_remove(ARRAY[
               CASE WHEN x.women < ${p.add(t.minWomen, 'int')} THEN 'WOMEN' END,
               CASE WHEN x.young < ${p.add(t.minYoung, 'int')} THEN 'YOUNG' END,
               CASE WHEN x.grassroots::numeric < ${p.add(t.minGrassrootsShare, 'numeric')} * x.holders
                    THEN 'GRASSROOTS_SHARE' END], NULL) AS missed
        FROM (SELECT unit_id, count(*)::int AS holders,
                     count(*) FILTER (WHERE gender = 'FEMALE')::int AS women,
                     count(*) FILTER (WHERE young)::int AS young,
                     count(*) FILTER (WHERE grassroots)::int AS grassroots,
                     round(avg(age), 1)::float8 AS average_age
                FROM team GROUP BY unit_id) x)`;
}

/** Counts of `team` by an expression, as [{ key, count }] (keys ascending, NULL last). */
const countsBy = (expr: string, from = 'team t'): string => `
  coalesce((SELECT jsonb_agg(jsonb_build_object('key', k, 'count', n) ORDER BY k NULLS LAST)
              FROM (SELECT ${expr} AS k, count(*)::int AS n FROM ${from} GROUP BY 1) g), '[]'::jsonb)`;

/**
 * One unit's team in detail (teamCtes narrowed to the unit itself): its judged row, its members (highest level
 * first), the counts by gender, ethnicity, education level, specialty field (the SPECIALIST_STRENGTH domains
 * holding on asOf, rule_span) and age band (ageBands: upper ages; the last band is open).
 */
export function teamStructureSql(
  p: SqlParams,
  asOf: string,
  unitId: string,
  t: TeamParams,
  levelOrder: readonly string[],
): string {
  const unit = p.add(unitId, 'uuid');
  const bands = `(${p.add(t.ageBands, 'int[]')})`;
  const order = p.add(levelOrder, 'text[]');
  return `
    WITH ${teamCtes(p, asOf, { unitId }, t, { where: `p.unit_id = ${unit}`, members: true })}
    SELECT (SELECT to_jsonb(j) FROM judged j) AS judged,
           coalesce((SELECT jsonb_agg(jsonb_build_object('cadreId', t.cadre_id, 'name', t.name, 'postingId', t.posting_id,
                       'title', t.title, 'level', t.level, 'startDate', t.start_date, 'age', t.age,
                       'gender', t.gender, 'young', t.young, 'grassroots', t.grassroots)
                       ORDER BY array_position(${order}, t.level::text) DESC NULLS LAST, t.start_date, t.cadre_id)
                       FROM team t), '[]'::jsonb) AS members,
           coalesce((SELECT jsonb_agg(jsonb_build_object('title', g.title, 'level', g.level, 'holders', g.n,
                                                         'cadreIds', g.ids)
                                      ORDER BY array_position(${order}, g.level::text) DESC NULLS LAST, g.title)
                       FROM (SELECT t.title, t.level, count(*)::int AS n, array_agg(t.cadre_id ORDER BY t.cadre_id) AS ids
                               FROM team t GROUP BY t.title, t.level) g), '[]'::jsonb) AS posts,
           ${countsBy('t.gender')} AS genders,
           ${countsBy('t.ethnicity')} AS ethnicities,
           ${countsBy('t.education_level')} AS education_levels,
           ${countsBy(
             'sp.domain',
             `team t JOIN rule_span sp ON sp.cadre_id = t.cadre_id AND sp.rule_id = 'SPECIALIST'
                AND sp.valid @> ${asOf}`,
           )} AS fields,
           (SELECT jsonb_agg(jsonb_build_object('from', CASE WHEN b.i > 1 THEN ${bands}[b.i - 1] + 1 END,
                                                'to', ${bands}[b.i],
                                                'count', (SELECT count(*) FROM team t
                                                           WHERE (b.i = 1 OR t.age > ${bands}[b.i - 1])
                                                             AND (b.i > cardinality(${bands}) OR t.age <= ${bands}[b.i])))
                             ORDER BY b.i)
              FROM generate_series(1, cardinality(${bands}) + 1) b(i)) AS age_bands`;
}

/**
 * Every unit with a team under the scope, one page: units keyed by (code, id) after `after`, those missing a
 * target only when `missingOnly`; with the count of such units.
 */
export function teamStructuresSql(
  p: SqlParams,
  asOf: string,
  scope: CadreScope,
  t: TeamParams,
  page: { first: number; after?: readonly (string | number | null)[]; missingOnly: boolean },
): string {
  const keep = page.missingOnly ? 'cardinality(j.missed) > 0' : 'true';
  const after = page.after
    ? `AND (kk.code, kk.unit_id) > (${p.add(page.after[0], 'text')}, ${p.add(page.after[1], 'uuid')})`
    : '';
  return `
    WITH ${teamCtes(p, asOf, scope, t)},
    kept AS (SELECT j.*, u.code, u.name, u.level AS unit_level FROM judged j JOIN unit u ON u.id = j.unit_id
              WHERE ${keep})
    SELECT n.total, k.*
      FROM (SELECT count(*)::int AS total FROM kept) n
      LEFT JOIN LATERAL (SELECT kk.* FROM kept kk WHERE true ${after}
                          ORDER BY kk.code, kk.unit_id LIMIT ${p.add(page.first + 1, 'int')}) k ON true`;
}

/**
 * The young cadres (age at most `maxAge`) whose regular posting on asOf is at `level` under the scope, youngest
 * first, one page keyed by (birth date descending, id), with the count of them all.
 */
export function youngCadresSql(
  p: SqlParams,
  asOf: string,
  scope: CadreScope,
  level: string,
  maxAge: number,
  page: { first: number; after?: readonly (string | number | null)[] },
): string {
  const scoped = scopeSql(p, scope, { asOf, posting: 'regular', active: true, level: p.add(level, 'text') });
  const after = page.after
    ? `AND (yy.birth_date < ${p.add(page.after[0], 'date')}
            OR (yy.birth_date = ${p.add(page.after[0], 'date')} AND yy.cadre_id > ${p.add(page.after[1], 'uuid')}))`
    : '';
  return `
    WITH sc AS MATERIALIZED (${scoped}),
    y AS (
      SELECT sc.cadre_id, sc.unit_id, sc.level, po.title, c.birth_date, ${ageSql(asOf, 'c.birth_date')} AS age
        FROM sc
        JOIN cadre c ON c.id = sc.cadre_id
        JOIN posting po ON po.cadre_id = sc.cadre_id AND po.unit_id = sc.unit_id AND po.kind = 'REGULAR'
                       AND po.period @> ${asOf}
       WHERE ${ageSql(asOf, 'c.birth_date')} <= ${p.add(maxAge, 'int')})
    SELECT n.total, k.*
      FROM (SELECT count(*)::int AS total FROM y) n
      LEFT JOIN LATERAL (SELECT yy.* FROM y yy WHERE true ${after}
                          ORDER BY yy.birth_date DESC, yy.cadre_id LIMIT ${p.add(page.first + 1, 'int')}) k ON true`;
}
