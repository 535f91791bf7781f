import { facts, policy, withParams } from './facts/facts.fixture';
import { promoWorkYears } from './promo-work-years.rule';

describe('PROMO_WORK_YEARS', () => {
  it.each([
    ['exact 5th anniversary', '2021-07-01', '2026-07-01', true, '2026-07-01'],
    ['the day before', '2021-07-01', '2026-06-30', false, '2026-07-01'],
    ['leap-day start: anniversary is Feb 28', '2016-02-29', '2021-02-28', true, '2021-02-28'],
    ['leap-day start, the day before', '2016-02-29', '2021-02-27', false, '2021-02-28'],
  ])('%s', (_name, workStartDate, asOf, met, dateMet) => {
    const r = promoWorkYears(facts({ workStartDate }), policy, asOf);
    expect(r).toMatchObject({ code: 'PROMO_WORK_YEARS', met, required: 5, dateMet, unit: 'years' });
    expect(r?.source).toBe(policy.rules.PROMO_WORK_YEARS.source);
    expect(r?.description).toBe(policy.rules.PROMO_WORK_YEARS.sentence);
  });

  it('reports current and remaining years', () => {
    const r = promoWorkYears(facts({ workStartDate: '2023-07-01' }), policy, '2026-07-01');
    expect(r).toMatchObject({ met: false, current: 3, remaining: 2, dateMet: '2028-07-01' });
    expect(promoWorkYears(facts(), policy, '2026-11-27')).toMatchObject({ met: true, remaining: 0 });
  });

  it('applies only to targets in appliesToLevels, on the leadership ladder', () => {
    expect(promoWorkYears(facts({ currentLevel: 'TOWNSHIP_DEPUTY' }), policy, '2026-11-27')).toBeNull();
    expect(
      promoWorkYears(facts({ currentLevel: 'CLERK_1', ladder: 'RANK' }), policy, '2026-11-27'),
    ).toBeNull();
    expect(promoWorkYears(facts({ currentLevel: 'BUREAU_CHIEF' }), policy, '2026-11-27')).toBeNull();
  });

  it('reads its threshold from the policy', () => {
    const p = withParams('PROMO_WORK_YEARS', { years: 20 });
    expect(promoWorkYears(facts(), p, '2026-11-27')).toMatchObject({ met: false, dateMet: '2028-07-01' });
  });
});
