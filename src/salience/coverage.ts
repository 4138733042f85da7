// The summary figures of a salience distribution. A free-running generator is modelled as drawing
// k questions, each landing on unit i with probability p_i proportional to its salience; a unit is
// covered when at least one question lands on it.

/** Gini coefficient of non-negative values: 0 when all are equal, towards 1 when one holds everything. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  // A typed array sorts numerically without a comparator call per pair; built from the array-like, not an iterator.
  const sorted = new Float64Array(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total <= 0) return 0;
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

/** Salience normalised to probabilities; all-zero salience counts as uniform. */
export function normalise(saliences: readonly number[]): number[] {
  const total = saliences.reduce((sum, s) => sum + Math.max(0, s), 0);
  if (total <= 0) return saliences.map(() => 1 / saliences.length);
  return saliences.map((s) => Math.max(0, s) / total);
}

/**
 * Expected share of units covered by k salience-proportional draws: (1/n) Σ 1 − (1 − p_i)^k.
 * k defaults to n, one question per unit. A document without units counts as fully covered.
 */
export function expectedCoverage(saliences: readonly number[], k: number = saliences.length): number {
  const n = saliences.length;
  if (n === 0) return 1;
  let sum = 0;
  for (const p of normalise(saliences)) sum += 1 - Math.pow(1 - p, k);
  return sum / n;
}

/** Coverage of k uniform draws over n units: 1 − (1 − 1/n)^k. */
export function uniformCoverage(n: number, k: number = n): number {
  if (n <= 0) return 1;
  return 1 - Math.pow(1 - 1 / n, k);
}

/** Coverage a targeted generator reaches by asking about a different unit each time: min(1, k/n). */
export function targetedCoverage(n: number, k: number = n): number {
  if (n <= 0) return 1;
  return Math.min(1, k / n);
}
