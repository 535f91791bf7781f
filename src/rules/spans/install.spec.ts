import { DataSource } from 'typeorm';
import { makeCadre, makePosting, makeUnit } from '../../../test/factories';
import { createFileDatabase, FileDatabase } from '../../../test/test-database';
import { dataSourceOptions } from '../../database/data-source-options';
import { migrate } from '../../database/migrate';
import { FLAG_RULES } from '../registry';
import { ddlHash, installerDdl, installRuleSpans, rulesDdl, SpanRule, spanRules } from './install';

/**
 * The rules installer (src/rules/spans/install.ts): the span SQL of the rule files is installed at boot when its
 * generated DDL changed, and every cadre's spans recomputed; unchanged, nothing happens; two boots at once
 * install once. The test databases are copies of a template migrated (and installed) once.
 */

/** A rule only this spec has: a span per cadre from its birth date, carrying its name; refreshed on cadre writes. */
const TEST_RULE: SpanRule = {
  id: 'TEST_RULE',
  spanSql: `INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
            SELECT c.id, 'TEST_RULE', 'TEST_CODE', 'INFO', c.birth_date, NULL, 1, jsonb_build_object('name', c.name)
              FROM cadre c WHERE c.id = ANY(ids)`,
  dependsOn: [{ table: 'cadre', cadreIds: 'SELECT id FROM changed' }],
};

