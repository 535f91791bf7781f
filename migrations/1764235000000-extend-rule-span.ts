import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rule_span, second part (issue 14): the training-hours rules (TRAINING_5Y, TRAINING_ANNUAL) and SPECIALIST get
 * their spans too, kept current in the writing transaction.
 *
 * - TRAINING_SHORTFALL (per rule): for each regular posting at a level the rule applies to and each policy
 *   version, the date ranges on which the completed hours in the window ((d − windowYears, d] or the calendar
 *   year up to d) fall short. The hours only change where a training ends and where it leaves the window (its end
 *   plus windowYears, or the next 1 January); the days short are merged into ranges, and the reader sums the
 *   hours of the day asked about for the rows it returns in full (a count or an order needs none).
 * - SPECIALIST_STRENGTH (per cadre and domain, in rule_span.domain): the ranges on which the VERIFIED
 *   achievements up to d make a specialist; cut at each achievement date and where it leaves the window, each
 *   range carrying its facts (criteria, achievement ids, counts).
 * The same definitions as the rule files on one date (training-shortfall.sql.ts, specialist.rule.ts); the
 * oracle spec (src/rules/spans/rule-spans.oracle.spec.ts) holds them together.
 *
 * The function of 1764234000000 (posting limits, induction training) is kept as refresh_rule_spans_postings;
 * refresh_rule_spans calls it (which locks the cadres, refresh_posting_runs' pattern) and then refreshes these
 * rules, so every existing trigger refreshes everything of its cadres. New statement-level triggers on
 * achievement and achievement_impact (claims, verification, rejection, impacts) refresh their cadres; a new
 * policy version refreshes every cadre with a posting or an achievement.
 */
const REFRESH = `
  CREATE FUNCTION refresh_rule_spans(ids uuid[]) RETURNS void LANGUAGE plpgsql
  SET random_page_cost = 1.1
  AS $$
  BEGIN
    IF coalesce(cardinality(ids), 0) = 0 THEN
      RETURN;
    END IF;
    -- Locks the cadres in id order (one refresh per cadre at a time) and refreshes the posting-limit and
    -- induction spans.
    PERFORM refresh_rule_spans_postings(ids);
    DELETE FROM rule_span
     WHERE cadre_id = ANY(ids) AND rule_id IN ('TRAINING_5Y', 'TRAINING_ANNUAL', 'SPECIALIST');
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    WITH rules AS MATERIALIZED (
      SELECT v.version, r.rule_id,
             daterange(v.effective_from, lead(v.effective_from) OVER (PARTITION BY r.rule_id ORDER BY v.effective_from))
               AS in_force,
             (v.document #>> ARRAY['rules', r.rule_id, 'params', 'hours'])::numeric AS hours,
             -- NULL for TRAINING_ANNUAL, whose window is the calendar year
             (v.document #>> ARRAY['rules', r.rule_id, 'params', 'windowYears'])::float8 * interval '1 year' AS win,
             ARRAY(SELECT jsonb_array_elements_text(v.document #> ARRAY['rules', r.rule_id, 'params', 'appliesToLevels']))
               AS levels
        FROM policy_version v CROSS JOIN (VALUES ('TRAINING_5Y'), ('TRAINING_ANNUAL')) AS r(rule_id)
    ),
    -- Each regular posting at a level the rule applies to, within each version.
    ranges AS MATERIALIZED (
      SELECT x.* FROM (
        SELECT p.cadre_id, p.level, ru.rule_id, ru.version, ru.hours, ru.win,
               daterange(p.start_date, p.end_date, '[]') * ru.in_force AS range
          FROM posting_run p JOIN rules ru ON p.level::text = ANY(ru.levels)
         WHERE p.cadre_id = ANY(ids)) x
       WHERE NOT isempty(x.range)
    ),
    keys AS (SELECT DISTINCT cadre_id, rule_id, version, win FROM ranges),
    -- The hours in the window on a day d change where a completed training ends (+ its hours) and where it leaves
    -- the window (−): the first d with (d − windowYears) ≥ its end, or the next 1 January for the calendar year.
    events AS (
      SELECT k.cadre_id, k.rule_id, k.version, '-infinity'::date AS at, 0::numeric AS delta FROM keys k
      UNION ALL
      SELECT k.cadre_id, k.rule_id, k.version, e.at, e.delta
        FROM keys k
        JOIN training t ON t.cadre_id = k.cadre_id AND t.completed
        CROSS JOIN LATERAL (SELECT (t.end_date + k.win)::date AS later) w
        CROSS JOIN LATERAL (VALUES (t.end_date, t.class_hours),
                                   (CASE WHEN k.win IS NULL THEN make_date(extract(year FROM t.end_date)::int + 1, 1, 1)
                                         WHEN (w.later - k.win)::date >= t.end_date THEN w.later
                                         ELSE w.later + 1 END, -t.class_hours)) AS e(at, delta)
    ),
    pieces AS (
      SELECT cadre_id, rule_id, version, daterange(at, lead(at) OVER w) AS piece, sum(delta) OVER w AS done
        FROM (SELECT cadre_id, rule_id, version, at, sum(delta) AS delta FROM events GROUP BY 1, 2, 3, 4) s
      WINDOW w AS (PARTITION BY cadre_id, rule_id, version ORDER BY at)
    ),
    -- The days short of hours, adjacent ones merged: the reader counts the hours of the day it asks about.
    short AS (
      SELECT g.cadre_id, g.rule_id, g.version, g.level, g.hours, range_agg(g.range * x.piece) AS days
        FROM ranges g
        JOIN pieces x ON x.cadre_id = g.cadre_id AND x.rule_id = g.rule_id AND x.version = g.version
                     AND x.piece && g.range
       WHERE x.done < g.hours
       GROUP BY g.cadre_id, g.rule_id, g.version, g.level, g.hours, g.range
    )
    SELECT s.cadre_id, s.rule_id, 'TRAINING_SHORTFALL', 'WARNING', lower(d), upper(d), s.version,
           jsonb_build_object('level', s.level, 'hoursRequired', s.hours)
      FROM short s CROSS JOIN LATERAL unnest(s.days) AS d;
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, domain, valid_from, valid_to, policy_version, facts)
    WITH versions AS MATERIALIZED (
      SELECT v.version, daterange(v.effective_from, lead(v.effective_from) OVER (ORDER BY v.effective_from)) AS in_force,
             (v.document #>> '{rules,SPECIALIST,params,minCount}')::numeric AS min_count,
             (v.document #>> '{rules,SPECIALIST,params,windowYears}')::numeric AS window_years,
             array_position(ARRAY['UNIT','COUNTY','PREFECTURE','PROVINCE','NATIONAL']::text[],
                            v.document #>> '{rules,SPECIALIST,params,recognitionAtLeast}') AS min_rank,
             (v.document #>> '{rules,SPECIALIST,params,minImprovementPercent}')::numeric AS min_improvement
        FROM policy_version v
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
                 max(a.improvement) AS best_improvement,
                 (ARRAY['UNIT','COUNTY','PREFECTURE','PROVINCE','NATIONAL']::text[])[max(a.rec_rank)]
                   AS highest_recognition
            FROM (SELECT a.id, a.achieved_on,
                         array_position(ARRAY['UNIT','COUNTY','PREFECTURE','PROVINCE','NATIONAL']::text[],
                                        a.recognition_level::text) AS rec_rank,
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
     WHERE cardinality(criteria_met) > 0;
  END $$`;

/** The policy trigger of 1764234000000, for down. */
const POLICY_TRG = (cadres: string): string => `
  CREATE OR REPLACE FUNCTION rule_span_policy_trg() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM refresh_rule_spans(ARRAY(${cadres}));
    RETURN NULL;
  END $$`;

const EVERY_CADRE = 'SELECT cadre_id FROM posting_run UNION SELECT cadre_id FROM achievement';

export class ExtendRuleSpan1764235000000 implements MigrationInterface {
  name = 'ExtendRuleSpan1764235000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION refresh_rule_spans(uuid[]) RENAME TO refresh_rule_spans_postings`);
    await q.query(REFRESH);
    await q.query(
      `CREATE INDEX rule_span_domain_idx ON rule_span (domain, cadre_id) WHERE domain IS NOT NULL`,
    );
    // The readers ask for one rule's spans holding on a date (rule_id = … AND valid @> asOf); with every rule's
    // spans in the table, (code, valid) and (cadre_id, rule_id) alone made a province's posting-limit list read
    // every span valid on the date (10,000 cadres: 58 ms → 9.5 ms).
    await q.query(`CREATE INDEX rule_span_rule_valid_idx ON rule_span USING gist (rule_id, valid)`);
    await q.query(`
      CREATE FUNCTION rule_span_achievement_trg() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_rule_spans(ARRAY(SELECT DISTINCT cadre_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_rule_spans(ARRAY(SELECT DISTINCT cadre_id FROM old_rows));
        ELSE
          PERFORM refresh_rule_spans(ARRAY(SELECT cadre_id FROM new_rows UNION SELECT cadre_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER rule_span_achievement_ins_trg AFTER INSERT ON achievement
                   REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_span_achievement_trg()`);
    await q.query(`CREATE TRIGGER rule_span_achievement_upd_trg AFTER UPDATE ON achievement
                   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_achievement_trg()`);
    await q.query(`CREATE TRIGGER rule_span_achievement_del_trg AFTER DELETE ON achievement
                   REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_span_achievement_trg()`);
    // An impact's cadre is its achievement's (an achievement deleted with its impacts refreshes by itself).
    await q.query(`
      CREATE FUNCTION rule_span_impact_trg() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_rule_spans(ARRAY(SELECT DISTINCT a.cadre_id FROM new_rows n
                                             JOIN achievement a ON a.id = n.achievement_id));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_rule_spans(ARRAY(SELECT DISTINCT a.cadre_id FROM old_rows o
                                             JOIN achievement a ON a.id = o.achievement_id));
        ELSE
          PERFORM refresh_rule_spans(ARRAY(SELECT a.cadre_id FROM new_rows n JOIN achievement a ON a.id = n.achievement_id
                                           UNION
                                           SELECT a.cadre_id FROM old_rows o JOIN achievement a ON a.id = o.achievement_id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER rule_span_impact_ins_trg AFTER INSERT ON achievement_impact
                   REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_span_impact_trg()`);
    await q.query(`CREATE TRIGGER rule_span_impact_upd_trg AFTER UPDATE ON achievement_impact
                   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_impact_trg()`);
    await q.query(`CREATE TRIGGER rule_span_impact_del_trg AFTER DELETE ON achievement_impact
                   REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rule_span_impact_trg()`);
    await q.query(POLICY_TRG(EVERY_CADRE));
    await q.query(`SELECT refresh_rule_spans(ARRAY(${EVERY_CADRE}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ins', 'upd', 'del']) {
      await q.query(`DROP TRIGGER IF EXISTS rule_span_impact_${t}_trg ON achievement_impact`);
      await q.query(`DROP TRIGGER IF EXISTS rule_span_achievement_${t}_trg ON achievement`);
    }
    await q.query(`DROP FUNCTION IF EXISTS rule_span_impact_trg()`);
    await q.query(`DROP FUNCTION IF EXISTS rule_span_achievement_trg()`);
    await q.query(POLICY_TRG('SELECT DISTINCT cadre_id FROM posting_run'));
    await q.query(`DROP INDEX IF EXISTS rule_span_domain_idx`);
    await q.query(`DROP INDEX IF EXISTS rule_span_rule_valid_idx`);
    await q.query(`DELETE FROM rule_span WHERE rule_id IN ('TRAINING_5Y', 'TRAINING_ANNUAL', 'SPECIALIST')`);
    await q.query(`DROP FUNCTION refresh_rule_spans(uuid[])`);
    await q.query(`ALTER FUNCTION refresh_rule_spans_postings(uuid[]) RENAME TO refresh_rule_spans`);
  }
}
