import { APPRAISAL_GRADES } from '../appraisals/appraisal.entity';
import { LABELS } from '../i18n/labels';
import { PolicyDocument } from '../policy/policy.types';
import { FlagCode } from './codes';
import { bad, strings } from './params';
import { FlagRule } from './rule';
import { cadreRows, factDate, spanVersions, versionParam, versionParamJson } from './spans/span-sql';
import { details, FlagQuery, FlagSql, list, NO_FLAGS, param, source, spanFlags } from './sql/flag-sql';

const RULE = 'APPRAISAL_INCOMPETENT';
const GRADE_NAMES = `'${JSON.stringify(LABELS['zh-CN'].grade)}'::jsonb`;

/**
 * The flag's span for one appraisal `a` with a flagged grade: from 1 January after its year for `years` years
 * (k.flagged_from, k.until: the first day no longer flagged).
 */
const spanLateral = (years: string): string => `
      CROSS JOIN LATERAL (SELECT make_date(a.year + 1, 1, 1) AS flagged_from,
                                 make_date(a.year + 1 + ${years}, 1, 1) AS until) k`;

/** The facts of a flag or span, from a, k and the rule's source `src`. */
const facts = (src: string): string => `jsonb_build_object('year', a.year, 'grade', a.grade,
        'flaggedFrom', k.flagged_from, 'flaggedUntil', k.until - 1, 'source', ${src})`;

/** 2025 年度考核不称职，关注至 2026-12-31；appraised INCOMPETENT for 2025, flagged until 2026-12-31. */
const message = (f: string): string =>
  `format('%s 年度考核%s，关注至 %s；appraised %s for %s, flagged until %s',
          ${f} ->> 'year', ${GRADE_NAMES} ->> (${f} ->> 'grade'), ${f} ->> 'flaggedUntil',
          ${f} ->> 'grade', ${f} ->> 'year', ${f} ->> 'flaggedUntil')`;

/** APPRAISAL_INCOMPETENT on asOf, from the appraisals under the version in force on asOf. */
function flagSql(s: FlagSql): FlagQuery {
  // A version published before the rule has none: no flags under it.
  if (!(s.policy.rules as Partial<PolicyDocument['rules']>)[RULE]) {
    return NO_FLAGS;
  }
  return {
    ctes: [],
    select: `
    SELECT x.cadre_id, '${FlagCode.APPRAISAL_INCOMPETENT}', 'WARNING', '${RULE}', x.facts ->> 'source',
           ${details(s, message('x.facts'), 'x.facts')}, x.over_by
      FROM (SELECT a.cadre_id, ${facts(source(s, RULE))} AS facts, (${s.asOf} - k.until)::int AS over_by
              FROM scope sc
              JOIN appraisal a ON a.cadre_id = sc.cadre_id
              ${spanLateral(`${param(s, RULE, 'followingYears')}::int`)}
             WHERE a.grade = ANY(${list(s, RULE, 'grades')})
               AND k.flagged_from <= ${s.asOf} AND ${s.asOf} < k.until) x`,
  };
}

/** The same flags read from rule_span: the span holding on asOf carries every fact. */
const flagSpans = (s: FlagSql): FlagQuery =>
  spanFlags(s, {
    rule: RULE,
    code: FlagCode.APPRAISAL_INCOMPETENT,
    severity: 'WARNING',
    message,
    lastDay: 'flaggedUntil',
  });

/**
 * The spans (for the rules installer, src/rules/spans): per flagged appraisal and policy version, the years after
 * it, clipped to the version's in-force range. A version lacking the rule yields nothing. Reads `ids` (uuid[]).
 */
export const appraisalIncompetentSpanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    SELECT a.cadre_id, '${RULE}', '${FlagCode.APPRAISAL_INCOMPETENT}', 'WARNING', lower(x.valid), upper(x.valid),
           v.version, ${facts('v.source')}
      FROM appraisal a
      CROSS JOIN (${spanVersions(
        RULE,
        `${versionParamJson(RULE, 'grades')} AS grades, ${versionParam(RULE, 'followingYears')}::int AS years,
         v.document #>> '{rules,${RULE},source}' AS source`,
      )}) v
      ${spanLateral('v.years')}
      CROSS JOIN LATERAL (SELECT daterange(k.flagged_from, k.until) * v.in_force AS valid) x
     WHERE a.cadre_id = ANY(ids) AND v.grades ? a.grade AND NOT isempty(x.valid)`;

/** The flagged grades are appraisal grades. */
function checkGrades(params: Record<string, unknown>, field: string): void {
  strings(params.grades, `${field}.grades`).forEach((g, i) => {
    if (!(APPRAISAL_GRADES as readonly string[]).includes(g)) {
      bad(`${field}.grades[${i}]`, `${field}.grades[${i}]: "${g}" is not an appraisal grade.`);
    }
  });
}

/**
 * APPRAISAL_INCOMPETENT: flag APPRAISAL_INCOMPETENT (WARNING) in the `followingYears` calendar years after a year
 * appraised with one of `grades` (不称职): the year the consequences (one step down, no promotion) are decided.
 */
export const appraisalIncompetentRule: FlagRule<'APPRAISAL_INCOMPETENT'> = {
  id: RULE,
  kind: 'flag',
  params: { counts: ['followingYears'], check: checkGrades },
  codes: [FlagCode.APPRAISAL_INCOMPETENT],
  sql: flagSql,
  spans: flagSpans,
  overFrom: factDate('flaggedUntil', 1),
  lightScope: 'scope',
  spanSql: appraisalIncompetentSpanSql,
  dependsOn: [cadreRows('appraisal')],
};
