// The seed floor: the least score a clause must be able to reach to start a span. Feature
// extraction compares an upper bound of the clause's logit with it at each stage (features.ts),
// and leaves the rest of the work to a flagged neighbour's request when the bound falls short.

/** The least logits a clause must be able to reach to start a span, with the scorer's weights. */
export interface SeedFloor {
  weights: Float64Array;
  bias: number;
  /** For a clause with a model-directed cue. */
  directedLogit: number;
  /** For any other clause. */
  undirectedLogit: number;
}

/**
 * Rounding slack for the seed floor: a bound sums its terms in another order than the scorer, and
 * the thresholds are compared as probabilities. A clause within this of the floor is scored in full.
 */
const FLOOR_SLACK = 1e-9;

/** The logit of the features set so far in x (the others are 0), raised by the rounding slack. */
export function bound(floor: SeedFloor, x: Float64Array): number {
  let logit = floor.bias + FLOOR_SLACK;
  for (let k = 0; k < x.length; k++) logit += floor.weights[k] * x[k];
  return logit;
}

/** The most that a feature in [0, 1] at `slot` adds to the logit, if it can be non-zero. */
export function up(floor: SeedFloor, slot: number, possible: unknown): number {
  return possible ? Math.max(0, floor.weights[slot]) : 0;
}

/**
 * The most that a feature in [-1, 1] at `slot` adds to the logit, if it can be non-zero: at -1 a
 * negative weight adds its size, so the bound must not assume the weight's sign (a retrained model
 * may flip it).
 */
export function upSigned(floor: SeedFloor, slot: number, possible: unknown): number {
  return possible ? Math.abs(floor.weights[slot]) : 0;
}
