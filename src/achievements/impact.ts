import { BetterWhen } from './achievement.entity';

/** When the client does not say which way is better, a rise is taken as the aim, a fall otherwise. */
export function inferBetterWhen(baseline: number, result: number): BetterWhen {
  return result >= baseline ? 'HIGHER' : 'LOWER';
}

/**
 * Relative change from the baseline in the better direction, in percent, rounded to one decimal:
 * 38.5 → 4.7 with LOWER is 87.8; a change the wrong way is negative. Null when the baseline is 0,
 * since no percentage of nothing exists.
 */
export function improvementPercent(baseline: number, result: number, betterWhen: BetterWhen): number | null {
  if (baseline === 0 || !Number.isFinite(baseline) || !Number.isFinite(result)) return null;
  const gain = betterWhen === 'HIGHER' ? result - baseline : baseline - result;
  const percent = Math.round((gain / Math.abs(baseline)) * 1000) / 10;
  return Object.is(percent, -0) ? 0 : percent;
}
