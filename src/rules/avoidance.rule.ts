import { RELATION_KINDS } from '../appointment-form/relation-kind';
import { UNIT_KINDS, UNIT_LEVELS } from '../units/unit.entity';
import { FlagCode } from './codes';
import { bad, isObject, strings, text } from './params';
import { FlagRule } from './rule';
import { readSpans } from './spans/limit-spans.sql';
import { factDate, spanVersions } from './spans/span-sql';
import { FlagSql } from './sql/flag-sql';

const rule = 'AVOIDANCE';

/** What a breach of the avoidance rules is; each carries its facts (see avoidanceBreachesSql). */
export const AVOIDANCE_BREACHES = ['RELATIVE_SAME_TEAM', 'RELATIVE_REPORTING_LINE', 'HOME_AREA'] as const;
export type AvoidanceBreachCode = (typeof AVOIDANCE_BREACHES)[number];

/**
 * The breaches of the postings in `postings` — a relation of (posting_id, cadre_id, unit_id, title, level, period),
 * real postings or one proposed — under each policy version of `versions` (version, in_force, params: AVOIDANCE's
 * params) whose in-force range meets the posting. Columns: cadre_id, version, code, valid (the days it holds,
 * within the version's range), facts. The rules, once:
 * - a close relative (AVOIDANCE.closeRelations; family_member linked to a cadre, read both ways) holds a regular
 *   posting on the same days in the same unit, both at leadership levels: RELATIVE_SAME_TEAM;
 * - in the same unit one of them at a leadership level and the other not, or both at leadership levels in units
 *   one directly under the other: RELATIVE_REPORTING_LINE;
 * - the post is one of homeAreaPosts (unit kind, unit name, title) in a unit at homeAreaUnitLevels, and the area
 *   (the nearest unit at or above it at those levels with an area_name) is named in the cadre's native place or
 *   place of birth: HOME_AREA.
 */
