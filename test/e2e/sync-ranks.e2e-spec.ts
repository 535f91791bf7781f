import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makeUnit, tableFingerprint } from '../factories';
import { counts, outcomes, RESULTS, RUN_FIELDS, RunShape } from './sync-fixtures';

const SYNC_RANKS = `mutation($input: SyncRanksInput!) { syncRanks(input: $input) { ${RUN_FIELDS} ${RESULTS} } }`;

describe('syncRanks', () => {
  let t: TestApp;
  let hrA: string;
  let hrB: string;
  beforeAll(async () => {
    t = await createTestApp();
    hrA = t.token({ role: Role.HR_SYNC, source: 'hr-a', sub: 'hr-a' });
    hrB = t.token({ role: Role.HR_SYNC, source: 'hr-b', sub: 'hr-b' });
  });
  afterAll(() => t.close());

  const sync = async (token: string, input: Record<string, unknown>) =>
    ok(await t.gql<{ syncRanks: RunShape }>(SYNC_RANKS, { input }, token)).syncRanks;
  const rank = (externalId: string, cadreExternalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    cadreExternalId,
    level: 'PRINCIPAL_STAFF_4',
    startDate: '2020-01-01',
    ...over,
  });
  const rows = (source: string) =>
    t.ds.query(
      `SELECT g.external_id, g.level, g.start_date, g.end_date FROM rank_grant g
        WHERE g.source = $1 ORDER BY g.external_id`,
      [source],
    );

  it('writes the good records and rejects the bad ones with their reasons', async () => {
    const a = await makeCadre(t.ds);
    const b = await makeCadre(t.ds);
    const e = await makeCadre(t.ds);
    const f = await makeCadre(t.ds);
    await t.ds.query(
      `INSERT INTO rank_grant (cadre_id, level, start_date) VALUES ($1, 'CLERK_1', '2018-01-01')`,
      [e.id],
    );
    const run = await sync(hrA, {
      source: 'hr-a',
      records: [
        rank('R-1', a.externalId, { endDate: '2021-12-31' }),
        rank('R-2', a.externalId, { level: 'PRINCIPAL_STAFF_3', startDate: '2022-01-01' }),
        rank('R-3', 'NOBODY'),
        rank('R-4', b.externalId, { level: 'TOWNSHIP_CHIEF' }),
        rank('R-5', b.externalId, { startDate: '2020-01-01', endDate: '2019-01-01' }),
        rank('R-6', b.externalId, { startDate: '2020-02-30' }),
        rank('R-7', e.externalId, { startDate: '2021-06-01' }),
        rank('R-8', f.externalId, { endDate: '2021-12-31' }),
        rank('R-9', f.externalId, { startDate: '2021-12-31' }),
      ],
    });
    expect((run as RunShape & { kind: string }).kind).toBe('RANKS');
    expect(run.counts).toEqual(counts({ received: 9, created: 2, rejected: 7 }));
    expect(outcomes(run)).toEqual([
      ['R-1', 'CREATED'],
      ['R-2', 'CREATED'],
      ['R-3', 'REJECTED', 'cadreExternalId:UNKNOWN_CADRE'],
      ['R-4', 'REJECTED', 'level:UNKNOWN_LEVEL'],
      ['R-5', 'REJECTED', 'endDate:INVALID'],
      ['R-6', 'REJECTED', 'startDate:INVALID'],
      ['R-7', 'REJECTED', 'startDate:OVERLAP'],
      ['R-8', 'REJECTED', 'startDate:OVERLAP'],
      ['R-9', 'REJECTED', 'startDate:OVERLAP'],
    ]);
    expect(await rows('hr-a')).toEqual([
      { external_id: 'R-1', level: 'PRINCIPAL_STAFF_4', start_date: '2020-01-01', end_date: '2021-12-31' },
      { external_id: 'R-2', level: 'PRINCIPAL_STAFF_3', start_date: '2022-01-01', end_date: null },
    ]);
    const audit = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'rank_grant' AND request_id = 'sync:' || $1`,
      [run.id],
    );
    expect(audit[0].n).toBe(2);
  });

  it('re-sending the same records changes nothing; a changed record is UPDATED in place', async () => {
    const c = await makeCadre(t.ds);
    const batch = [
      rank('S-1', c.externalId, { endDate: '2021-12-31' }),
      rank('S-2', c.externalId, { level: 'PRINCIPAL_STAFF_3', startDate: '2022-01-01' }),
    ];
    await sync(hrA, { source: 'hr-a', records: batch });
    const before = await tableFingerprint(t.ds, 'rank_grant');
    const again = await sync(hrA, { source: 'hr-a', records: batch });
    expect(again.counts).toEqual(counts({ received: 2, unchanged: 2 }));
    expect(await tableFingerprint(t.ds, 'rank_grant')).toEqual(before);
    // The boundary between the two moves: both change in one batch, checked for overlap at commit.
    const moved = await sync(hrA, {
      source: 'hr-a',
      records: [
        rank('S-1', c.externalId, { endDate: '2022-06-30' }),
        rank('S-2', c.externalId, { level: 'PRINCIPAL_STAFF_3', startDate: '2022-07-01' }),
      ],
    });
    expect(moved.counts).toEqual(counts({ received: 2, updated: 2 }));
  });

  it("one source's records are its own: another source with the same external id makes its own record", async () => {
    const c = await makeCadre(t.ds);
    const d = await makeCadre(t.ds);
    await sync(hrA, { source: 'hr-a', records: [rank('T-1', c.externalId)] });
    const other = await sync(hrB, {
      source: 'hr-b',
      records: [rank('T-1', d.externalId, { level: 'CLERK_1' })],
    });
    expect(outcomes(other)).toEqual([['T-1', 'CREATED']]);
    const [a] = await t.ds.query<{ level: string }[]>(
      `SELECT level FROM rank_grant WHERE source = 'hr-a' AND external_id = 'T-1'`,
    );
    expect(a.level).toBe('PRINCIPAL_STAFF_4');
    // A token of hr-b may not send as hr-a.
    const res = await t.gql(SYNC_RANKS, { input: { source: 'hr-a', records: [] } }, hrB);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    // Nor may it change hr-a's rank grant directly, even around the service: the trigger refuses it.
    const [{ id }] = await t.ds.query<{ id: string }[]>(
      `SELECT id FROM rank_grant WHERE source = 'hr-a' AND external_id = 'T-1'`,
    );
    await expect(
      t.ds.transaction(async (em) => {
        await em.query(
          `SELECT set_config('cadre.actor_role', 'HR_SYNC', true), set_config('cadre.actor_source', 'hr-b', true)`,
        );
        await em.query(`UPDATE rank_grant SET level = 'CLERK_2' WHERE id = $1`, [id]);
      }),
    ).rejects.toMatchObject({ driverError: { constraint: 'rank_grant_source_owner_check' } });
  });

  it('refuses SNAPSHOT mode (ranks are never ended by omission) and callers other than ADMIN and HR_SYNC', async () => {
    const snap = await t.gql(SYNC_RANKS, {
      input: { source: 'hr-a', mode: 'SNAPSHOT', scopeUnitCode: 'X', records: [] },
    });
    expect(snap.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const county = await makeUnit(t.ds, { level: 'COUNTY' });
    const org = t.token({ role: Role.ORG_DEPT, unitId: county.id, sub: 'od' });
    const res = await t.gql(SYNC_RANKS, { input: { source: 'hr-a', records: [] } }, org);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
