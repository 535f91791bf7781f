import { PolicyDocument } from '../../policy/policy.types';
import { SqlParams } from './sql-params';
import { StepRow } from './steps';

export interface ReadinessSqlInput {
  /** `$n::date` */
  asOf: string;
  policy: PolicyDocument;
  steps: StepRow[];
  /** READY_SOON reaches this many months past asOf. */
  withinMonths: number;
}

/**
 * Readiness for the next step as set-based SQL over `pathway_facts` (src/pathway/pathway-facts.query.ts), so a
 * list can filter, count and rank by it in the statement that pages it. Each requirement of
 * src/pathway/requirements becomes the date it is (or was) met: '-infinity' when met or not applicable,
 * NULL when only more than time can meet it. Then, as evaluatePathway decides:
 *   blocked      = some date is NULL
 *   eligibleFrom = the latest date (unmet ones are all later than asOf)
 *   READY_NOW    = not blocked and eligibleFrom ≤ asOf; READY_SOON = not blocked and within `withinMonths`.
 * The thresholds and which rules apply come from stepRows; the e2e suite checks this SQL against
 * evaluatePathway cadre by cadre. Defines the CTEs `steps` and `readiness (cadre_id, to_level, readiness,
 * eligible_from)`; cadres without a step (no current posting, top of the ladder) have no row.
 */
export function readinessCtes(i: ReadinessSqlInput, p: SqlParams): string {
  const { asOf } = i;
  const ap = i.policy.rules.PROMO_APPRAISAL.params;
  const order = p.add(i.policy.rules.PROMO_EDUCATION.params.order, 'text[]');
  const blocking = p.add(ap.blockingGrades, 'text[]');
  const notCounting = p.add(ap.notCountingGrades, 'text[]');
  const shortens = p.add(ap.excellentShortensMonths, 'int');
  const year = `extract(year FROM ${asOf})::int`;
  const never = `'-infinity'::date`;
  const adj = `CASE WHEN a.grade = ANY(${notCounting}) THEN 12 WHEN a.grade = 'EXCELLENT' THEN -${shortens} ELSE 0 END`;
  return `
    steps AS (
      SELECT * FROM jsonb_to_recordset(${p.add(JSON.stringify(i.steps), 'jsonb')}) AS st(
        from_level text, to_level text, ladder text, min_months int, rank_adjusted boolean, work_years float8,
        grassroots_days int, posts_needed int, band jsonb, education_min int, no_recent_years float8)
    ),
    requirement_dates AS (
      SELECT f.cadre_id, st.to_level,
             CASE WHEN st.work_years IS NULL THEN ${never}
                  ELSE (f.work_start_date + st.work_years * interval '1 year')::date END AS work_years,
             CASE WHEN st.grassroots_days IS NULL OR f.grassroots_days >= st.grassroots_days THEN ${never}
                  WHEN f.in_grassroots_now THEN ${asOf} + (st.grassroots_days - f.grassroots_days) END AS grassroots_years,
             CASE WHEN st.posts_needed IS NULL OR st.posts_needed <= posts.n THEN ${never} END AS two_posts,
             CASE WHEN f.level_start IS NULL THEN ${never}
                  ELSE (f.level_start + make_interval(months => (st.min_months + coalesce(adj.months, 0))::int))::date
             END AS time_in_level,
             CASE WHEN st.education_min IS NULL
                    OR coalesce(array_position(${order}, f.education_level::text), 0) - 1 >= st.education_min
                  THEN ${never} END AS education,
             CASE WHEN last_year.grade = ANY(${blocking}) THEN NULL ELSE ${never} END AS appraisal,
             CASE WHEN st.no_recent_years IS NULL OR f.last_promotion_date IS NULL THEN ${never}
                  ELSE (f.last_promotion_date + st.no_recent_years * interval '1 year')::date END AS no_recent
        FROM pathway_facts f
        JOIN steps st ON st.from_level = f.current_level AND st.ladder = f.ladder
        LEFT JOIN appraisal last_year ON last_year.cadre_id = f.cadre_id AND last_year.year = ${year} - 1
        CROSS JOIN LATERAL (SELECT coalesce(sum((f.posts_by_level ->> b)::int), 0) AS n
                              FROM jsonb_array_elements_text(st.band) b) posts
        -- Rank steps: whole years held at the level, in order, while they end before the date being reached.
        LEFT JOIN LATERAL (
          SELECT sum(y.adj) FILTER (WHERE y.counted) AS months
            FROM (SELECT x.adj,
                         bool_and(make_date(x.year + 1, 1, 1)
                                  <= (f.level_start + make_interval(months => (st.min_months + x.prior)::int))::date)
                           OVER (ORDER BY x.year) AS counted
                    FROM (SELECT a.year, ${adj} AS adj,
                                 coalesce(sum(${adj}) OVER (ORDER BY a.year ROWS BETWEEN UNBOUNDED PRECEDING
                                                                               AND 1 PRECEDING), 0)::int AS prior
                            FROM appraisal a
                           WHERE st.rank_adjusted AND a.cadre_id = f.cadre_id AND a.year <= ${year}
                             AND make_date(a.year, 1, 1) >= f.level_start) x) y
        ) adj ON true
    ),
    readiness AS (
      SELECT d.cadre_id, d.to_level, CASE WHEN NOT d.blocked THEN d.eligible_from END AS eligible_from,
             CASE WHEN d.blocked THEN 'NOT_READY'
                  WHEN d.eligible_from <= ${asOf} THEN 'READY_NOW'
                  WHEN d.eligible_from <= (${asOf} + make_interval(months => ${p.add(i.withinMonths, 'int')}))::date
                    THEN 'READY_SOON'
                  ELSE 'NOT_READY' END AS readiness
        FROM (SELECT r.cadre_id, r.to_level,
                     (r.work_years IS NULL OR r.grassroots_years IS NULL OR r.two_posts IS NULL
                      OR r.time_in_level IS NULL OR r.education IS NULL OR r.appraisal IS NULL
                      OR r.no_recent IS NULL) AS blocked,
                     greatest(r.work_years, r.grassroots_years, r.two_posts, r.time_in_level, r.education,
                              r.appraisal, r.no_recent) AS eligible_from
                FROM requirement_dates r) d
    )`;
}
