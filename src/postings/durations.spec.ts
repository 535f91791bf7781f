import { addYears, durationDays, durationYears, isCurrent, Period, unionDays, unionYears } from './durations';

const p = (startDate: string, endDate: string | null = null): Period => ({ startDate, endDate });

describe('addYears (PostgreSQL date + interval semantics)', () => {
  it.each([
    ['2016-03-01', 1, '2017-03-01'],
    ['2016-02-29', 1, '2017-02-28'],
    ['2016-02-29', 4, '2020-02-29'],
    ['2016-02-29', 0, '2016-02-29'],
    ['2015-12-31', 10, '2025-12-31'],
    ['2019-01-31', 1, '2020-01-31'],
  ])('%s + %i years = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });
});

describe('durationDays', () => {
  it.each<[string, Period, string, number]>([
    ['open posting, one day after start', p('2020-01-01'), '2020-01-02', 1],
    ['open posting, on the start day', p('2020-01-01'), '2020-01-01', 0],
    ['asOf before start', p('2020-01-01'), '2019-12-31', 0],
    ['closed single day', p('2020-01-01', '2020-01-01'), '2026-01-01', 1],
    ['closed whole leap year', p('2020-01-01', '2020-12-31'), '2026-01-01', 366],
    ['ending after asOf counts to asOf', p('2020-01-01', '2030-01-01'), '2020-01-11', 10],
    ['ending on asOf counts to asOf', p('2020-01-01', '2020-01-11'), '2020-01-11', 10],
    ['ending the day before asOf counts the end day', p('2020-01-01', '2020-01-10'), '2020-01-11', 10],
    ['across a DST change in many zones', p('2020-03-01'), '2020-04-01', 31],
  ])('%s', (_name, period, asOf, expected) => {
    expect(durationDays(period, asOf)).toBe(expected);
  });
});

describe('durationYears', () => {
  it.each<[string, Period, string, number]>([
    ['exact 10th anniversary', p('2016-03-01'), '2026-03-01', 10],
    ['day before 10th anniversary', p('2016-03-01'), '2026-02-28', 9 + 364 / 365],
    ['day after start', p('2016-03-01'), '2016-03-02', 1 / 365],
    ['asOf before start', p('2016-03-01'), '2016-01-01', 0],
    ['on the start day', p('2016-03-01'), '2016-03-01', 0],
    ['leap-day start, first anniversary is Feb 28', p('2016-02-29'), '2017-02-28', 1],
    ['leap-day start, day before first anniversary', p('2016-02-29'), '2017-02-27', 364 / 365],
    ['leap-day start, 4th anniversary is Feb 29', p('2016-02-29'), '2020-02-29', 4],
    ['leap-day start, 4 years less a day', p('2016-02-29'), '2020-02-28', 3 + 365 / 366],
    ['closed whole years', p('2016-01-01', '2020-12-31'), '2026-11-27', 5],
    [
      'closed, half a year past the first anniversary',
      p('2019-07-01', '2020-12-31'),
      '2026-11-27',
      1 + 184 / 365,
    ],
    ['township head since 2015-09-01 on 2025-09-01', p('2015-09-01'), '2025-09-01', 10],
    ['ending after asOf counts to asOf', p('2016-03-01', '2030-01-01'), '2026-03-01', 10],
  ])('%s', (_name, period, asOf, expected) => {
    expect(durationYears(period, asOf)).toBeCloseTo(expected, 10);
  });

  it('is just under 10 the day before the anniversary', () => {
    expect(durationYears(p('2016-03-01'), '2026-02-28')).toBeLessThan(10);
    expect(durationYears(p('2016-03-01'), '2026-02-28')).toBeGreaterThan(9.99);
  });
});

describe('isCurrent', () => {
  it.each<[Period, string, boolean]>([
    [p('2020-01-01'), '2020-01-01', true],
    [p('2020-01-01'), '2019-12-31', false],
    [p('2020-01-01', '2020-06-30'), '2020-06-30', true],
    [p('2020-01-01', '2020-06-30'), '2020-07-01', false],
  ])('%j on %s is %s', (period, asOf, expected) => {
    expect(isCurrent(period, asOf)).toBe(expected);
  });
});

describe('unionDays', () => {
  it.each<[string, Period[], string, number]>([
    ['no periods', [], '2026-01-01', 0],
    ['one closed period', [p('2020-01-01', '2020-01-10')], '2026-01-01', 10],
    ['two with a gap', [p('2020-01-01', '2020-01-10'), p('2020-02-01', '2020-02-05')], '2026-01-01', 15],
    [
      'overlap counted once',
      [p('2020-01-01', '2020-01-10'), p('2020-01-05', '2020-01-20')],
      '2026-01-01',
      20,
    ],
    ['contained period', [p('2020-01-01', '2020-01-31'), p('2020-01-10', '2020-01-12')], '2026-01-01', 31],
    ['adjacent periods', [p('2020-01-01', '2020-01-10'), p('2020-01-11', '2020-01-20')], '2026-01-01', 20],
    ['unsorted input', [p('2020-02-01', '2020-02-05'), p('2020-01-01', '2020-01-10')], '2026-01-01', 15],
    ['open period cut at asOf', [p('2020-01-01', '2020-01-10'), p('2020-01-05')], '2020-01-31', 30],
    ['period after asOf ignored', [p('2020-01-01', '2020-01-10'), p('2021-01-01')], '2020-06-01', 10],
  ])('%s', (_name, periods, asOf, expected) => {
    expect(unionDays(periods, asOf)).toBe(expected);
  });

  it('unionYears divides union days by 365.25', () => {
    expect(unionYears([p('2020-01-01', '2023-12-31'), p('2022-01-01', '2023-12-31')], '2026-01-01')).toBe(
      1461 / 365.25,
    );
  });
});
