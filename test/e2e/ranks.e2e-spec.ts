import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';

const FIELDS = 'id cadreId level startDate endDate source externalId';
const RECORD = `mutation($input: RecordRankInput!) { recordRank(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateRankInput!) { updateRank(input: $input) { ${FIELDS} } }`;
const END = `mutation($id: ID!, $endDate: Date!) { endRank(id: $id, endDate: $endDate) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { rankGrant(id: $id) { id level cadre { id } } }`;

describe('rank grants (职务与职级并行)', () => {
  let t: TestApp;
  let county: string;
  let township: string;
  let otherCounty: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
    otherCounty = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
  });
  afterAll(() => t.close());

  async function deputy(): Promise<string> {
    const id = (await makeCadre(t.ds)).id;
    await makePosting(t.ds, id, township, { level: 'TOWNSHIP_DEPUTY', startDate: '2024-05-27' });
    return id;
  }
  const orgIn = () => t.token({ role: Role.ORG_DEPT, unitId: county, sub: 'od-in' });
  const orgOut = () => t.token({ role: Role.ORG_DEPT, unitId: otherCounty, sub: 'od-out' });

  async function rejects(
    query: string,
    vars: Record<string, unknown>,
    code: string,
    field?: string,
    token?: string,
  ) {
    const before = await tableFingerprint(t.ds, 'rank_grant');
    const res = await t.gql(query, vars, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await tableFingerprint(t.ds, 'rank_grant')).toEqual(before);
  }

  it('a township deputy holds a rank beside the post; ranks list on the cadre, earliest first', async () => {
    const c = await deputy();
    const first = ok(
      await t.gql(
        RECORD,
        { input: { cadreId: c, level: 'PRINCIPAL_STAFF_4', startDate: '2022-01-01', endDate: '2024-05-26' } },
        orgIn(),
      ),
    ).recordRank;
    const now = ok(
      await t.gql(
        RECORD,
        { input: { cadreId: c, level: 'PRINCIPAL_STAFF_3', startDate: '2024-05-27' } },
        orgIn(),
      ),
    ).recordRank;
    expect(now).toEqual({
      id: expect.any(String),
      cadreId: c,
      level: 'PRINCIPAL_STAFF_3',
      startDate: '2024-05-27',
      endDate: null,
      source: null,
      externalId: null,
    });
    const res = ok(
      await t.gql(
        `query($id: ID!) { cadre(id: $id) { ranks { id level } postings { level } } }`,
        { id: c },
        orgIn(),
      ),
    );
    expect(res.cadre).toEqual({
      ranks: [
        { id: first.id, level: 'PRINCIPAL_STAFF_4' },
        { id: now.id, level: 'PRINCIPAL_STAFF_3' },
      ],
      postings: [{ level: 'TOWNSHIP_DEPUTY' }],
    });
    expect(ok(await t.gql(ONE, { id: now.id })).rankGrant).toEqual({
      id: now.id,
      level: 'PRINCIPAL_STAFF_3',
      cadre: { id: c },
    });
    const self = t.token({ role: Role.CADRE, cadreId: c, sub: 'self' });
    expect(ok(await t.gql(`{ me { ranks { level } } }`, {}, self)).me.ranks).toHaveLength(2);
  });

  it('updates the fields given and ends an open grant; audited with the actor', async () => {
    const c = await deputy();
    const rec = ok(
      await t.gql(
        RECORD,
        { input: { cadreId: c, level: 'PRINCIPAL_STAFF_4', startDate: '2023-01-01' } },
        orgIn(),
      ),
    ).recordRank;
    const upd = ok(
      await t.gql(UPDATE, { input: { id: rec.id, startDate: '2022-07-01' } }, orgIn()),
    ).updateRank;
    expect(upd).toEqual({ ...rec, startDate: '2022-07-01' });
    const ended = ok(await t.gql(END, { id: rec.id, endDate: '2025-06-30' }, orgIn())).endRank;
    expect(ended.endDate).toBe('2025-06-30');
    await rejects(END, { id: rec.id, endDate: '2025-07-31' }, 'CONFLICT', 'endDate', orgIn());
    const audit = await t.ds.query<{ action: string; actor_sub: string }[]>(
      `SELECT action, actor_sub FROM audit_log WHERE entity = 'rank_grant' AND entity_id = $1 ORDER BY id`,
      [rec.id],
    );
    expect(audit).toEqual([
      { action: 'INSERT', actor_sub: 'od-in' },
      { action: 'UPDATE', actor_sub: 'od-in' },
      { action: 'UPDATE', actor_sub: 'od-in' },
    ]);
  });

  it('another department, a cadre and an HR system may not write; outsiders may not read', async () => {
    const c = await deputy();
    const rec = ok(
      await t.gql(RECORD, { input: { cadreId: c, level: 'CLERK_1', startDate: '2015-01-01' } }),
    ).recordRank;
    const input = { cadreId: c, level: 'CLERK_2', startDate: '2010-01-01', endDate: '2010-12-31' };
    const hr = t.token({ role: Role.HR_SYNC, source: 'hr-main', sub: 'hr-main' });
    const self = t.token({ role: Role.CADRE, cadreId: c, sub: 'self' });
    for (const token of [orgOut(), hr, self]) {
      await rejects(RECORD, { input }, 'FORBIDDEN', undefined, token);
      await rejects(UPDATE, { input: { id: rec.id, level: 'CLERK_2' } }, 'FORBIDDEN', undefined, token);
    }
    for (const token of [orgOut(), hr]) {
      expect((await t.gql(ONE, { id: rec.id }, token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  describe('rejects bad input and writes nothing', () => {
    let c: string;
    beforeAll(async () => {
      c = await deputy();
      ok(
        await t.gql(RECORD, {
          input: { cadreId: c, level: 'PRINCIPAL_STAFF_4', startDate: '2020-01-01', endDate: '2021-12-31' },
        }),
      );
    });

    it('a level that is not on the rank ladder (a leadership level, an unknown code)', async () => {
      for (const level of ['TOWNSHIP_DEPUTY', 'GRAND_VIZIER']) {
        await rejects(
          RECORD,
          { input: { cadreId: c, level, startDate: '2023-01-01' } },
          'BAD_USER_INPUT',
          'level',
        );
      }
    });

    it('an end before the start', async () => {
      await rejects(
        RECORD,
        { input: { cadreId: c, level: 'PRINCIPAL_STAFF_3', startDate: '2023-01-01', endDate: '2022-12-31' } },
        'BAD_USER_INPUT',
        'endDate',
      );
    });

    it('an overlap with another grant of the cadre: CONFLICT on startDate', async () => {
      await rejects(
        RECORD,
        { input: { cadreId: c, level: 'PRINCIPAL_STAFF_3', startDate: '2021-12-31' } },
        'CONFLICT',
        'startDate',
      );
    });

    it('an unknown cadre: NOT_FOUND on cadreId', async () => {
      await rejects(
        RECORD,
        { input: { cadreId: randomUUID(), level: 'CLERK_1', startDate: '2023-01-01' } },
        'NOT_FOUND',
        'cadreId',
      );
    });

    it('the database refuses a leadership level and an overlap written around the service', async () => {
      const insert = (level: string, start: string) =>
        t.ds.query(`INSERT INTO rank_grant (cadre_id, level, start_date) VALUES ($1, $2, $3)`, [
          c,
          level,
          start,
        ]);
      await expect(insert('TOWNSHIP_CHIEF', '2024-01-01')).rejects.toMatchObject({
        driverError: { constraint: 'rank_grant_level_fkey' },
      });
      await expect(insert('CLERK_1', '2021-06-01')).rejects.toMatchObject({
        driverError: { constraint: 'rank_grant_no_overlap_excl' },
      });
    });
  });
});
