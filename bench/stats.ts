/** Small number helpers for the bench. */

/** p50/p95/p99/max of a list of milliseconds (nearest-rank percentiles). */
export interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles; NaN when empty. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length ? sorted.at(-1)! : NaN };
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export function wall(): number {
  return performance.timeOrigin + performance.now();
}

/** Adds b's counts into a. */
export function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  return a;
}

/** Counts one occurrence of key. */
export function count(a: Record<string, number>, key: string): void {
  a[key] = (a[key] ?? 0) + 1;
}

/** Resolves after ms. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A number with fixed decimals, or an en dash when not a number. */
export function fmt(value: number | undefined, decimals = 1): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}
