import { Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, tableFingerprint } from '../factories';
import { appraise, rankingFixture, RankingFixture, townshipChief } from './candidates-fixture';
import { makeAchievement } from './flags-helpers';
import { postsFixture, PostsFixture } from './posts-fixture';

const AS_OF = '2026-11-27';
const ENTRY = `position cadreId stuck exceptional requiredDomainsMatched preferredDomainsMatched
  reasons { code params } blockers { code params } candidate { readiness score cadre { id } }`;
const SLATE = `query($p: ID!, $asOf: Date, $first: Int) { slate(postId: $p, asOf: $asOf, first: $first) {
  asOf policyVersion post { id title } candidates { ${ENTRY} } } }`;
const SAVE = `mutation($i: SaveSlateInput!) { saveSlate(input: $i) { id name asOf policyVersion post { id }
  members { cadreId position hidden snapshot decisions { decision } cadre { id } } } }`;
const DECIDE = `mutation($i: RecordSlateDecisionInput!) { recordSlateDecision(input: $i) {
  id decision effectiveDate postingId endedPostingId decidedBy } }`;

interface Entry {
  position: number;
  cadreId: string;
  stuck: boolean;
  exceptional: boolean;
  requiredDomainsMatched: string[];
  reasons: { code: string; params: Record<string, unknown> }[];
  blockers: { code: string; params: Record<string, unknown> }[];
  candidate: { readiness: string; score: number; cadre: { id: string } };
}

