/** Adds a candidate to a talent pool (wired when the talent pool API is available). */
export function PoolPicker(_: { cadreId: string; cadreName: string; targetLevel: string | null }) {
  return null;
}
