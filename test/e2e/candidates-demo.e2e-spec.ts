import { evaluatePathway } from '../../src/rules/pathway';
import { PATHWAY_FACTS_COLUMNS, pathwayFactsCtes } from '../../src/rules/facts/pathway-facts.sql';
import { PathwayFacts } from '../../src/rules/facts/pathway-facts';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { levelOrder, stepRows } from '../../src/rules/steps';
import { readinessCtes } from '../../src/rules/readiness.sql';
import { SqlParams } from '../../src/common/sql/sql-params';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, TestApp } from '../app-factory';
import { allPages, promotion, specialists, training } from './candidates-helpers';

const AS_OF = '2026-11-27';

describe('candidate lists on the demo seed (DOMAIN.md cases, as of 2026-11-27)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
  });
  afterAll(() => t.close());

  it('DEMO-002, the township head kept eleven years, is a COUNTY_DEPUTY candidate READY_NOW', async () => {
    const all = await allPages((after) =>
      promotion(t, { targetLevel: 'COUNTY_DEPUTY', asOf: AS_OF }, { first: 50, after }),
    );
    const head = all.find((c) => c.cadre.externalId === 'DEMO-002');
    expect(head).toMatchObject({
      currentLevel: 'TOWNSHIP_CHIEF',
      nextLevel: 'COUNTY_DEPUTY',
      readiness: 'READY_NOW',
      eligibleFrom: '2018-09-01',
      // Soft (art. 8(5)): 15 of 30 days of induction training in the 24 months before; due within a year after.
      blockers: [{ code: 'PROMO_TRAINING', met: false, dateMet: null }],
    });
    expect(head?.reasons[0]).toBe('符合晋升县处级副职的全部条件（自 2018-09-01 起）。');
    expect(head?.reasons).toContain('任乡科级正职 11.2 年。');
    expect(all.every((c) => c.readiness === 'READY_NOW' && c.currentLevel === 'TOWNSHIP_CHIEF')).toBe(true);
  });

  it('DEMO-001 tops specialists(domain: CULTURAL_TOURISM)', async () => {
    const res = await specialists(t, { domain: 'CULTURAL_TOURISM', asOf: AS_OF });
    const top = res.edges[0].node;
    expect(top.cadre.externalId).toBe('DEMO-001');
    expect(top.reasons[0]).toMatch(/^在文化旅游领域有专业特长/);
    // PROVINCE recognition 0.8 × 0.4 + impact (180k → 410k visitors, +128%) 1 × 0.3 + recency (the videos of
    // 2022-12-20, 1,438 days before: 1 − 1438 / 365.25 / 5 = 0.2126) × 0.2 + count (1 of 2 × 2) 0.25 × 0.1.
    // Recognition and improvement count for five years (#16), so the videos moved from 2021-03 into the window.
    expect(top.scoreBreakdown.map((f) => [f.factor, f.value])).toEqual([
      ['evidenceRecognition', 0.8],
      ['evidenceImpact', 1],
      ['evidenceRecency', 0.2126],
      ['evidenceCount', 0.25],
    ]);
    expect(top.score).toBe(0.6875);
  });

  // DEMO-003's last completed year, 2025, is judged, pro-rated to her 153 days from 1 August (issue 16; the 60 of
  // 90 for 2026 compared the year to date with the full year and counted her online hours).
  it('DEMO-003, the selected graduate, needs training: 37.7 pro-rated hours missing for 2025', async () => {
    const all = await allPages((after) =>
      training(t, { asOf: AS_OF, kind: 'SHORTFALL' }, { first: 100, after }),
    );
    const graduate = all.find((c) => c.cadre.externalId === 'DEMO-003');
    expect(graduate?.needs).toContain('SHORTFALL');
    expect(graduate?.reasons[0]).toBe(
      '2025 年已完成 0 学时（或 0 天），要求 37.7 学时（或 5 天，按比例折算），还差 37.7 学时。',
    );
    const shortfall = graduate?.scoreBreakdown.find((f) => f.factor === 'SHORTFALL');
    // 37.7 missing of the year's 90 hours
    expect(shortfall).toEqual({ factor: 'SHORTFALL', weight: 0.4, value: 0.4189, contribution: 0.1676 });
    expect(all.every((c) => c.needs.includes('SHORTFALL'))).toBe(true);
  });

  it('readiness in SQL agrees with evaluatePathway for every demo cadre, on several dates', async () => {
    for (const asOf of [AS_OF, '2024-03-01', '2020-02-29']) {
      const p = new SqlParams();
      const at = p.add(asOf, 'date');
      const rows: (PathwayFacts & { readiness: string | null; eligible_from: string | null })[] =
        await t.ds.query(
          `WITH target AS (SELECT id AS cadre_id FROM cadre),
         ${pathwayFactsCtes({ asOf: at, levelOrder: p.add(levelOrder(DEFAULT_POLICY), 'text[]') })},
         ${readinessCtes({ asOf: at, policy: DEFAULT_POLICY, steps: stepRows(DEFAULT_POLICY), withinMonths: 600 }, p)}
         SELECT r.readiness, to_char(r.eligible_from, 'YYYY-MM-DD') AS eligible_from, ${PATHWAY_FACTS_COLUMNS}
           FROM pathway_facts f LEFT JOIN readiness r ON r.cadre_id = f.cadre_id`,
          p.values,
        );
      expect(rows.length).toBeGreaterThan(300);
      const mismatches = rows.flatMap(({ readiness, eligible_from, ...facts }) => {
        const e = evaluatePathway(facts, DEFAULT_POLICY, asOf);
        const expected = !e.nextLevel
          ? [null, null]
          : e.eligible
            ? ['READY_NOW', eligible_from]
            : e.estimatedEligibleDate
              ? ['READY_SOON', e.estimatedEligibleDate]
              : ['NOT_READY', null];
        return expected[0] === readiness && expected[1] === eligible_from
          ? []
          : [{ cadreId: facts.cadreId, asOf, expected, got: [readiness, eligible_from] }];
      });
      expect(mismatches).toEqual([]);
    }
  });
});
