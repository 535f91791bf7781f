import { QueryRunner } from 'typeorm';
import { PublishPolicy2026121764237000000 } from '../../migrations/1764237000000-publish-policy-2026-12';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, TestApp } from '../app-factory';

describe('migration 1764237000000: the policy of this round for databases that already hold one', () => {
  let t: TestApp;
  let owner: QueryRunner;
  const versions = () =>
    t.asOwner<{ version: number; effective_from: string; same: boolean }>(
      `SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, document = $1::jsonb AS same
         FROM policy_version ORDER BY version`,
      [JSON.stringify(DEFAULT_POLICY)],
    );

  beforeAll(async () => {
    t = await createTestApp();
    owner = { query: (sql: string, params?: unknown[]) => t.asOwner(sql, params) } as unknown as QueryRunner;
  });
  afterAll(() => t.close());

  it('does nothing where the latest version already is this policy (a fresh database)', async () => {
    await new PublishPolicy2026121764237000000().up(owner);
    expect(await versions()).toEqual([{ version: 1, effective_from: '1900-01-01', same: true }]);
  });

  it('publishes it from 2026-12-05 after an older policy, once; earlier dates keep what they had', async () => {
    // A deployed database: its latest version predates the rules of issues 15 and 16
    const { SANCTION_PERIODS: _s, PROMO_NO_SANCTION_IN_EFFECT: _p, ...older } = DEFAULT_POLICY.rules;
    await t.asOwner(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by)
       VALUES (2, DATE '2020-01-01', $1::jsonb, 'older', 'test')`,
      [JSON.stringify({ ...DEFAULT_POLICY, rules: older })],
    );
    const migration = new PublishPolicy2026121764237000000();
    await migration.up(owner);
    await migration.up(owner);
    expect(await versions()).toEqual([
      { version: 1, effective_from: '1900-01-01', same: true },
      { version: 2, effective_from: '2020-01-01', same: false },
      { version: 3, effective_from: '2026-12-05', same: true },
    ]);
  });
});
