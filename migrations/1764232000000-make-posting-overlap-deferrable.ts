import { MigrationInterface, QueryRunner } from 'typeorm';

const EXCLUDE = `EXCLUDE USING gist (cadre_id WITH =, period WITH &&) WHERE (kind = 'REGULAR')`;

/**
 * Regular postings still never overlap, and the check still runs per statement by default (INITIALLY IMMEDIATE).
 * Being DEFERRABLE lets a bulk sync move the boundary between two postings of one cadre in one UPDATE: whichever
 * row PostgreSQL updates first would otherwise briefly overlap the other's old period.
 */
export class MakePostingOverlapDeferrable1764232000000 implements MigrationInterface {
  name = 'MakePostingOverlapDeferrable1764232000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posting DROP CONSTRAINT posting_no_overlap_excl`);
    await q.query(
      `ALTER TABLE posting ADD CONSTRAINT posting_no_overlap_excl ${EXCLUDE} DEFERRABLE INITIALLY IMMEDIATE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posting DROP CONSTRAINT posting_no_overlap_excl`);
    await q.query(`ALTER TABLE posting ADD CONSTRAINT posting_no_overlap_excl ${EXCLUDE}`);
  }
}
