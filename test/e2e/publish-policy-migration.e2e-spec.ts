import { QueryRunner } from 'typeorm';
import { SkipStalePolicyOnFreshDatabases1764236990000 } from '../../migrations/1764236990000-skip-stale-policy-on-fresh-databases';
import { PublishPolicy2026121764237000000 } from '../../migrations/1764237000000-publish-policy-2026-12';
import {
  DOCUMENT,
  PublishPolicy2026121764237990000,
} from '../../migrations/1764237990000-publish-policy-2026-12-b';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, TestApp } from '../app-factory';

/**
 * The migrations that publish a round's policy for databases that already hold one (1764237000000, and
 * 1764237990000 after it), and 1764236990000, which keeps a database migrated from nothing at the code's default.
 */
describe('migrations that publish the policy of a round', () => {
  let t: TestApp;
  let owner: QueryRunner;
  // `current`: the code's default (what 1764237990000 writes out); `round1`: 1764237000000's document.
  const versions = () =>
    t.asOwner<{ version: number; effective_from: string; current: boolean; round1: boolean }>(
      `SELECT version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, document = $1::jsonb AS current,
              note LIKE 'Rules of issues 15 and 16:%' AS round1
         FROM policy_version ORDER BY version`,
      [JSON.stringify(DEFAULT_POLICY)],
    );

  beforeAll(async () => {
    t = await createTestApp();
    owner = { query: (sql: string, params?: unknown[]) => t.asOwner(sql, params) } as unknown as QueryRunner;
  });
  afterAll(() => t.close());

  it('writes out the code’s default as it is now', () => {
    expect(JSON.parse(JSON.stringify(DOCUMENT))).toEqual(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
  });

  it('leaves a database migrated from nothing with one version: the code’s default, from 1900', async () => {
    // Without 1764236990000, 1764237000000 would have published its older document from 2026-12-05 here.
    expect(await versions()).toEqual([
      { version: 1, effective_from: '1900-01-01', current: true, round1: false },
    ]);
    const [{ triggers }] = await t.asOwner<{ triggers: number }>(
      `SELECT count(*)::int AS triggers FROM pg_trigger WHERE tgname = 'policy_version_skip_stale_trg'`,
    );
    expect(triggers).toBe(0);
    await new PublishPolicy2026121764237990000().up(owner);
    expect(await versions()).toHaveLength(1);
  });

  it('on a deployed database publishes each round after the versions it has, once each, in order', async () => {
    // A deployed database: its latest version predates both rounds, and was published on an earlier day.
    const { SANCTION_PERIODS: _s, PROMO_NO_SANCTION_IN_EFFECT: _p, ...older } = DEFAULT_POLICY.rules;
    await t.asOwner(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by, published_at)
       SELECT max(version) + 1, DATE '2027-01-01', $1::jsonb, 'older', 'test', now() - interval '1 day'
         FROM policy_version`,
      [JSON.stringify({ ...DEFAULT_POLICY, rules: older })],
    );
    const before = await versions();
    // As the migrations run on it: the skip trigger, the first round, the second round (which drops the trigger).
    await new SkipStalePolicyOnFreshDatabases1764236990000().up(owner);
    await new PublishPolicy2026121764237000000().up(owner);
    await new PublishPolicy2026121764237990000().up(owner);
    await new PublishPolicy2026121764237990000().up(owner);
    expect(await versions()).toEqual([
      ...before,
      { version: before.length + 1, effective_from: '2027-01-02', current: false, round1: true },
      { version: before.length + 2, effective_from: '2027-01-03', current: true, round1: false },
    ]);
    const [{ triggers }] = await t.asOwner<{ triggers: number }>(
      `SELECT count(*)::int AS triggers FROM pg_trigger WHERE tgname = 'policy_version_skip_stale_trg'`,
    );
    expect(triggers).toBe(0);
  });
});
