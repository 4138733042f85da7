// corpuslint's programmatic API: `import { lint, fix, generate, loadConfig, rules } from 'corpuslint'`.
// Each function takes a string, files, or a stream of JSONL records; docs/api.md documents every
// call and test/api.test.ts runs the documented examples.
import { resolveApiConfig, type ConfigOptions } from './api/config.js';
import { fileRunInputs, runInputs, textRunInput, type FilesInput, type LintReport, type TextInput } from './api/files.js';
import { processRecords, type RecordFixResult, type RecordResult, type RecordSource, type RecordStreamOptions } from './api/records.js';
import { ruleRegistry } from './rules/index.js';
import type { FileResult, RuleModule } from './types.js';

export { loadConfig, type ConfigOptions } from './api/config.js';
export type { LoadedConfig } from './config/load.js';
export type { UserConfig, RuleSetting, JsonlSettings, EffectiveConfig } from './config/types.js';
export { ConfigError } from './config/error.js';
export type { TextInput, FilesInput, LintReport } from './api/files.js';
export type { JsonRecord, RecordSource, RecordResult, RecordFixResult, RecordStreamOptions } from './api/records.js';
export type { Finding, FindingFix, FileResult, LintSummary, RecordRef, Range, RuleModule, RuleMeta, RuleContext, DocumentFormat } from './types.js';
export { formatters, getFormatter, type Formatter, type ReportContext } from './reporters/index.js';
export { generate, builtinSource, type GenerateInput, type GenerateOptions, type GenerateResult } from './api/generate.js';
export { VERSION as version } from './version.js';

/** Every built-in rule by id. Each module carries its meta (description, options, examples, docs URL). */
export const rules: ReadonlyMap<string, RuleModule> = ruleRegistry;

export type LintOptions = ConfigOptions;

export interface FixOptions extends ConfigOptions {
  /** Also apply fixes that rules mark unsafe (`--unsafe-fixes`). */
  unsafeFixes?: boolean;
}

export interface FileFixOptions extends FixOptions {
  /** Rewrite the files in place (`--fix`). Without it or `outDir`, nothing is written. */
  write?: boolean;
  /** Write fixed copies under this directory (`--fix --out-dir`). */
  outDir?: string;
}

/** A string's findings: a FileResult for the one text (JSONL text yields one finding list over its records). */
export type TextLintResult = FileResult;

export interface TextFixResult extends FileResult {
  /** The fixed text (the input when nothing was fixed). */
  output: string;
  changed: boolean;
}

function isRecordsInput(input: unknown): input is { records: RecordSource } {
  return typeof input === 'object' && input !== null && 'records' in input;
}

function isFilesInput(input: unknown): input is FilesInput {
  return typeof input === 'object' && input !== null && 'files' in input;
}

function asTextInput(input: string | TextInput): TextInput {
  return typeof input === 'string' ? { text: input } : input;
}

/** Lints a string. */
export function lint(input: string | TextInput, options?: LintOptions): Promise<TextLintResult>;
/** Lints files, directories and globs. */
export function lint(input: FilesInput, options?: LintOptions): Promise<LintReport>;
/** Lints a stream of JSONL records, yielding one result per record as it arrives. */
export function lint(input: { records: RecordSource } & RecordStreamOptions, options?: LintOptions): AsyncGenerator<RecordResult>;
export function lint(
  input: string | TextInput | FilesInput | ({ records: RecordSource } & RecordStreamOptions),
  options: LintOptions = {},
): Promise<TextLintResult> | Promise<LintReport> | AsyncGenerator<RecordResult> {
  if (isRecordsInput(input)) return recordStream(input, options);
  if (isFilesInput(input)) return lintFiles(input, options);
  return lintText(asTextInput(input), options);
}

/** Fixes a string and returns the fixed text with the findings left after fixing. */
export function fix(input: string | TextInput, options?: FixOptions): Promise<TextFixResult>;
/** Fixes files. Nothing is written unless `write: true` or `outDir` is given; results carry `output` for changed files. */
export function fix(input: FilesInput, options?: FileFixOptions): Promise<LintReport>;
/** Fixes a stream of JSONL records, yielding each record with its text fixed. */
export function fix(input: { records: RecordSource } & RecordStreamOptions, options?: FixOptions): AsyncGenerator<RecordFixResult>;
export function fix(
  input: string | TextInput | FilesInput | ({ records: RecordSource } & RecordStreamOptions),
  options: FileFixOptions = {},
): Promise<TextFixResult> | Promise<LintReport> | AsyncGenerator<RecordFixResult> {
  if (isRecordsInput(input)) return recordStream(input, options, { unsafe: Boolean(options.unsafeFixes) });
  if (isFilesInput(input)) return fixFiles(input, options);
  return fixText(asTextInput(input), options);
}

async function lintText(input: TextInput, options: LintOptions): Promise<TextLintResult> {
  const resolved = await resolveApiConfig(options);
  const report = await runInputs([textRunInput(input, resolved.cwd)], resolved, 'none');
  return report.files[0];
}

async function fixText(input: TextInput, options: FixOptions): Promise<TextFixResult> {
  const resolved = await resolveApiConfig(options);
  const report = await runInputs([textRunInput(input, resolved.cwd)], resolved, 'dry-run', { unsafe: options.unsafeFixes });
  const result = report.files[0];
  const changed = result.output !== undefined;
  return { ...result, output: result.output ?? input.text, changed };
}

async function lintFiles(input: FilesInput, options: LintOptions): Promise<LintReport> {
  const resolved = await resolveApiConfig(options);
  return runInputs(fileRunInputs(input, resolved), resolved, 'none');
}

async function fixFiles(input: FilesInput, options: FileFixOptions): Promise<LintReport> {
  const resolved = await resolveApiConfig(options);
  const mode = options.outDir !== undefined ? 'out-dir' : options.write ? 'write' : 'dry-run';
  return runInputs(fileRunInputs(input, resolved), resolved, mode, { outDir: options.outDir, unsafe: options.unsafeFixes });
}

async function* recordStream(input: { records: RecordSource } & RecordStreamOptions, options: ConfigOptions, selection?: { unsafe: boolean }): AsyncGenerator<RecordFixResult> {
  const resolved = await resolveApiConfig(options);
  yield* processRecords(input.records, resolved, { filePath: input.filePath }, selection);
}
