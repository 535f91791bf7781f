/**
 * Seed data is laid out relative to a fixed reference date, never today's date, so every run is the same.
 * It matches the date the example cases in DOMAIN.md are judged on.
 */
export const SEED_AS_OF = '2026-11-27';

const DAY_MS = 86_400_000;

/** Months since year 0: 2026-11 is 2026 * 12 + 10. */
export const monthIndex = (year: number, month: number): number => year * 12 + (month - 1);

export const AS_OF_MONTH = monthIndex(2026, 11);
export const AS_OF_DAY = Date.parse(`${SEED_AS_OF}T00:00:00Z`) / DAY_MS;

/** Days since 1970-01-01 of the first day of a month index. */
export const monthStartDay = (m: number): number => Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS;

export const fmtDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 'YYYY-MM-01' of a month index. */
export const monthStart = (m: number): string => fmtDay(monthStartDay(m));

/** The last day of the month before `m`: the inclusive end of a posting followed by one starting in `m`. */
export const dayBefore = (m: number): string => fmtDay(monthStartDay(m) - 1);

export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

export const yearOfMonth = (m: number): number => Math.floor(m / 12);
