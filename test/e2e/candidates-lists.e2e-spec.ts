import { Role } from '../../src/auth/caller';
import { createTestApp, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { specialists, training } from './candidates-helpers';
import { makeAchievement, makeTraining } from './flags-helpers';

const AS_OF = '2026-11-27';

describe('trainingCandidates and specialists', () => {
  let t: TestApp;
  let county: string;
  let otherCounty: string;
  const ids: Record<string, string> = {};

  async function cadre(name: string, unitId: string, level: string, startDate: string, inService = false) {
    const c = await makeCadre(t.ds, { name });
    if (inService) await t.ds.query(`UPDATE cadre SET education_in_service = true WHERE id = $1`, [c.id]);
    await makePosting(t.ds, c.id, unitId, { level, startDate });
    ids[name] = c.id;
    return c.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const city = await makeUnit(t.ds, { level: 'PREFECTURE' });
    county = (await makeUnit(t.ds, { level: 'COUNTY', parentId: city.id, name: '东县' })).id;
    otherCounty = (await makeUnit(t.ds, { level: 'COUNTY', parentId: city.id, name: '西县' })).id;
    const town = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county, name: '东镇' })).id;
    const otherTown = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: otherCounty })).id;

    // Training needs.
    await cadre('Tao', town, 'TOWNSHIP_DEPUTY', '2026-03-01');
    const uma = await cadre('Uma', town, 'TOWNSHIP_CHIEF', '2010-01-01');
    await makeTraining(t.ds, uma, {
      kind: 'PARTY_SCHOOL',
      startDate: '2010-03-01',
      endDate: '2010-03-15',
      classHours: 80,
    });
    await makeTraining(t.ds, uma, {
      kind: 'ONLINE',
      startDate: '2026-04-01',
      endDate: '2026-04-05',
      classHours: 40,
    });
    const vic = await cadre('Vic', town, 'PRINCIPAL_STAFF_2', '2015-01-01', true);
    // Centralised full-time classes (not study: not an induction kind) in 2025 and 2026: no shortfall.
    for (const year of [2025, 2026]) {
      await makeTraining(t.ds, vic, {
        kind: 'FULL_TIME_CLASS',
        startDate: `${year}-05-01`,
        endDate: `${year}-05-10`,
        classHours: 100,
      });
    }
    const wen = await cadre('Wen', county, 'COUNTY_DEPUTY', '2022-01-01');
    await makeTraining(t.ds, wen, {
      kind: 'PARTY_SCHOOL',
      startDate: '2022-03-01',
      endDate: '2022-03-31',
      classHours: 200,
    });
    await cadre('Out', otherTown, 'TOWNSHIP_DEPUTY', '2026-03-01');

    // Specialists in CULTURAL_TOURISM, all trained enough to stay off the training list's way.
    const xia = await cadre('Xia', town, 'PRINCIPAL_STAFF_3', '2018-01-01', true);
    await makeAchievement(t.ds, xia, {
      domain: 'CULTURAL_TOURISM',
      recognitionLevel: 'PROVINCE',
      achievedOn: '2025-06-01',
    });
    const yan = await cadre('Yan', town, 'PRINCIPAL_STAFF_3', '2018-01-01', true);
    await makeAchievement(t.ds, yan, {
      domain: 'CULTURAL_TOURISM',
      recognitionLevel: 'COUNTY',
      achievedOn: '2024-01-01',
    });
    await makeAchievement(t.ds, yan, {
      domain: 'CULTURAL_TOURISM',
      recognitionLevel: 'COUNTY',
      achievedOn: '2026-01-01',
    });
    const zoe = await cadre('Zoe', county, 'PRINCIPAL_STAFF_2', '2018-01-01', true);
    await makeAchievement(t.ds, zoe, {
      domain: 'CULTURAL_TOURISM',
      achievedOn: '2026-11-01',
      impact: { baseline: 38.5, result: 4.7, betterWhen: 'LOWER' },
    });
    const claimed = await cadre('Claimed', town, 'PRINCIPAL_STAFF_3', '2018-01-01', true);
    await makeAchievement(t.ds, claimed, {
      domain: 'CULTURAL_TOURISM',
      recognitionLevel: 'NATIONAL',
      status: 'CLAIMED',
    });
    const far = await cadre('Far', otherTown, 'PRINCIPAL_STAFF_3', '2018-01-01', true);
    await makeAchievement(t.ds, far, { domain: 'CULTURAL_TOURISM', recognitionLevel: 'NATIONAL' });
    for (const id of [xia, yan, zoe, claimed, far]) {
      for (const year of [2025, 2026]) {
        await makeTraining(t.ds, id, {
          kind: 'FULL_TIME_CLASS',
          startDate: `${year}-02-01`,
          endDate: `${year}-02-20`,
          classHours: 100,
        });
      }
    }
  });
  afterAll(() => t.close());

  describe('trainingCandidates', () => {
    it('ranks needs by hand-computed urgency, each with its reasons', async () => {
      const page = await training(t, { unitId: county, asOf: AS_OF });
      // Tao: appointed TOWNSHIP_DEPUTY 2026-03-01, nothing since. SHORTFALL for 2026 pro-rated to 271 of 365 days:
      //      66.8 of 66.8 hours missing, of the year's 90 → 0.7422; INDUCTION_DUE 271 of 365 days gone → 0.7425;
      //      NEVER_TRAINED_IN_WINDOW → 1. .4 × .7422 + .3 × .7425 + .2 = 0.7196
      // Uma: chief since 2010 (6174 grassroots days = 16.9 years), party school only in 2010; her 40 online hours
      //      of 2026 are not centralised, so 2025 had none: SHORTFALL 90/90 → 1; LONG_SERVICE_NO_STUDY
      //      16.9 / 20 → 0.8452. .4 + .0845 = 0.4845
      // Wen: COUNTY_DEPUTY since 2022-01-01, band not 5 years old: 550 × 1791 / 1826 = 539.5 due, 200 done;
      //      SHORTFALL 339.5/550 → 0.6173. .4 × .6173 = 0.2469
      expect(page.edges.map((e) => [e.node.cadre.name, e.node.score, e.node.needs])).toEqual([
        ['Tao', 0.7196, ['SHORTFALL', 'INDUCTION_DUE', 'NEVER_TRAINED_IN_WINDOW']],
        ['Uma', 0.4845, ['SHORTFALL', 'LONG_SERVICE_NO_STUDY']],
        ['Wen', 0.2469, ['SHORTFALL']],
      ]);
      const [tao, uma, wen] = page.edges.map((e) => e.node);
      expect(tao.scoreBreakdown).toEqual([
        { factor: 'SHORTFALL', weight: 0.4, value: 0.7422, contribution: 0.2969 },
        { factor: 'INDUCTION_DUE', weight: 0.3, value: 0.7425, contribution: 0.2228 },
        { factor: 'NEVER_TRAINED_IN_WINDOW', weight: 0.2, value: 1, contribution: 0.2 },
        { factor: 'LONG_SERVICE_NO_STUDY', weight: 0.1, value: 0, contribution: 0 },
      ]);
      expect(tao.reasons.slice(0, 3)).toEqual([
        '2026 年已完成 0 学时（或 0 天），要求 66.8 学时（或 8.9 天，按比例折算），还差 66.8 学时。',
        '2026-03-01 任乡科级副职，此后未参加 15 天以上的任职培训（应于 2027-03-01 前完成）。',
        '2021-11-28 至 2026-11-27 未完成任何培训。',
      ]);
      expect(uma.reasons[1]).toBe(
        '基层工作 16.9 年，自 2016-11-27 以来无在职学历教育，也未在党校、行政学院或高校学习。',
      );
      expect(wen.reasons[0]).toBe(
        '2022-01-01 至 2026-11-27 已完成 200 学时（或 31 天），要求 539.5 学时（或 88.3 天，按比例折算），还差 339.5 学时。',
      );
      expect(page.facets.byReadiness).toEqual([]);
      expect(page.facets.byLevel.map((x) => [x.key, x.count]).sort()).toEqual([
        ['COUNTY_DEPUTY', 1],
        ['TOWNSHIP_CHIEF', 1],
        ['TOWNSHIP_DEPUTY', 1],
      ]);
      // Readiness for the next step is worked out for the rows of the page.
      expect(tao).toMatchObject({
        nextLevel: 'TOWNSHIP_CHIEF',
        readiness: 'NOT_READY',
        eligibleFrom: '2028-03-01',
      });
    });

    it('filters by need, and longServiceYears moves the bar', async () => {
      const induction = await training(t, { unitId: county, asOf: AS_OF, kind: 'INDUCTION_DUE' });
      expect(induction.edges.map((e) => e.node.cadre.name)).toEqual(['Tao']);
      const long = await training(t, { unitId: county, asOf: AS_OF, kind: 'LONG_SERVICE_NO_STUDY' });
      expect(long.edges.map((e) => e.node.cadre.name)).toEqual(['Uma']);
      const longer = await training(t, {
        unitId: county,
        asOf: AS_OF,
        kind: 'LONG_SERVICE_NO_STUDY',
        longServiceYears: 20,
      });
      expect(longer.totalCount).toBe(0);
    });

    it('stays within the jurisdiction', async () => {
      const dept = t.token({ role: Role.ORG_DEPT, unitId: otherCounty });
      const page = await training(t, { asOf: AS_OF }, {}, dept);
      expect(page.edges.map((e) => e.node.cadre.name)).toEqual(['Out']);
      const res = await t.gql(
        `query($i: TrainingCandidatesInput) { trainingCandidates(input: $i) { totalCount } }`,
        { i: { unitId: county, asOf: AS_OF } },
        dept,
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('specialists', () => {
    it('ranks verified specialists by evidence: recognition, measured impact, recency, count', async () => {
      const page = await specialists(t, { domain: 'CULTURAL_TOURISM', unitId: county, asOf: AS_OF });
      // Zoe: UNIT .2; 38.5 → 4.7 (lower is better) = 87.8% → .878; 26 days ago → .9858; 1 of 4 → .25.
      //      .08 + .2634 + .1972 + .025 = 0.5656
      // Xia: PROVINCE .8; no impact; 544 days ago → 1 − 1.4894 / 5 = .7021; .25. .32 + .1404 + .025 = 0.4854
      // Yan: COUNTY .4; latest 330 days ago → .8193; 2 of 4 → .5. .16 + .1639 + .05 = 0.3739
      expect(page.edges.map((e) => [e.node.cadre.name, e.node.score])).toEqual([
        ['Zoe', 0.5656],
        ['Xia', 0.4854],
        ['Yan', 0.3739],
      ]);
      expect(page.edges[0].node.scoreBreakdown.map((f) => [f.factor, f.weight, f.value])).toEqual([
        ['evidenceRecognition', 0.4, 0.2],
        ['evidenceImpact', 0.3, 0.878],
        ['evidenceRecency', 0.2, 0.9858],
        ['evidenceCount', 0.1, 0.25],
      ]);
      // The flag's own sentence first, then the evidence in order of weight.
      const [flag, ...evidence] = page.edges[0].node.reasons;
      expect(flag).toMatch(/^在文化旅游领域有专业特长/);
      expect(evidence.slice(0, 2)).toEqual([
        '实测成效最高改善 87.8%。',
        '文化旅游领域最近一项经核实的实绩于 2026-11-01。',
      ]);
      expect(page.totalCount).toBe(3);
      expect(page.facets.byLevel.map((x) => [x.key, x.count]).sort()).toEqual([
        ['PRINCIPAL_STAFF_2', 1],
        ['PRINCIPAL_STAFF_3', 2],
      ]);
      const readiness = page.facets.byReadiness.reduce((n, x) => n + x.count, 0);
      expect(readiness).toBe(3);
    });

    it('a department sees its own specialists only; an unknown domain is refused', async () => {
      const dept = t.token({ role: Role.ORG_DEPT, unitId: otherCounty });
      const page = await specialists(t, { domain: 'CULTURAL_TOURISM', asOf: AS_OF }, {}, dept);
      expect(page.edges.map((e) => e.node.cadre.name)).toEqual(['Far']);
      const res = await t.gql(`{ specialists(domain: "ASTROLOGY", asOf: "2026-11-27") { totalCount } }`);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'domain' });
    });
  });
});