describe('rules installer', () => {
  let db: FileDatabase;
  let ds: DataSource;
  let cadreId: string;

  beforeAll(async () => {
    db = await createFileDatabase();
    ds = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    const unit = await makeUnit(ds);
    cadreId = (await makeCadre(ds, { name: 'Before' })).id;
    // A township chief since 2000: past the 10-year post limit.
    await makePosting(ds, cadreId, unit.id, { level: 'TOWNSHIP_CHIEF', startDate: '2000-01-01' });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  // The spans up to 2026-12-05: from then a migration may publish this round's policy (on a database whose
  // default has moved on), and the spans are cut at a version's boundary.
  const spans = async (rule: string): Promise<{ code: string; facts: Record<string, unknown> }[]> =>
    ds.query(
      `SELECT code, facts FROM rule_span
        WHERE cadre_id = $1 AND rule_id = $2 AND valid_from < DATE '2026-12-05' ORDER BY valid_from, code`,
      [cadreId, rule],
    );
  const triggers = async (): Promise<string[]> =>
    (
      await ds.query<{ name: string }[]>(
        `SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE NOT t.tgisinternal AND t.tgname LIKE 'rule\\_span%' ORDER BY 1`,
      )
    ).map((r) => r.name);
  const stored = async (): Promise<{ hash: string; rules: string[] }> =>
    (await ds.query(`SELECT hash, rules FROM rule_span_install`))[0];

  it('the migrated database has the generated DDL installed, not the old triggers', async () => {
    expect(await stored()).toEqual({
      hash: ddlHash(await rulesDdl((sql) => ds.query(sql))),
      rules: [
        'POST_LIMIT_SAME_POST',
        'LEVEL_LIMIT_SAME_AREA',
        'TERM_LIMIT',
        'LEVEL_TOTAL_LIMIT',
        'TOWNSHIP_MIN_SERVICE',
        'APPRAISAL_INCOMPETENT',
        'SANCTION_PERIODS',
        'TRAINING_5Y',
        'TRAINING_ANNUAL',
        'INDUCTION_TRAINING',
        'SPECIALIST',
        'AVOIDANCE',
        'PATHWAY',
      ],
    });
    expect(await triggers()).toEqual(
      [
        'achievement',
        'achievement_impact',
        'appraisal',
        'cadre',
        'family_member',
        'policy_version',
        'posting',
        'sanction',
        'training',
        'unit',
      ].flatMap((table) =>
        (table === 'policy_version' ? ['ins'] : ['del', 'ins', 'upd']).map(
          (op) => `${table}.rule_spans_${table}_${op}`,
        ),
      ),
    );
    // posting_run has no triggers: refresh_posting_runs calls this once per write (migration 1764237900000).
    expect(
      await ds.query(
        `SELECT to_regprocedure('rule_spans_after_posting_runs(uuid[])') IS NOT NULL AS present`,
      ),
    ).toEqual([{ present: true }]);
    expect((await spans('POST_LIMIT_SAME_POST')).map((s) => s.code)).toEqual([
      'POSTING_LIMIT_APPROACHING',
      'POSTING_LIMIT_EXCEEDED',
    ]);
  });

  it('an unchanged rule set does nothing: no reinstall, no recompute', async () => {
    const before = await ds.query(`SELECT installed_at FROM rule_span_install`);
    await ds.query(`DELETE FROM rule_span WHERE cadre_id = $1 AND rule_id = 'POST_LIMIT_SAME_POST'`, [
      cadreId,
    ]);
    expect(await installRuleSpans(ds)).toBe(false);
    expect(await spans('POST_LIMIT_SAME_POST')).toEqual([]);
    expect(await ds.query(`SELECT installed_at FROM rule_span_install`)).toEqual(before);
  });

  it('a new rule is installed with its triggers and every cadre recomputed; removed, it leaves nothing', async () => {
    expect(await installRuleSpans(ds, [...spanRules(), TEST_RULE])).toBe(true);
    expect((await stored()).rules).toContain('TEST_RULE');
    // Recomputed: the test rule's span, and the posting limit's spans deleted above are back.
    expect(await spans('TEST_RULE')).toEqual([{ code: 'TEST_CODE', facts: { name: 'Before' } }]);
    expect(await spans('POST_LIMIT_SAME_POST')).toHaveLength(2);
    expect(await triggers()).toEqual(expect.arrayContaining(['cadre.rule_spans_cadre_upd']));
    // Its trigger keeps it current, also when the service (the app role) writes.
    const app = await new DataSource(dataSourceOptions(db.appUrl, 1)).initialize();
    try {
      await app.query(`UPDATE cadre SET name = 'After' WHERE id = $1`, [cadreId]);
    } finally {
      await app.destroy();
    }
    expect(await spans('TEST_RULE')).toEqual([{ code: 'TEST_CODE', facts: { name: 'After' } }]);
    expect(await installRuleSpans(ds, [...spanRules(), TEST_RULE])).toBe(false);

    // Back to the registry's rules: the test rule's spans and triggers are gone.
    expect(await installRuleSpans(ds)).toBe(true);
    expect(await spans('TEST_RULE')).toEqual([]);
    // PATHWAY keeps a trigger on cadre (work start, education, Party membership): it no longer names the test rule.
    const [{ body }] = await ds.query<{ body: string }[]>(
      `SELECT coalesce(string_agg(prosrc, ''), '') AS body FROM pg_proc WHERE proname LIKE 'rule\\_spans\\_%'`,
    );
    expect(body).not.toContain('TEST_RULE');
    expect(await spans('POST_LIMIT_SAME_POST')).toHaveLength(2);
  });

  it('a changed rule statement reinstalls: the new SQL writes the spans', async () => {
    const changed = spanRules().map((r) =>
      r.id === 'POST_LIMIT_SAME_POST'
        ? { ...r, spanSql: r.spanSql.replace("'POSTING_LIMIT_EXCEEDED'", "'X'") }
        : r,
    );
    expect(await installRuleSpans(ds, changed)).toBe(true);
    expect((await spans('POST_LIMIT_SAME_POST')).map((s) => s.code)).toEqual([
      'POSTING_LIMIT_APPROACHING',
      'X',
    ]);
    expect(await installRuleSpans(ds)).toBe(true);
    expect((await spans('POST_LIMIT_SAME_POST')).map((s) => s.code)).toEqual([
      'POSTING_LIMIT_APPROACHING',
      'POSTING_LIMIT_EXCEEDED',
    ]);
  });

  it('two boots at once after a change: one installs, the other finds it installed', async () => {
    await ds.query(`UPDATE rule_span_install SET hash = repeat('0', 64)`);
    await ds.query(`DELETE FROM rule_span WHERE cadre_id = $1`, [cadreId]);
    const boots = await Promise.all(
      [1, 2].map(async () => {
        const boot = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
        try {
          return await migrate(boot);
        } finally {
          await boot.destroy();
        }
      }),
    );
    expect(boots.map((b) => b.applied)).toEqual([[], []]);
    expect(boots.map((b) => b.rulesInstalled).sort()).toEqual([false, true]);
    expect((await stored()).hash).toBe(ddlHash(await rulesDdl((sql) => ds.query(sql))));
    expect(await spans('POST_LIMIT_SAME_POST')).toHaveLength(2);
  });

  it('every flag rule read from spans writes them (spanSql), and PATHWAY (promotion readiness)', () => {
    expect(spanRules().map((r) => r.id)).toEqual([
      ...FLAG_RULES.filter((r) => r.spans).map((r) => r.id),
      'PATHWAY',
    ]);
  });

  it('refuses a rule with spanSql that is not one INSERT INTO rule_span, or a dependency on a bad table name', () => {
    expect(() => installerDdl([{ ...TEST_RULE, spanSql: 'DELETE FROM rule_span' }])).toThrow(
      /INSERT INTO rule_span/,
    );
    expect(() =>
      installerDdl([{ ...TEST_RULE, dependsOn: [{ table: 'cadre; DROP TABLE x', cadreIds: 'SELECT 1' }] }]),
    ).toThrow(/span dependency/);
  });
});
