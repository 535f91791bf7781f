import { QueryRunner } from 'typeorm';
import { PublishPolicy2026121764237000000 } from '../../migrations/1764237000000-publish-policy-2026-12';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, TestApp } from '../app-factory';

describe('migration 1764237000000: the policy of this round for databases that already hold one', () => {
  let t: TestApp;
  let owner: QueryRunner;
  // `same`: the document this migration publishes (the first version it wrote, by its note).
  const versions = () =>
    t.asOwner<{ version: number; effective_from: string; same: boolean }>(
      `SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from,
              document = (SELECT document FROM policy_version WHERE note LIKE 'Rules of issues 15 and 16%'
                           ORDER BY version LIMIT 1) AS same
         FROM policy_version ORDER BY version`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    owner = { query: (sql: string, params?: unknown[]) => t.asOwner(sql, params) } as unknown as QueryRunner;
  });
  afterAll(() => t.close());

  // The code's default (version 1 of a fresh database) has moved on since this migration landed (issue 16's
  // training params), so on a fresh database it published its document from 2026-12-05; a later migration
  // publishes the default after it.
  it('does nothing where the latest version already is this policy', async () => {
    const before = await versions();
    expect(before[0]).toMatchObject({ version: 1, effective_from: '1900-01-01' });
    expect(before.at(-1)).toMatchObject({ effective_from: '2026-12-05', same: true });
    await new PublishPolicy2026121764237000000().up(owner);
    expect(await versions()).toEqual(before);
  });

  it('publishes it after an older policy, once, from the day after the latest when that starts later', async () => {
    // A deployed database: its latest version predates the rules of issues 15 and 16
    const { SANCTION_PERIODS: _s, PROMO_NO_SANCTION_IN_EFFECT: _p, ...older } = DEFAULT_POLICY.rules;
    await t.asOwner(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by)
       SELECT max(version) + 1, DATE '2027-01-01', $1::jsonb, 'older', 'test' FROM policy_version`,
      [JSON.stringify({ ...DEFAULT_POLICY, rules: older })],
    );
    const before = await versions();
    const migration = new PublishPolicy2026121764237000000();
    await migration.up(owner);
    await migration.up(owner);
    expect(await versions()).toEqual([
      ...before,
      { version: before.length + 1, effective_from: '2027-01-02', same: true },
    ]);
    expect(before.at(-1)).toMatchObject({ effective_from: '2027-01-01', same: false });
  });
});
