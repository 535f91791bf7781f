import { FlagCode } from './codes';
import { bad, number, text } from './params';
import { RECORD_TIME_ZONE } from './dates';
import { FlagRule } from './rule';
import { cadreRows, spanVersions, versionParam } from './spans/span-sql';
import { details, FlagQuery, FlagSql, param, source } from './sql/flag-sql';

/** Recognition levels, lowest first. */
export const RECOGNITION_LEVELS = ['UNIT', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'];
const RECOGNITION = `ARRAY[${RECOGNITION_LEVELS.map((l) => `'${l}'`).join(',')}]::text[]`;

/**
 * The day an achievement was verified, in the organisation department's time zone (verified_at is the moment
 * the decision was recorded).
 */
export const verifiedOn = (a: string): string =>
  `(${a}.verified_at AT TIME ZONE '${RECORD_TIME_ZONE}')::date`;

/**
 * The start (exclusive) of a criterion's window before asOf: `(asOf − years)::date`, or '-infinity' when the
 * policy version has no such param (recognition and improvement windows came later: none there).
 */
function windowStart(
  s: FlagSql,
  key: 'windowYears' | 'recognitionWindowYears' | 'improvementWindowYears',
): string {
  const years = s.policy.rules.SPECIALIST.params[key];
  if (years === undefined) return `'-infinity'::date`;
  return `(${s.asOf} - ${s.p.add(years, 'numeric')}::float8 * interval '1 year')::date`;
}

/**
 * SPECIALIST: per cadre and domain, VERIFIED achievements up to asOf (claimed or rejected ones never count), and
 * verified by asOfRecorded (default asOf: a verification recorded later does not make a specialist earlier):
 * at least minCount within windowYears, or one within recognitionWindowYears recognised at recognitionAtLeast
 * or above, or one within improvementWindowYears with a measured improvement of at least minImprovementPercent
 * ((baseline − result) / baseline for LOWER-is-better indicators, (result − baseline) / baseline for HIGHER,
 * × 100).
 */
function specialistSql(s: FlagSql): FlagQuery {
  const rule = 'SPECIALIST' as const;
  const countStart = windowStart(s, 'windowYears');
  const recognitionStart = windowStart(s, 'recognitionWindowYears');
  const improvementStart = windowStart(s, 'improvementWindowYears');
  const minRank = `array_position(${RECOGNITION}, ${s.p.add(s.policy.rules.SPECIALIST.params.recognitionAtLeast, 'text')})`;
  const ach = `
      SELECT a.id, a.cadre_id, a.domain, a.achieved_on,
             array_position(${RECOGNITION}, a.recognition_level::text) AS rec_rank,
             (SELECT max(CASE WHEN i.better_when = 'LOWER' THEN (i.baseline - i.result) ELSE (i.result - i.baseline) END
                         / abs(i.baseline) * 100)
                FROM achievement_impact i WHERE i.achievement_id = a.id AND i.baseline <> 0) AS improvement
        FROM achievement a JOIN scope s ON s.cadre_id = a.cadre_id
       WHERE a.verification_status = 'VERIFIED' AND a.achieved_on <= ${s.asOf}
         AND ${verifiedOn('a')} <= ${s.asOfRecorded ?? s.asOf}
         ${s.domain ? `AND a.domain = ${s.domain}` : ''}`;
  const inRecognition = `achieved_on > ${recognitionStart}`;
  const inImprovement = `achieved_on > ${improvementStart}`;
  const byDomain = `
      SELECT cadre_id, domain,
             array_agg(id ORDER BY achieved_on, id) FILTER (WHERE achieved_on > ${countStart}) AS recent,
             array_agg(id ORDER BY achieved_on, id) FILTER (WHERE rec_rank >= ${minRank} AND ${inRecognition})
               AS recognised,
             array_agg(id ORDER BY achieved_on, id)
               FILTER (WHERE improvement >= ${param(s, rule, 'minImprovementPercent')} AND ${inImprovement}) AS improved,
             max(improvement) FILTER (WHERE ${inImprovement}) AS best_improvement,
             (${RECOGNITION})[max(rec_rank) FILTER (WHERE ${inRecognition})] AS highest_recognition
        FROM (${ach}) a GROUP BY cadre_id, domain`;
  const byCount = `coalesce(cardinality(recent), 0) >= ${param(s, rule, 'minCount')}`;
  const criteria = `array_remove(ARRAY[CASE WHEN ${byCount} THEN 'COUNT' END,
                                       CASE WHEN recognised IS NOT NULL THEN 'RECOGNITION' END,
                                       CASE WHEN improved IS NOT NULL THEN 'IMPROVEMENT' END], NULL)`;
  const ids = `ARRAY(SELECT DISTINCT unnest(CASE WHEN ${byCount} THEN recent END || recognised || improved) ORDER BY 1)`;
  return {
    ctes: ['scope'],
    select: `
    SELECT cadre_id, 'SPECIALIST_STRENGTH', 'INFO', '${rule}', ${source(s, rule)},
           ${details(
             s,
             message({
               domain: 'domain',
               met: (c) => `'${c}' = ANY(criteria_met)`,
               recentCount: 'cardinality(recent)',
               windowYears: param(s, rule, 'windowYears'),
               highestRecognition: 'highest_recognition',
               bestImprovement: 'round(best_improvement, 1)',
             }),
             `jsonb_build_object('domain', domain, 'criteria', to_jsonb(criteria_met), 'achievementIds', to_jsonb(ids),
                              'recentCount', coalesce(cardinality(recent), 0),
                              'windowYears', ${param(s, rule, 'windowYears')},
                              'highestRecognition', highest_recognition,
                              'bestImprovementPercent', round(best_improvement, 1))`,
           )},
           0
      FROM (SELECT d.*, ${criteria} AS criteria_met, ${ids} AS ids FROM (${byDomain}) d) x
     WHERE cardinality(criteria_met) > 0`,
  };
}

/** The message over the columns (SQL expressions) of one cadre's finding in one domain. */
function message(x: {
  domain: string;
  met: (criterion: string) => string;
  recentCount: string;
  windowYears: string;
  highestRecognition: string;
  bestImprovement: string;
}): string {
  return `format('Specialist strength in %s: %s.', ${x.domain}, concat_ws('; ',
             CASE WHEN ${x.met('COUNT')} THEN format('%s verified achievements within %s years',
               ${x.recentCount}, trim_scale(${x.windowYears})) END,
             CASE WHEN ${x.met('RECOGNITION')} THEN format('recognised at %s level', ${x.highestRecognition}) END,
             CASE WHEN ${x.met('IMPROVEMENT')}
                  THEN format('a measured improvement of %s%%', ${x.bestImprovement}) END))`;
}

/**
 * The spans (per cadre and domain, in rule_span.domain): the ranges on which the achievements VERIFIED by d
 * (verifiedOn) and achieved up to d make a specialist; cut where an achievement starts to count (achieved and
 * verified) and where it leaves each criterion's window, each range carrying its facts (criteria, achievement
 * ids, counts). A version without the recognition or improvement window keeps those criteria without one.
 */
const specialistSpanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, domain, valid_from, valid_to, policy_version, facts)
    WITH versions AS MATERIALIZED (${spanVersions(
      'SPECIALIST',
      `${versionParam('SPECIALIST', 'minCount')}::numeric AS min_count,
             ${versionParam('SPECIALIST', 'windowYears')}::numeric AS window_years,
             array_position(${RECOGNITION}, ${versionParam('SPECIALIST', 'recognitionAtLeast')}) AS min_rank,
             ${versionParam('SPECIALIST', 'minImprovementPercent')}::numeric AS min_improvement,
             ${versionParam('SPECIALIST', 'recognitionWindowYears')}::numeric AS rec_years,
             ${versionParam('SPECIALIST', 'improvementWindowYears')}::numeric AS imp_years`,
    )}
    ),
    ach AS MATERIALIZED (
      SELECT a.cadre_id, a.domain, a.achieved_on, greatest(a.achieved_on, ${verifiedOn('a')}) AS counts_from
        FROM achievement a
       WHERE a.cadre_id = ANY(ids) AND a.verification_status = 'VERIFIED'
    ),
    -- The dates from which the achievements counted can change: where each starts to count and where it leaves
    -- each window (a window of NULL years yields no date).
    points AS (
      SELECT DISTINCT a.cadre_id, a.domain, v.*, b.at
        FROM ach a
        CROSS JOIN versions v
        CROSS JOIN LATERAL (VALUES (a.counts_from),
                                   ((a.achieved_on + v.window_years::float8 * interval '1 year')::date),
                                   ((a.achieved_on + v.window_years::float8 * interval '1 year')::date + 1),
                                   ((a.achieved_on + v.rec_years::float8 * interval '1 year')::date),
                                   ((a.achieved_on + v.rec_years::float8 * interval '1 year')::date + 1),
                                   ((a.achieved_on + v.imp_years::float8 * interval '1 year')::date),
                                   ((a.achieved_on + v.imp_years::float8 * interval '1 year')::date + 1),
                                   (lower(v.in_force))) AS b(at)
       WHERE v.in_force @> b.at
    ),
    pieces AS (
      SELECT p.*, coalesce(lead(p.at) OVER (PARTITION BY p.cadre_id, p.domain, p.version ORDER BY p.at),
                           upper(p.in_force)) AS next
        FROM points p
    ),
    counted AS (
      SELECT x.cadre_id, x.domain, x.version, x.at, x.next, x.window_years, e.*,
             coalesce(cardinality(e.recent), 0) >= x.min_count AS by_count
        FROM pieces x
        CROSS JOIN LATERAL (
          SELECT array_agg(a.id ORDER BY a.achieved_on, a.id)
                   FILTER (WHERE a.achieved_on > (x.at - x.window_years::float8 * interval '1 year')::date) AS recent,
                 array_agg(a.id ORDER BY a.achieved_on, a.id) FILTER (WHERE a.rec_rank >= x.min_rank AND a.in_rec)
                   AS recognised,
                 array_agg(a.id ORDER BY a.achieved_on, a.id) FILTER (WHERE a.improvement >= x.min_improvement
                                                                          AND a.in_imp) AS improved,
                 max(a.improvement) FILTER (WHERE a.in_imp) AS best_improvement,
                 (${RECOGNITION})[max(a.rec_rank) FILTER (WHERE a.in_rec)] AS highest_recognition
            FROM (SELECT a.id, a.achieved_on, array_position(${RECOGNITION}, a.recognition_level::text) AS rec_rank,
                         (SELECT max(CASE WHEN i.better_when = 'LOWER' THEN (i.baseline - i.result)
                                          ELSE (i.result - i.baseline) END / abs(i.baseline) * 100)
                            FROM achievement_impact i WHERE i.achievement_id = a.id AND i.baseline <> 0) AS improvement,
                         (x.rec_years IS NULL
                          OR a.achieved_on > (x.at - x.rec_years::float8 * interval '1 year')::date) AS in_rec,
                         (x.imp_years IS NULL
                          OR a.achieved_on > (x.at - x.imp_years::float8 * interval '1 year')::date) AS in_imp
                    FROM achievement a
                   WHERE a.cadre_id = x.cadre_id AND a.domain = x.domain AND a.verification_status = 'VERIFIED'
                     AND a.achieved_on <= x.at AND ${verifiedOn('a')} <= x.at) a) e
    ),
    met AS (
      SELECT c.*,
             array_remove(ARRAY[CASE WHEN c.by_count THEN 'COUNT' END,
                                CASE WHEN c.recognised IS NOT NULL THEN 'RECOGNITION' END,
                                CASE WHEN c.improved IS NOT NULL THEN 'IMPROVEMENT' END], NULL) AS criteria_met,
             ARRAY(SELECT DISTINCT unnest(CASE WHEN c.by_count THEN c.recent END || c.recognised || c.improved)
                    ORDER BY 1) AS achievement_ids
        FROM counted c
    )
    SELECT cadre_id, 'SPECIALIST', 'SPECIALIST_STRENGTH', 'INFO', domain, at, next, version,
           jsonb_build_object('domain', domain, 'criteria', to_jsonb(criteria_met),
                              'achievementIds', to_jsonb(achievement_ids),
                              'recentCount', coalesce(cardinality(recent), 0), 'windowYears', window_years,
                              'highestRecognition', highest_recognition,
                              'bestImprovementPercent', round(best_improvement, 1))
      FROM met
     WHERE cardinality(criteria_met) > 0`;

/**
 * The same rows read from rule_span: the span holding on asOf (one per cadre and domain) carries every fact;
 * only the message is written here (specialistSpanSql).
 */
function specialistSpans(s: FlagSql): FlagQuery {
  const rule = 'SPECIALIST' as const;
  return {
    ctes: ['scope'],
    select: `
    SELECT sp.cadre_id, 'SPECIALIST_STRENGTH', 'INFO', '${rule}', ${source(s, rule)},
           ${details(
             s,
             message({
               domain: 'sp.domain',
               met: (c) => `sp.facts -> 'criteria' @> '"${c}"'::jsonb`,
               recentCount: `(sp.facts ->> 'recentCount')::int`,
               windowYears: `(sp.facts ->> 'windowYears')::numeric`,
               highestRecognition: `sp.facts ->> 'highestRecognition'`,
               bestImprovement: `(sp.facts ->> 'bestImprovementPercent')::numeric`,
             }),
             'sp.facts',
           )},
           0
      FROM rule_span sp JOIN scope s ON s.cadre_id = sp.cadre_id
     WHERE sp.rule_id = '${rule}' AND sp.valid @> ${s.asOf}
       ${s.domain ? `AND sp.domain = ${s.domain}` : ''}`,
  };
}

/**
 * `SELECT domains`: the domains (text[], sorted; NULL without any) in which `cadre` has SPECIALIST_STRENGTH on
 * asOf, from the spans as specialistSpans reads them (only `domain`, a `$n::text`, when given), for a LATERAL
 * join: an index lookup per cadre, for a list that needs it for each of thousands of candidates.
 */
export const specialistDomainsSql = (cadre: string, asOf: string, domain?: string): string => `
    SELECT array_agg(DISTINCT sp.domain::text ORDER BY sp.domain::text) AS domains FROM rule_span sp
     WHERE sp.cadre_id = ${cadre} AND sp.rule_id = 'SPECIALIST' AND sp.valid @> ${asOf}
       ${domain ? `AND sp.domain = ${domain}` : ''}`;

export const specialistRule: FlagRule<'SPECIALIST'> = {
  id: 'SPECIALIST',
  kind: 'flag',
  params: {
    counts: ['minCount'],
    numbers: ['windowYears', 'minImprovementPercent'],
    check: (params, field) => {
      const f = `${field}.recognitionAtLeast`;
      if (!RECOGNITION_LEVELS.includes(text(params.recognitionAtLeast, f))) {
        bad(f, `${f} must be one of ${RECOGNITION_LEVELS.join(', ')}.`);
      }
      // Optional: a version without them keeps recognition and improvement without a window.
      for (const k of ['recognitionWindowYears', 'improvementWindowYears']) {
        if (params[k] !== undefined) number(params[k], `${field}.${k}`);
      }
    },
  },
  codes: [FlagCode.SPECIALIST_STRENGTH],
  sql: specialistSql,
  // Spans hold verification by asOf itself; another asOfRecorded is evaluated from the records.
  spans: (s) => (s.asOfRecorded ? specialistSql(s) : specialistSpans(s)),
  spanSql: specialistSpanSql,
  dependsOn: [
    cadreRows('achievement'),
    // An impact's cadre is its achievement's (an achievement deleted with its impacts refreshes by itself).
    {
      table: 'achievement_impact',
      cadreIds: 'SELECT a.cadre_id FROM changed c JOIN achievement a ON a.id = c.achievement_id',
    },
  ],
};
