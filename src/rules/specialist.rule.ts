import { FlagCode } from './codes';
import { bad, text } from './params';
import { FlagRule } from './rule';
import { cadreRows, spanVersions, versionParam } from './spans/span-sql';
import { details, FlagQuery, FlagSql, param, source } from './sql/flag-sql';

/** Recognition levels, lowest first. */
export const RECOGNITION_LEVELS = ['UNIT', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'];
const RECOGNITION = `ARRAY[${RECOGNITION_LEVELS.map((l) => `'${l}'`).join(',')}]::text[]`;

/**
 * SPECIALIST: per cadre and domain, VERIFIED achievements up to asOf (claimed or rejected ones never count):
 * at least minCount within windowYears, or one recognised at recognitionAtLeast or above, or one measured
 * improvement of at least minImprovementPercent ((baseline − result) / baseline for LOWER-is-better
 * indicators, (result − baseline) / baseline for HIGHER, × 100).
 */
function specialistSql(s: FlagSql): FlagQuery {
  const rule = 'SPECIALIST' as const;
  const windowStart = `(${s.asOf} - ${param(s, rule, 'windowYears')}::float8 * interval '1 year')::date`;
  const minRank = `array_position(${RECOGNITION}, ${s.p.add(s.policy.rules.SPECIALIST.params.recognitionAtLeast, 'text')})`;
  const ach = `
      SELECT a.id, a.cadre_id, a.domain, a.achieved_on,
             array_position(${RECOGNITION}, a.recognition_level::text) AS rec_rank,
             (SELECT max(CASE WHEN i.better_when = 'LOWER' THEN (i.baseline - i.result) ELSE (i.result - i.baseline) END
                         / abs(i.baseline) * 100)
                FROM achievement_impact i WHERE i.achievement_id = a.id AND i.baseline <> 0) AS improvement
        FROM achievement a JOIN scope s ON s.cadre_id = a.cadre_id
       WHERE a.verification_status = 'VERIFIED' AND a.achieved_on <= ${s.asOf}
         ${s.domain ? `AND a.domain = ${s.domain}` : ''}`;
  const byDomain = `
      SELECT cadre_id, domain,
             array_agg(id ORDER BY achieved_on, id) FILTER (WHERE achieved_on > ${windowStart}) AS recent,
             array_agg(id ORDER BY achieved_on, id) FILTER (WHERE rec_rank >= ${minRank}) AS recognised,
             array_agg(id ORDER BY achieved_on, id)
               FILTER (WHERE improvement >= ${param(s, rule, 'minImprovementPercent')}) AS improved,
             max(improvement) AS best_improvement, (${RECOGNITION})[max(rec_rank)] AS highest_recognition
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
 * The spans (per cadre and domain, in rule_span.domain): the ranges on which the VERIFIED achievements up to d
 * make a specialist; cut at each achievement date and where it leaves the window, each range carrying its facts
 * (criteria, achievement ids, counts).
 */
const specialistSpanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, domain, valid_from, valid_to, policy_version, facts)
    WITH versions AS MATERIALIZED (${spanVersions(
      'SPECIALIST',
      `${versionParam('SPECIALIST', 'minCount')}::numeric AS min_count,
             ${versionParam('SPECIALIST', 'windowYears')}::numeric AS window_years,
             array_position(${RECOGNITION}, ${versionParam('SPECIALIST', 'recognitionAtLeast')}) AS min_rank,
             ${versionParam('SPECIALIST', 'minImprovementPercent')}::numeric AS min_improvement`,
    )}
    ),
    ach AS MATERIALIZED (
      SELECT a.cadre_id, a.domain, a.achieved_on FROM achievement a
       WHERE a.cadre_id = ANY(ids) AND a.verification_status = 'VERIFIED'
    ),
    -- The dates from which the achievements counted can change: each one's date and where it leaves the window.
    points AS (
      SELECT DISTINCT a.cadre_id, a.domain, v.*, b.at
        FROM ach a
        CROSS JOIN versions v
        CROSS JOIN LATERAL (VALUES (a.achieved_on),
                                   ((a.achieved_on + v.window_years::float8 * interval '1 year')::date),
                                   ((a.achieved_on + v.window_years::float8 * interval '1 year')::date + 1),
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
                 array_agg(a.id ORDER BY a.achieved_on, a.id) FILTER (WHERE a.rec_rank >= x.min_rank) AS recognised,
                 array_agg(a.id ORDER BY a.achieved_on, a.id) FILTER (WHERE a.improvement >= x.min_improvement)
                   AS improved,
                 max(a.improvement) AS best_improvement, (${RECOGNITION})[max(a.rec_rank)] AS highest_recognition
            FROM (SELECT a.id, a.achieved_on, array_position(${RECOGNITION}, a.recognition_level::text) AS rec_rank,
                         (SELECT max(CASE WHEN i.better_when = 'LOWER' THEN (i.baseline - i.result)
                                          ELSE (i.result - i.baseline) END / abs(i.baseline) * 100)
                            FROM achievement_impact i WHERE i.achievement_id = a.id AND i.baseline <> 0) AS improvement
                    FROM achievement a
                   WHERE a.cadre_id = x.cadre_id AND a.domain = x.domain AND a.verification_status = 'VERIFIED'
                     AND a.achieved_on <= x.at) a) e
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
    },
  },
  codes: [FlagCode.SPECIALIST_STRENGTH],
  sql: specialistSql,
  spans: specialistSpans,
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
