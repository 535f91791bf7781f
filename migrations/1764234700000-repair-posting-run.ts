import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Brings posting_run to what 1764232600000-create-posting-run.ts makes today, on a database that ran one of
 * its earlier texts: that migration was edited twice after it landed (044cfa2, 372cc78), and a database that
 * had already recorded it never ran the edits. Such a database lacks the column level_entered_on (and its
 * CHECK), refreshes runs with the first function (a LANGUAGE sql upsert that locks no cadre and rewrites every
 * row) and refreshes on temporary postings too.
 *
 * Every step is idempotent: on a database that ran the final text it changes nothing (the functions are
 * replaced by the same text, the backfill finds no row, the CHECK is already the final one). The function
 * texts below are copied verbatim from that migration so that both paths leave the same catalog
 * (test/e2e/posting-run-repair.e2e-spec.ts compares them). CREATE OR REPLACE keeps the functions' owner and
 * grants (cadre_app may execute them).
 */
/** PostgreSQL's name for posting_run's first (multi-column) CHECK, in every text of the migration. */
const CHECK_NAME = 'posting_run_check';

export class RepairPostingRun1764234700000 implements MigrationInterface {
  name = 'RepairPostingRun1764234700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posting_run ADD COLUMN IF NOT EXISTS level_entered_on date`);
    await q.query(`
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
                 p.start_date <= lag(p.end_date) OVER w_level + 1 AS joins_level,
                 p.start_date <= lag(p.end_date) OVER w_post + 1 AS joins_post,
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
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION posting_run_refresh_trg() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only regular postings make runs: a temporary assignment or secondment coming or going changes none.
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_posting_runs(ARRAY(SELECT DISTINCT cadre_id FROM new_rows WHERE kind = 'REGULAR'));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_posting_runs(ARRAY(SELECT DISTINCT cadre_id FROM old_rows WHERE kind = 'REGULAR'));
        ELSE
          -- Only rows whose run inputs changed; a title edit leaves every run as it was.
          PERFORM refresh_posting_runs(ARRAY(
            SELECT DISTINCT x.cadre_id
              FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
             CROSS JOIN LATERAL (VALUES (n.cadre_id), (o.cadre_id)) AS x(cadre_id)
             WHERE x.cadre_id IS NOT NULL
               AND (n.kind = 'REGULAR' OR o.kind = 'REGULAR')
               AND (n.cadre_id, n.unit_id, n.level, n.kind, n.start_date, n.end_date)
                   IS DISTINCT FROM (o.cadre_id, o.unit_id, o.level, o.kind, o.start_date, o.end_date)));
        END IF;
        RETURN NULL;
      END $$`);

    // Backfill with the final function: the diff it writes covers exactly the rows whose level_entered_on is
    // missing (NULL is distinct from the computed date); a final-text database has none, so nothing is written.
    await q.query(`SELECT refresh_posting_runs(ARRAY(
                     SELECT DISTINCT cadre_id FROM posting_run WHERE level_entered_on IS NULL))`);
    await q.query(`ALTER TABLE posting_run ALTER COLUMN level_entered_on SET NOT NULL`);
    // The first text's CHECK lacks level_entered_on; replace it under the name PostgreSQL gave both.
    const [check] = (await q.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'posting_run'::regclass AND conname = $1`,
      [CHECK_NAME],
    )) as { def: string }[];
    if (!check?.def.includes('level_entered_on')) {
      await q.query(`ALTER TABLE posting_run DROP CONSTRAINT IF EXISTS ${CHECK_NAME}`);
      await q.query(`ALTER TABLE posting_run ADD CONSTRAINT ${CHECK_NAME}
                       CHECK (post_run_start <= start_date AND level_run_start <= post_run_start AND level_entered_on <= start_date)`);
    }
  }

  /**
   * Nothing to undo: the state up leaves is the one create-posting-run makes, which the code reads. Reverting
   * create-posting-run itself drops everything.
   */
  async down(): Promise<void> {
    // no-op by design
  }
}