describe('slates', () => {
  let t: TestApp;
  let f: RankingFixture;
  let p: PostsFixture;
  let deptA: string;
  let deptB: string;
  let kim: string;
  let old: string;
  const err = (res: Pick<GqlResult, 'errors'>) => res.errors?.[0]?.extensions;
  const slate = async (postId: string, tok: string) =>
    ok(await t.gql<{ slate: { candidates: Entry[]; asOf: string } }>(SLATE, { p: postId, asOf: AS_OF }, tok))
      .slate;

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
    p = await postsFixture(t.ds, f);
    deptA = t.token({ role: Role.ORG_DEPT, unitId: f.countyA, sub: 'od-county-a' });
    deptB = t.token({ role: Role.ORG_DEPT, unitId: f.countyB, sub: 'od-county-b' });
    // A specialist in cultural tourism, chief only since 2025-06-01: eligible by exceptional promotion only.
    kim = await townshipChief(t.ds, {
      name: 'Kim',
      deputyUnit: f.a1,
      chiefUnit: f.a2,
      deputyFrom: '2019-06-01',
      chiefFrom: '2025-06-01',
    });
    await appraise(t.ds, kim, { 2023: 'EXCELLENT', 2024: 'EXCELLENT', 2025: 'EXCELLENT' });
    await makeAchievement(t.ds, kim, {
      domain: 'CULTURAL_TOURISM',
      recognitionLevel: 'PROVINCE',
      achievedOn: '2024-01-15',
    });
    // Chief of one township since 2015-06-01: past the ten-year limit on 2025-06-01 and ready.
    old = await townshipChief(t.ds, {
      name: 'Old',
      deputyUnit: f.a2,
      chiefUnit: f.a1,
      deputyFrom: '2011-06-01',
      chiefFrom: '2015-06-01',
    });
    await appraise(t.ds, old, { 2023: 'COMPETENT', 2024: 'COMPETENT', 2025: 'COMPETENT' });
  });
  afterAll(() => t.close());

  it('puts the required domain first, then stuck talent, marks exceptional candidates, each with reasons and blockers', async () => {
    const s = await slate(p.deputyA, deptA);
    expect(s.asOf).toBe(AS_OF);
    const byId = new Map(s.candidates.map((c) => [c.cadreId, c]));
    expect(new Set(s.candidates.slice(0, 2).map((c) => c.cadreId))).toEqual(new Set([f.ids.ann, kim]));
    expect(byId.get(f.ids.ann)).toMatchObject({
      exceptional: false,
      stuck: false,
      requiredDomainsMatched: ['CULTURAL_TOURISM'],
      candidate: { readiness: 'READY_NOW', cadre: { id: f.ids.ann } },
    });
    expect(byId.get(f.ids.ann)?.reasons.map((r) => r.code)).toEqual(['READY_NOW', 'REQUIRED_DOMAIN_MATCH']);
    expect(byId.get(kim)).toMatchObject({ exceptional: true, requiredDomainsMatched: ['CULTURAL_TOURISM'] });
    expect(byId.get(kim)?.reasons).toContainEqual({
      code: 'EXCEPTIONAL',
      params: { domain: 'CULTURAL_TOURISM' },
    });
    // Stuck talent leads those without the domain, which each carry the missing domain as a blocker.
    expect(s.candidates[2]).toMatchObject({ cadreId: old, stuck: true, position: 3 });
    expect(s.candidates[2].reasons).toContainEqual({
      code: 'STUCK_PAST_LIMIT',
      params: {
        limits: [
          { rule: 'LEVEL_LIMIT_SAME_AREA', limitDate: '2025-06-01' },
          { rule: 'POST_LIMIT_SAME_POST', limitDate: '2025-06-01' },
          { rule: 'TERM_LIMIT', limitDate: '2025-06-01' },
        ],
      },
    });
    expect(s.candidates[2].blockers).toContainEqual({
      code: 'MISSING_REQUIRED_DOMAIN',
      params: { domains: ['CULTURAL_TOURISM'] },
    });
    // Secondary education (Hal), a township deputy (Ivy) and county B's Eve are not on county A's slate.
    for (const id of [f.ids.hal, f.ids.ivy, f.ids.eve]) expect(byId.has(id)).toBe(false);
    expect(s.candidates.map((c) => c.position)).toEqual(s.candidates.map((_, i) => i + 1));
    // A READY_SOON candidate shows the unmet requirement with its date.
    const soon = s.candidates.find((c) => c.candidate.readiness === 'READY_SOON');
    expect(soon?.blockers.some((b) => b.code === 'REQUIREMENT_UNMET' && b.params.dateMet)).toBe(true);
  });

  it('refuses an unknown post (NOT_FOUND) and a post outside the jurisdiction (FORBIDDEN)', async () => {
    const unknown = await t.gql(SLATE, { p: '00000000-0000-4000-8000-000000000000', asOf: AS_OF }, deptA);
    expect(err(unknown)).toMatchObject({ code: 'NOT_FOUND' });
    expect(err(await t.gql(SLATE, { p: p.deputyB, asOf: AS_OF }, deptA))?.code).toBe('FORBIDDEN');
    expect(err(await t.gql(SLATE, { p: p.deputyA, asOf: AS_OF, first: 0 }, deptA))?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  describe('saveSlate and recordSlateDecision', () => {
    let slateId: string;

    it('saves the slate with every candidate’s snapshot, once per idempotency key, audited', async () => {
      const i = {
        postId: p.deputyA,
        name: '2026年12月 副县长人选',
        asOf: AS_OF,
        first: 5,
        idempotencyKey: 'slate-1',
      };
      const saved = ok(
        await t.gql<{
          saveSlate: {
            id: string;
            asOf: string;
            members: { cadreId: string; position: number; snapshot: Record<string, unknown> }[];
          };
        }>(SAVE, { i }, deptA),
      ).saveSlate;
      slateId = saved.id;
      expect(saved.asOf).toBe(AS_OF);
      expect(saved.members).toHaveLength(5);
      expect(saved.members[2]).toMatchObject({
        cadreId: old,
        position: 3,
        snapshot: { asOf: AS_OF, stuck: true, exceptional: false, readiness: 'READY_NOW' },
      });
      const again = ok(await t.gql<{ saveSlate: { id: string } }>(SAVE, { i }, deptA)).saveSlate;
      expect(again.id).toBe(slateId);
      const audit = await t.ds.query<{ entity: string; actor_sub: string }[]>(
        `SELECT DISTINCT entity, actor_sub FROM audit_log WHERE entity IN ('slate', 'slate_member') ORDER BY entity`,
      );
      expect(audit).toEqual([
        { entity: 'slate', actor_sub: 'od-county-a' },
        { entity: 'slate_member', actor_sub: 'od-county-a' },
      ]);
    });

    it('refuses a decision on a cadre not on the slate, on an unknown slate, or by another department', async () => {
      const before = await tableFingerprint(t.ds, 'posting');
      const base = { slateId, cadreId: f.ids.hal, decision: 'APPOINTED', effectiveDate: '2026-12-01' };
      expect(err(await t.gql(DECIDE, { i: base }, deptA))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.cadreId',
      });
      const unknown = { ...base, slateId: '00000000-0000-4000-8000-000000000000', cadreId: f.ids.ann };
      expect(err(await t.gql(DECIDE, { i: unknown }, deptA))?.code).toBe('NOT_FOUND');
      expect(err(await t.gql(DECIDE, { i: { ...base, cadreId: f.ids.ann } }, deptB))?.code).toBe('FORBIDDEN');
      const badDate = { ...base, cadreId: f.ids.ann, effectiveDate: '2026-13-01' };
      expect(err(await t.gql(DECIDE, { i: badDate }, deptA))?.code).toBe('BAD_USER_INPUT');
      expect(await tableFingerprint(t.ds, 'posting')).toEqual(before);
    });

    it('APPOINTED ends the old posting and fills the post in one transaction; the vacancy closes', async () => {
      const [old] = await t.ds.query<{ id: string }[]>(
        `SELECT id FROM posting WHERE cadre_id = $1 AND end_date IS NULL`,
        [f.ids.ann],
      );
      const d = ok(
        await t.gql<{
          recordSlateDecision: { postingId: string; endedPostingId: string; decidedBy: string };
        }>(
          DECIDE,
          {
            i: {
              slateId,
              cadreId: f.ids.ann,
              decision: 'APPOINTED',
              effectiveDate: '2026-12-01',
              note: '常委会研究决定',
            },
          },
          deptA,
        ),
      ).recordSlateDecision;
      expect(d).toMatchObject({ endedPostingId: old.id, decidedBy: 'od-county-a' });
      const postings = await t.ds.query(
        `SELECT title, level, start_date::text, end_date::text, post_id FROM posting WHERE cadre_id = $1 AND start_date >= '2016-12-01' ORDER BY start_date`,
        [f.ids.ann],
      );
      expect(postings).toEqual([
        {
          title: '镇长',
          level: 'TOWNSHIP_CHIEF',
          start_date: '2016-12-01',
          end_date: '2026-11-30',
          post_id: null,
        },
        {
          title: '副县长',
          level: 'COUNTY_DEPUTY',
          start_date: '2026-12-01',
          end_date: null,
          post_id: p.deputyA,
        },
      ]);
      const v = ok(
        await t.gql<{ vacancies: { edges: { node: { holders: number; vacant: number } }[] } }>(
          `query($u: ID) { vacancies(unitId: $u, asOf: "2026-12-01") { edges { node { holders vacant } } } }`,
          { u: f.countyA },
          deptA,
        ),
      ).vacancies;
      expect(v.edges.map((e) => e.node)).toEqual([{ holders: 1, vacant: 1 }]);
      // Appointed once: a second APPOINTED is a conflict and writes nothing.
      const before = await tableFingerprint(t.ds, 'posting');
      const twice = await t.gql(
        DECIDE,
        { i: { slateId, cadreId: f.ids.ann, decision: 'APPOINTED', effectiveDate: '2026-12-01' } },
        deptA,
      );
      expect(err(twice)?.code).toBe('CONFLICT');
      expect(await tableFingerprint(t.ds, 'posting')).toEqual(before);
    });

    it('reads the saved slate back with its decisions', async () => {
      const s = ok(
        await t.gql<{ savedSlate: { members: { cadreId: string; decisions: { decision: string }[] }[] } }>(
          `query($id: ID!) { savedSlate(id: $id) { members { cadreId decisions { decision } } } }`,
          { id: slateId },
          deptA,
        ),
      ).savedSlate;
      expect(s.members.find((m) => m.cadreId === f.ids.ann)?.decisions).toEqual([{ decision: 'APPOINTED' }]);
      const other = await t.gql(`query($id: ID!) { savedSlate(id: $id) { id } }`, { id: slateId }, deptB);
      expect(err(other)?.code).toBe('FORBIDDEN');
    });
  });

  it('hides the members a department may not read: a city slate for a county post, read by the county', async () => {
    const city = t.token({ role: Role.ORG_DEPT, unitId: f.city, sub: 'od-city' });
    // Only ever posted in county B (Eve was a deputy in county A, so county A may read her).
    const lin = await townshipChief(t.ds, {
      name: 'Lin',
      deputyUnit: f.b1,
      chiefUnit: f.b1,
      deputyFrom: '2012-12-01',
      chiefFrom: '2016-12-01',
    });
    await appraise(t.ds, lin, { 2023: 'COMPETENT', 2024: 'COMPETENT', 2025: 'COMPETENT' });
    const saved = ok(
      await t.gql<{ saveSlate: { id: string; members: { cadreId: string }[] } }>(
        SAVE,
        { i: { postId: p.deputyA, name: '市委组织部 副县长人选', asOf: AS_OF } },
        city,
      ),
    ).saveSlate;
    expect(saved.members.map((m) => m.cadreId)).toContain(lin);
    const read = ok(
      await t.gql<{
        post: {
          slates: {
            id: string;
            members: { cadreId: string; hidden: boolean; snapshot: unknown; cadre: unknown }[];
          }[];
        };
      }>(
        `query($id: ID!) { post(id: $id) { slates { id members { cadreId hidden snapshot cadre { id } } } } }`,
        { id: p.deputyA },
        deptA,
      ),
    ).post;
    const members = read.slates.find((x) => x.id === saved.id)?.members ?? [];
    expect(members.find((m) => m.cadreId === lin)).toEqual({
      cadreId: lin,
      hidden: true,
      snapshot: null,
      cadre: null,
    });
    expect(members.find((m) => m.cadreId === f.ids.ann)).toMatchObject({
      hidden: false,
      cadre: { id: f.ids.ann },
    });
  });

  it('a slate for a post outside any candidate’s reach is empty, not an error', async () => {
    const c = await makeCadre(t.ds);
    await makePosting(t.ds, c.id, f.a1, { level: 'TOWNSHIP_DEPUTY', startDate: '2024-01-01' });
    const s = await slate(p.chiefA, deptA);
    expect(s.candidates).toEqual([]);
  });
});
