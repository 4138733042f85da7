// The trained scorer: a logistic regression that says whether a clause is instruction-like, and a
// softmax regression over the same features that names its category. Both are plain weight lists
// in data/instruction-model.json, written by scripts/train-instruction.mjs.
import fs from 'node:fs';
import { FEATURE_NAMES, type FeatureVector } from './features.js';

export const CATEGORIES = [
  'instruction_override', 'prompt_extraction', 'refusal_template', 'format_constraint', 'persona_override',
  'task_conflict', 'tool_action', 'code_injection', 'malicious_content',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The JSON file as written by the training script. */
export interface ModelFile {
  version: 1;
  features: string[];
  weights: number[];
  bias: number;
  categories: string[];
  categoryWeights: number[][];
  categoryBias: number[];
  threshold: number;
  growThreshold: number;
  /** Added to the threshold for clauses of a category, tuned on the dev set. */
  categoryOffsets?: Record<string, number>;
  /** Score at or above which a clause may seed a span without any model-directed cue. */
  undirectedThreshold?: number;
  /** Words the POS lexicon allows as base-form verbs: the imperative test. */
  verbs: string[];
  notes?: Record<string, unknown>;
}

/** A model aligned to the feature order of this build. */
export interface Model {
  weights: Float64Array;
  bias: number;
  categories: Category[];
  categoryWeights: Float64Array[];
  categoryBias: number[];
  threshold: number;
  growThreshold: number;
  categoryOffsets: Partial<Record<Category, number>>;
  undirectedThreshold: number;
  verbs: ReadonlySet<string>;
}

function align(names: readonly string[], values: readonly number[]): Float64Array {
  const byName = new Map(names.map((n, i) => [n, values[i] ?? 0]));
  return Float64Array.from(FEATURE_NAMES, (n) => byName.get(n) ?? 0);
}

export function modelFromFile(file: ModelFile): Model {
  const categories = file.categories.filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c));
  return {
    weights: align(file.features, file.weights),
    bias: file.bias,
    categories,
    categoryWeights: categories.map((c) => align(file.features, file.categoryWeights[file.categories.indexOf(c)])),
    categoryBias: categories.map((c) => file.categoryBias[file.categories.indexOf(c)]),
    threshold: file.threshold,
    growThreshold: file.growThreshold,
    categoryOffsets: { ...(file.categoryOffsets ?? {}) },
    undirectedThreshold: file.undirectedThreshold ?? 0.98,
    verbs: new Set(file.verbs),
  };
}

export function loadModelFile(url: URL): ModelFile {
  return JSON.parse(fs.readFileSync(url, 'utf8')) as ModelFile;
}

const dot = (w: Float64Array, x: FeatureVector): number => {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] * x[i];
  return sum;
};

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function scoreUnit(model: Model, x: FeatureVector): number {
  return sigmoid(model.bias + dot(model.weights, x));
}

export function categorize(model: Model, x: FeatureVector): Category {
  let best = 0;
  let bestLogit = -Infinity;
  model.categoryWeights.forEach((w, k) => {
    const logit = model.categoryBias[k] + dot(w, x);
    if (logit > bestLogit) {
      bestLogit = logit;
      best = k;
    }
  });
  return model.categories[best] ?? 'task_conflict';
}
