import { RuleId } from '../../policy/policy.types';
import { SpanDependency } from '../rule';
import { spanVersions, versionParam, versionParamJson } from './span-sql';
import { UNIT_KINDS, UNIT_LEVELS } from '../../units/unit.entity';
import { bad, Json, strings } from '../params';
import { details, FlagQuery, FlagSql, source } from '../sql/flag-sql';

/** A dependency on unit: the cadres with a posting in a changed unit (its kind or level decides a rule). */
export const UNIT_POSTINGS: SpanDependency = {
  table: 'unit',
  cadreIds: 'SELECT p.cadre_id FROM changed c JOIN posting p ON p.unit_id = c.id',
};

/** Unit levels lowest first, as SQL: `array_position(${UNIT_LEVEL_ORDER}, u.level)`. */
export const UNIT_LEVEL_ORDER = `ARRAY[${UNIT_LEVELS.map((l) => `'${l}'`).join(',')}]::text[]`;

/**
 * The policy versions that define `rule` (spanVersions), as the CTE `versions` of a span rule: `version`,
 * `in_force`, `params` (the rule's params), `window` (WARNING_WINDOW as an interval) and `columns`, typed reads
 * of `v.document` (versionParam, textList).
 */
export const versionsCte = (rule: RuleId, columns = ''): string => `
  versions AS MATERIALIZED (${spanVersions(
    rule,
    `v.document #> '{rules,${rule},params}' AS params,
     ${versionParam('WARNING_WINDOW', 'months')}::float8 * interval '1 month' AS window${columns ? `, ${columns}` : ''}`,
  )})`;

/** A text[] from a list param of `rule` in the version `v`, e.g. `textList(rule, 'unitKinds')`. */
export const textList = (rule: RuleId, key: string): string =>
  `ARRAY(SELECT jsonb_array_elements_text(coalesce(${versionParamJson(rule, key)}, '[]'::jsonb)))`;

/**
 * The APPROACHING (WARNING_WINDOW before the limit date, a WARNING) and EXCEEDED (from it, `exceeded` severity)
 * spans of the rows of `from`, which have cadre_id, version, in_force, window, period (the posting's days),
 * run_end (the run's last day, 'infinity' while open), limit_date, severity (for EXCEEDED) and facts. A run that
 * ends before its limit date never passes it: it has no span.
 */
export const limitSpans = (rule: RuleId, from: string): string => `
  SELECT l.cadre_id, '${rule}', s.code, s.severity, lower(s.valid), upper(s.valid), l.version,
         l.facts || jsonb_build_object('limitDate', l.limit_date)
    FROM ${from} l
    CROSS JOIN LATERAL (
      SELECT x.code, x.severity, x.range * l.period * l.in_force AS valid
        FROM (VALUES
          ('POSTING_LIMIT_APPROACHING', 'WARNING', daterange((l.limit_date - l.window)::date, l.limit_date)),
          ('POSTING_LIMIT_EXCEEDED', l.severity, daterange(l.limit_date, NULL))) AS x(code, severity, range)
    ) s
   WHERE l.run_end >= l.limit_date AND NOT isempty(s.valid)`;

/**
 * A span rule's flags on asOf, read from rule_span: the rule's spans holding on that day, worded by `message`
 * (over `sp`, a rule_span row; `s.asOf` is the date). Days past the limit order them. A policy in force that lacks
 * the rule reads nothing (its spans, if any, are another version's). `dateKey`: the fact holding the date that
 * days past are counted from; `facts`: the flag's facts over `sp` (the span's own by default).
 */
export function readSpans(
  s: FlagSql,
  rule: RuleId,
  message: string,
  dateKey = 'limitDate',
  facts = 'sp.facts',
): FlagQuery {
  if (!s.policy.rules[rule]) return { ctes: ['scope_cur'], select: NOTHING };
  return {
    ctes: ['scope_cur'],
    select: `
    SELECT sp.cadre_id, sp.code, sp.severity, '${rule}', ${source(s, rule)},
           ${details(s, message, facts)},
           coalesce(${s.asOf} - (sp.facts ->> '${dateKey}')::date, 0)
      FROM rule_span sp JOIN scope_cur sc ON sc.cadre_id = sp.cadre_id
     WHERE sp.rule_id = '${rule}' AND sp.valid @> ${s.asOf}`,
  };
}

const NOTHING = `SELECT NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::jsonb, 0 WHERE false`;

/** Checks unit kind and unit level lists (`kinds`, `levels` keys of params) against the known codes. */
export function checkUnitLists(params: Json, field: string, kinds: string[], levels: string[]): void {
  for (const k of kinds) {
    strings(params[k], `${field}.${k}`).forEach((c, i) => {
      if (!(UNIT_KINDS as readonly string[]).includes(c))
        bad(`${field}.${k}[${i}]`, `"${c}" is not a unit kind.`);
    });
  }
  for (const k of levels) {
    strings(params[k], `${field}.${k}`).forEach((c, i) => {
      if (!(UNIT_LEVELS as readonly string[]).includes(c))
        bad(`${field}.${k}[${i}]`, `"${c}" is not a unit level.`);
    });
  }
}
