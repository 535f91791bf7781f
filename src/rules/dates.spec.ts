import { addDays, durationYears } from '../postings/durations';
import { addMonths, yearsBetween } from './dates';

describe('addMonths (PostgreSQL date + interval semantics)', () => {
  it.each([
    ['2025-08-01', 24, '2027-08-01'],
    ['2025-08-01', 18, '2027-02-01'],
    ['2020-08-31', 18, '2022-02-28'],
    ['2016-02-29', 12, '2017-02-28'],
    ['2016-02-29', 48, '2020-02-29'],
    ['2020-03-31', -1, '2020-02-29'],
    ['2019-12-15', 1, '2020-01-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('yearsBetween', () => {
  it('counts like durationYears for an open period, over leap days and month ends', () => {
    const starts = ['2016-02-29', '2015-03-01', '2019-12-31', '2020-01-31', '2008-07-01'];
    for (const from of starts) {
      for (let k = -3; k < 4000; k += 37) {
        const to = addDays(from, k);
        expect(yearsBetween(from, to)).toBeCloseTo(durationYears({ startDate: from, endDate: null }, to), 12);
      }
    }
  });

  it.each([
    ['2016-02-29', '2017-02-28', 1],
    ['2016-02-29', '2020-02-29', 4],
    ['2015-09-01', '2018-09-01', 3],
    ['2015-09-01', '2015-09-01', 0],
    ['2015-09-01', '2014-09-01', 0],
  ])('%s → %s = %d', (from, to, years) => {
    expect(yearsBetween(from, to)).toBe(years);
  });
});