export function avoidanceBreachesSql(postings: string, versions: string): string {
  return `
    SELECT k.cadre_id, k.version, b.code, b.valid, b.facts
      FROM (SELECT x.*, v.version, v.in_force, v.params
              FROM ${postings} x JOIN ${versions} v ON x.period && v.in_force) k
      JOIN unit cu ON cu.id = k.unit_id
      JOIN position_level cl ON cl.code = k.level
      CROSS JOIN LATERAL (
        SELECT t.code, k.period * rp.period * k.in_force AS valid,
               jsonb_build_object('since', lower(k.period * rp.period), 'postingId', k.posting_id,
                 'unitId', k.unit_id, 'title', k.title, 'relativeCadreId', r.rel_id, 'relativeName', rc.name,
                 'relation', r.relation, 'relationKind', r.relation_kind, 'relativePostingId', rp.id,
                 'relativeUnitId', rp.unit_id, 'relativeTitle', rp.title) AS facts
          FROM (SELECT DISTINCT ON (f.rel_id) f.*
                  FROM (SELECT m.related_cadre_id AS rel_id, m.relation, m.relation_kind, 0 AS side
                          FROM family_member m WHERE m.cadre_id = k.cadre_id AND m.related_cadre_id IS NOT NULL
                        UNION ALL
                        SELECT m.cadre_id, m.relation, m.relation_kind, 1
                          FROM family_member m WHERE m.related_cadre_id = k.cadre_id) f
                 WHERE k.params -> 'closeRelations' ? f.relation_kind
                 ORDER BY f.rel_id, f.side) r
          JOIN cadre rc ON rc.id = r.rel_id
          JOIN posting rp ON rp.cadre_id = r.rel_id AND rp.kind = 'REGULAR' AND rp.period && k.period
          JOIN unit ru ON ru.id = rp.unit_id
          JOIN position_level rl ON rl.code = rp.level
          CROSS JOIN LATERAL (SELECT CASE
            WHEN rp.unit_id = k.unit_id AND cl.is_leadership AND rl.is_leadership THEN 'RELATIVE_SAME_TEAM'
            WHEN rp.unit_id = k.unit_id AND cl.is_leadership <> rl.is_leadership THEN 'RELATIVE_REPORTING_LINE'
            WHEN cl.is_leadership AND rl.is_leadership AND (ru.parent_id = cu.id OR cu.parent_id = ru.id)
              THEN 'RELATIVE_REPORTING_LINE' END AS code) t
         WHERE t.code IS NOT NULL
        UNION ALL
        SELECT 'HOME_AREA', k.period * k.in_force,
               jsonb_build_object('since', lower(k.period), 'postingId', k.posting_id, 'unitId', k.unit_id,
                 'title', k.title, 'post', hp.code, 'areaUnitId', a.id, 'areaName', a.area_name,
                 'matchedOn', CASE WHEN strpos(coalesce(c.native_place, ''), a.area_name) > 0
                                   THEN 'nativePlace' ELSE 'placeOfBirth' END,
                 'nativePlace', c.native_place, 'placeOfBirth', c.place_of_birth)
          FROM cadre c
          CROSS JOIN LATERAL (
            SELECT x ->> 'code' AS code FROM jsonb_array_elements(k.params -> 'homeAreaPosts') x
             WHERE (jsonb_array_length(x -> 'unitKinds') = 0 OR x -> 'unitKinds' ? cu.kind)
               AND (x ->> 'unitNamePattern' IS NULL OR cu.name ~ (x ->> 'unitNamePattern'))
               AND k.title ~ (x ->> 'titlePattern')
             LIMIT 1) hp
          CROSS JOIN LATERAL (
            SELECT au.id, au.area_name FROM unit au
             WHERE au.path @> cu.path AND au.area_name IS NOT NULL AND k.params -> 'homeAreaUnitLevels' ? au.level
             ORDER BY nlevel(au.path) DESC LIMIT 1) a
         WHERE c.id = k.cadre_id AND k.params -> 'homeAreaUnitLevels' ? cu.level
           AND (strpos(coalesce(c.native_place, ''), a.area_name) > 0
                OR strpos(coalesce(c.place_of_birth, ''), a.area_name) > 0)
      ) b
     WHERE NOT isempty(b.valid)`;
}

/** The policy versions that define AVOIDANCE, with its params (spanVersions). */
export const avoidanceVersions = `(${spanVersions(rule, `v.document #> '{rules,${rule},params}' AS params`)})`;

/**
 * The spans: the regular postings of the cadres in `ids` (what posting_run follows: a write refreshes a cadre's
 * spans once), under each version. A relative's postings decide a cadre's spans, so writes to either side refresh
 * both (dependsOn).
 */
const spanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    SELECT b.cadre_id, '${rule}', '${FlagCode.AVOIDANCE_CONFLICT}', 'CRITICAL', lower(b.valid), upper(b.valid),
           b.version, b.facts || jsonb_build_object('breach', b.code)
      FROM (${avoidanceBreachesSql(
        `(SELECT p.id AS posting_id, p.cadre_id, p.unit_id, p.title, p.level, p.period
            FROM posting p WHERE p.cadre_id = ANY(ids) AND p.kind = 'REGULAR')`,
        avoidanceVersions,
      )}) b`;

/** 与近亲属张某（妻子）在同一领导班子任职 / 在籍贯（白马县）担任县委书记 … */
const message = `CASE sp.facts ->> 'breach'
  WHEN 'HOME_AREA' THEN format('回避：在本人籍贯或出生地（%s）任“%s”，应当实行地域回避。 Avoidance: posted as %s in the home area %s.',
    sp.facts ->> 'areaName', sp.facts ->> 'title', sp.facts ->> 'title', sp.facts ->> 'areaName')
  WHEN 'RELATIVE_SAME_TEAM' THEN format('回避：与近亲属%s（%s）在同一单位领导班子任职。 Avoidance: a close relative (%s, %s) in the same leadership team.',
    sp.facts ->> 'relativeName', sp.facts ->> 'relation', sp.facts ->> 'relativeName', sp.facts ->> 'relationKind')
  ELSE format('回避：与近亲属%s（%s）有直接上下级领导关系。 Avoidance: a close relative (%s, %s) in a direct reporting line.',
    sp.facts ->> 'relativeName', sp.facts ->> 'relation', sp.facts ->> 'relativeName', sp.facts ->> 'relationKind') END`;

const avoidanceSpans = (s: FlagSql) => readSpans(s, rule, message, 'since');

/** Close relations are known kinds; levels and unit kinds are codes; each post's patterns compile. */
function checkParams(params: Record<string, unknown>, field: string): void {
  strings(params.closeRelations, `${field}.closeRelations`).forEach((k, i) => {
    if (!(RELATION_KINDS as readonly string[]).includes(k)) {
      bad(`${field}.closeRelations[${i}]`, `"${k}" is not a kind of relation.`);
    }
  });
  strings(params.homeAreaUnitLevels, `${field}.homeAreaUnitLevels`).forEach((l, i) => {
    if (!(UNIT_LEVELS as readonly string[]).includes(l)) {
      bad(`${field}.homeAreaUnitLevels[${i}]`, `"${l}" is not a unit level.`);
    }
  });
  if (!Array.isArray(params.homeAreaPosts)) bad(`${field}.homeAreaPosts`, 'homeAreaPosts must be a list.');
  (params.homeAreaPosts as unknown[]).forEach((post, i) => {
    const f = `${field}.homeAreaPosts[${i}]`;
    if (!isObject(post)) return bad(f, `${f} must be an object.`);
    text(post.code, `${f}.code`);
    strings(post.unitKinds, `${f}.unitKinds`).forEach((k, j) => {
      if (!(UNIT_KINDS as readonly string[]).includes(k))
        bad(`${f}.unitKinds[${j}]`, `"${k}" is not a unit kind.`);
    });
    for (const key of ['unitNamePattern', 'titlePattern']) {
      if (key === 'unitNamePattern' && post[key] === undefined) continue;
      const pattern = text(post[key], `${f}.${key}`);
      try {
        new RegExp(pattern, 'u');
      } catch {
        bad(`${f}.${key}`, `${f}.${key} is not a regular expression.`);
      }
    }
  });
}

/**
 * AVOIDANCE (回避): close relatives in the same leadership team or a direct reporting line, and the home-area
 * posts; the flag AVOIDANCE_CONFLICT (CRITICAL) while a recorded posting breaches them. checkAvoidance
 * (src/teams/avoidance.service.ts) runs the same SQL over a proposed posting.
 */
export const avoidanceRule: FlagRule<'AVOIDANCE'> = {
  id: rule,
  kind: 'flag',
  params: { check: checkParams },
  codes: [FlagCode.AVOIDANCE_CONFLICT],
  overFrom: factDate('since'),
  lightScope: 'scope_cur',
  spanSql,
  dependsOn: [
    // The cadre's regular postings (through posting_run, refreshed once per write) and their relatives'.
    {
      table: 'posting_run',
      cadreIds: `SELECT c.cadre_id FROM changed c
                 UNION SELECT m.related_cadre_id FROM changed c JOIN family_member m ON m.cadre_id = c.cadre_id
                  WHERE m.related_cadre_id IS NOT NULL
                 UNION SELECT m.cadre_id FROM changed c JOIN family_member m ON m.related_cadre_id = c.cadre_id`,
    },
    {
      table: 'family_member',
      cadreIds: `SELECT cadre_id FROM changed
                 UNION SELECT related_cadre_id FROM changed WHERE related_cadre_id IS NOT NULL`,
    },
    // A unit's name, kind, level, area or parent: the postings in and under it, and in its parent.
    {
      table: 'unit',
      cadreIds: `SELECT p.cadre_id FROM changed c JOIN unit u ON u.path <@ c.path OR u.id = c.parent_id
                   JOIN posting p ON p.unit_id = u.id`,
    },
  ],
  // Evaluated as spans only: on one date it is the span holding then.
  sql: avoidanceSpans,
  spans: avoidanceSpans,
};
