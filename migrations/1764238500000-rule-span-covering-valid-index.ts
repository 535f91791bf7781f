import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A province's flagged list counts and orders every cadre holding a code on a date (TRAINING_SHORTFALL: 93,754 of
 * 100,000) from who holds which severity alone. The GiST index on (valid, rule_id) found those spans, but each then
 * cost a visit to the table (wide rows with their facts: 55,000 heap pages for TRAINING_SHORTFALL). The same index
 * also holding cadre_id, code and severity answers that read index-only (no heap fetch once vacuumed). It answers
 * the same conditions, so it replaces the old one.
 */
export class RuleSpanCoveringValidIndex1764238500000 implements MigrationInterface {
  name = 'RuleSpanCoveringValidIndex1764238500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX rule_span_valid_rule_cover_idx ON rule_span USING gist (valid, rule_id)
        INCLUDE (cadre_id, code, severity)`,
    );
    await q.query(`DROP INDEX rule_span_valid_rule_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rule_span_valid_rule_idx ON rule_span USING gist (valid, rule_id)`);
    await q.query(`DROP INDEX rule_span_valid_rule_cover_idx`);
  }
}
