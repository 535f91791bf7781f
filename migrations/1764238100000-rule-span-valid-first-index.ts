import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The span rules' flags on a date read `rule_id = … AND valid @> asOf` (readSpans, spanFlags). The GiST index on
 * (rule_id, valid) answered that badly: with ten rule ids interleaved cadre by cadre, its pages mix rules, and
 * finding TERM_LIMIT's 2,686 spans holding on a date among 1.2 million (100,000 cadres) read 2,647 index pages,
 * one per span found. The same index with the range first groups the pages by period and reads 429 (6× fewer;
 * 22 ms instead of 470 ms warm on the bench machine). It answers the same conditions, so it replaces the old one.
 */
export class RuleSpanValidFirstIndex1764238100000 implements MigrationInterface {
  name = 'RuleSpanValidFirstIndex1764238100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rule_span_valid_rule_idx ON rule_span USING gist (valid, rule_id)`);
    await q.query(`DROP INDEX rule_span_rule_valid_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rule_span_rule_valid_idx ON rule_span USING gist (rule_id, valid)`);
    await q.query(`DROP INDEX rule_span_valid_rule_idx`);
  }
}
