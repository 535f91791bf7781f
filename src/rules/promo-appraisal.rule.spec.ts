import { facts, policy, rankFacts, withParams } from './facts/facts.fixture';
import { appraisalAdjustedDate, appraisalParams, promoAppraisal } from './promo-appraisal.rule';

const params = appraisalParams(policy);
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
    [
      'an INCOMPETENT year does not count either',
      '2025-08-01',
      2,
      [g(2026, 'INCOMPETENT')],
      '2027-01-10',
      '2028-08-01',
    ],
    [
      'the day a year completes: a year ending on 31 Dec counts toward a date of 1 Jan',
      '2024-01-01',
      2,
      [g(2025, 'BASICALLY_COMPETENT')],
      '2026-11-27',
      '2027-01-01',
    ],
    [
      'a year ending the day after the date reached does not count',
      '2024-06-30',
      1.5,
      [g(2025, 'BASICALLY_COMPETENT')],
      '2026-11-27',
      '2025-12-30',
    ],
    [
      'a year ending exactly on the date reached counts',
      '2024-07-01',
      1.5,
      [g(2025, 'BASICALLY_COMPETENT')],
      '2026-11-27',
      '2027-01-01',
    ],
    [
      '29 February start, a year that does not count: 3 years = Feb 28',
      '2020-02-29',
      2,
      [g(2021, 'UNGRADED')],
      '2026-11-27',
      '2023-02-28',
    ],
  ])('%s', (_name, levelStart, minYears, appraisals, asOf, dateMet) => {
    expect(appraisalAdjustedDate(levelStart, minYears, appraisals, params, asOf, 'RANK').dateMet).toBe(
      dateMet,
    );
  });

  it('on the leadership ladder a year that does not count pushes the date; EXCELLENT does not shorten it', () => {
    const years = [g(2024, 'EXCELLENT'), g(2025, 'BASICALLY_COMPETENT')];
    expect(appraisalAdjustedDate('2024-01-01', 3, years, params, '2026-11-27', 'LEADERSHIP')).toEqual({
      dateMet: '2028-01-01',
      excellentYears: 0,
      notCountingYears: 1,
    });
  });

  it('a version published before the 2026 effects adjusts rank time only', () => {
    const { notCountingLadders: _n, excellentLadders: _e, ...before } = policy.rules.PROMO_APPRAISAL.params;
    const old = appraisalParams({
      ...policy,
      rules: { ...policy.rules, PROMO_APPRAISAL: { ...policy.rules.PROMO_APPRAISAL, params: before } },
    });
    const years = [g(2025, 'BASICALLY_COMPETENT')];
    expect(appraisalAdjustedDate('2024-01-01', 3, years, old, '2026-11-27', 'LEADERSHIP').dateMet).toBe(
      '2027-01-01',
    );
    expect(appraisalAdjustedDate('2024-01-01', 3, years, old, '2026-11-27', 'RANK').dateMet).toBe(
      '2028-01-01',
    );
  });

  it('partialFirstYearCounts: the grade of the year the level began in counts when the policy says so', () => {
    const partial = appraisalParams(withParams('PROMO_APPRAISAL', { partialFirstYearCounts: true }));
    const bc = [g(2025, 'BASICALLY_COMPETENT')];
    expect(appraisalAdjustedDate('2025-08-01', 2, bc, params, '2026-11-27', 'RANK').dateMet).toBe(
      '2027-08-01',
    );
    expect(appraisalAdjustedDate('2025-08-01', 2, bc, partial, '2026-11-27', 'RANK').dateMet).toBe(
      '2028-08-01',
    );
    const ex = [g(2025, 'EXCELLENT')];
    expect(appraisalAdjustedDate('2025-08-01', 2, ex, partial, '2026-11-27', 'RANK').dateMet).toBe(
      '2027-02-01',
    );
  });

  it('reports how many years shortened or did not count', () => {
    const r = appraisalAdjustedDate(
      '2020-01-01',
      3,
      [g(2020, 'EXCELLENT'), g(2021, 'BASICALLY_COMPETENT')],
      params,
      '2026-11-27',
      'RANK',
    );
    expect(r).toEqual({ dateMet: '2023-07-01', excellentYears: 1, notCountingYears: 1 });
  });
});

