import { Role } from '../../src/auth/caller';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, ok, TestApp } from '../app-factory';

/** The demo's date (DOMAIN.md cases). */
const AS_OF = '2026-11-27';
const SLATE = `query($p: ID!, $u: ID, $locale: String) {
  slate(postId: $p, asOf: "${AS_OF}", first: 50, unitId: $u, locale: $locale) { candidates {
    cadreId blockers { code params }
    avoidance { policyVersion clear breaches { code params message } } } } }`;
const SAVE = `mutation($i: SaveSlateInput!) { saveSlate(input: $i) { id members { cadreId snapshot } } }`;
const DECIDE = `mutation($i: RecordSlateDecisionInput!) { recordSlateDecision(input: $i) { id decision postingId } }`;

interface Candidate {
  cadreId: string;
  blockers: { code: string; params: Record<string, unknown> }[];
  avoidance: {
    policyVersion: number | null;
    clear: boolean;
    breaches: { code: string; params: Record<string, unknown>; message: string }[];
  };
}

/**
 * The avoidance result on slates and recorded appointments (issue #19), on the demo: in 白马县公安局 the head
 * 马建国 (DEMO-AV1) has his nephew 马志远 (DEMO-AV2) as deputy. A second leadership post there (政委, TOWNSHIP_CHIEF)
 * would put the nephew in his uncle's team: RELATIVE_SAME_TEAM.
 */
