import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'REGULAR','TEMPORARY_ASSIGNMENT','SECONDMENT'`;

/**
 * Concurrent posts (兼任, issue 16): a township Party secretary who also chairs the township people's congress
 * holds two posts at once. Posting kind CONCURRENT may overlap the cadre's REGULAR posting (the REGULAR-only
 * exclusion constraint already lets any other kind overlap); REGULAR postings still never overlap each other.
 * What is new in the database: the kind, and a second exclusion constraint, so one post (unit and level) is not
 * held concurrently twice over the same days (a double-sent record), deferrable like the regular one so a bulk
 * sync can move a boundary in one UPDATE.
 *
 * A concurrent post is not REGULAR, so posting_run (the same-post clock, the level run) ignores it; the
 * experience facts (posts held, grassroots time) count it.
 */
export class AddConcurrentPosting1764236410000 implements MigrationInterface {
  name = 'AddConcurrentPosting1764236410000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posting DROP CONSTRAINT posting_kind_check`);
    await q.query(`ALTER TABLE posting ADD CONSTRAINT posting_kind_check
                   CHECK (kind IN (${KINDS_BEFORE},'CONCURRENT'))`);
    await q.query(`ALTER TABLE posting ADD CONSTRAINT posting_concurrent_overlap_excl
                   EXCLUDE USING gist (cadre_id WITH =, unit_id WITH =, level WITH =, period WITH &&)
                   WHERE (kind = 'CONCURRENT') DEFERRABLE INITIALLY IMMEDIATE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posting DROP CONSTRAINT posting_concurrent_overlap_excl`);
    await q.query(`DELETE FROM posting WHERE kind = 'CONCURRENT'`);
    await q.query(`ALTER TABLE posting DROP CONSTRAINT posting_kind_check`);
    await q.query(`ALTER TABLE posting ADD CONSTRAINT posting_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
  }
}
