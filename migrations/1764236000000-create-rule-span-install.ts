import { MigrationInterface, QueryRunner } from 'typeorm';
import { UNINSTALL } from '../src/rules/spans/install';
import { CreateRuleSpan1764234000000 } from './1764234000000-create-rule-span';
import { ExtendRuleSpan1764235000000 } from './1764235000000-extend-rule-span';

/** The triggers of 1764234000000 and 1764235000000, by table. */
const OLD_TRIGGERS: [string, string][] = [
  ['posting_run', 'rule_span_runs'],
  ['training', 'rule_span_training'],
  ['achievement', 'rule_span_achievement'],
  ['achievement_impact', 'rule_span_impact'],
];
const OLD_FUNCTIONS = [
  'rule_span_runs_trg()',
  'rule_span_training_trg()',
  'rule_span_achievement_trg()',
  'rule_span_impact_trg()',
  'rule_span_policy_trg()',
  'refresh_rule_spans(uuid[])',
  'refresh_rule_spans_postings(uuid[])',
];

/**
 * One rules core (issue 14): the span SQL of the rules lives in the rule files (spanSql, dependsOn), and the
 * installer (src/rules/spans/install.ts) generates refresh_rule_spans and the triggers from them at boot, right
 * after the migrations, when the hash of the generated DDL differs from the one stored here; it then recomputes
 * every cadre's spans. So a new or changed rule needs no migration.
 *
 * This drops the function and triggers of 1764234000000 and 1764235000000 (the installer creates their successors
 * right after the migrations; until then no trigger keeps rule_span, and the installation recomputes it all) and
 * creates rule_span_install, the installed hash: the owner writes it, the service may read it.
 *
 * down: the installation's objects dropped, and the two migrations' functions and triggers back as they wrote
 * them (their up, without the table and indexes that still exist), which recompute their spans.
 */
export class CreateRuleSpanInstall1764236000000 implements MigrationInterface {
  name = 'CreateRuleSpanInstall1764236000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, prefix] of OLD_TRIGGERS) {
      for (const op of ['ins', 'upd', 'del'])
        await q.query(`DROP TRIGGER IF EXISTS ${prefix}_${op}_trg ON ${table}`);
    }
    await q.query(`DROP TRIGGER IF EXISTS rule_span_policy_trg ON policy_version`);
    for (const fn of OLD_FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    await q.query(`
      CREATE TABLE rule_span_install (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        hash char(64) NOT NULL,
        rules text[] NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON rule_span_install FROM cadre_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(UNINSTALL);
    await q.query(`DROP TABLE rule_span_install`);
    await q.query(`DELETE FROM rule_span`);
    const existing = /^\s*CREATE (TABLE|INDEX)\b/;
    const without = {
      query: (sql: string, params?: unknown[]) =>
        existing.test(sql) ? Promise.resolve([]) : q.query(sql, params),
    } as QueryRunner;
    await new CreateRuleSpan1764234000000().up(without);
    await new ExtendRuleSpan1764235000000().up(without);
  }
}
