import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vacancies (src/posts/sql/slots.sql.ts): a quota's holders on a date are its unit's postings at its level that
 * have not ended by then (the first index bounds them by unit, level and end, open postings last, and holds what
 * the holders and the vacant-since sweep read, so neither visits the table); a holder must
 * rotate when a CRITICAL POSTING_LIMIT_EXCEEDED span names the posting, a few spans among the many of that code
 * (the second index: each posting looks up its cadre's, instead of a GiST scan over every span of the code).
 */
export class AddVacancyIndexes1764238300000 implements MigrationInterface {
  name = 'AddVacancyIndexes1764238300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX posting_unit_level_until_idx ON posting (unit_id, level, (coalesce(end_date, 'infinity'::date)))
        INCLUDE (start_date, end_date, kind, id, cadre_id)`,
    );
    await q.query(
      `CREATE INDEX rule_span_must_rotate_idx ON rule_span (cadre_id, valid_from)
        WHERE code = 'POSTING_LIMIT_EXCEEDED' AND severity = 'CRITICAL'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rule_span_must_rotate_idx`);
    await q.query(`DROP INDEX IF EXISTS posting_unit_level_until_idx`);
  }
}
