import { Role } from '../../src/auth/caller';
import { createTestApp, TestApp } from '../app-factory';
import { allPages, CandidateOut, promotion } from './candidates-helpers';
import { appraise, rankingFixture, RankingFixture, townshipChief } from './candidates-fixture';

const AS_OF = '2026-11-27';
const TARGET = { targetLevel: 'COUNTY_DEPUTY', asOf: AS_OF };

describe('promotionCandidates', () => {
  let t: TestApp;
  let f: RankingFixture;
  const names = (list: CandidateOut[]) => list.map((c) => c.cadre.name);
  const byId = (a: string, b: string) => (a < b ? -1 : 1);

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
  });
  afterAll(() => t.close());

  it('ranks by hand-computed scores, ties broken by cadre id', async () => {
    const page = await promotion(t, { ...TARGET, unitId: f.city });
    // Weights of policy version 1: appraisal .25, grassrootsYears .15, achievements .2, training .1,
    // timeAtLevel .15, specialistMatch .15.
    // Ann: EXCELLENT ×3 → 1; 14 grassroots years → 1; one PROVINCE achievement 0.8 / 2 → 0.4; 275 of 550 hours
    //      → 0.5; 10 years at TOWNSHIP_CHIEF / (2 × 3) → 1; specialist (PROVINCE recognition) → 1.
    //      .25 + .15 + .08 + .05 + .15 + .15 = 0.83
    // Cai: one EXCELLENT in three years → 0.3333; grassroots 1; 550 hours → 1; 8 years at level → 1.
    //      .0833 + .15 + .1 + .15 = 0.4833
    // Bo, Dan, Eve: COMPETENT ×3 → 0.6; grassroots 1; 8 years at level → 1. .15 + .15 + .15 = 0.45
    const tied = [f.ids.bo, f.ids.dan, f.ids.eve].sort(byId);
    expect(page.edges.map((e) => [e.node.cadreId, e.node.score])).toEqual([
      [f.ids.ann, 0.83],
      [f.ids.cai, 0.4833],
      ...tied.map((id) => [id, 0.45]),
    ]);
    const ann = page.edges[0].node;
    expect(ann.scoreBreakdown).toEqual([
      { factor: 'appraisal', weight: 0.25, value: 1, contribution: 0.25 },
      { factor: 'grassrootsYears', weight: 0.15, value: 1, contribution: 0.15 },
      { factor: 'achievements', weight: 0.2, value: 0.4, contribution: 0.08 },
      { factor: 'training', weight: 0.1, value: 0.5, contribution: 0.05 },
      { factor: 'timeAtLevel', weight: 0.15, value: 1, contribution: 0.15 },
      { factor: 'specialistMatch', weight: 0.15, value: 1, contribution: 0.15 },
    ]);
    expect(ann.reasons).toEqual([
      '符合晋升县处级副职的全部条件（自 2019-12-01 起）。',
      '年度考核：2023 年优秀、2024 年优秀、2025 年优秀。',
      '基层工作 14 年。',
      '任乡科级正职 10 年。',
      '在文化旅游领域有专业特长。',
      '经核实的工作实绩 1 项，最高获省级认可。',
      '近 5 年完成培训 275 学时。',
    ]);
    // PROMO_TRAINING is soft: shown (no induction training in the fixture), not a bar.
    expect(ann).toMatchObject({
      readiness: 'READY_NOW',
      blockers: [{ code: 'PROMO_TRAINING', met: false, dateMet: null }],
      currentLevel: 'TOWNSHIP_CHIEF',
    });
    expect(page.totalCount).toBe(5);
  });

  it('a domain makes specialistMatch count only for specialists in it', async () => {
    const page = await promotion(t, { ...TARGET, unitId: f.city, domain: 'TRANSPORT' });
    expect(page.edges[0].node).toMatchObject({ cadreId: f.ids.ann, score: 0.68 });
    const tourism = await promotion(t, { ...TARGET, unitId: f.city, domain: 'CULTURAL_TOURISM' });
    expect(tourism.edges[0].node.score).toBe(0.83);
  });

  it('lists READY_SOON with the date every requirement is met, within withinMonths', async () => {
    const page = await promotion(t, { ...TARGET, unitId: f.city, includeNearlyEligible: true });
    const fay = page.edges.at(-1)?.node;
    // Fay: chief since 2024-06-01, so three years on 2027-06-01. Grassroots 1; 909 days at level / 365.25 / 6
    // = 0.4148; no appraisals. .15 + .15 × .4148 = 0.2122
    expect(fay).toMatchObject({
      cadreId: f.ids.fay,
      readiness: 'READY_SOON',
      eligibleFrom: '2027-06-01',
      score: 0.2122,
      blockers: [
        { code: 'PROMO_TIME_IN_LEVEL', met: false, dateMet: '2027-06-01' },
        { code: 'PROMO_TRAINING', met: false, dateMet: null },
      ],
    });
    expect(fay?.reasons[0]).toBe('若仅需时间，将于 2027-06-01 符合晋升县处级副职的全部条件。');
    expect(page.totalCount).toBe(6);
    // Gus (2029-01-01) comes into a 26-month window; Hal (secondary education) never does.
    const wide = await promotion(t, {
      ...TARGET,
      unitId: f.city,
      includeNearlyEligible: true,
      withinMonths: 26,
    });
    expect(wide.edges.map((e) => e.node.cadreId)).toContain(f.ids.gus);
    expect(wide.edges.map((e) => e.node.cadreId)).not.toContain(f.ids.hal);
    expect(wide.edges.find((e) => e.node.cadreId === f.ids.gus)?.node.eligibleFrom).toBe('2029-01-01');
    // Without includeNearlyEligible only READY_NOW.
    const now = await promotion(t, { ...TARGET, unitId: f.city, withinMonths: 26 });
    expect(now.edges.every((e) => e.node.readiness === 'READY_NOW')).toBe(true);
  });

  it('facets count the whole list, by county under the root, level and readiness', async () => {
    const input = { ...TARGET, unitId: f.city, includeNearlyEligible: true };
    const page = await promotion(t, input, { first: 2 });
    const all = await allPages((after) => promotion(t, input, { first: 2, after }));
    expect(page.totalCount).toBe(all.length);
    const count = (key: (c: CandidateOut) => string) =>
      Object.entries(
        all.reduce<Record<string, number>>((m, c) => ({ ...m, [key(c)]: (m[key(c)] ?? 0) + 1 }), {}),
      ).sort();
    const facet = (list: { key: string; count: number }[]) => list.map((x) => [x.key, x.count]).sort();
    const county = (c: CandidateOut) => (c.cadreId === f.ids.eve ? f.countyB : f.countyA);
    expect(facet(page.facets.byUnit)).toEqual(count(county));
    expect(facet(page.facets.byUnit)).toEqual(
      [
        [f.countyA, 5],
        [f.countyB, 1],
      ].sort(),
    );
    expect(page.facets.byUnit.find((x) => x.key === f.countyB)?.label).toBe('B县');
    expect(facet(page.facets.byLevel)).toEqual(count((c) => c.currentLevel));
    expect(facet(page.facets.byReadiness)).toEqual([
      ['READY_NOW', 5],
      ['READY_SOON', 1],
    ]);
  });

  describe('jurisdiction', () => {
    const dept = (unitId: string) => t.token({ role: Role.ORG_DEPT, unitId, sub: `od-${unitId}` });

    it('a department sees only cadres posted in its subtree', async () => {
      const page = await promotion(t, TARGET, {}, dept(f.countyA));
      expect(names(page.edges.map((e) => e.node)).sort()).toEqual(['Ann', 'Bo', 'Cai', 'Dan']);
      const b = await promotion(t, TARGET, {}, dept(f.countyB));
      expect(names(b.edges.map((e) => e.node))).toEqual(['Eve']);
    });

    it('narrows to a unit inside the jurisdiction', async () => {
      const page = await promotion(t, { ...TARGET, unitId: f.a1 }, {}, dept(f.countyA));
      expect(names(page.edges.map((e) => e.node)).sort()).toEqual(['Bo', 'Dan']);
      expect(page.facets.byUnit).toEqual([{ key: f.a1, label: 'A1镇', count: 2 }]);
    });

    it('a unit outside it is FORBIDDEN, not an empty list', async () => {
      const res = await t.gql(
        `query($i: PromotionCandidatesInput!) { promotionCandidates(input: $i) { totalCount } }`,
        { i: { ...TARGET, unitId: f.b1 } },
        dept(f.countyA),
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  it('refuses a level nobody is promoted to, and an unknown domain', async () => {
    const q = `query($i: PromotionCandidatesInput!) { promotionCandidates(input: $i) { totalCount } }`;
    const bottom = await t.gql(q, { i: { ...TARGET, targetLevel: 'TOWNSHIP_DEPUTY' } });
    expect(bottom.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.targetLevel',
    });
    const domain = await t.gql(q, { i: { ...TARGET, domain: 'ASTROLOGY' } });
    expect(domain.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.domain' });
  });

  it('pages never repeat or skip a candidate while candidates are added, removed and renamed', async () => {
    const county = f.countyA;
    const township = f.a2;
    const made: string[] = [];
    for (let i = 0; i < 14; i++) {
      const id = await townshipChief(t.ds, {
        name: `P${i}`,
        deputyUnit: f.a1,
        chiefUnit: township,
        deputyFrom: '2014-12-01',
        chiefFrom: '2018-12-01',
      });
      // Scores 0.30 + 0.25 × (i mod 4) / 3 … in four groups of ties.
      if (i % 4 > 0)
        await appraise(
          t.ds,
          id,
          Object.fromEntries([2023, 2024, 2025].slice(0, i % 4).map((y) => [y, 'EXCELLENT'])),
        );
      made.push(id);
    }
    const input = { ...TARGET, unitId: county };
    const before = await allPages((after) => promotion(t, input, { first: 100, after }));
    const removed = new Set<string>();
    const added: string[] = [];
    const seen = await allPages(
      (after) => promotion(t, input, { first: 3, after }),
      async (n) => {
        // While the cursor is still among the original rows (0.30 and up): a newcomer above it (never shown
        // now), one below every original (shown later), a rename and a removal.
        if (n >= 3) return;
        const top = await townshipChief(t.ds, {
          name: `Top${n}`,
          deputyUnit: f.a1,
          chiefUnit: township,
          deputyFrom: '2012-12-01',
          chiefFrom: '2016-12-01',
        });
        await appraise(t.ds, top, { 2023: 'EXCELLENT', 2024: 'EXCELLENT', 2025: 'EXCELLENT' });
        added.push(
          await townshipChief(t.ds, {
            name: `Low${n}`,
            deputyUnit: f.a1,
            chiefUnit: township,
            deputyFrom: '2021-06-01',
            chiefFrom: '2023-06-01',
          }),
        );
        await t.ds.query(`UPDATE cadre SET name = name || '′' WHERE id = $1`, [before[n].cadreId]);
        const victim = before.at(-1 - n)?.cadreId;
        if (victim) {
          await t.ds.query(
            `UPDATE posting SET end_date = '2026-06-30' WHERE cadre_id = $1 AND end_date IS NULL`,
            [victim],
          );
          removed.add(victim);
        }
      },
    );
    const ids = seen.map((c) => c.cadreId);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = before.map((c) => c.cadreId).filter((id) => !removed.has(id));
    expect(expected.filter((id) => !ids.includes(id))).toEqual([]);
    // Newcomers below every original (5.5 grassroots years, 3.5 at level: about 0.17) are shown.
    expect(added.every((id) => ids.includes(id))).toBe(true);
    // Scores never go up from one row to the next.
    expect(
      seen.every(
        (c, i) =>
          i === 0 ||
          seen[i - 1].score > c.score ||
          (seen[i - 1].score === c.score && seen[i - 1].cadreId < c.cadreId),
      ),
    ).toBe(true);
  });

  it('a cursor keeps its date; another asOf with it is refused', async () => {
    const first = await promotion(t, { ...TARGET, unitId: f.city }, { first: 2 });
    const next = await promotion(
      t,
      { targetLevel: 'COUNTY_DEPUTY', unitId: f.city },
      { first: 2, after: first.pageInfo.endCursor },
    );
    expect(next.asOf).toBe(AS_OF);
    const res = await t.gql(
      `query($i: PromotionCandidatesInput!, $a: String) { promotionCandidates(input: $i, after: $a) { totalCount } }`,
      { i: { ...TARGET, asOf: '2026-01-01' }, a: first.pageInfo.endCursor },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
