/** What one scenario measured on one side (the service over HTTP, or raw SQL through pg). */
export interface LoadStats {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** CPU milliseconds per request: the service process (HTTP side only) and the PostgreSQL backends serving it. */
  cpu?: { serviceMs?: number; postgresMs: number };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Latencies in milliseconds of the answered requests; `requests` includes those never answered. */
export function summarize(
  latencies: number[],
  errors: number,
  seconds: number,
  requests = latencies.length,
): LoadStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    requests,
    errors,
    seconds: round(seconds, 1),
    rps: round((requests - errors) / seconds, 1),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}
