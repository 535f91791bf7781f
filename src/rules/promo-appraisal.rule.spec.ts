import { facts, policy, rankFacts } from './facts/facts.fixture';
import { appraisalAdjustedDate, promoAppraisal } from './promo-appraisal.rule';

const params = policy.rules.PROMO_APPRAISAL.params;
const g = (year: number, grade: string) => ({ year, grade });

describe('appraisalAdjustedDate', () => {
  it.each([
    ['no appraisals: start + minYears', '2025-08-01', 2, [], '2026-11-27', '2027-08-01'],
    [
      'one EXCELLENT year: 6 months earlier',
      '2025-08-01',
      2,
      [g(2026, 'EXCELLENT')],
      '2026-11-27',
      '2027-02-01',
    ],
    ['COMPETENT changes nothing', '2025-08-01', 2, [g(2026, 'COMPETENT')], '2027-01-10', '2027-08-01'],
    [
      'a BASICALLY_COMPETENT year does not count: a year later',
      '2025-08-01',
      2,
      [g(2026, 'BASICALLY_COMPETENT')],
      '2027-01-10',
      '2028-08-01',
    ],
    [
      'an UNGRADED year does not count either',
      '2025-08-01',
      2,
      [g(2026, 'UNGRADED')],
      '2027-01-10',
      '2028-08-01',
    ],
    [
      'the partial year the level began in is not a year at the level',
      '2025-08-01',
      2,
      [g(2025, 'UNGRADED')],
      '2026-11-27',
      '2027-08-01',
    ],
    [
      'a year pushed into play by a non-counting year counts too',
      '2025-08-01',
      2,
      [g(2026, 'BASICALLY_COMPETENT'), g(2027, 'UNGRADED')],
      '2027-12-31',
      '2029-08-01',
    ],
    [
      'two EXCELLENT years, the second ended before the shortened date',
      '2020-01-01',
      3,
      [g(2020, 'EXCELLENT'), g(2021, 'EXCELLENT'), g(2022, 'EXCELLENT')],
      '2026-11-27',
      '2022-01-01',
    ],
    [
      'a year that ends after the date reached does not count',
      '2025-08-01',
      2,
      [g(2026, 'COMPETENT'), g(2027, 'BASICALLY_COMPETENT')],
      '2027-12-31',
      '2027-08-01',
    ],
    [
      'month-end clamp: Aug 31 + 18 months = Feb 28',
      '2020-08-31',
      2,
      [g(2021, 'EXCELLENT')],
      '2026-11-27',
      '2022-02-28',
    ],
    ['leap-day start: 2 years = Feb 28', '2016-02-29', 2, [], '2026-11-27', '2018-02-28'],
    [
      'a level begun on Jan 1 counts that year',
      '2024-01-01',
      2,
      [g(2024, 'EXCELLENT')],
      '2026-11-27',
      '2025-07-01',
    ],
    [
      'grades recorded after asOf are not known yet',
      '2025-08-01',
      2,
      [g(2027, 'INCOMPETENT'), g(2026, 'EXCELLENT')],
      '2026-11-27',
      '2027-02-01',
    ],
  ])('%s', (_name, levelStart, minYears, appraisals, asOf, dateMet) => {
    expect(appraisalAdjustedDate(levelStart, minYears, appraisals, params, asOf).dateMet).toBe(dateMet);
  });

  it('reports how many years shortened or did not count', () => {
    const r = appraisalAdjustedDate(
      '2020-01-01',
      3,
      [g(2020, 'EXCELLENT'), g(2021, 'BASICALLY_COMPETENT')],
      params,
      '2026-11-27',
    );
    expect(r).toEqual({ dateMet: '2023-07-01', excellentYears: 1, notCountingYears: 1 });
  });
});

describe('PROMO_APPRAISAL (blocking grade)', () => {
  it('INCOMPETENT in the last completed year blocks, with no date time alone would reach', () => {
    const r = promoAppraisal(facts({ appraisals: [g(2025, 'INCOMPETENT')] }), policy, '2026-11-27');
    expect(r).toMatchObject({ code: 'PROMO_APPRAISAL', met: false, current: 'INCOMPETENT', dateMet: null });
    expect(r?.required).toBe('not INCOMPETENT in 2025');
  });

  it('INCOMPETENT two years ago no longer blocks', () => {
    const r = promoAppraisal(
      facts({ appraisals: [g(2024, 'INCOMPETENT'), g(2025, 'COMPETENT')] }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: true, current: 'COMPETENT' });
  });

  it('the year in progress is not the last completed year', () => {
    expect(
      promoAppraisal(facts({ appraisals: [g(2026, 'INCOMPETENT')] }), policy, '2026-11-27'),
    ).toMatchObject({
      met: true,
      current: null,
    });
    expect(
      promoAppraisal(facts({ appraisals: [g(2026, 'INCOMPETENT')] }), policy, '2027-01-01'),
    ).toMatchObject({
      met: false,
    });
  });

  it('applies to rank promotions too', () => {
    expect(
      promoAppraisal(rankFacts({ appraisals: [g(2025, 'INCOMPETENT')] }), policy, '2026-11-27')?.met,
    ).toBe(false);
  });
});
