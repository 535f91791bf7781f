/**
 * How long a posting lasted, as pure functions on 'YYYY-MM-DD' strings.
 * All arithmetic is on UTC day numbers, so no time zone or DST can shift a day.
 *
 * A posting covers the days [start, end] inclusive, i.e. the half-open interval [start, end + 1 day).
 * An open posting, or one ending on or after asOf, counts up to asOf: [start, asOf).
 */

const MS_PER_DAY = 86_400_000;

export interface Period {
  startDate: string;
  endDate: string | null;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** PostgreSQL's `date + interval 'N years'`: same month and day, clamped to the month's end (Feb 29 → Feb 28). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(y + years, m - 1, Math.min(d, lastDay)) / MS_PER_DAY);
}

/** The exclusive end day number of a period as counted on asOf. */
function stopDay(p: Period, asOf: string): number {
  const asOfDay = dayNumber(asOf);
  if (p.endDate === null) return asOfDay;
  return Math.min(dayNumber(p.endDate) + 1, asOfDay);
}

/** True when the period covers asOf: start ≤ asOf and (no end or end ≥ asOf). */
export function isCurrent(p: Period, asOf: string): boolean {
  return p.startDate <= asOf && (p.endDate === null || p.endDate >= asOf);
}

/** Days served by asOf; 0 if asOf is before the start. */
export function durationDays(p: Period, asOf: string): number {
  return Math.max(0, stopDay(p, asOf) - dayNumber(p.startDate));
}

/**
 * Whole years by anniversary, plus the elapsed fraction of the current anniversary year.
 * Anniversaries are always counted from the start date (start + N years), never chained,
 * so a 2016-02-29 start has anniversaries on 2017-02-28 and 2020-02-29.
 */
export function durationYears(p: Period, asOf: string): number {
  const start = dayNumber(p.startDate);
  const stop = stopDay(p, asOf);
  if (stop <= start) return 0;
  // An estimate from 365.25-day years, then corrected by the real anniversaries.
  let n = Math.floor((stop - start) / 365.25);
  while (n > 0 && dayNumber(addYears(p.startDate, n)) > stop) n -= 1;
  while (dayNumber(addYears(p.startDate, n + 1)) <= stop) n += 1;
  const from = dayNumber(addYears(p.startDate, n));
  const to = dayNumber(addYears(p.startDate, n + 1));
  return n + (stop - from) / (to - from);
}

/** Days covered by any of the periods by asOf, overlapping days counted once. */
export function unionDays(periods: readonly Period[], asOf: string): number {
  const spans = periods
    .map((p) => [dayNumber(p.startDate), stopDay(p, asOf)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [s, e] of spans) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) {
      curEnd = e;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/**
 * Grassroots years: the union of days in grassroots units divided by 365.25.
 * Years are counted in average-length years here (not by anniversary) because a union of
 * separate periods has no single start date to take anniversaries from.
 */
export function unionYears(periods: readonly Period[], asOf: string): number {
  return unionDays(periods, asOf) / 365.25;
}
