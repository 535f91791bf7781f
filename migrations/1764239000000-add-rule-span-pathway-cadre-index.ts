import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * READY_NOW of given cadres from their PATHWAY spans (readyNowFromSpansSql: "past the limit and ready", the
 * stuckTalent report's three dates) looks up each cadre's span holding on a date and reads its eligibleFrom. By
 * rule_span_cadre_idx each lookup visited the table for `valid` and `facts` (5,500 holders of POSTING_LIMIT_EXCEEDED
 * in the province: 280–550 ms). This partial index holds both, so each lookup is index-only (70 ms).
 */
export class AddRuleSpanPathwayCadreIndex1764239000000 implements MigrationInterface {
  name = 'AddRuleSpanPathwayCadreIndex1764239000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX rule_span_pathway_cadre_idx ON rule_span (cadre_id) INCLUDE (valid, facts)
        WHERE rule_id = 'PATHWAY'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rule_span_pathway_cadre_idx`);
  }
}
