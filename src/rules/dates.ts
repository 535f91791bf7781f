import { fromDayNumber } from '../postings/durations';

const MS_PER_DAY = 86_400_000;

/** The time zone of the organisation departments: the day a recorded moment (a verification) falls on. */
export const RECORD_TIME_ZONE = 'Asia/Shanghai';

export { addDays, addYears, dayNumber } from '../postings/durations';

/** PostgreSQL's `date + interval 'N months'`: same day, clamped to the month's end (Aug 31 − 6 months = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromDayNumber(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)) / MS_PER_DAY,
  );
}

/** Day number of `y-m-d` + k years with the month-end clamp, without building strings (a hot path). */
function anniversaryDay(y: number, m: number, d: number, k: number): number {
  const lastDay = new Date(Date.UTC(y + k, m, 0)).getUTCDate();
  return Date.UTC(y + k, m - 1, Math.min(d, lastDay)) / MS_PER_DAY;
}

/**
 * Years from `from` to `to` by anniversary, plus the fraction of the year in progress; 0 when `to` ≤ `from`.
 * The same count as durations.durationYears for an open period, computed directly.
 */
export function yearsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const [y, m, d] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const stop = Date.UTC(ty, tm - 1, td) / MS_PER_DAY;
  let n = ty - y;
  if (anniversaryDay(y, m, d, n) > stop) n -= 1;
  const a = anniversaryDay(y, m, d, n);
  return n + (stop - a) / (anniversaryDay(y, m, d, n + 1) - a);
}

/** Two decimals: enough for a person reading "3.25 years", and stable in tests. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
