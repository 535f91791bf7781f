import { MigrationInterface, QueryRunner } from 'typeorm';
import { UNINSTALL } from '../src/rules/spans/install';

/**
 * A province's flagged list counts and orders every cadre holding a code on a date from who holds which code and
 * severity and how many days past: reading the days past from each span's facts (jsonb) visited the table for every
 * span, and the GiST indexes on `valid` read far more pages than the spans they found (TRAINING_SHORTFALL: 20,000
 * pages for 93,754 spans). over_from is the day the days past are counted from (NULL: none), written by the rules
 * installer beside the facts it comes from. The btree index answers "holding on asOf" index-only as two ranges per
 * rule and code: open spans (valid_to IS NULL) started by asOf, and bounded ones ending after asOf (2,400 pages
 * for TRAINING_SHORTFALL). The partial index on cadre lists the few inactive cadres, so a list over every active
 * cadre leaves them out by an anti-join instead of hashing the 95,000 active ones for each rule.
 */
export class AddRuleSpanOverFrom1764238600000 implements MigrationInterface {
  name = 'AddRuleSpanOverFrom1764238600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rule_span ADD COLUMN over_from date`);
    await q.query(
      `CREATE INDEX rule_span_holding_idx ON rule_span (rule_id, code, valid_to, valid_from)
        INCLUDE (cadre_id, severity, over_from)`,
    );
    await q.query(`CREATE INDEX cadre_inactive_idx ON cadre (id) WHERE status <> 'ACTIVE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The installed span SQL (src/rules/spans/install.ts) writes over_from: uninstalled here, it is installed again
    // at the next boot.
    await q.query(UNINSTALL);
    await q.query(`DELETE FROM rule_span_install`);
    await q.query(`DROP INDEX cadre_inactive_idx`);
    await q.query(`DROP INDEX rule_span_holding_idx`);
    await q.query(`ALTER TABLE rule_span DROP COLUMN over_from`);
  }
}
