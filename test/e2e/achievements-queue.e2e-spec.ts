import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

const QUEUE = `query($first: Int, $after: String, $unitId: ID) {
  achievementsToVerify(first: $first, after: $after, unitId: $unitId) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title verificationStatus impacts { indicator } cadre { name } } } } }`;
const VERIFY = `mutation($id: ID!, $decision: VerificationDecision!, $note: String) {
  verifyAchievement(id: $id, decision: $decision, note: $note) { id verificationStatus verificationNote } }`;

interface Queue {
  achievementsToVerify: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string; verificationStatus: string; cadre: { name: string } } }[];
  };
}

/** The department's verification queue: claims of the cadres it may decide on, oldest first, a page at a time. */
describe('achievementsToVerify', () => {
  let t: TestApp;
  let county: string;
  let township: string;
  let elsewhere: string;
  let inside: string;
  let dept: string;

  const claim = async (cadreId: string, title: string, createdAt: string, status = 'CLAIMED') =>
    (
      await t.ds.query<{ id: string }[]>(
        `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level, verification_status,
            verified_by, verified_at, created_at)
         VALUES ($1, $2, '2025-05-01', 'CULTURAL_TOURISM', 'COUNTY', $3, $5, $6, $4) RETURNING id`,
        [cadreId, title, status, createdAt, ...(status === 'CLAIMED' ? [null, null] : ['hx-od', createdAt])],
      )
    )[0].id;
  const titles = (q: Queue) => q.achievementsToVerify.edges.map((e) => e.node.title);

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY', name: '禾溪县' })).id;
    township = (await makeUnit(t.ds, { parentId: county, name: '金沙镇' })).id;
    elsewhere = (await makeUnit(t.ds, { level: 'COUNTY', name: '白石县' })).id;
    inside = (await makeCadre(t.ds, { name: '林知远' })).id;
    await makePosting(t.ds, inside, township);
    const outside = (await makeCadre(t.ds, { name: '岳明川' })).id;
    await makePosting(t.ds, outside, elsewhere);
    // Moved out of the county: the department may read the history, but no longer decides on it.
    const movedOut = (await makeCadre(t.ds, { name: '苏晓禾' })).id;
    await makePosting(t.ds, movedOut, township, { endDate: '2020-12-31' });
    await makePosting(t.ds, movedOut, elsewhere, { startDate: '2021-01-01' });

    await claim(inside, '茶旅融合线路', '2026-03-02T08:00:00.000001Z');
    await claim(inside, '电商直播助农', '2026-03-01T08:00:00Z');
    // Same millisecond as the first, one microsecond later: paging must keep both.
    await claim(inside, '古村落修缮', '2026-03-02T08:00:00.000002Z');
    await claim(inside, '已核实的成果', '2026-01-01T00:00:00Z', 'VERIFIED');
    await claim(outside, '外县成果', '2026-02-01T00:00:00Z');
    await claim(movedOut, '调出前成果', '2026-02-02T00:00:00Z');
    dept = t.token({ role: Role.ORG_DEPT, unitId: county, sub: 'hx-od' });
  });
  afterAll(() => t.close());

  it('lists the CLAIMED achievements of cadres currently in the jurisdiction, oldest claim first', async () => {
    const q = ok(await t.gql<Queue>(QUEUE, {}, dept));
    expect(q.achievementsToVerify.totalCount).toBe(3);
    expect(titles(q)).toEqual(['电商直播助农', '茶旅融合线路', '古村落修缮']);
    expect(q.achievementsToVerify.edges[0].node).toMatchObject({
      verificationStatus: 'CLAIMED',
      cadre: { name: '林知远' },
    });
    expect(q.achievementsToVerify.pageInfo.hasNextPage).toBe(false);
  });

  it('pages by keyset without losing claims made in the same millisecond', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 5; n++) {
      const page: Queue = ok(await t.gql<Queue>(QUEUE, { first: 1, after }, dept));
      seen.push(...titles(page));
      if (!page.achievementsToVerify.pageInfo.hasNextPage) break;
      after = page.achievementsToVerify.pageInfo.endCursor;
    }
    expect(seen).toEqual(['电商直播助农', '茶旅融合线路', '古村落修缮']);
  });

  it('narrows to a unit, and shows ADMIN every claim', async () => {
    expect(titles(ok(await t.gql<Queue>(QUEUE, { unitId: township }, dept)))).toHaveLength(3);
    const all = ok(await t.gql<Queue>(QUEUE, { first: 100 }));
    expect(all.achievementsToVerify.totalCount).toBe(5);
    expect(titles(ok(await t.gql<Queue>(QUEUE, { unitId: elsewhere })))).toEqual(['外县成果', '调出前成果']);
  });

  it('drops a claim from the queue once it is decided, with its note', async () => {
    const before = ok(await t.gql<Queue>(QUEUE, {}, dept));
    const first = before.achievementsToVerify.edges[0].node;
    const decided = ok(
      await t.gql<{ verifyAchievement: { verificationStatus: string; verificationNote: string } }>(
        VERIFY,
        { id: first.id, decision: 'REJECTED', note: '缺少县级表彰文件' },
        dept,
      ),
    );
    expect(decided.verifyAchievement).toMatchObject({
      verificationStatus: 'REJECTED',
      verificationNote: '缺少县级表彰文件',
    });
    const after = ok(await t.gql<Queue>(QUEUE, {}, dept));
    expect(after.achievementsToVerify.totalCount).toBe(2);
    expect(titles(after)).not.toContain(first.title);
  });

  it('refuses a unit outside the jurisdiction, a cadre, an HR system; rejects bad arguments', async () => {
    const other = t.token({ role: Role.ORG_DEPT, unitId: elsewhere, sub: 'bs-od' });
    const refused = await t.gql(QUEUE, { unitId: township }, other);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const token of [
      t.token({ role: Role.CADRE, cadreId: inside }),
      t.token({ role: Role.HR_SYNC, source: 'hr-main', sub: 'hr-main' }),
    ]) {
      expect((await t.gql(QUEUE, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(QUEUE, { unitId: 'abc' }, dept)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unitId',
    });
    expect((await t.gql(QUEUE, { after: 'nonsense' }, dept)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    expect((await t.gql(QUEUE, { after: forged }, dept)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect((await t.gql(QUEUE, { first: 0 }, dept)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});
