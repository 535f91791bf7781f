import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-appointment gaps (issue 16): HR records often close a post at a re-election (换届) and reopen it days or weeks
 * later. A gap of up to the policy's REAPPOINTMENT_GAP days (default 90) between a regular posting's end and the
 * next one's start no longer breaks the run in the same post or at the same level, so the 10-year clock, the
 * time in level and the induction requirement (all read from posting_run) go on.
 *
 * The tolerance is read from the policy version in force on the later posting's start date (the day the
 * re-appointment was made): posting_run does not depend on the date asked about, so one version has to decide
 * each join, and the one in force when the cadre was re-appointed is the one that judged it. A version without
 * the rule (published before it existed) tolerates no gap, as before. A new policy version can change any join,
 * so its insert refreshes every cadre's runs (before rule_span's policy trigger, by trigger name order).
 *
 * refresh_posting_runs is the text of 1764232600000-create-posting-run (as repaired by 1764234700000) with the
 * two joins changed; the trigger on posting is unchanged. Every step is idempotent (the repair test runs it again
 * after the repair, which restores the earlier text).
 */
const refresh = (joinLevel: string, joinPost: string) => `
      CREATE OR REPLACE FUNCTION refresh_posting_runs(ids uuid[]) RETURNS void LANGUAGE plpgsql
      -- The cadres' postings are few and cached: found by index, not by reading every posting (as the
      -- default page costs planned it for a 10,000-record sync on 100,000 cadres).
      SET random_page_cost = 1.1
      AS $$
      BEGIN
        IF coalesce(cardinality(ids), 0) = 0 THEN
          RETURN;
        END IF;
        -- One refresh per cadre at a time: two transactions changing one cadre's postings at once would each
        -- compute the runs without the other's postings. Locking the cadres (in id order, so two batches
        -- cannot deadlock) makes the second wait for the first to commit; its next statement then sees both.
        PERFORM 1 FROM cadre WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        WITH q AS (
          SELECT p.id, p.cadre_id, p.unit_id, p.level, p.start_date, p.end_date,
                 ${joinLevel} AS joins_level,
                 ${joinPost} AS joins_post,
                 lag(p.level) OVER (PARTITION BY p.cadre_id ORDER BY p.start_date) AS prev_level,
                 coalesce(sum(p.end_date + 1 - p.start_date)
                            OVER (w_level ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS days_before
            FROM posting p
           WHERE p.cadre_id = ANY(ids) AND p.kind = 'REGULAR'
          WINDOW w_level AS (PARTITION BY p.cadre_id, p.level ORDER BY p.start_date),
                 w_post AS (PARTITION BY p.cadre_id, p.level, p.unit_id ORDER BY p.start_date)
        ),
        r AS (
          -- The latest run start up to each posting; a run's earlier days are those before its first posting.
          SELECT q.*,
                 max(start_date) FILTER (WHERE joins_level IS NOT TRUE) OVER w_level AS level_run_start,
                 max(days_before) FILTER (WHERE joins_level IS NOT TRUE) OVER w_level AS earlier_level_days,
                 max(start_date) FILTER (WHERE prev_level IS DISTINCT FROM level) OVER w_level AS level_entered_on,
                 max(start_date) FILTER (WHERE joins_post IS NOT TRUE) OVER w_post AS post_run_start,
                 count(*) FILTER (WHERE joins_post IS NOT TRUE) OVER w_post AS post_run_no
            FROM q
          WINDOW w_level AS (PARTITION BY cadre_id, level ORDER BY start_date ROWS UNBOUNDED PRECEDING),
                 w_post AS (PARTITION BY cadre_id, level, unit_id ORDER BY start_date ROWS UNBOUNDED PRECEDING)
        ),
        fresh AS (
          SELECT id AS posting_id, cadre_id, unit_id, level, start_date, end_date, post_run_start,
                 array_agg(id) OVER (PARTITION BY cadre_id, level, unit_id, post_run_no ORDER BY start_date
                                     ROWS UNBOUNDED PRECEDING) AS post_run_posting_ids,
                 level_run_start, earlier_level_days::int AS earlier_level_days, level_entered_on
            FROM r
        ),
        -- The cadres' rows as they are: compared with the fresh ones, only those that differ are written.
        old AS MATERIALIZED (SELECT * FROM posting_run WHERE cadre_id = ANY(ids)),
        diff AS (
          SELECT f.* FROM fresh f JOIN old o ON o.posting_id = f.posting_id
           WHERE (o.cadre_id, o.unit_id, o.level, o.start_date, o.end_date, o.post_run_start,
                  o.post_run_posting_ids, o.level_run_start, o.earlier_level_days, o.level_entered_on)
                 IS DISTINCT FROM
                 (f.cadre_id, f.unit_id, f.level, f.start_date, f.end_date, f.post_run_start,
                  f.post_run_posting_ids, f.level_run_start, f.earlier_level_days, f.level_entered_on)
        ),
        changed AS (
          UPDATE posting_run pr
             SET cadre_id = d.cadre_id, unit_id = d.unit_id, level = d.level, start_date = d.start_date,
                 end_date = d.end_date, post_run_start = d.post_run_start,
                 post_run_posting_ids = d.post_run_posting_ids, level_run_start = d.level_run_start,
                 earlier_level_days = d.earlier_level_days, level_entered_on = d.level_entered_on
            FROM diff d
           WHERE pr.posting_id = d.posting_id
        ),
        gone AS (
          DELETE FROM posting_run pr
           USING old o
           WHERE pr.posting_id = o.posting_id AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.posting_id = o.posting_id)
        )
        INSERT INTO posting_run (posting_id, cadre_id, unit_id, level, start_date, end_date, post_run_start,
                                 post_run_posting_ids, level_run_start, earlier_level_days, level_entered_on)
        SELECT posting_id, cadre_id, unit_id, level, start_date, end_date, post_run_start, post_run_posting_ids,
               level_run_start, earlier_level_days, level_entered_on
          FROM fresh f
         WHERE NOT EXISTS (SELECT 1 FROM old o WHERE o.posting_id = f.posting_id);
      END $$`;

