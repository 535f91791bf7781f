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
 * Temporary assignments and secondments are not REGULAR: they neither break nor extend a run, and have no row.
 *
 * refresh_posting_runs(cadre ids) recomputes every row of those cadres and writes only the rows that changed;
 * statement-level triggers call it with the cadres in each statement's transition tables, so a bulk sync
 * refreshes its cadres in one set-based statement.
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
        CHECK (post_run_start <= start_date AND level_run_start <= post_run_start),
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
      CREATE FUNCTION refresh_posting_runs(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        WITH q AS (
          SELECT p.id, p.cadre_id, p.unit_id, p.level, p.start_date, p.end_date,
                 p.start_date <= lag(p.end_date) OVER w_level + 1 AS joins_level,
                 p.start_date <= lag(p.end_date) OVER w_post + 1 AS joins_post,
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
                 level_run_start, earlier_level_days::int AS earlier_level_days
            FROM r
        ),
        gone AS (
          DELETE FROM posting_run pr
           WHERE pr.cadre_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.posting_id = pr.posting_id)
        )
        INSERT INTO posting_run AS pr (posting_id, cadre_id, unit_id, level, start_date, end_date, post_run_start,
                                       post_run_posting_ids, level_run_start, earlier_level_days)
        SELECT posting_id, cadre_id, unit_id, level, start_date, end_date, post_run_start, post_run_posting_ids,
               level_run_start, earlier_level_days
          FROM fresh
        ON CONFLICT (posting_id) DO UPDATE
           SET cadre_id = EXCLUDED.cadre_id, unit_id = EXCLUDED.unit_id, level = EXCLUDED.level,
               start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
               post_run_start = EXCLUDED.post_run_start, post_run_posting_ids = EXCLUDED.post_run_posting_ids,
               level_run_start = EXCLUDED.level_run_start, earlier_level_days = EXCLUDED.earlier_level_days
         WHERE (pr.cadre_id, pr.unit_id, pr.level, pr.start_date, pr.end_date, pr.post_run_start,
                pr.post_run_posting_ids, pr.level_run_start, pr.earlier_level_days)
               IS DISTINCT FROM
               (EXCLUDED.cadre_id, EXCLUDED.unit_id, EXCLUDED.level, EXCLUDED.start_date, EXCLUDED.end_date,
                EXCLUDED.post_run_start, EXCLUDED.post_run_posting_ids, EXCLUDED.level_run_start,
                EXCLUDED.earlier_level_days)
      $$`);
    await q.query(`
      CREATE FUNCTION posting_run_refresh_trg() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_posting_runs(ARRAY(SELECT DISTINCT cadre_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM refresh_posting_runs(ARRAY(SELECT DISTINCT cadre_id FROM old_rows));
        ELSE
          -- Only rows whose run inputs changed; a title or note edit leaves every run as it was.
          PERFORM refresh_posting_runs(ARRAY(
            SELECT DISTINCT x.cadre_id
              FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
             CROSS JOIN LATERAL (VALUES (n.cadre_id), (o.cadre_id)) AS x(cadre_id)
             WHERE x.cadre_id IS NOT NULL
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
