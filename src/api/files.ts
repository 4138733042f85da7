// Strings and files go through the same runner as the CLI, so a library caller gets exactly the
// findings, fixes and JSONL handling that `corpuslint` prints.
import path from 'node:path';
import { discover, toPosix } from '../inputs/discover.js';
import { formatOf } from '../inputs/formats.js';
import { run, type FixMode, type RunInput } from '../engine/run.js';
import type { DocumentFormat, FileResult, LintSummary } from '../types.js';
import type { ResolvedApiConfig } from './config.js';

export interface TextInput {
  text: string;
  /** A name for the text: its extension picks the format (`.md`, `.html`, `.jsonl`...) and config overrides match it. */
  filePath?: string;
  /** The format, when there is no file name to tell it. Default: from `filePath`, else `text`. */
  format?: DocumentFormat | 'jsonl';
}

export interface FilesInput {
  /** Files, directories and globs, as the CLI takes them. */
  files: string | string[];
  /** `false` lints ignored files too (the CLI's `--no-ignore`). */
  ignore?: boolean;
  /** More patterns to ignore, as `--ignore-pattern`. */
  ignorePatterns?: string[];
}

export interface LintReport {
  files: FileResult[];
  summary: LintSummary;
  /** A file could not be read or a rule crashed: the CLI would exit with 2. */
  fatal: boolean;
}

export function textRunInput(input: TextInput, cwd: string): RunInput {
  const name = input.filePath ?? '<text>';
  const kind = input.format ?? formatOf(name)?.kind ?? 'text';
  return { path: input.filePath ? toPosix(input.filePath) : '<text>', bytes: Buffer.from(input.text, 'utf8'), kind, gzip: false, configPath: path.resolve(cwd, name) };
}

export function fileRunInputs(input: FilesInput, resolved: ResolvedApiConfig): RunInput[] {
  const patterns = Array.isArray(input.files) ? input.files : [input.files];
  const ignoreEnabled = input.ignore !== false;
  const { files, missing } = discover(patterns, {
    cwd: resolved.cwd,
    ignorePatterns: [...(resolved.loaded.config.ignorePatterns ?? []), ...(input.ignorePatterns ?? [])],
    useIgnoreFile: ignoreEnabled,
    ignoreEnabled,
  });
  if (missing.length > 0) throw new Error(`No files matching ${missing.map((m) => `"${m}"`).join(', ')} were found.`);
  return files.map((file) => {
    const outside = file.relative.startsWith('../') || path.isAbsolute(file.relative);
    return {
      path: file.relative,
      absolute: file.absolute,
      kind: file.kind,
      gzip: file.gzip,
      configPath: file.absolute,
      outPath: outside ? toPosix(path.relative(file.base, file.absolute)) : file.relative,
    };
  });
}

export async function runInputs(inputs: RunInput[], resolved: ResolvedApiConfig, fixMode: FixMode, extra: { outDir?: string; unsafe?: boolean } = {}): Promise<LintReport> {
  const outcome = await run(inputs, {
    registry: resolved.registry,
    loaded: resolved.loaded,
    fixMode,
    outDir: extra.outDir === undefined ? undefined : path.resolve(resolved.cwd, extra.outDir),
    selection: { unsafe: Boolean(extra.unsafe) },
  });
  return { files: outcome.files.map((f) => f.result), summary: outcome.summary, fatal: outcome.fatal };
}