describe('slates: the avoidance result of each candidate, and appointments that would breach it', () => {
  let t: TestApp;
  let dept: string;
  let nephew: string;
  let county: string;
  let post: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    const [{ id: city }] = await t.ds.query<{ id: string }[]>(`SELECT id FROM unit WHERE code = 'YL'`);
    [{ id: county }] = await t.ds.query<{ id: string }[]>(`SELECT id FROM unit WHERE code = 'YL-BM'`);
    const [{ id: bureau }] = await t.ds.query<{ id: string }[]>(
      `SELECT id FROM unit WHERE code = 'YL-BM-GAJ'`,
    );
    [{ id: nephew }] = await t.ds.query<{ id: string }[]>(
      `SELECT id FROM cadre WHERE external_id = 'DEMO-AV2'`,
    );
    dept = t.token({ role: Role.ORG_DEPT, unitId: city, sub: 'yl-od' });
    post = ok(
      await t.gql<{ createPost: { id: string } }>(
        `mutation($i: CreatePostInput!) { createPost(input: $i) { id } }`,
        {
          i: {
            unitId: bureau,
            title: '政委',
            level: 'TOWNSHIP_CHIEF',
            approvedHolders: 1,
            establishedOn: '2026-01-01',
          },
        },
        dept,
      ),
    ).createPost.id;
  });
  afterAll(() => t.close());

  it('gives every candidate its avoidance result in one statement, a breach as a blocker, in the locale', async () => {
    t.queries.reset();
    const zh = ok(
      await t.gql<{ slate: { candidates: Candidate[] } }>(SLATE, { p: post, u: county }, dept),
    ).slate;
    expect(t.queries.queries.filter((q) => q.includes('homeAreaPosts')).length).toBe(1);
    expect(zh.candidates.length).toBeGreaterThan(1);
    const ma = zh.candidates.find((c) => c.cadreId === nephew);
    expect(ma?.avoidance).toMatchObject({ clear: false, breaches: [{ code: 'RELATIVE_SAME_TEAM' }] });
    expect(ma?.avoidance.policyVersion).toEqual(expect.any(Number));
    expect(ma?.avoidance.breaches[0].params).toMatchObject({ relativeName: '马建国', relation: '侄子' });
    expect(ma?.avoidance.breaches[0].message).toBe('回避：与近亲属马建国（侄子）在同一单位领导班子任职。');
    expect(ma?.blockers).toContainEqual({
      code: 'AVOIDANCE_BREACH',
      params: expect.objectContaining({ breach: 'RELATIVE_SAME_TEAM', relativeName: '马建国' }),
    });
    const others = zh.candidates.filter((c) => c.cadreId !== nephew);
    for (const c of others) {
      expect(c.avoidance).toMatchObject({ clear: true, breaches: [] });
      expect(c.blockers.some((b) => b.code === 'AVOIDANCE_BREACH')).toBe(false);
    }
    const en = ok(
      await t.gql<{ slate: { candidates: Candidate[] } }>(SLATE, { p: post, u: county, locale: 'en' }, dept),
    ).slate;
    expect(en.candidates.find((c) => c.cadreId === nephew)?.avoidance.breaches[0].message).toBe(
      'Avoidance: a close relative (马建国, nephew or niece) in the same leadership team.',
    );
  }, 600_000);

  it('keeps the avoidance result in the saved slate, and refuses the appointment with the breach, recording nothing', async () => {
    const saved = ok(
      await t.gql<{
        saveSlate: { id: string; members: { cadreId: string; snapshot: Record<string, unknown> }[] };
      }>(
        SAVE,
        { i: { postId: post, name: '2026年12月 政委 人选', asOf: AS_OF, first: 50, unitId: county } },
        dept,
      ),
    ).saveSlate;
    const member = saved.members.find((m) => m.cadreId === nephew);
    expect(member?.snapshot.avoidance).toMatchObject({
      clear: false,
      breaches: [{ code: 'RELATIVE_SAME_TEAM' }],
    });
    const postings = `SELECT count(*)::int AS n FROM posting WHERE cadre_id = $1`;
    const [before] = await t.ds.query<{ n: number }[]>(postings, [nephew]);
    const res = await t.gql(
      DECIDE,
      { i: { slateId: saved.id, cadreId: nephew, decision: 'APPOINTED', effectiveDate: '2026-12-01' } },
      dept,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.cadreId',
      reason: 'AVOIDANCE_BREACH',
      breaches: [expect.objectContaining({ code: 'RELATIVE_SAME_TEAM' })],
    });
    expect(res.errors?.[0].message).toBe(
      '不能任命：将违反任职回避规定。回避：与近亲属马建国（侄子）在同一单位领导班子任职。',
    );
    const [after] = await t.ds.query<{ n: number }[]>(postings, [nephew]);
    expect(after).toEqual(before);
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM slate_decision WHERE slate_id = $1`,
      [saved.id],
    );
    expect(n).toBe(0);
    // A decision without a posting is not an appointment: recorded as asked.
    const deferred = ok(
      await t.gql<{ recordSlateDecision: { decision: string; postingId: string | null } }>(
        DECIDE,
        { i: { slateId: saved.id, cadreId: nephew, decision: 'DEFERRED', effectiveDate: '2026-12-01' } },
        dept,
      ),
    ).recordSlateDecision;
    expect(deferred).toEqual({ decision: 'DEFERRED', postingId: null, id: expect.any(String) });
  }, 600_000);

  it('appoints a candidate with nothing to avoid', async () => {
    const zh = ok(
      await t.gql<{ slate: { candidates: Candidate[] } }>(SLATE, { p: post, u: county }, dept),
    ).slate;
    const clear = zh.candidates.find((c) => c.avoidance.clear && c.blockers.length === 0);
    expect(clear).toBeDefined();
    const saved = ok(
      await t.gql<{ saveSlate: { id: string } }>(
        SAVE,
        { i: { postId: post, name: '政委 人选（二）', asOf: AS_OF, first: 50, unitId: county } },
        dept,
      ),
    ).saveSlate;
    const d = ok(
      await t.gql<{ recordSlateDecision: { decision: string; postingId: string | null } }>(
        DECIDE,
        {
          i: {
            slateId: saved.id,
            cadreId: clear!.cadreId,
            decision: 'APPOINTED',
            effectiveDate: '2026-12-01',
          },
        },
        dept,
      ),
    ).recordSlateDecision;
    expect(d.postingId).toEqual(expect.any(String));
  }, 600_000);
});
