// `generate` for library callers: the same pipeline as `corpuslint generate` (sanitize with --fix,
// pick eligible target sentences, write one grounded question per target), returning the items
// and the run summary.
import { builtinSource } from '../generate/builtin.js';
import { DEFAULT_ELIGIBILITY, type EligibilityOptions } from '../generate/eligibility.js';
import { runGenerate, type DraftSource } from '../generate/pipeline.js';
import type { GenerateSummary } from '../generate/summary.js';
import type { TargetBudget } from '../generate/targets.js';
import type { QAItem } from '../generate/types.js';
import type { RunInput } from '../engine/run.js';
import { resolveApiConfig, type ConfigOptions } from './config.js';
import { fileRunInputs, textRunInput, type FilesInput, type TextInput } from './files.js';
import type { RecordSource } from './records.js';

export type { QAItem } from '../generate/types.js';
export type { GenerateSummary } from '../generate/summary.js';
export type { DraftSource } from '../generate/pipeline.js';
export { builtinSource } from '../generate/builtin.js';
export type { TargetBudget } from '../generate/targets.js';
export type { EligibilityOptions } from '../generate/eligibility.js';

export type GenerateInput = string | TextInput | FilesInput | { records: RecordSource; filePath?: string };

export interface GenerateOptions extends ConfigOptions {
  /** Remove flagged spans (safe fixes) before generating; `false` is the CLI's `--no-sanitize`. Default true. */
  sanitize?: boolean;
  /** Generate from documents that still have findings after sanitizing. Default false: they are skipped. */
  allowFindings?: boolean;
  /** Which sentences to target. Default: every eligible sentence. */
  budget?: TargetBudget;
  eligibility?: Partial<EligibilityOptions>;
  /**
   * Lint each question and answer like a document and drop those with findings, so that a QA pair
   * does not carry an injection back in. Default: on when sanitizing (the CLI's `--no-guard` turns it off).
   */
  guard?: boolean;
  /** Seeds the target draw when the budget is smaller than a document. Default 1, as the CLI. */
  seed?: number;
  /** Where questions come from. Default: the built-in offline generator. */
  source?: DraftSource;
  /** Called for each item as it is accepted, in input order. */
  onItem?: (item: QAItem) => void;
}

export interface GenerateResult {
  items: QAItem[];
  summary: GenerateSummary;
}

async function recordBytes(records: RecordSource): Promise<Buffer> {
  // The sanitizer's corpus pass reads the input twice, so a stream is gathered first.
  const parts: Buffer[] = [];
  for await (const item of records as AsyncIterable<unknown>) {
    if (typeof item === 'string') parts.push(Buffer.from(item, 'utf8'));
    else if (item instanceof Uint8Array) parts.push(Buffer.from(item));
    else parts.push(Buffer.from(`${JSON.stringify(item)}\n`, 'utf8'));
  }
  return Buffer.concat(parts);
}

/** Generates QA pairs from a string, files, or JSONL records. */
export async function generate(input: GenerateInput, options: GenerateOptions = {}): Promise<GenerateResult> {
  const resolved = await resolveApiConfig(options);
  let inputs: RunInput[];
  if (typeof input === 'string') inputs = [textRunInput({ text: input }, resolved.cwd)];
  else if ('records' in input) {
    const bytes = await recordBytes(input.records);
    const run = textRunInput({ text: '', filePath: input.filePath ?? 'records.jsonl', format: 'jsonl' }, resolved.cwd);
    inputs = [{ ...run, bytes }];
  } else if ('files' in input) inputs = fileRunInputs(input, resolved);
  else inputs = [textRunInput(input, resolved.cwd)];
  const items: QAItem[] = [];
  const summary = await runGenerate(inputs, {
    registry: resolved.registry,
    loaded: resolved.loaded,
    sanitize: options.sanitize !== false,
    allowFindings: Boolean(options.allowFindings),
    eligibility: { ...DEFAULT_ELIGIBILITY, ...(options.eligibility ?? {}) },
    budget: options.budget ?? { kind: 'all' },
    guard: options.guard ?? options.sanitize !== false,
    seed: options.seed ?? 1,
    source: options.source ?? (builtinSource as DraftSource),
    onItem: (item) => {
      items.push(item);
      options.onItem?.(item);
    },
  });
  return { items, summary };
}