describe('PROMO_APPRAISAL (a blocking grade and the counted years that lift it)', () => {
  const at = (appraisals: { year: number; grade: string }[], asOf: string, p = policy) =>
    promoAppraisal(facts({ appraisals }), p, asOf);

  it('nothing blocking: met, showing last year’s grade', () => {
    expect(at([g(2025, 'COMPETENT')], '2026-11-27')).toMatchObject({
      code: 'PROMO_APPRAISAL',
      met: true,
      current: 'COMPETENT',
      dateMet: null,
    });
  });

  it('INCOMPETENT last year with no later grade: blocked, no date time alone would reach', () => {
    const r = at([g(2025, 'INCOMPETENT')], '2026-11-27');
    expect(r).toMatchObject({ met: false, current: 0, required: 1, remaining: 1, dateMet: null });
    expect(r?.facts).toEqual({ blockingYear: 2025, grade: 'INCOMPETENT', countedYears: [] });
  });

  it('lifted on 1 January after the next counted year: the day before, the day itself (asOf)', () => {
    const years = [g(2025, 'INCOMPETENT'), g(2026, 'COMPETENT')];
    expect(at(years, '2026-11-27')).toMatchObject({ met: false, dateMet: '2027-01-01', remaining: 1 });
    expect(at(years, '2026-12-31')).toMatchObject({ met: false, dateMet: '2027-01-01' });
    expect(at(years, '2027-01-01')).toMatchObject({
      met: true,
      current: 1,
      remaining: 0,
      dateMet: '2027-01-01',
    });
  });

  it('a BASICALLY_COMPETENT or UNGRADED year after it does not lift it', () => {
    expect(at([g(2024, 'INCOMPETENT'), g(2025, 'BASICALLY_COMPETENT')], '2026-11-27')).toMatchObject({
      met: false,
      dateMet: null,
    });
    expect(
      at([g(2023, 'INCOMPETENT'), g(2024, 'UNGRADED'), g(2025, 'EXCELLENT')], '2026-11-27'),
    ).toMatchObject({ met: true, dateMet: '2026-01-01' });
  });

  it('the latest blocking year is the one that matters', () => {
    expect(
      at([g(2022, 'INCOMPETENT'), g(2023, 'COMPETENT'), g(2024, 'INCOMPETENT')], '2026-11-27'),
    ).toMatchObject({ met: false, dateMet: null, facts: { blockingYear: 2024 } });
  });

  it('a grade recorded for asOf’s year blocks only once that year has ended', () => {
    expect(at([g(2026, 'INCOMPETENT')], '2026-11-27')).toMatchObject({ met: true, current: null });
    expect(at([g(2026, 'INCOMPETENT')], '2027-01-01')).toMatchObject({ met: false, dateMet: null });
  });

  it('29 February: lifted on 1 January all the same', () => {
    const years = [g(2023, 'INCOMPETENT'), g(2024, 'COMPETENT')];
    expect(at(years, '2024-02-29')).toMatchObject({ met: false, dateMet: '2025-01-01' });
    expect(at(years, '2025-02-28')).toMatchObject({ met: true });
  });

  it('reads the number of counted years from the policy (0: a blocking grade never blocks)', () => {
    const two = withParams('PROMO_APPRAISAL', { countedYearsToLift: 2 });
    const years = [g(2022, 'INCOMPETENT'), g(2023, 'COMPETENT'), g(2024, 'UNGRADED'), g(2025, 'EXCELLENT')];
    expect(at(years, '2025-06-01', two)).toMatchObject({
      met: false,
      current: 1,
      remaining: 1,
      dateMet: '2026-01-01',
    });
    expect(at(years, '2026-01-01', two)).toMatchObject({ met: true, dateMet: '2026-01-01' });
    const none = withParams('PROMO_APPRAISAL', { countedYearsToLift: 0 });
    expect(at([g(2025, 'INCOMPETENT')], '2026-11-27', none)).toMatchObject({ met: true });
  });

  it('a blocking year before the current level began still blocks (the step down it led to)', () => {
    const r = promoAppraisal(
      facts({ levelStart: '2025-03-01', appraisals: [g(2024, 'INCOMPETENT')] }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: false, dateMet: null });
  });

  it('applies to rank promotions too', () => {
    expect(
      promoAppraisal(rankFacts({ appraisals: [g(2025, 'INCOMPETENT')] }), policy, '2026-11-27')?.met,
    ).toBe(false);
  });
});
