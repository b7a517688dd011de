/** One printed figure of `npm run bench`. */
export interface BenchRow {
  /** What was measured, e.g. "checkPostbackUrl, median per URL". */
  name: string;
  value: number;
  unit: 'ms' | 'µs' | 'KB' | 'MB' | 'x' | 'count' | 's';
  /** The same-run floor this figure is compared with, when there is one. */
  baseline?: { name: string; value: number };
  /** value / baseline.value, when there is a baseline. */
  ratio?: number;
  /** The target, in words, e.g. "≤ 20× floor". */
  goal?: string;
  /** Whether the goal was met (undefined when there is no goal). */
  pass?: boolean;
}

/** A bench module exports `bench()`; `npm run bench` runs each one in turn and prints the rows. */
export type BenchFn = () => Promise<BenchRow[]>;

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
