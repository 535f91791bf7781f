import { evaluatePathway } from './pathway';
import { facts, policy, rankFacts } from './facts/facts.fixture';

const codes = (p: ReturnType<typeof evaluatePathway>) => p.requirements.map((r) => r.code);

// DOMAIN.md case 2: township deputy 2011-07-01..2015-08-31, township chief since 2015-09-01.
const case2 = facts({
  grassrootsDays: 5628,
  grassrootsSpans: [{ from: '2011-07-01', to: '2026-11-27' }],
  inGrassrootsNow: true,
  postsByLevel: { TOWNSHIP_DEPUTY: 1, TOWNSHIP_CHIEF: 1 },
  appraisals: [
    { year: 2024, grade: 'EXCELLENT' },
    { year: 2025, grade: 'COMPETENT' },
  ],
});

describe('evaluatePathway', () => {
  it('case 2 is eligible for COUNTY_DEPUTY, every requirement met, the date in the past', () => {
    const p = evaluatePathway(case2, policy, '2026-11-27');
    expect(p).toMatchObject({
      currentLevel: 'TOWNSHIP_CHIEF',
      ladder: 'LEADERSHIP',
      nextLevel: 'COUNTY_DEPUTY',
    });
    expect(p.eligible).toBe(true);
    expect(codes(p)).toEqual([
      'PROMO_WORK_YEARS',
      'PROMO_GRASSROOTS_YEARS',
      'PROMO_TWO_POSTS',
      'PROMO_TIME_IN_LEVEL',
      'PROMO_EDUCATION',
      'PROMO_APPRAISAL',
      'PROMO_TRAINING',
      'PROMO_NO_SANCTION_IN_EFFECT',
    ]);
    // Every requirement met but the soft PROMO_TRAINING (no induction training in the fixture).
    expect(p.requirements.filter((r) => !r.met).map((r) => r.code)).toEqual(['PROMO_TRAINING']);
    // Time in level (2015-09-01 + 3 years) is the last of the dates.
    expect(p.estimatedEligibleDate).toBe('2018-09-01');
  });

  it('case 3 (rank) needs only time and a clean appraisal: estimated 2027-08-01', () => {
    const p = evaluatePathway(rankFacts(), policy, '2026-11-27');
    expect(p).toMatchObject({ currentLevel: 'CLERK_1', ladder: 'RANK', nextLevel: 'PRINCIPAL_STAFF_4' });
    expect(codes(p)).toEqual(['PROMO_TIME_IN_LEVEL', 'PROMO_APPRAISAL', 'PROMO_NO_SANCTION_IN_EFFECT']);
    expect(p.eligible).toBe(false);
    expect(p.estimatedEligibleDate).toBe('2027-08-01');
  });

  it('a requirement time cannot meet makes the estimate null', () => {
    const p = evaluatePathway({ ...case2, educationLevel: 'SECONDARY' }, policy, '2026-11-27');
    expect(p.eligible).toBe(false);
    expect(p.estimatedEligibleDate).toBeNull();
    const blocked = evaluatePathway(
      rankFacts({ appraisals: [{ year: 2025, grade: 'INCOMPETENT' }] }),
      policy,
      '2026-11-27',
    );
    expect(blocked.estimatedEligibleDate).toBeNull();
  });

  it('the estimate is the latest date among time-based requirements', () => {
    const p = evaluatePathway(
      { ...case2, levelStart: '2025-03-01', lastPromotionDate: '2025-03-01', workStartDate: '2023-01-01' },
      policy,
      '2026-11-27',
    );
    expect(p.eligible).toBe(false);
    const byCode = Object.fromEntries(p.requirements.map((r) => [r.code, r]));
    expect(byCode.PROMO_WORK_YEARS.dateMet).toBe('2028-01-01');
    expect(byCode.PROMO_TIME_IN_LEVEL.dateMet).toBe('2028-03-01');
    expect(p.estimatedEligibleDate).toBe('2028-03-01');
  });

  it('at the top of the ladder there is no next level', () => {
    const p = evaluatePathway(facts({ currentLevel: 'BUREAU_CHIEF' }), policy, '2026-11-27');
    expect(p).toEqual({
      currentLevel: 'BUREAU_CHIEF',
      ladder: 'LEADERSHIP',
      nextLevel: null,
      eligible: false,
      requirements: [],
      estimatedEligibleDate: null,
    });
  });

  it('without a current posting there is no pathway', () => {
    const p = evaluatePathway(
      facts({ currentLevel: null, ladder: null, levelStart: null }),
      policy,
      '2026-11-27',
    );
    expect(p).toMatchObject({ currentLevel: null, nextLevel: null, eligible: false, requirements: [] });
  });
});
