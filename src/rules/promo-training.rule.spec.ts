import { DEFAULT_POLICY } from '../policy/default-policy';
import { PolicyDocument } from '../policy/policy.types';
import { facts, policy, rankFacts } from './facts/facts.fixture';
import { evaluatePathway } from './pathway';
import { promoTraining } from './promo-training.rule';

const course = (kind: string, start: string, end: string) => ({ kind, start, end });
// A township chief (target COUNTY_DEPUTY: 30 days) evaluated on 2026-11-27; 24 months back is 2024-11-27.
const chief = (...trainings: ReturnType<typeof course>[]) =>
  facts({
    trainings,
    workStartDate: '2008-07-01',
    grassrootsDays: 5000,
    inGrassrootsNow: true,
    postsByLevel: { TOWNSHIP_DEPUTY: 1, TOWNSHIP_CHIEF: 1 },
  });

describe('PROMO_TRAINING', () => {
  it.each([
    [
      '30 days at a Party school ending 24 months before to the day',
      'PARTY_SCHOOL',
      '2024-10-29',
      '2024-11-27',
      true,
    ],
    ['the same course a day earlier', 'PARTY_SCHOOL', '2024-10-28', '2024-11-26', false],
    ['a cadre academy counts', 'CADRE_ACADEMY', '2026-03-01', '2026-03-30', true],
    ['29 days is short of 30', 'ADMINISTRATION_INSTITUTE', '2026-03-01', '2026-03-29', false],
    ['online study does not count', 'ONLINE', '2026-01-01', '2026-06-30', false],
    ['a course ending on asOf counts', 'UNIVERSITY', '2026-10-29', '2026-11-27', true],
    ['a course ending after asOf does not yet', 'UNIVERSITY', '2026-10-30', '2026-11-28', false],
  ])('%s', (_n, kind, start, end, met) => {
    const r = promoTraining(chief(course(kind, start, end)), policy, '2026-11-27');
    expect(r).toMatchObject({
      code: 'PROMO_TRAINING',
      met,
      soft: true,
      required: 30,
      remaining: met ? 0 : 30,
      dateMet: met ? end : null,
    });
    expect(r?.source).toBe('党政领导干部选拔任用工作条例 (2019) art. 8(5)');
  });

  it('sessions add up: two 15-day sessions make 30 days, met when the second ends', () => {
    const one = course('PARTY_SCHOOL', '2025-03-01', '2025-03-15');
    const two = course('CADRE_ACADEMY', '2026-04-01', '2026-04-15');
    expect(promoTraining(chief(two, one), policy, '2026-11-27')).toMatchObject({
      met: true,
      current: 30,
      dateMet: '2026-04-15',
    });
    expect(promoTraining(chief(one), policy, '2026-11-27')).toMatchObject({ met: false, current: 15 });
  });

  it('a window ending on 29 February: 24 months before 2028-02-29 is 2026-02-28', () => {
    const on = promoTraining(chief(course('PARTY_SCHOOL', '2026-01-30', '2026-02-28')), policy, '2028-02-29');
    expect(on?.met).toBe(true);
    const before = promoTraining(
      chief(course('PARTY_SCHOOL', '2026-01-29', '2026-02-27')),
      policy,
      '2028-02-29',
    );
    expect(before?.met).toBe(false);
  });

  it('unmet, it says when it falls due after appointment and does not bar eligibility', () => {
    const r = promoTraining(chief(), policy, '2026-11-27');
    expect(r).toMatchObject({ met: false, current: 0, dateMet: null });
    expect(r?.unit).toBe(
      'days of induction training: due within a year after appointment (by 2027-11-27 if appointed on 2026-11-27)',
    );
    const p = evaluatePathway(chief(), policy, '2026-11-27');
    expect(p.requirements.find((x) => x.code === 'PROMO_TRAINING')?.met).toBe(false);
    expect(p.eligible).toBe(true);
    expect(p.estimatedEligibleDate).toBe('2018-09-01');
  });

  it('township levels need 15 days; rank steps and a policy version without the rule: not applicable', () => {
    const deputy = facts({
      currentLevel: 'TOWNSHIP_DEPUTY',
      trainings: [course('PARTY_SCHOOL', '2026-05-01', '2026-05-15')],
    });
    expect(promoTraining(deputy, policy, '2026-11-27')).toMatchObject({ met: true, required: 15 });
    expect(promoTraining(rankFacts(), policy, '2026-11-27')).toBeNull();
    const { PROMO_TRAINING: _gone, ...rules } = DEFAULT_POLICY.rules;
    const old = { ...DEFAULT_POLICY, rules } as unknown as PolicyDocument;
    expect(promoTraining(chief(), old, '2026-11-27')).toBeNull();
  });
});
