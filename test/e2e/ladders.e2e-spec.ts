import { LABELS, labelOf } from '../../src/i18n/labels';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { allPages, CandidateOut, promotion, PROMOTION } from './candidates-helpers';

interface Req {
  code: string;
  met: boolean;
  required: number | string | null;
  unit: string;
  source: string;
  dateMet: string | null;
}
interface Pathway {
  currentLevel: string | null;
  ladder: string | null;
  nextLevel: string | null;
  eligible: boolean;
  estimatedEligibleDate: string | null;
  requirements: Req[];
}

const FIELDS = `currentLevel ladder nextLevel eligible estimatedEligibleDate
  requirements { code met required unit source dateMet }`;
const PATHWAYS = `query($id: ID!, $asOf: Date) { cadre(id: $id) {
  pathway(asOf: $asOf) { ${FIELDS} } pathways(asOf: $asOf) { ${FIELDS} } } }`;
const AS_OF = '2026-11-27';

/** 职务与职级并行 (#15): the rank ladder beside the leadership post, over HTTP. */
describe('parallel ladders: Cadre.pathways and rank candidates', () => {
  let t: TestApp;
  let township: string;

  const read = async (id: string, asOf = AS_OF) =>
    ok(await t.gql<{ cadre: { pathway: Pathway | null; pathways: Pathway[] } }>(PATHWAYS, { id, asOf }))
      .cadre;
  const rank = (p: Pathway[]) => p.find((x) => x.ladder === 'RANK');
  const time = (p: Pathway | undefined) => p?.requirements.find((r) => r.code === 'PROMO_TIME_IN_LEVEL');
  const demo = async (externalId: string): Promise<string> => {
    const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM cadre WHERE external_id = $1`, [
      externalId,
    ]);
    return row.id;
  };
  const parentOf = async (unit: string): Promise<string> => {
    const [row]: { parent_id: string }[] = await t.ds.query(`SELECT parent_id FROM unit WHERE id = $1`, [
      unit,
    ]);
    return row.parent_id;
  };
  const grant = (cadreId: string, level: string, start: string) =>
    t.ds.query(`INSERT INTO rank_grant (cadre_id, level, start_date) VALUES ($1, $2, $3)`, [
      cadreId,
      level,
      start,
    ]);
  /** A township deputy since `start` with COMPETENT years, no rank grant unless given. */
  async function deputy(start: string): Promise<string> {
    const c = await makeCadre(t.ds, { workStartDate: '2012-08-01' });
    await makePosting(t.ds, c.id, township, { level: 'TOWNSHIP_DEPUTY', startDate: start });
    for (const year of [2023, 2024, 2025])
      await t.ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, $2, 'COMPETENT')`, [
        c.id,
        year,
      ]);
    return c.id;
  }
  /** A township chief in `unit` since 2019 (in the township before), COMPETENT years, in the Party since 2024-03-01. */
  async function partyNovice(unit: string): Promise<string> {
    const c = await makeCadre(t.ds, { workStartDate: '2008-07-01' });
    await makePosting(t.ds, c.id, township, { startDate: '2015-01-01', endDate: '2018-12-31' });
    await makePosting(t.ds, c.id, unit, { level: 'TOWNSHIP_CHIEF', startDate: '2019-01-01' });
    for (const year of [2023, 2024, 2025])
      await t.ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, $2, 'COMPETENT')`, [
        c.id,
        year,
      ]);
    await t.asOwner(`UPDATE cadre SET party_join_date = '2024-03-01' WHERE id = $1`, [c.id]);
    return c.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    const county = await makeUnit(t.ds, { level: 'COUNTY' });
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county.id })).id;
  });
  afterAll(() => t.close());

  it('DEMO-009, township deputy for 2.5 years holding PRINCIPAL_STAFF_4, is a PRINCIPAL_STAFF_3 candidate', async () => {
    const all = await allPages((after) =>
      promotion(t, { targetLevel: 'PRINCIPAL_STAFF_3', asOf: AS_OF }, { first: 50, after }),
    );
    const he = all.find((c) => c.cadre.externalId === 'DEMO-009');
    expect(he).toMatchObject({
      currentLevel: 'PRINCIPAL_STAFF_4',
      nextLevel: 'PRINCIPAL_STAFF_3',
      readiness: 'READY_NOW',
      blockers: [],
    });
    expect(he?.reasons[0]).toMatch(/^符合晋升三级主任科员的全部条件/);
    expect(all.every((c) => c.currentLevel === 'PRINCIPAL_STAFF_4' && c.readiness === 'READY_NOW')).toBe(
      true,
    );
  });

  it('DEMO-009 has both ladders on pathways; the deprecated pathway still gives the post’s', async () => {
    const c = await read(await demo('DEMO-009'));
    expect(c.pathways.map((p) => [p.ladder, p.currentLevel, p.nextLevel, p.eligible])).toEqual([
      ['LEADERSHIP', 'TOWNSHIP_DEPUTY', 'TOWNSHIP_CHIEF', true],
      ['RANK', 'PRINCIPAL_STAFF_4', 'PRINCIPAL_STAFF_3', true],
    ]);
    expect(c.pathway).toEqual(c.pathways[0]);
    // The grant (2020-06-01) is older than the post, so time at the rank runs from it.
    expect(time(rank(c.pathways))).toMatchObject({ met: true, dateMet: '2022-06-01' });
  });

  it('a township deputy without a grant holds PRINCIPAL_STAFF_4 by correspondence; two years qualify for PRINCIPAL_STAFF_3', async () => {
    const id = await deputy('2024-05-27');
    for (const [asOf, met] of [
      ['2026-05-26', false],
      ['2026-05-27', true],
    ] as const) {
      const r = rank((await read(id, asOf)).pathways);
      expect(r).toMatchObject({
        currentLevel: 'PRINCIPAL_STAFF_4',
        nextLevel: 'PRINCIPAL_STAFF_3',
        eligible: met,
      });
      expect(time(r)).toMatchObject({
        met,
        required: 2,
        dateMet: '2026-05-27',
        unit: 'years at PRINCIPAL_STAFF_4 (time as TOWNSHIP_DEPUTY counted)',
      });
      expect(time(r)?.source).toContain('公务员职务与职级并行规定 (2019)');
    }
    const before = await allPages((after) =>
      promotion(
        t,
        { targetLevel: 'PRINCIPAL_STAFF_3', asOf: '2026-05-26', includeNearlyEligible: true },
        { first: 100, after },
      ),
    );
    expect(before.find((c) => c.cadreId === id)).toMatchObject({
      readiness: 'READY_SOON',
      eligibleFrom: '2026-05-27',
    });
    const on = await allPages((after) =>
      promotion(t, { targetLevel: 'PRINCIPAL_STAFF_3', asOf: '2026-05-27' }, { first: 100, after }),
    );
    expect(on.find((c) => c.cadreId === id)).toMatchObject({
      readiness: 'READY_NOW',
      currentLevel: 'PRINCIPAL_STAFF_4',
    });
  });

  it('rank quotas (职级职数): the list shows the free places at the target rank in the candidate’s unit', async () => {
    const demo9 = await demo('DEMO-009');
    const [{ unit_id: unit }]: { unit_id: string }[] = await t.ds.query(
      `SELECT unit_id FROM posting WHERE cadre_id = $1 AND end_date IS NULL`,
      [demo9],
    );
    const places = async () => {
      const res = ok(
        await t.gql<{ promotionCandidates: { edges: { node: { cadreId: string; rankPlaces: unknown } }[] } }>(
          `query($input: PromotionCandidatesInput!) { promotionCandidates(input: $input, first: 100) {
             edges { node { cadreId rankPlaces { quota held free } } } } }`,
          { input: { targetLevel: 'PRINCIPAL_STAFF_3', asOf: AS_OF } },
        ),
      ).promotionCandidates.edges.map((e) => e.node);
      return res;
    };
    expect((await places()).find((c) => c.cadreId === demo9)?.rankPlaces).toBeNull();
    await t.ds.query(`INSERT INTO rank_quota (unit_id, level, places) VALUES ($1, 'PRINCIPAL_STAFF_3', 3)`, [
      unit,
    ]);
    const held = async (): Promise<number> => {
      const [{ n }]: { n: number }[] = await t.ds.query(
        `SELECT count(DISTINCT p.cadre_id)::int AS n FROM posting p
          WHERE p.unit_id = $1 AND p.kind = 'REGULAR' AND p.period @> $2::date
            AND (p.level = 'PRINCIPAL_STAFF_3' OR EXISTS (SELECT 1 FROM rank_grant g WHERE g.cadre_id = p.cadre_id
                 AND g.period @> $2::date AND g.level = 'PRINCIPAL_STAFF_3'))`,
        [unit, AS_OF],
      );
      return n;
    };
    const before = await held();
    expect((await places()).find((c) => c.cadreId === demo9)?.rankPlaces).toEqual({
      quota: 3,
      held: before,
      free: Math.max(3 - before, 0),
    });
    // One more holder by grant in the unit takes a place (a leader's rank by correspondence takes none).
    const holder = await makeCadre(t.ds);
    await makePosting(t.ds, holder.id, unit, { startDate: '2020-01-01' });
    await grant(holder.id, 'PRINCIPAL_STAFF_3', '2023-01-01');
    const listed = await places();
    expect(listed.find((c) => c.cadreId === demo9)?.rankPlaces).toEqual({
      quota: 3,
      held: before + 1,
      free: Math.max(2 - before, 0),
    });
    // Another unit without a quota: null.
    expect(listed.filter((c) => c.rankPlaces === null).length).toBeGreaterThan(0);
    // A quota is for a rank: a leadership level is refused by the database.
    await expect(
      t.ds.query(`INSERT INTO rank_quota (unit_id, level, places) VALUES ($1, 'TOWNSHIP_CHIEF', 1)`, [unit]),
    ).rejects.toThrow(/rank_quota_level_fkey/);
    await expect(
      t.ds.query(`INSERT INTO rank_quota (unit_id, level, places) VALUES ($1, 'PRINCIPAL_STAFF_2', -1)`, [
        unit,
      ]),
    ).rejects.toThrow(/rank_quota_places_check/);
  });

  it('a grant above the corresponding rank stands; post time does not count toward the next one', async () => {
    const id = await deputy('2022-01-10');
    await grant(id, 'PRINCIPAL_STAFF_3', '2025-03-01');
    const r = rank((await read(id)).pathways);
    expect(r).toMatchObject({
      currentLevel: 'PRINCIPAL_STAFF_3',
      nextLevel: 'PRINCIPAL_STAFF_2',
      eligible: false,
    });
    expect(time(r)).toMatchObject({ unit: 'years at PRINCIPAL_STAFF_3', dateMet: '2027-03-01' });
    const list = await allPages((after) =>
      promotion(t, { targetLevel: 'PRINCIPAL_STAFF_3', asOf: AS_OF }, { first: 100, after }),
    );
    expect(list.some((c) => c.cadreId === id)).toBe(false);
  });

  it('a cadre without post or rank has no pathways', async () => {
    const c = await makeCadre(t.ds);
    expect((await read(c.id)).pathways).toEqual([]);
  });

  it.each([
    ['PRINCIPAL_STAFF_9', 'a code on no ladder'],
    ['CLERK_2', 'the bottom of the rank ladder: nobody is promoted to it'],
  ])('targetLevel %s (%s) is a clear error with the field', async (targetLevel) => {
    const res = await t.gql(PROMOTION, { input: { targetLevel, asOf: AS_OF } });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetLevel' });
    // Named by its Chinese name where the dictionary has one (the reader's locale).
    expect(res.errors?.[0].message).toContain(labelOf(LABELS['zh-CN'].level, targetLevel));
  });

  describe('exceptional (破格) lists: PROMO_EXCEPTIONAL, art. 9', () => {
    const ex = (input: Record<string, unknown>) =>
      allPages((after) =>
        promotion(
          t,
          { targetLevel: 'COUNTY_CHIEF', domain: 'CULTURAL_TOURISM', ...input },
          { first: 100, after },
        ),
      );
    let star: string;

    beforeAll(async () => {
      // A county deputy promoted on 2025-03-01 after a township post, with one VERIFIED province-level
      // CULTURAL_TOURISM achievement (SPECIALIST_STRENGTH); one post in the band and 1 year at the level.
      const c = await makeCadre(t.ds, { workStartDate: '2010-08-01' });
      star = c.id;
      await makePosting(t.ds, star, township, {
        level: 'TOWNSHIP_CHIEF',
        startDate: '2019-03-01',
        endDate: '2025-02-28',
      });
      const county = await parentOf(township);
      await makePosting(t.ds, star, county, { level: 'COUNTY_DEPUTY', startDate: '2025-03-01' });
      for (const year of [2023, 2024, 2025])
        await t.ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, $2, 'EXCELLENT')`, [
          star,
          year,
        ]);
      await t.ds.query(
        `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level, verification_status,
                                  verified_by, verified_at)
         VALUES ($1, '冰雪旅游短视频推介', '2024-01-15', 'CULTURAL_TOURISM', 'PROVINCE', 'VERIFIED', 'org',
                 '2024-01-20T09:00:00+08:00')`,
        [star],
      );
    });

    it('a specialist is listed a year after the last promotion to the day, not the day before', async () => {
      const before = await ex({ exceptional: true, asOf: '2026-02-28', includeNearlyEligible: true });
      expect(before.find((c) => c.cadreId === star)).toMatchObject({
        readiness: 'READY_SOON',
        eligibleFrom: '2026-03-01',
        blockers: [
          { code: 'PROMO_EXCEPTIONAL', met: false, dateMet: '2026-03-01' },
          { code: 'PROMO_TRAINING', met: false, dateMet: null },
        ],
      });
      const on = await ex({ exceptional: true, asOf: '2026-03-01' });
      const c = on.find((x) => x.cadreId === star);
      expect(c).toMatchObject({
        currentLevel: 'COUNTY_DEPUTY',
        nextLevel: 'COUNTY_CHIEF',
        readiness: 'READY_NOW',
      });
      // Soft: the induction training is shown, not a bar.
      expect(c?.blockers.map((b) => b.code)).toEqual(['PROMO_TRAINING']);
      expect(on.every((x) => x.readiness === 'READY_NOW')).toBe(true);
    });

    it('the regular list keeps every requirement: not listed; nor for a post in another domain', async () => {
      expect(
        (await ex({ asOf: '2026-03-01', includeNearlyEligible: true })).some((c) => c.cadreId === star),
      ).toBe(false);
      const transport = await ex({ exceptional: true, domain: 'TRANSPORT', asOf: '2026-03-01' });
      expect(transport.some((c) => c.cadreId === star)).toBe(false);
    });

    it.each([
      [{ targetLevel: 'COUNTY_CHIEF', exceptional: true }, 'input.domain'],
      [
        { targetLevel: 'PRINCIPAL_STAFF_3', exceptional: true, domain: 'CULTURAL_TOURISM' },
        'input.exceptional',
      ],
    ])('bad input %o is a clear error naming %s', async (input, field) => {
      const res = await t.gql(PROMOTION, { input: { ...input, asOf: AS_OF } });
      expect(res.data).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  it('PROMO_PARTY_AGE: a township Party secretary needs 3 years in the Party for a county post', async () => {
    const party = (
      await makeUnit(t.ds, {
        level: 'TOWNSHIP',
        kind: 'PARTY_COMMITTEE',
        parentId: await parentOf(township),
      })
    ).id;
    const c = { id: await partyNovice(party) };

    const leadership = (await read(c.id)).pathways[0];
    expect(leadership).toMatchObject({
      nextLevel: 'COUNTY_DEPUTY',
      eligible: false,
      estimatedEligibleDate: '2027-03-01',
    });
    expect(leadership.requirements.find((r) => r.code === 'PROMO_PARTY_AGE')).toMatchObject({
      met: false,
      required: 3,
      dateMet: '2027-03-01',
      unit: 'years of Party membership',
    });
    const list = (input: Record<string, unknown>) =>
      allPages((after) =>
        promotion(
          t,
          { targetLevel: 'COUNTY_DEPUTY', asOf: AS_OF, includeNearlyEligible: true, ...input },
          { first: 100, after },
        ),
      );
    expect((await list({})).find((x) => x.cadreId === c.id)).toMatchObject({
      readiness: 'READY_SOON',
      eligibleFrom: '2027-03-01',
    });
    // The department fills a government post: Party age does not apply.
    expect((await list({ partyPost: false })).find((x) => x.cadreId === c.id)).toMatchObject({
      readiness: 'READY_NOW',
    });
    expect((await read(c.id, '2027-03-01')).pathways[0].eligible).toBe(true);
  });

  it('a Party post said yes or no: each cadre judged by it, and the totals and facets those of the list', async () => {
    // A government township chief (the spans judge by the unit: no Party post), in the Party under 3 years.
    const g = { id: await partyNovice(township) };
    const input = { targetLevel: 'COUNTY_DEPUTY', asOf: AS_OF, includeNearlyEligible: true };
    // Pages of 2, so the pages of a list read in parts follow one cursor across them.
    const list = async (partyPost?: boolean) => {
      const head = await promotion(t, { ...input, partyPost }, { first: 2 });
      const items = await allPages((after) => promotion(t, { ...input, partyPost }, { first: 2, after }));
      return { head, items };
    };
    const byWord = { unit: await list(), yes: await list(true), no: await list(false) };
    expect(byWord.unit.items.find((x) => x.cadreId === g.id)).toMatchObject({ readiness: 'READY_NOW' });
    expect(byWord.yes.items.find((x) => x.cadreId === g.id)).toMatchObject({
      readiness: 'READY_SOON',
      eligibleFrom: '2027-03-01',
    });
    expect(byWord.no.items.find((x) => x.cadreId === g.id)).toMatchObject({ readiness: 'READY_NOW' });
    for (const { head, items } of Object.values(byWord)) {
      expect(items.length).toBeGreaterThan(2);
      expect(head.totalCount).toBe(items.length);
      expect(new Set(items.map((x) => x.cadreId)).size).toBe(items.length);
      const order = [...items].sort((a, b) => b.score - a.score || (a.cadreId < b.cadreId ? -1 : 1));
      expect(items.map((x) => x.cadreId)).toEqual(order.map((x) => x.cadreId));
      const counts = (key: (x: CandidateOut) => string) => {
        const n = new Map<string, number>();
        for (const x of items) n.set(key(x), (n.get(key(x)) ?? 0) + 1);
        return n;
      };
      const facet = (rows: { key: string; count: number }[]) => new Map(rows.map((r) => [r.key, r.count]));
      expect(facet(head.facets.byReadiness)).toEqual(counts((x) => x.readiness ?? 'NONE'));
      expect(facet(head.facets.byLevel)).toEqual(counts((x) => x.currentLevel));
      expect([...head.facets.byReadiness].map((r) => r.count)).toEqual(
        [...head.facets.byReadiness].map((r) => r.count).sort((a, b) => b - a),
      );
      expect(head.facets.byUnit.reduce((n, r) => n + r.count, 0)).toBe(items.length);
    }
  });

  it('under a version stored before these rules (as deployed databases hold), they are simply not in force', async () => {
    const { RANK_FROM_POST: _r, PROMO_TRAINING: _t, PROMO_EXCEPTIONAL: _e, ...rules } = DEFAULT_POLICY.rules;
    const old = {
      ...DEFAULT_POLICY,
      rules: {
        ...rules,
        PROMO_NO_RECENT: { id: 'PROMO_NO_RECENT', sentence: 'old', source: 'old', params: { years: 1 } },
      },
    };
    await t.asOwner(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by)
       SELECT max(version) + 1, '2098-01-01', $1, 'before issue 15', 'test' FROM policy_version`,
      [JSON.stringify(old)],
    );
    const [{ inserted }]: { inserted: number }[] = await t.ds.query(
      `SELECT max(version)::int AS inserted FROM policy_version`,
    );
    const asOf = '2098-06-01';
    const policy = ok(
      await t.gql(`query($d: Date) { policy(asOf: $d) { version rules { id } } }`, { d: asOf }),
    ).policy as { version: number; rules: { id: string }[] };
    expect(policy.version).toBe(inserted);
    expect(policy.rules.map((r) => r.id)).not.toEqual(
      expect.arrayContaining(['RANK_FROM_POST', 'PROMO_TRAINING', 'PROMO_EXCEPTIONAL']),
    );
    // No correspondence: a township deputy without a grant has no rank pathway; no PROMO_TRAINING either.
    const c = await read(await deputy('2090-01-01'), asOf);
    expect(c.pathways.map((p) => p.ladder)).toEqual(['LEADERSHIP']);
    expect(c.pathways[0].requirements.map((r) => r.code)).not.toContain('PROMO_TRAINING');
    const res = await t.gql(PROMOTION, {
      input: { targetLevel: 'COUNTY_CHIEF', exceptional: true, domain: 'CULTURAL_TOURISM', asOf },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.exceptional' });
  });
});
