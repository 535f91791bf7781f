import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rule_span: the dates between which a rule's finding holds for a cadre, given the records as they are, so a
 * list reads an index range instead of evaluating every cadre of a province on each request (issue 14).
 *
 * One row per finding and date range: the cadre, the rule and the code it raises, its severity, the range
 * [valid_from, valid_to) (valid_to NULL: open), the policy version whose thresholds produced it (spans are
 * clipped at version boundaries, so any date reads the version in force then) and the facts that do not depend
 * on the date asked about. What does (how far past a limit, years in post) is worked out by the reader.
 *
 * First rules held here, for each regular leadership posting in posting_run and each policy version, within the
 * posting's period and the version's:
 * - the posting limits (POST_LIMIT_SAME_POST, LEVEL_TOTAL_LIMIT): APPROACHING from WARNING_WINDOW months before
 *   the limit date to it, EXCEEDED from it on; nothing when the posting ends before its limit date;
 * - INDUCTION_TRAINING: due (INFO) from the appointment to the deadline, overdue (WARNING) after it, until the
 *   end of the first qualifying training completed since the appointment.
 * The same definitions as the rule files on one date (src/rules/posting-limit.sql.ts,
 * induction-training.rule.ts); the oracle spec (src/rules/spans/rule-spans.oracle.spec.ts) holds them together.
 *
 * Kept current in the writing transaction: statement-level triggers on posting_run (itself kept by triggers on
 * posting, so a sync batch refreshes its cadres in one set-based statement per change) and on training recompute
 * the spans of the cadres concerned, under the cadres' row locks (refresh_posting_runs' pattern, so two writers
 * on one cadre cannot leave stale spans); a new policy version recomputes every cadre's.
 */
