import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * stuckTalent places each cadre found on a date by the unit of its posting then (stuckByUnitSql: one lookup by
 * cadre per hit, 14,000 for the province's three dates). By posting_cadre_idx each lookup visited the table for
 * every posting of the cadre to test its period; this index holds the period and the unit, so the lookup is
 * index-only (54,000 instead of 128,000 buffers for the statement) and its cost estimate stays under JIT's.
 */
export class AddPostingCadrePeriodCoverIndex1764239010000 implements MigrationInterface {
  name = 'AddPostingCadrePeriodCoverIndex1764239010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX posting_cadre_period_cover_idx ON posting (cadre_id) INCLUDE (period, unit_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS posting_cadre_period_cover_idx`);
  }
}
