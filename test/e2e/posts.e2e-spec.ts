import { Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, tableFingerprint } from '../factories';
import { rankingFixture, RankingFixture } from './candidates-fixture';
import { postsFixture, PostsFixture } from './posts-fixture';

const AS_OF = '2026-11-27';
const STAFFING = `staffing(asOf: "${AS_OF}") { asOf approved holders vacant excess overQuota }`;
const POST = `id title level partyPost requiredDomains preferredDomains approvedHolders establishedOn unit { id }`;
const CREATE = `mutation($i: CreatePostInput!) { createPost(input: $i) { ${POST} ${STAFFING} } }`;
const UPDATE = `mutation($i: UpdatePostInput!) { updatePost(input: $i) { ${POST} ${STAFFING} } }`;
const QUOTA = `mutation($i: SetPostQuotaInput!) { setPostQuota(input: $i) { id level places unit { id } ${STAFFING} } }`;
const VACANCIES = `query($u: ID, $asOf: Date, $first: Int, $after: String) {
  vacancies(unitId: $u, asOf: $asOf, first: $first, after: $after) {
    totalCount asOf pageInfo { hasNextPage endCursor }
    edges { node { kind title level requiredDomains approved holders vacant mustRotate vacantSince daysVacant quotaId
                   post { id title } unit { id } } } } }`;

interface VacancyNode {
  kind: string;
  title: string | null;
  level: string;
  requiredDomains: string[];
  approved: number;
  holders: number;
  vacant: number;
  mustRotate: number;
  vacantSince: string | null;
  daysVacant: number | null;
  quotaId: string | null;
  post: { id: string; title: string } | null;
  unit: { id: string };
}
interface VacancyPage {
  vacancies: {
    totalCount: number;
    asOf: string;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: VacancyNode }[];
  };
}