export class CreateRuleSpan1764234000000 implements MigrationInterface {
  name = 'CreateRuleSpan1764234000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_span (
        cadre_id uuid NOT NULL REFERENCES cadre(id) ON DELETE CASCADE,
        rule_id varchar(32) NOT NULL,
        code varchar(32) NOT NULL,
        severity varchar(8) NOT NULL CHECK (severity IN ('INFO','WARNING','CRITICAL')),
        domain varchar(64),
        valid_from date NOT NULL,
        valid_to date,
        valid daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to)) STORED,
        policy_version int NOT NULL,
        facts jsonb NOT NULL DEFAULT '{}',
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX rule_span_cadre_idx ON rule_span (cadre_id, rule_id)`);
    // The lists: every span of some codes holding on a date.
    await q.query(`CREATE INDEX rule_span_code_valid_idx ON rule_span USING gist (code, valid)`);
    await q.query(`
      CREATE FUNCTION refresh_rule_spans(ids uuid[]) RETURNS void LANGUAGE plpgsql
      SET random_page_cost = 1.1
      AS $$
      BEGIN
        IF coalesce(cardinality(ids), 0) = 0 THEN
          RETURN;
        END IF;
        -- As refresh_posting_runs: one refresh per cadre at a time, cadres locked in id order.
        PERFORM 1 FROM cadre WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM rule_span
         WHERE cadre_id = ANY(ids) AND rule_id IN ('POST_LIMIT_SAME_POST', 'LEVEL_TOTAL_LIMIT', 'INDUCTION_TRAINING');
        INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
        WITH versions AS MATERIALIZED (
          SELECT v.version,
                 daterange(v.effective_from, lead(v.effective_from) OVER (ORDER BY v.effective_from)) AS in_force,
                 (v.document #>> '{rules,POST_LIMIT_SAME_POST,params,years}')::numeric AS post_years,
                 (v.document #>> '{rules,LEVEL_TOTAL_LIMIT,params,years}')::numeric AS level_years,
                 (v.document #>> '{rules,WARNING_WINDOW,params,months}')::float8 * interval '1 month' AS window,
                 (v.document #>> '{rules,INDUCTION_TRAINING,params,withinMonths}')::float8 * interval '1 month'
                   AS induction_within,
                 v.document #> '{rules,INDUCTION_TRAINING,params,daysByLevel}' AS induction_days,
                 v.document #> '{rules,INDUCTION_TRAINING,params,qualifyingKinds}' AS induction_kinds
            FROM policy_version v
        ),
        limits AS (
          SELECT r.cadre_id, rl.rule_id, v.version, v.in_force,
                 daterange(r.start_date, r.end_date, '[]') AS period,
                 r.end_date IS NULL AS open, r.end_date, y.years AS limit_years,
                 (rl.since + y.years::float8 * interval '1 year')::date - rl.earlier AS limit_date, v.window,
                 jsonb_build_object('postingId', r.posting_id, 'unitId', r.unit_id, 'level', r.level,
                                    'since', rl.since) || rl.facts AS facts
            FROM posting_run r
            JOIN position_level pl ON pl.code = r.level AND pl.is_leadership
            CROSS JOIN LATERAL (VALUES
              ('POST_LIMIT_SAME_POST', r.post_run_start, 0,
               jsonb_build_object('postingIds', to_jsonb(r.post_run_posting_ids))),
              ('LEVEL_TOTAL_LIMIT', r.level_run_start, r.earlier_level_days,
               jsonb_build_object('earlierDays', r.earlier_level_days))
            ) AS rl(rule_id, since, earlier, facts)
            CROSS JOIN versions v
            CROSS JOIN LATERAL (SELECT CASE rl.rule_id WHEN 'POST_LIMIT_SAME_POST' THEN v.post_years
                                                      ELSE v.level_years END AS years) y
           WHERE r.cadre_id = ANY(ids)
        ),
        spans AS (
          SELECT l.cadre_id, l.rule_id, s.code, s.severity, l.version,
                 l.facts || jsonb_build_object('limitYears', l.limit_years, 'limitDate', l.limit_date) AS facts,
                 s.range * l.period * l.in_force AS valid
            FROM limits l
            CROSS JOIN LATERAL (VALUES
              ('POSTING_LIMIT_APPROACHING', 'WARNING', daterange((l.limit_date - l.window)::date, l.limit_date)),
              ('POSTING_LIMIT_EXCEEDED', 'CRITICAL', daterange(l.limit_date, NULL))
            ) AS s(code, severity, range)
           -- a run that ends before its limit date never passes it
           WHERE l.open OR l.end_date >= l.limit_date
        )
        SELECT cadre_id, rule_id, code, severity, lower(valid), upper(valid), version, facts
          FROM spans WHERE NOT isempty(valid);
        INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
        WITH versions AS MATERIALIZED (
          SELECT v.version,
                 daterange(v.effective_from, lead(v.effective_from) OVER (ORDER BY v.effective_from)) AS in_force,
                 (v.document #>> '{rules,POST_LIMIT_SAME_POST,params,years}')::numeric AS post_years,
                 (v.document #>> '{rules,LEVEL_TOTAL_LIMIT,params,years}')::numeric AS level_years,
                 (v.document #>> '{rules,WARNING_WINDOW,params,months}')::float8 * interval '1 month' AS window,
                 (v.document #>> '{rules,INDUCTION_TRAINING,params,withinMonths}')::float8 * interval '1 month'
                   AS induction_within,
                 v.document #> '{rules,INDUCTION_TRAINING,params,daysByLevel}' AS induction_days,
                 v.document #> '{rules,INDUCTION_TRAINING,params,qualifyingKinds}' AS induction_kinds
            FROM policy_version v
        ),
        due AS (
          SELECT r.cadre_id, r.posting_id, r.level, r.level_run_start, v.version, v.in_force,
                 daterange(r.start_date, r.end_date, '[]') AS period,
                 (v.induction_days ->> r.level::text)::numeric AS days_required,
                 (r.level_run_start + v.induction_within)::date AS deadline, v.induction_kinds AS kinds
            FROM posting_run r
            JOIN position_level pl ON pl.code = r.level AND pl.is_leadership
            CROSS JOIN versions v
           WHERE r.cadre_id = ANY(ids)
        ),
        -- Due until the end of the first qualifying training completed since the appointment.
        open_until AS MATERIALIZED (
          SELECT d.*, (SELECT min(t.end_date) FROM training t
                        WHERE t.cadre_id = d.cadre_id AND t.completed AND t.start_date >= d.level_run_start
                          AND d.kinds @> to_jsonb(t.kind::text)
                          AND t.end_date - t.start_date + 1 >= d.days_required) AS done
            FROM due d
           WHERE d.days_required IS NOT NULL
        ),
        spans AS (
          SELECT o.cadre_id, s.severity, o.version,
                 jsonb_build_object('postingId', o.posting_id, 'level', o.level, 'appointedOn', o.level_run_start,
                                    'deadline', o.deadline, 'daysRequired', o.days_required,
                                    'qualifyingKinds', o.kinds) AS facts,
                 s.range * o.period * o.in_force * daterange(NULL, o.done) AS valid
            FROM open_until o
            CROSS JOIN LATERAL (VALUES ('INFO', daterange(NULL, o.deadline)),
                                       ('WARNING', daterange(o.deadline, NULL))) AS s(severity, range)
        )
        SELECT cadre_id, 'INDUCTION_TRAINING', 'INDUCTION_TRAINING_DUE', severity, lower(valid), upper(valid),
               version, facts
          FROM spans WHERE NOT isempty(valid);
      END $$`);
    await q.query(`
      CREATE FUNCTION rule_span_runs_trg() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM refresh_rule_spans(ARRAY(SELECT DISTINCT cadre_id FROM old_rows));
        ELSE
          PERFORM refresh_rule_spans(ARRAY(SELECT DISTINCT cadre_id FROM new_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER rule_span_runs_ins_trg AFTER INSERT ON posting_run REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_runs_trg()`);
    await q.query(`CREATE TRIGGER rule_span_runs_upd_trg AFTER UPDATE ON posting_run REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_runs_trg()`);
    await q.query(`CREATE TRIGGER rule_span_runs_del_trg AFTER DELETE ON posting_run REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_runs_trg()`);
    await q.query(`
      CREATE FUNCTION rule_span_training_trg() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`CREATE TRIGGER rule_span_training_ins_trg AFTER INSERT ON training REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_training_trg()`);
    await q.query(`CREATE TRIGGER rule_span_training_upd_trg AFTER UPDATE ON training
                   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_training_trg()`);
    await q.query(`CREATE TRIGGER rule_span_training_del_trg AFTER DELETE ON training REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_training_trg()`);
    await q.query(`
      CREATE FUNCTION rule_span_policy_trg() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_rule_spans(ARRAY(SELECT DISTINCT cadre_id FROM posting_run));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER rule_span_policy_trg AFTER INSERT ON policy_version
                   FOR EACH STATEMENT EXECUTE FUNCTION rule_span_policy_trg()`);
    await q.query(`SELECT refresh_rule_spans(ARRAY(SELECT DISTINCT cadre_id FROM posting_run))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS rule_span_policy_trg ON policy_version`);
    await q.query(`DROP TRIGGER IF EXISTS rule_span_training_del_trg ON training`);
    await q.query(`DROP TRIGGER IF EXISTS rule_span_training_upd_trg ON training`);
    await q.query(`DROP TRIGGER IF EXISTS rule_span_training_ins_trg ON training`);
    await q.query(`DROP FUNCTION IF EXISTS rule_span_training_trg()`);
    await q.query(`DROP TRIGGER IF EXISTS rule_span_runs_del_trg ON posting_run`);
    await q.query(`DROP TRIGGER IF EXISTS rule_span_runs_upd_trg ON posting_run`);
    await q.query(`DROP TRIGGER IF EXISTS rule_span_runs_ins_trg ON posting_run`);
    await q.query(`DROP FUNCTION IF EXISTS rule_span_policy_trg()`);
    await q.query(`DROP FUNCTION IF EXISTS rule_span_runs_trg()`);
    await q.query(`DROP FUNCTION IF EXISTS refresh_rule_spans(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS rule_span`);
  }
}
