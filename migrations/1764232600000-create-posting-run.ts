import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * posting_run: for every REGULAR posting, the continuous runs it ends, kept up to date by triggers on posting.
 *
 * The posting-limit and induction rules ask, for the regular posting that covers a date: since when has the cadre
 * held this post (same unit, same level, a new title included), since when this level, and how many days at
 * this level came before that run. Those answers depend only on the cadre's regular postings that start no
 * later than the posting itself, not on the date asked about, so they are computed once per posting when a
 * cadre's postings change, instead of by window functions over every cadre's history on each request.
 *
 * - post run: regular postings in the same unit at the same level, each starting at most one day after the
 *   previous one ended; `post_run_posting_ids` lists them, oldest first, up to this posting.
 * - level run: the same at the same level in any unit (time since appointment to the level);
 *   `earlier_level_days` counts the days of the earlier stints at the level, before the run.
 * - level entered: the start of the latest posting at this level (up to this one) whose previous regular
 *   posting was at another level, or that has none: the last promotion or move to the level, for the pathway.
 * Temporary assignments and secondments are not REGULAR: they neither break nor extend a run, and have no row.
 *
 * refresh_posting_runs(cadre ids) recomputes every row of those cadres and writes only the rows that changed;
 * statement-level triggers call it with the cadres whose regular postings each statement changed (from its
 * transition tables), so a bulk sync refreshes its cadres in one set-based statement.
 */
export class CreatePostingRun1764232600000 implements MigrationInterface {
  name = 'CreatePostingRun1764232600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE posting_run (
        posting_id uuid PRIMARY KEY REFERENCES posting(id) ON DELETE CASCADE,
        cadre_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        level varchar(32) NOT NULL,
        start_date date NOT NULL,
        end_date date,
        period daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
        post_run_start date NOT NULL,
        post_run_posting_ids uuid[] NOT NULL,
        level_run_start date NOT NULL,
        earlier_level_days int NOT NULL,
        level_entered_on date NOT NULL,
        CHECK (post_run_start <= start_date AND level_run_start <= post_run_start AND level_entered_on <= start_date),
        CHECK (earlier_level_days >= 0),
        CHECK (cardinality(post_run_posting_ids) >= 1)
      )`);
    await q.query(`CREATE INDEX posting_run_cadre_idx ON posting_run (cadre_id)`);
    // The posting-limit rules look for the current postings whose run began long enough ago (flags/sql):
    // open postings by run start, and the few with an end date still ahead by that date.
    await q.query(
      `CREATE INDEX posting_run_open_post_idx ON posting_run (post_run_start) WHERE end_date IS NULL`,
    );
    await q.query(`CREATE INDEX posting_run_open_level_idx ON posting_run ((level_run_start - earlier_level_days))
                   WHERE end_date IS NULL`);
    await q.query(`CREATE INDEX posting_run_end_idx ON posting_run (end_date) WHERE end_date IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION refresh_posting_runs(ids uuid[]) RETURNS void LANGUAGE plpgsql
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
      CREATE FUNCTION posting_run_refresh_trg() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`CREATE TRIGGER posting_run_ins_trg AFTER INSERT ON posting REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION posting_run_refresh_trg()`);
    await q.query(`CREATE TRIGGER posting_run_upd_trg AFTER UPDATE ON posting
                   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION posting_run_refresh_trg()`);
    await q.query(`CREATE TRIGGER posting_run_del_trg AFTER DELETE ON posting REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION posting_run_refresh_trg()`);
    await q.query(`SELECT refresh_posting_runs(ARRAY(SELECT id FROM cadre))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS posting_run_del_trg ON posting`);
    await q.query(`DROP TRIGGER IF EXISTS posting_run_upd_trg ON posting`);
    await q.query(`DROP TRIGGER IF EXISTS posting_run_ins_trg ON posting`);
    await q.query(`DROP FUNCTION IF EXISTS posting_run_refresh_trg()`);
    await q.query(`DROP FUNCTION IF EXISTS refresh_posting_runs(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS posting_run`);
  }
}
