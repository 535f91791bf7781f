import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed (flagChanges) reads the spans that begin or end in a period: by valid_from and by valid_to,
 * not by the ranges that merely cover it (which, for a province, is nearly every span).
 */
export class AddRuleSpanBoundaryIndexes1764236900000 implements MigrationInterface {
  name = 'AddRuleSpanBoundaryIndexes1764236900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rule_span_valid_from_idx ON rule_span (valid_from)`);
    await q.query(`CREATE INDEX rule_span_valid_to_idx ON rule_span (valid_to) WHERE valid_to IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rule_span_valid_to_idx`);
    await q.query(`DROP INDEX IF EXISTS rule_span_valid_from_idx`);
  }
}