describe('posts, quotas and vacancies', () => {
  let t: TestApp;
  let f: RankingFixture;
  let p: PostsFixture;
  let deptA: string;
  let deptCity: string;
  const err = (res: Pick<GqlResult, 'errors'>) => res.errors?.[0]?.extensions;
  const vacancies = (v: Record<string, unknown>, tok: string) => t.gql<VacancyPage>(VACANCIES, v, tok);

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
    p = await postsFixture(t.ds, f);
    deptA = t.token({ role: Role.ORG_DEPT, unitId: f.countyA, sub: 'od-county-a' });
    deptCity = t.token({ role: Role.ORG_DEPT, unitId: f.city, sub: 'od-city' });
  });
  afterAll(() => t.close());

  describe('vacancies', () => {
    it('lists the city’s vacancies longest first, counting leavers by asOf (an end date, a must-rotate limit)', async () => {
      const res = ok(await vacancies({ u: f.city, asOf: AS_OF }, deptCity)).vacancies;
      expect(res.asOf).toBe(AS_OF);
      expect(res.totalCount).toBe(3);
      expect(res.edges.map((e) => e.node)).toEqual([
        // Never full and no establishment date: the date is unknown, listed first.
        expect.objectContaining({
          kind: 'QUOTA',
          quotaId: p.quotaB1,
          level: 'TOWNSHIP_DEPUTY',
          approved: 2,
          holders: 0,
          vacant: 2,
          vacantSince: null,
          daysVacant: null,
          post: null,
          unit: { id: f.b1 },
        }),
        // Never held since it was established.
        expect.objectContaining({
          kind: 'POST',
          title: '副县长',
          post: { id: p.deputyB, title: '副县长' },
          approved: 1,
          holders: 0,
          vacantSince: '2026-01-01',
          daysVacant: 330,
        }),
        // Yu's posting ended 2026-03-31 (1 of 2 from 04-01); Xu passed the ten-year limit on 2026-06-01.
        expect.objectContaining({
          kind: 'POST',
          post: { id: p.deputyA, title: '副县长' },
          requiredDomains: ['CULTURAL_TOURISM'],
          approved: 2,
          holders: 0,
          vacant: 2,
          mustRotate: 1,
          vacantSince: '2026-04-01',
          daysVacant: 240,
          unit: { id: f.countyA },
        }),
      ]);
    });

    it('keeps a post full until its holders leave, and dates the vacancy from the day it fell below the number', async () => {
      const before = ok(await vacancies({ u: f.countyA, asOf: '2026-03-31' }, deptA)).vacancies;
      expect(before.totalCount).toBe(0);
      const between = ok(await vacancies({ u: f.countyA, asOf: '2026-05-01' }, deptA)).vacancies;
      expect(between.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          holders: 1,
          vacant: 1,
          mustRotate: 0,
          vacantSince: '2026-04-01',
          daysVacant: 30,
        }),
      ]);
    });

    it('pages with a keyset cursor that keeps asOf', async () => {
      const first = ok(await vacancies({ u: f.city, asOf: AS_OF, first: 2 }, deptCity)).vacancies;
      expect(first.edges).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const next = ok(
        await vacancies({ u: f.city, first: 2, after: first.pageInfo.endCursor }, deptCity),
      ).vacancies;
      expect(next.asOf).toBe(AS_OF);
      expect(next.edges.map((e) => e.node.post?.id)).toEqual([p.deputyA]);
      expect(next.pageInfo.hasNextPage).toBe(false);
      const bad = await vacancies({ u: f.city, after: 'nonsense' }, deptCity);
      expect(err(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('is confined to the jurisdiction: a department sees its own subtree, another unit is FORBIDDEN', async () => {
      const own = ok(await vacancies({ asOf: AS_OF }, deptA)).vacancies;
      expect(own.edges.map((e) => e.node.post?.id)).toEqual([p.deputyA]);
      expect(err(await vacancies({ u: f.countyB, asOf: AS_OF }, deptA))?.code).toBe('FORBIDDEN');
      const admin = ok(await vacancies({ asOf: AS_OF }, t.adminToken)).vacancies;
      expect(admin.totalCount).toBeGreaterThanOrEqual(3);
      const unknown = await vacancies({ u: '00000000-0000-4000-8000-000000000000' }, t.adminToken);
      expect(err(unknown)?.code).toBe('NOT_FOUND');
    });
  });

  describe('staffing', () => {
    it('shows holders against the number, and flags a quota below its holders', async () => {
      const res = ok(
        await t.gql<{
          posts: { id: string; staffing: Record<string, unknown> }[];
          postQuotas: { id: string; staffing: Record<string, unknown> | null }[];
        }>(
          `query($u: ID!, $a1: ID!) { posts(unitId: $u) { id ${STAFFING} } postQuotas(unitId: $a1) { id ${STAFFING} } }`,
          { u: f.countyA, a1: f.a1 },
          deptA,
        ),
      );
      expect(res.posts).toEqual([
        {
          id: p.chiefA,
          staffing: { asOf: AS_OF, approved: 1, holders: 1, vacant: 0, excess: 0, overQuota: false },
        },
        {
          id: p.deputyA,
          staffing: { asOf: AS_OF, approved: 2, holders: 0, vacant: 2, excess: 0, overQuota: false },
        },
      ]);
      // Bo, Dan and Gus are township chiefs of A1: three holders on one place.
      expect(res.postQuotas).toEqual([
        {
          id: p.quotaA1,
          staffing: { asOf: AS_OF, approved: 1, holders: 3, vacant: 0, excess: 2, overQuota: true },
        },
      ]);
    });
  });

  describe('createPost, updatePost and setPostQuota', () => {
    const input = (over: Record<string, unknown> = {}) => ({
      unitId: f.countyA,
      title: '县委常委、组织部部长',
      level: 'COUNTY_DEPUTY',
      partyPost: true,
      requiredDomains: ['GRASSROOTS_PARTY_BUILDING'],
      approvedHolders: 1,
      ...over,
    });

    it('creates a post in the jurisdiction, audited with its actor', async () => {
      const res = ok(await t.gql<{ createPost: Record<string, unknown> }>(CREATE, { i: input() }, deptA));
      expect(res.createPost).toMatchObject({
        title: '县委常委、组织部部长',
        partyPost: true,
        requiredDomains: ['GRASSROOTS_PARTY_BUILDING'],
        preferredDomains: [],
        approvedHolders: 1,
        unit: { id: f.countyA },
        staffing: { approved: 1, holders: 0, vacant: 1, overQuota: false },
      });
      const [audit] = await t.ds.query<{ actor_sub: string; action: string }[]>(
        `SELECT actor_sub, action FROM audit_log WHERE entity = 'post' AND entity_id = $1`,
        [res.createPost.id],
      );
      expect(audit).toEqual({ actor_sub: 'od-county-a', action: 'INSERT' });
    });

    it.each([
      ['a unit outside the jurisdiction', { unitId: '' }, 'FORBIDDEN', undefined],
      ['a negative number', { approvedHolders: -1 }, 'BAD_USER_INPUT', 'approvedHolders'],
      ['a rank level', { level: 'CLERK_1' }, 'BAD_USER_INPUT', 'input.level'],
      ['an unknown domain', { requiredDomains: ['ASTROLOGY'] }, 'BAD_USER_INPUT', 'input.requiredDomains'],
      [
        'a domain both required and preferred',
        { requiredDomains: ['EDUCATION'], preferredDomains: ['EDUCATION'] },
        'BAD_USER_INPUT',
        'input.preferredDomains',
      ],
      ['a title the unit already has', { title: '县长' }, 'CONFLICT', 'title'],
    ])('refuses %s and writes nothing', async (_name, over, code, field) => {
      const o = { ...over } as Record<string, unknown>;
      if (o.unitId === '') o.unitId = f.countyB;
      const before = await tableFingerprint(t.ds, 'post');
      const res = await t.gql(
        CREATE,
        { i: input({ title: `新职位-${code}-${String(field)}`, ...o }) },
        deptA,
      );
      expect(err(res)).toMatchObject({ code, ...(field ? { field: expect.stringContaining(field) } : {}) });
      expect(await tableFingerprint(t.ds, 'post')).toEqual(before);
    });

    it('lets the number go below the holders, and flags it', async () => {
      const res = ok(
        await t.gql<{ updatePost: { approvedHolders: number; staffing: Record<string, unknown> } }>(
          UPDATE,
          { i: { id: p.chiefA, approvedHolders: 0 } },
          deptA,
        ),
      );
      expect(res.updatePost).toMatchObject({
        approvedHolders: 0,
        staffing: { approved: 0, holders: 1, vacant: 0, excess: 1, overQuota: true },
      });
      ok(await t.gql(UPDATE, { i: { id: p.chiefA, approvedHolders: 1 } }, deptA));
    });

    it('refuses an unknown post (NOT_FOUND), another jurisdiction’s post (FORBIDDEN) and a negative number', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(err(await t.gql(UPDATE, { i: { id: unknown, title: 'x' } }, deptA))?.code).toBe('NOT_FOUND');
      expect(err(await t.gql(`query($id: ID!) { post(id: $id) { id } }`, { id: unknown }, deptA))?.code).toBe(
        'NOT_FOUND',
      );
      expect(err(await t.gql(UPDATE, { i: { id: p.deputyB, title: 'x' } }, deptA))?.code).toBe('FORBIDDEN');
      expect(
        err(await t.gql(`query($id: ID!) { post(id: $id) { id } }`, { id: p.deputyB }, deptA))?.code,
      ).toBe('FORBIDDEN');
      const neg = await t.gql(UPDATE, { i: { id: p.chiefA, approvedHolders: -2 } }, deptA);
      expect(err(neg)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: expect.stringContaining('approvedHolders'),
      });
    });

    it('sets a quota, flags one below the holders, and refuses a negative one or another jurisdiction', async () => {
      const set = ok(
        await t.gql<{ setPostQuota: { id: string; places: number; staffing: Record<string, unknown> } }>(
          QUOTA,
          { i: { unitId: f.a2, level: 'TOWNSHIP_CHIEF', places: 2 } },
          deptA,
        ),
      );
      // Ann, Cai, Fay and Hal are township chiefs of A2.
      expect(set.setPostQuota).toMatchObject({
        places: 2,
        staffing: { holders: 4, excess: 2, overQuota: true },
      });
      const again = ok(
        await t.gql<{ setPostQuota: { id: string; places: number } }>(
          QUOTA,
          { i: { unitId: f.a2, level: 'TOWNSHIP_CHIEF', places: 4 } },
          deptA,
        ),
      );
      expect(again.setPostQuota).toMatchObject({ id: set.setPostQuota.id, places: 4 });
      const before = await tableFingerprint(t.ds, 'post_quota');
      const neg = await t.gql(QUOTA, { i: { unitId: f.a2, level: 'TOWNSHIP_CHIEF', places: -1 } }, deptA);
      expect(err(neg)).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining('places') });
      const out = await t.gql(QUOTA, { i: { unitId: f.b1, level: 'TOWNSHIP_CHIEF', places: 1 } }, deptA);
      expect(err(out)?.code).toBe('FORBIDDEN');
      const rank = await t.gql(QUOTA, { i: { unitId: f.a2, level: 'CLERK_1', places: 1 } }, deptA);
      expect(err(rank)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level' });
      expect(await tableFingerprint(t.ds, 'post_quota')).toEqual(before);
    });
  });

  describe('postings name their post', () => {
    const RECORD = `mutation($i: RecordPostingInput!) { recordPosting(input: $i) { id postId } }`;

    it('records a posting in a post of its unit, and refuses a post of another unit or an unknown one', async () => {
      const c = await makeCadre(t.ds);
      const base = {
        cadreId: c.id,
        unitId: f.countyA,
        title: '县长',
        level: 'COUNTY_CHIEF',
        startDate: '2026-12-01',
      };
      const other = await t.gql(RECORD, { i: { ...base, postId: p.deputyB } });
      expect(err(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postId' });
      const unknown = await t.gql(RECORD, { i: { ...base, postId: '00000000-0000-4000-8000-000000000000' } });
      expect(err(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'postId' });
      const res = ok(
        await t.gql<{ recordPosting: { postId: string } }>(RECORD, { i: { ...base, postId: p.chiefA } }),
      );
      expect(res.recordPosting.postId).toBe(p.chiefA);
      // The database holds the same rule for writes that bypass the service.
      const stray = await makePosting(t.ds, c.id, f.countyB, { kind: 'SECONDMENT', startDate: '2020-01-01' });
      await expect(
        t.ds.query(`UPDATE posting SET post_id = $1 WHERE id = $2`, [p.chiefA, stray.id]),
      ).rejects.toThrow(/posting_post_fkey/);
    });
  });
});
