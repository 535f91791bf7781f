import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate lists start from the regular postings at one level that hold on a date ("every TOWNSHIP_CHIEF on
 * 2026-11-27"); without this index that is a scan of every posting in the province.
 */
export class AddPostingLevelPeriodIndex1764232500000 implements MigrationInterface {
  name = 'AddPostingLevelPeriodIndex1764232500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX posting_regular_level_period_idx ON posting USING gist (level, period) WHERE kind = 'REGULAR'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS posting_regular_level_period_idx`);
  }
}
