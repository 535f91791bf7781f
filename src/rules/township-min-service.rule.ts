import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { FlagSql } from './sql/flag-sql';
import {
  checkUnitLists,
  readSpans,
  textList,
  UNIT_LEVEL_ORDER,
  UNIT_POSTINGS,
  versionsCte,
} from './spans/limit-spans.sql';
import { cadreRows, factDate, versionParam } from './spans/span-sql';

const rule = 'TOWNSHIP_MIN_SERVICE';

/**
 * TOWNSHIP_MIN_SERVICE (人社部发〔2014〕61号): a cadre recruited into a township serves `years` there before a
 * transfer upward. A recruit is a cadre whose first regular posting on record is in a unit at
 * `recruitUnitLevels`; the minimum is met on that posting's start + `years`. A regular posting in a unit above
 * those levels that starts before then raises MIN_SERVICE_NOT_MET (a WARNING) on that posting, from its start
 * until the date the minimum is met (or the posting's end); the facts give the date.
 */
const spanSql = `
  INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
  WITH ${versionsCte(
    rule,
    `${versionParam(rule, 'years')}::float8 * interval '1 year' AS years, ${textList(rule, 'recruitUnitLevels')} AS levels`,
  )},
  first_posting AS (
    SELECT DISTINCT ON (p.cadre_id) p.cadre_id, p.id AS posting_id, p.start_date, u.level AS unit_level
      FROM posting p JOIN unit u ON u.id = p.unit_id
     WHERE p.cadre_id = ANY(ids) AND p.kind = 'REGULAR'
     ORDER BY p.cadre_id, p.start_date
  ),
  recruits AS (
    SELECT f.*, v.version, v.in_force, v.params, (f.start_date + v.years)::date AS met_on,
           (SELECT max(array_position(${UNIT_LEVEL_ORDER}, l)) FROM unnest(v.levels) l) AS top_level
      FROM first_posting f JOIN versions v ON f.unit_level = ANY(v.levels)
  ),
  early AS (
    SELECT r.cadre_id, r.version, r.in_force, r.met_on, p.id, p.unit_id, p.level, p.start_date, p.period,
           u.level AS unit_level, r.posting_id AS recruited_posting_id, r.start_date AS recruited_on,
           (r.params ->> 'years')::numeric AS years
      FROM recruits r
      JOIN posting p ON p.cadre_id = r.cadre_id AND p.kind = 'REGULAR' AND p.start_date < r.met_on
      JOIN unit u ON u.id = p.unit_id
     WHERE array_position(${UNIT_LEVEL_ORDER}, u.level::text) > r.top_level
  )
  SELECT e.cadre_id, '${rule}', 'MIN_SERVICE_NOT_MET', 'WARNING', lower(x.valid), upper(x.valid), e.version,
         jsonb_build_object('postingId', e.id, 'unitId', e.unit_id, 'unitLevel', e.unit_level, 'level', e.level,
                            'transferredOn', e.start_date, 'recruitedPostingId', e.recruited_posting_id,
                            'recruitedOn', e.recruited_on, 'minServiceYears', e.years, 'minServiceMetOn', e.met_on)
    FROM early e
    CROSS JOIN LATERAL (SELECT e.period * daterange(NULL, e.met_on) * e.in_force AS valid) x
   WHERE NOT isempty(x.valid)`;

const message = `format('%s 录用到乡镇，最低服务期 %s 年至 %s 届满；%s 调往%s级单位，早于期满。 Recruited to a township on %s; the %s-year minimum service is met on %s, but the cadre moved to a %s unit on %s.',
   sp.facts ->> 'recruitedOn', trim_scale((sp.facts ->> 'minServiceYears')::numeric), sp.facts ->> 'minServiceMetOn',
   sp.facts ->> 'transferredOn', sp.facts ->> 'unitLevel',
   sp.facts ->> 'recruitedOn', trim_scale((sp.facts ->> 'minServiceYears')::numeric), sp.facts ->> 'minServiceMetOn',
   sp.facts ->> 'unitLevel', sp.facts ->> 'transferredOn')`;

/** On asOf: the early transfer's span, days past the date the minimum is met (negative: before it). */
const townshipMinServiceSpans = (s: FlagSql) => readSpans(s, rule, message, 'minServiceMetOn');

export const townshipMinServiceRule: FlagRule<'TOWNSHIP_MIN_SERVICE'> = {
  id: 'TOWNSHIP_MIN_SERVICE',
  kind: 'flag',
  params: {
    numbers: ['years'],
    check: (params, field) => checkUnitLists(params, field, [], ['recruitUnitLevels']),
  },
  codes: [FlagCode.MIN_SERVICE_NOT_MET],
  overFrom: factDate('minServiceMetOn'),
  lightScope: 'scope_cur',
  spanSql,
  dependsOn: [
    // Regular postings, through posting_run (one row each, kept by triggers on posting): a dependency on posting
    // itself would refresh every rule a second time on each posting write.
    cadreRows('posting_run'),
    // A unit's level decides who was recruited to a township and what is a move above it.
    UNIT_POSTINGS,
  ],
  // Evaluated as spans only: on one date it is the span holding then.
  sql: townshipMinServiceSpans,
  spans: townshipMinServiceSpans,
};
