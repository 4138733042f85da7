// Target selection. Every eligible sentence by default; with a budget of k, one target per
// stratum of n/k consecutive sentences, so the targets spread over the whole document and exactly
// min(k, n) distinct sentences are covered. The draw inside each stratum is seeded by --seed and
// the document's key, so a run is reproducible and documents do not all pick the same offsets.
import { hash32, seededRandom } from './tokens.js';

export type TargetBudget = { kind: 'all' } | { kind: 'questions'; perDocument: number } | { kind: 'ratio'; ratio: number };

/** How many targets a document of n eligible sentences gets. A positive ratio always yields at least one. */
export function targetCount(n: number, budget: TargetBudget): number {
  if (n === 0) return 0;
  switch (budget.kind) {
    case 'all':
      return n;
    case 'questions':
      return Math.min(n, Math.max(0, Math.floor(budget.perDocument)));
    case 'ratio':
      if (budget.ratio <= 0) return 0;
      return Math.min(n, Math.max(1, Math.round(budget.ratio * n)));
  }
}

/** Sorted indices of k targets among n eligible sentences, one per stratum. */
export function chooseTargets(n: number, k: number, seed: number, documentKey: string): number[] {
  const count = Math.min(n, Math.max(0, k));
  if (count === n) return Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(hash32(`${seed}\u0000${documentKey}`));
  const chosen: number[] = [];
  for (let i = 0; i < count; i++) {
    const low = Math.floor((i * n) / count);
    const high = Math.floor(((i + 1) * n) / count);
    chosen.push(low + Math.floor(random() * (high - low)));
  }
  return chosen;
}

/**
 * The baseline that free-running generators approximate: k draws with replacement, each sentence
 * drawn with probability proportional to its salience. Returns how many questions each sentence gets.
 */
export function salienceSample(weights: readonly number[], k: number, seed: number): number[] {
  const counts = new Array<number>(weights.length).fill(0);
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || total <= 0) return counts;
  const cumulative: number[] = [];
  let running = 0;
  for (const w of weights) cumulative.push((running += w));
  const random = seededRandom(seed);
  for (let draw = 0; draw < k; draw++) {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return counts;
}

/** Share of sentences with at least one question. */
export function coverage(counts: readonly number[]): number {
  if (counts.length === 0) return 0;
  return counts.filter((c) => c > 0).length / counts.length;
}

/** Gini coefficient of questions over sentences: 0 when every sentence gets the same number. */
export function gini(counts: readonly number[]): number {
  const n = counts.length;
  const total = counts.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...counts].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (i + 1) * x));
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
