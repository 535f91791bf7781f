import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidate lists score every candidate before they order them (issue 14: 7,204 COUNTY_DEPUTY candidates in
 * the province), and each score reads the cadre's appraisals, verified achievements, completed training and
 * PATHWAY span; the lists' scope reads who holds the level, active. Each of those reads cost a visit to a wide
 * row on its own page. These indexes hold what the reads need, so each is answered index-only (once vacuumed):
 * - training, appraisal, achievement: the per-candidate sums (src/candidates/sql/promotion.sql.ts) and the
 *   specialists' latest achievement (specialists.sql.ts);
 * - rule_span: the PATHWAY spans of a level holding on a date with their facts (spanCandidates);
 * - posting: the regular postings at a level on a date, with cadre and unit (scopeSql); it answers the same
 *   conditions as posting_regular_level_period_idx, so it replaces it;
 * - cadre: the active cadres, whom every list's scope keeps.
 */
export class CandidateCoveringIndexes1764238700000 implements MigrationInterface {
  name = 'CandidateCoveringIndexes1764238700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX training_completed_cover_idx ON training (cadre_id, end_date) INCLUDE (class_hours, kind)
        WHERE completed`,
    );
    await q.query(
      `CREATE INDEX appraisal_cadre_year_grade_idx ON appraisal (cadre_id, year) INCLUDE (grade)`,
    );
    await q.query(
      `CREATE INDEX achievement_verified_cover_idx ON achievement (cadre_id, achieved_on)
        INCLUDE (recognition_level, domain) WHERE verification_status = 'VERIFIED'`,
    );
    await q.query(
      `CREATE INDEX rule_span_pathway_cover_idx ON rule_span USING gist (code, valid) INCLUDE (cadre_id, facts)
        WHERE rule_id = 'PATHWAY'`,
    );
    await q.query(
      `CREATE INDEX posting_regular_level_period_cover_idx ON posting USING gist (level, period)
        INCLUDE (cadre_id, unit_id) WHERE kind = 'REGULAR'`,
    );
    await q.query(`DROP INDEX posting_regular_level_period_idx`);
    await q.query(`CREATE INDEX cadre_active_idx ON cadre (id) WHERE status = 'ACTIVE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cadre_active_idx`);
    await q.query(
      `CREATE INDEX posting_regular_level_period_idx ON posting USING gist (level, period) WHERE kind = 'REGULAR'`,
    );
    await q.query(`DROP INDEX posting_regular_level_period_cover_idx`);
    await q.query(`DROP INDEX rule_span_pathway_cover_idx`);
    await q.query(`DROP INDEX achievement_verified_cover_idx`);
    await q.query(`DROP INDEX appraisal_cadre_year_grade_idx`);
    await q.query(`DROP INDEX training_completed_cover_idx`);
  }
}
