import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { FlagSql } from './sql/flag-sql';
import { checkUnitLists, limitSpans, readSpans, textList, versionsCte } from './spans/limit-spans.sql';
import { cadreRows, factDate, versionParam } from './spans/span-sql';

const rule = 'LEVEL_LIMIT_SAME_AREA';

/**
 * LEVEL_LIMIT_SAME_AREA (交流工作规定 art. 5): `years` at the same leadership level in one area's leadership should
 * rotate. A posting's area is the topmost unit at the posting unit's own level above or at it (a county's Party
 * committee and government are one area, a township another), for postings in units of `unitKinds` at
 * `areaUnitLevels`; moving between posts inside one area keeps the clock. Regular postings at the level in the
 * area, each starting within REAPPOINTMENT_GAP days of the previous one's end, make one run; the limit date is
 * the run's start + `years`. APPROACHING (WARNING) from WARNING_WINDOW months before it; EXCEEDED from it, a
 * WARNING ("should rotate") unless the posting's unit is in the rule's must-rotate scope (then CRITICAL).
 */
const spanSql = `
  INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
  WITH ${versionsCte(
    rule,
    `${versionParam(rule, 'years')}::numeric AS years, ${textList(rule, 'areaUnitLevels')} AS area_levels,
     ${textList(rule, 'unitKinds')} AS kinds, ${textList(rule, 'mustRotateUnitKinds')} AS must_kinds,
     ${textList(rule, 'mustRotateUnitLevels')} AS must_levels`,
  )},
  stints AS MATERIALIZED (
    SELECT p.id, p.cadre_id, p.unit_id, p.level, p.start_date, p.end_date, p.period, u.kind AS unit_kind,
           u.level AS unit_level, a.id AS area_id, reappointment_gap_days(p.start_date) AS gap
      FROM posting p
      JOIN position_level pl ON pl.code = p.level AND pl.is_leadership
      JOIN unit u ON u.id = p.unit_id
      CROSS JOIN LATERAL (SELECT a.id FROM unit a WHERE a.path @> u.path AND a.level = u.level
                           ORDER BY nlevel(a.path) LIMIT 1) a
     WHERE p.cadre_id = ANY(ids) AND p.kind = 'REGULAR'
  ),
  joined AS (
    SELECT s.*, v.version, v.in_force, v.window, v.years, v.must_kinds, v.must_levels,
           s.start_date <= lag(s.end_date) OVER w + 1 + s.gap AS joins
      FROM stints s JOIN versions v ON s.unit_kind = ANY(v.kinds) AND s.unit_level = ANY(v.area_levels)
    WINDOW w AS (PARTITION BY v.version, s.cadre_id, s.level, s.area_id ORDER BY s.start_date)
  ),
  numbered AS (
    SELECT j.*, count(*) FILTER (WHERE j.joins IS NOT TRUE)
                  OVER (PARTITION BY j.version, j.cadre_id, j.level, j.area_id ORDER BY j.start_date
                        ROWS UNBOUNDED PRECEDING) AS run_no
      FROM joined j
  ),
  runs AS (
    SELECT n.*, min(n.start_date) OVER run AS run_start, max(coalesce(n.end_date, 'infinity')) OVER run AS run_end,
           array_agg(n.id) OVER (run ORDER BY n.start_date ROWS UNBOUNDED PRECEDING) AS posting_ids
      FROM numbered n
    WINDOW run AS (PARTITION BY n.version, n.cadre_id, n.level, n.area_id, n.run_no)
  ),
  limited AS (
    SELECT r.cadre_id, r.version, r.in_force, r.window, r.period, r.run_end,
           (r.run_start + r.years::float8 * interval '1 year')::date AS limit_date,
           CASE WHEN r.unit_kind = ANY(r.must_kinds) AND r.unit_level = ANY(r.must_levels) THEN 'CRITICAL'
                ELSE 'WARNING' END AS severity,
           jsonb_build_object('postingId', r.id, 'unitId', r.unit_id, 'areaUnitId', r.area_id, 'level', r.level,
                              'since', r.run_start, 'limitYears', r.years, 'postingIds', to_jsonb(r.posting_ids))
             AS facts
      FROM runs r
  )
  ${limitSpans(rule, 'limited')}`;

const message = `format('自 %s 起在同一地区（%s）担任同一层级（%s）领导职务，%s 年期限%s于 %s 届满，应当交流。 At %s in one area''s leadership since %s; the %s-year limit %s on %s.',
   sp.facts ->> 'since', (SELECT a.name FROM unit a WHERE a.id = (sp.facts ->> 'areaUnitId')::uuid),
   sp.facts ->> 'level', trim_scale((sp.facts ->> 'limitYears')::numeric),
   CASE WHEN sp.code = 'POSTING_LIMIT_EXCEEDED' THEN '已' ELSE '将' END, sp.facts ->> 'limitDate',
   sp.facts ->> 'level', sp.facts ->> 'since', trim_scale((sp.facts ->> 'limitYears')::numeric),
   CASE WHEN sp.code = 'POSTING_LIMIT_EXCEEDED' THEN 'was reached' ELSE 'will be reached' END,
   sp.facts ->> 'limitDate')`;

/** The area's name beside its id, for the message rendered per locale (src/i18n/reasons.ts). */
const facts = `sp.facts || jsonb_build_object('areaName', (SELECT a.name FROM unit a WHERE a.id = (sp.facts ->> 'areaUnitId')::uuid))`;

const levelLimitSameAreaSpans = (s: FlagSql) => readSpans(s, rule, message, 'limitDate', facts);

export const levelLimitSameAreaRule: FlagRule<'LEVEL_LIMIT_SAME_AREA'> = {
  id: 'LEVEL_LIMIT_SAME_AREA',
  kind: 'flag',
  params: {
    numbers: ['years'],
    check: (params, field) =>
      checkUnitLists(
        params,
        field,
        ['unitKinds', 'mustRotateUnitKinds'],
        ['areaUnitLevels', 'mustRotateUnitLevels'],
      ),
  },
  codes: [FlagCode.POSTING_LIMIT_EXCEEDED, FlagCode.POSTING_LIMIT_APPROACHING],
  overFrom: factDate('limitDate'),
  lightScope: 'scope_cur',
  spanSql,
  dependsOn: [
    // Regular postings, through posting_run (one row each, kept by triggers on posting): a dependency on posting
    // itself would refresh every rule a second time on each posting write.
    cadreRows('posting_run'),
    // A unit's kind, level or place in the tree decides the areas of the postings in it and under it.
    {
      table: 'unit',
      cadreIds: `SELECT p.cadre_id FROM changed c JOIN unit u ON u.path <@ c.path JOIN posting p ON p.unit_id = u.id
                  WHERE c.level::text IN (SELECT jsonb_array_elements_text(
                                            v.document #> '{rules,${rule},params,areaUnitLevels}')
                                            FROM policy_version v)`,
    },
  ],
  // Evaluated as spans only: on one date it is the span holding then.
  sql: levelLimitSameAreaSpans,
  spans: levelLimitSameAreaSpans,
};
