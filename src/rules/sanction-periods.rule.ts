import { SANCTION_KIND_NAMES, SANCTION_KINDS } from '../sanctions/sanction.entity';
import { FlagCode } from './codes';
import { bad, isObject, number, object, text } from './params';
import { FlagRule } from './rule';
import { sanctionPeriods } from './sanction-effect';
import { cadreRows, factDate, spanVersions, versionParamJson } from './spans/span-sql';
import { details, FlagQuery, FlagSql, NO_FLAGS, spanFlags } from './sql/flag-sql';

const NAMES = `'${JSON.stringify(SANCTION_KIND_NAMES)}'::jsonb`;

/**
 * The columns of one record's effect, over `s` (sanction) and `periods` (jsonb: kind → { months, source }):
 * k.months, k.source, k.period_end (the day after the full period), k.until (the first day it no longer bars:
 * period_end, or the revocation / 容错 date if earlier; never before the effective date). sanction-effect.ts
 * is the same in TypeScript.
 */
export const effectLateral = (periods: string): string => `
      CROSS JOIN LATERAL (
        SELECT e.months, e.source, e.period_end,
               greatest(s.effective_date, least(e.period_end, s.revoked_on, s.tolerance_decided_on)) AS until
          FROM (SELECT (${periods} -> s.kind ->> 'months')::int AS months, ${periods} -> s.kind ->> 'source' AS source,
                       (s.effective_date + make_interval(months => (${periods} -> s.kind ->> 'months')::int))::date
                         AS period_end) e
         WHERE ${periods} ? s.kind) k`;

/** The facts of a flag or span, from s and k. */
const FACTS = `jsonb_build_object('sanctionId', s.id, 'kind', s.kind, 'decisionDate', s.decision_date,
        'effectiveDate', s.effective_date, 'months', k.months, 'endsOn', k.period_end - 1,
        'effectEndsOn', k.until - 1, 'issuingBody', s.issuing_body, 'documentNumber', s.document_number,
        'source', k.source, 'revokedOn', s.revoked_on, 'toleranceDecidedOn', s.tolerance_decided_on)`;

/** 记过（白纪发〔2026〕5号）影响期至 2027-03-15；DEMERIT in effect until 2027-03-15. */
const message = (f: string): string =>
  `format('%s%s影响期至 %s，不得晋升职务、职级；%s in effect until %s: no promotion',
          ${NAMES} ->> (${f} ->> 'kind'),
          CASE WHEN ${f} ->> 'documentNumber' IS NOT NULL THEN '（' || (${f} ->> 'documentNumber') || '）' ELSE '' END,
          ${f} ->> 'effectEndsOn', ${f} ->> 'kind', ${f} ->> 'effectEndsOn')`;

/** SANCTION_IN_EFFECT on asOf, evaluated from the records under the version in force on asOf. */
function sanctionSql(s: FlagSql): FlagQuery {
  const periods = sanctionPeriods(s.policy);
  if (!periods) return NO_FLAGS;
  const p = s.p.add(JSON.stringify(periods), 'jsonb');
  return {
    ctes: [],
    select: `
    SELECT x.cadre_id, '${FlagCode.SANCTION_IN_EFFECT}', 'WARNING', 'SANCTION_PERIODS', x.source,
           ${details(s, message('x.facts'), 'x.facts')}, x.over_by
      FROM (SELECT s.cadre_id, k.source, ${FACTS} AS facts, (${s.asOf} - k.until)::int AS over_by
              FROM scope sc
              JOIN sanction s ON s.cadre_id = sc.cadre_id
              ${effectLateral(p)}
             WHERE s.effective_date <= ${s.asOf} AND ${s.asOf} < k.until) x`,
  };
}

/** The same flags read from rule_span (sanctionSpanSql): the message and the days left are written here. */
const sanctionSpans = (s: FlagSql): FlagQuery =>
  spanFlags(s, {
    rule: 'SANCTION_PERIODS',
    code: FlagCode.SANCTION_IN_EFFECT,
    severity: 'WARNING',
    message,
    lastDay: 'effectEndsOn',
  });

/**
 * The spans (for the rules installer, src/rules/spans): per record and policy version, the days it bars
 * promotion — [effective date, until) under that version's periods — clipped to the version's in-force range.
 * A version lacking the rule yields nothing. Reads `ids` (uuid[]).
 */
export const sanctionSpanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    SELECT s.cadre_id, 'SANCTION_PERIODS', '${FlagCode.SANCTION_IN_EFFECT}', 'WARNING', lower(x.valid), upper(x.valid),
           v.version, ${FACTS}
      FROM sanction s
      CROSS JOIN (${spanVersions('SANCTION_PERIODS', `${versionParamJson('SANCTION_PERIODS', 'periods')} AS periods`)}) v
      ${effectLateral('v.periods')}
      CROSS JOIN LATERAL (SELECT daterange(s.effective_date, k.until) * v.in_force AS valid) x
     WHERE s.cadre_id = ANY(ids) AND NOT isempty(x.valid)`;

/** Every kind of record has a period of whole months ≥ 1 and its article; no unknown kinds. */
function checkPeriods(params: Record<string, unknown>, field: string): void {
  const periods = object(params.periods, `${field}.periods`);
  for (const kind of Object.keys(periods)) {
    if (!(SANCTION_KINDS as readonly string[]).includes(kind)) {
      bad(`${field}.periods.${kind}`, `Unknown kind of sanction ${kind}.`);
    }
  }
  for (const kind of SANCTION_KINDS) {
    const f = `${field}.periods.${kind}`;
    if (!isObject(periods[kind])) bad(f, `${f} is missing: every kind of sanction has a period.`);
    const period = periods[kind] as Record<string, unknown>;
    if (number(period.months, `${f}.months`, true) < 1) bad(`${f}.months`, `${f}.months must be at least 1.`);
    text(period.source, `${f}.source`);
  }
}

/**
 * SANCTION_PERIODS: the influence period of each kind of sanction or accountability record (policy data), and
 * the flag SANCTION_IN_EFFECT (WARNING) while one runs. PROMO_NO_SANCTION_IN_EFFECT reads the same periods.
 */
export const sanctionPeriodsRule: FlagRule<'SANCTION_PERIODS'> = {
  id: 'SANCTION_PERIODS',
  kind: 'flag',
  params: { check: checkPeriods },
  codes: [FlagCode.SANCTION_IN_EFFECT],
  sql: sanctionSql,
  spans: sanctionSpans,
  overFrom: factDate('effectEndsOn', 1),
  lightScope: 'scope',
  spanSql: sanctionSpanSql,
  // Revocation and 容错 decisions are columns of sanction: its writes are all that change the spans.
  dependsOn: [cadreRows('sanction')],
};
