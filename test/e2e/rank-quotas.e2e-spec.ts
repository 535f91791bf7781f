import { Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

const AS_OF = '2026-11-27';
const SET = `mutation($input: SetRankQuotaInput!) { setRankQuota(input: $input) { id unitId level places } }`;
const REMOVE = `mutation($unitId: ID!, $level: String!) { removeRankQuota(unitId: $unitId, level: $level) {
  unitId level places } }`;
const LIST = `query($unitId: ID!) { rankQuotas(unitId: $unitId) { unitId level places } }`;
const PLACES = `query($input: PromotionCandidatesInput!) { promotionCandidates(input: $input, first: 100) {
  edges { node { cadreId rankPlaces { quota held free } } } } }`;

interface AuditRow {
  actor_sub: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const errorOf = (res: GqlResult) => {
  expect(res.data?.setRankQuota ?? res.data?.removeRankQuota ?? null).toBeNull();
  return res.errors?.[0]?.extensions;
};

/**
 * Rank quotas (职级职数) over HTTP: setRankQuota creates or changes a unit's quota for a rank, removeRankQuota takes it
 * away, rankQuotas lists them; ADMIN and the department whose jurisdiction holds the unit; every change audited with
 * its actor; bad input refused with its code and field and nothing written. The candidate list follows the quota.
 */
describe('rank quotas: setRankQuota, removeRankQuota, rankQuotas', () => {
  let t: TestApp;
  let county: string;
  let township: string;
  let elsewhere: string;
  let orgIn: string;
  let orgOut: string;
  let deputy: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY', name: '白马县' })).id;
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county, name: '青石镇' })).id;
    elsewhere = (await makeUnit(t.ds, { level: 'COUNTY', name: '红岩县' })).id;
    orgIn = t.token({ role: Role.ORG_DEPT, unitId: county, sub: 'org-baima' });
    orgOut = t.token({ role: Role.ORG_DEPT, unitId: elsewhere, sub: 'org-hongyan' });
    // A township deputy of 2.5 years: a PRINCIPAL_STAFF_3 candidate (RANK_FROM_POST).
    const c = await makeCadre(t.ds, {
      name: '梁子墨',
      workStartDate: '2012-07-01',
      educationLevel: 'BACHELOR',
    });
    await makePosting(t.ds, c.id, township, {
      level: 'TOWNSHIP_DEPUTY',
      startDate: '2024-05-01',
      title: '副镇长',
    });
    deputy = c.id;
  });
  afterAll(() => t.close());

  const rows = async (): Promise<{ places: number }[]> =>
    t.ds.query(`SELECT places FROM rank_quota WHERE unit_id = $1 ORDER BY level`, [township]);
  const audit = async (since: number): Promise<AuditRow[]> =>
    t.ds.query(
      `SELECT actor_sub, actor_role, action, entity, before, after FROM audit_log
        WHERE id > $1 AND entity = 'rank_quota' ORDER BY id`,
      [since],
    );
  const lastAudit = async (): Promise<number> =>
    Number((await t.ds.query(`SELECT coalesce(max(id), 0) AS m FROM audit_log`))[0].m);
  const places = async () =>
    ok(await t.gql(PLACES, { input: { targetLevel: 'PRINCIPAL_STAFF_3', asOf: AS_OF, unitId: county } }))
      .promotionCandidates.edges.map((e: { node: { cadreId: string; rankPlaces: unknown } }) => e.node)
      .find((n: { cadreId: string }) => n.cadreId === deputy)?.rankPlaces;

  it('the department of the unit’s jurisdiction sets a quota, changes it and removes it; each change audited', async () => {
    expect(await places()).toBeNull();
    const since = await lastAudit();
    const set = ok(
      await t.gql(SET, { input: { unitId: township, level: 'PRINCIPAL_STAFF_3', places: 2 } }, orgIn),
    ).setRankQuota;
    expect(set).toMatchObject({ unitId: township, level: 'PRINCIPAL_STAFF_3', places: 2 });
    expect(await places()).toEqual({ quota: 2, held: 0, free: 2 });
    // Set again: the same row, its places changed.
    const changed = ok(
      await t.gql(SET, { input: { unitId: township, level: 'PRINCIPAL_STAFF_3', places: 0 } }, orgIn),
    ).setRankQuota;
    expect(changed).toMatchObject({ id: set.id, places: 0 });
    expect(await places()).toEqual({ quota: 0, held: 0, free: 0 });
    expect(ok(await t.gql(LIST, { unitId: township }, orgIn)).rankQuotas).toEqual([
      { unitId: township, level: 'PRINCIPAL_STAFF_3', places: 0 },
    ]);
    expect(
      ok(await t.gql(REMOVE, { unitId: township, level: 'PRINCIPAL_STAFF_3' }, orgIn)).removeRankQuota,
    ).toEqual({ unitId: township, level: 'PRINCIPAL_STAFF_3', places: 0 });
    expect(await places()).toBeNull();
    expect(await rows()).toEqual([]);
    const log = await audit(since);
    expect(log.map((r) => [r.action, r.actor_sub, r.actor_role])).toEqual([
      ['INSERT', 'org-baima', 'ORG_DEPT'],
      ['UPDATE', 'org-baima', 'ORG_DEPT'],
      ['DELETE', 'org-baima', 'ORG_DEPT'],
    ]);
    expect(log[1].before).toMatchObject({ id: set.id, places: 2 });
    expect(log[1].after).toMatchObject({ id: set.id, places: 0 });
  });

  it('ADMIN may set any unit’s quota', async () => {
    const res = await t.gql(SET, { input: { unitId: elsewhere, level: 'CLERK_1', places: 5 } });
    expect(ok(res).setRankQuota).toMatchObject({ unitId: elsewhere, level: 'CLERK_1', places: 5 });
  });

  it('a unit outside the department’s jurisdiction is FORBIDDEN, for writing and reading; nothing written', async () => {
    const since = await lastAudit();
    const input = { unitId: township, level: 'PRINCIPAL_STAFF_4', places: 1 };
    expect(errorOf(await t.gql(SET, { input }, orgOut))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.gql(LIST, { unitId: township }, orgOut)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const cadreToken = t.token({ role: Role.CADRE, cadreId: deputy });
    expect(errorOf(await t.gql(SET, { input }, cadreToken))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rows()).toEqual([]);
    expect(await audit(since)).toEqual([]);
  });

  it.each([
    ['an unknown rank', { level: 'PRINCIPAL_STAFF_9', places: 1 }, 'BAD_USER_INPUT', 'level'],
    ['a leadership level, not a rank', { level: 'TOWNSHIP_CHIEF', places: 1 }, 'BAD_USER_INPUT', 'level'],
    ['a negative number of places', { level: 'PRINCIPAL_STAFF_3', places: -1 }, 'BAD_USER_INPUT', 'places'],
    [
      'more places than the table allows',
      { level: 'PRINCIPAL_STAFF_3', places: 100001 },
      'BAD_USER_INPUT',
      'places',
    ],
  ])('%s: %s with its field, nothing written', async (_name, given, code, field) => {
    const since = await lastAudit();
    const res = await t.gql(SET, { input: { unitId: township, ...given } }, orgIn);
    expect(errorOf(res)).toMatchObject({ code, field });
    expect(await rows()).toEqual([]);
    expect(await audit(since)).toEqual([]);
  });

  it('an unknown unit is NOT_FOUND; removing a quota that is not there is NOT_FOUND', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      errorOf(await t.gql(SET, { input: { unitId: unknown, level: 'PRINCIPAL_STAFF_3', places: 1 } })),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    expect(
      errorOf(await t.gql(REMOVE, { unitId: township, level: 'PRINCIPAL_STAFF_1' }, orgIn)),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'level' });
  });
});
