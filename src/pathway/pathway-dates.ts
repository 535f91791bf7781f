import { durationYears, fromDayNumber } from '../postings/durations';

export { addDays, addYears, dayNumber } from '../postings/durations';

/** PostgreSQL's `date + interval 'N months'`: same day, clamped to the month's end (Aug 31 − 6 months = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromDayNumber(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)) / 86_400_000,
  );
}

/** Years from `from` to `to` by anniversary (with the fraction of the current year); 0 when `to` ≤ `from`. */
export function yearsBetween(from: string, to: string): number {
  return durationYears({ startDate: from, endDate: null }, to);
}

/** Two decimals: enough for a person reading "3.25 years", and stable in tests. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