/** Joins as 1764232600000 made them: the next posting starts at most one day after the previous one ends. */
const ADJACENT = refresh(
  'p.start_date <= lag(p.end_date) OVER w_level + 1',
  'p.start_date <= lag(p.end_date) OVER w_post + 1',
);
const TOLERANT = refresh(
  'p.start_date <= lag(p.end_date) OVER w_level + 1 + reappointment_gap_days(p.start_date)',
  'p.start_date <= lag(p.end_date) OVER w_post + 1 + reappointment_gap_days(p.start_date)',
);

export class AddReappointmentGap1764236400000 implements MigrationInterface {
  name = 'AddReappointmentGap1764236400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION reappointment_gap_days(on_date date) RETURNS int LANGUAGE sql STABLE AS $$
        -- The version in force on the date (the latest effective by then); 0 when it lacks the rule.
        SELECT coalesce((SELECT (v.document #>> '{rules,REAPPOINTMENT_GAP,params,days}')::int
                           FROM policy_version v WHERE v.effective_from <= on_date
                          ORDER BY v.effective_from DESC LIMIT 1), 0)
      $$`);
    await q.query(TOLERANT);
    await q.query(`
      CREATE OR REPLACE FUNCTION posting_run_policy_trg() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_posting_runs(ARRAY(SELECT DISTINCT cadre_id FROM posting WHERE kind = 'REGULAR'));
        RETURN NULL;
      END $$`);
    // Named to sort before rule_span_policy_trg: the spans then read the runs the new version makes.
    await q.query(`DROP TRIGGER IF EXISTS posting_run_policy_trg ON policy_version`);
    await q.query(`CREATE TRIGGER posting_run_policy_trg AFTER INSERT ON policy_version
                   FOR EACH STATEMENT EXECUTE FUNCTION posting_run_policy_trg()`);
    await q.query(
      `SELECT refresh_posting_runs(ARRAY(SELECT DISTINCT cadre_id FROM posting WHERE kind = 'REGULAR'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS posting_run_policy_trg ON policy_version`);
    await q.query(`DROP FUNCTION IF EXISTS posting_run_policy_trg()`);
    await q.query(ADJACENT);
    await q.query(`DROP FUNCTION IF EXISTS reappointment_gap_days(date)`);
    await q.query(
      `SELECT refresh_posting_runs(ARRAY(SELECT DISTINCT cadre_id FROM posting WHERE kind = 'REGULAR'))`,
    );
  }
}
