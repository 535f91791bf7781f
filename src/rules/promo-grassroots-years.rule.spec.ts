import { facts, policy } from './facts/facts.fixture';
import { dayReaching, promoGrassrootsYears } from './promo-grassroots-years.rule';

// 2 years are counted as 2 × 365.25 days, so 731 days are needed.
describe('PROMO_GRASSROOTS_YEARS', () => {
  const spans = [
    { from: '2020-01-01', to: '2020-07-01' }, // 182 days
    { from: '2021-01-01', to: '2022-09-01' }, // 608 days
  ];

  it('dayReaching finds the day the union first holds the days needed', () => {
    expect(dayReaching(spans, 182)).toBe('2020-07-01');
    expect(dayReaching(spans, 183)).toBe('2021-01-02');
    expect(dayReaching(spans, 731)).toBe('2022-07-04');
    expect(dayReaching(spans, 791)).toBeNull();
  });

  it.each([
    ['731 days: met', 731, true, 0],
    ['730 days: one day short', 730, false, 0],
  ])('%s', (_name, grassrootsDays, met, remaining) => {
    const r = promoGrassrootsYears(facts({ grassrootsDays, inGrassrootsNow: true }), policy, '2026-11-27');
    expect(r).toMatchObject({ code: 'PROMO_GRASSROOTS_YEARS', met, required: 2, remaining });
  });

  it('when met, dateMet is the day the union reached the requirement', () => {
    const r = promoGrassrootsYears(
      facts({ grassrootsDays: 790, grassrootsSpans: spans }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: true, current: 2.16, dateMet: '2022-07-04' });
  });

  it('when short and still in a grassroots post, dateMet is asOf plus the days missing', () => {
    const r = promoGrassrootsYears(
      facts({ grassrootsDays: 400, inGrassrootsNow: true }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: false, current: 1.1, remaining: 0.91, dateMet: '2027-10-24' });
  });

  it('when short and no longer at the grassroots, time alone will not meet it', () => {
    const r = promoGrassrootsYears(
      facts({ grassrootsDays: 400, inGrassrootsNow: false }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: false, dateMet: null });
  });

  it('does not apply below county level or on the rank ladder', () => {
    expect(promoGrassrootsYears(facts({ currentLevel: 'TOWNSHIP_DEPUTY' }), policy, '2026-11-27')).toBeNull();
    expect(
      promoGrassrootsYears(facts({ currentLevel: 'CLERK_1', ladder: 'RANK' }), policy, '2026-11-27'),
    ).toBeNull();
  });
});
