// One input file's run: the run's shared types, the rules and options that apply to a file, the
// sink its fixed bytes go to, and the run of a whole (non-JSONL) file as one document.
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult, Finding, RuleModule } from '../types.js';
import { resolveConfig, type LoadedConfig } from '../config/load.js';
import type { EffectiveConfig } from '../config/types.js';
import { readDocuments, type InputSource } from '../inputs/read-documents.js';
import type { FixSelection } from '../fix/apply.js';
import { AtomicFileSink, MemorySink, PassThroughSink, type Sink } from '../fix/sink.js';
import type { ActiveRule } from './lint-document.js';
import { processDocument } from './process-document.js';
import type { CorpusStates } from './corpus.js';
import { countFindings } from './counts.js';
import type { Concurrency } from './parallelism.js';

export type FixMode = 'none' | 'write' | 'dry-run' | 'diff' | 'out-dir' | 'stdout';

export interface RunInput extends InputSource {
  /** Absolute path for config resolution (the `--stdin-filename` for stdin). */
  configPath: string;
  /** Path under `--out-dir` that mirrors this input. */
  outPath?: string;
  /** Where `--fix-stdout` writes a streamed input's fixed bytes as they are produced. */
  writeThrough?: (chunk: Buffer | string) => void;
  /** For sharded JSONL: lint only the lines that start in this byte range (lint only, never fixed). */
  byteRange?: [number, number];
}

export interface RunOptions {
  registry: ReadonlyMap<string, RuleModule>;
  loaded: LoadedConfig;
  fixMode: FixMode;
  outDir?: string;
  selection: FixSelection;
  /** Keep each file's source text on its result (for diffs and the HTML report). */
  keepSource?: boolean;
  /** Only these rules run, when given (`--rule`). */
  onlyRules?: ReadonlySet<string>;
  /** Worker threads: off (the default), auto (all cores for large inputs) or a count. */
  concurrency?: Concurrency;
  /** Where `--cache` keeps results; no caching when absent. */
  cacheLocation?: string;
  /**
   * Write a JSONL file's findings to a spool as they are produced (read back with findingsOf), so
   * memory stays flat whatever the file's size. A cache reads a file's findings back from its spool.
   */
  spoolFindings?: boolean;
}

export interface FileRun {
  result: FileResult;
  /** A read error or a crashed rule: the run exits 2. */
  fatal: boolean;
  /** The file's content changed under the fix. */
  changed: boolean;
  /** Fixed bytes, for `--fix-stdout`. */
  stdout?: Buffer;
  /** A spooled result's crashed-rule findings, kept in memory for the messages on stderr. */
  ruleErrors?: Finding[];
}

export function activeRulesFor(effective: EffectiveConfig, options: Pick<RunOptions, 'registry' | 'onlyRules'>, corpus?: CorpusStates): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const [id, module] of options.registry) {
    const setting = effective.rules[id];
    if (!setting || setting.severity === 'off') continue;
    if (options.onlyRules && !options.onlyRules.has(id)) continue;
    active.push({ module, severity: setting.severity === 'error' ? 'error' : 'warning', options: setting.options, corpus: corpus?.get(id) });
  }
  return active;
}

export function fixing(mode: FixMode): boolean {
  return mode !== 'none';
}

export function sinkFor(input: RunInput, options: RunOptions): Sink | undefined {
  switch (options.fixMode) {
    case 'none':
      return undefined;
    case 'write':
      return input.absolute ? new AtomicFileSink(input.absolute, input.gzip) : new MemorySink();
    case 'stdout':
      return input.writeThrough ? new PassThroughSink(input.writeThrough) : new MemorySink();
    case 'out-dir':
      return new AtomicFileSink(outDirTarget(input, options), input.gzip);
    default:
      return new MemorySink();
  }
}

/** Resolved rules and options for one input. */
export function fileContext(input: RunInput, options: RunOptions, corpus?: CorpusStates) {
  const effective = resolveConfig(options.loaded, input.configPath, options.registry);
  const rules = activeRulesFor(effective, options, corpus);
  const lintOptions = { limits: effective.limits, allowInlineConfig: effective.allowInlineConfig };
  const fix = fixing(options.fixMode) ? options.selection : undefined;
  return { effective, rules, lintOptions, fix };
}

export function newResult(input: RunInput, findings: Finding[]): FileResult {
  return {
    path: input.path,
    findings,
    ...countFindings(findings),
  };
}

export function outDirTarget(input: RunInput, options: RunOptions): string {
  return path.join(options.outDir!, input.outPath ?? path.basename(input.path));
}

/** Collects a memory sink's bytes onto the run for the dry-run, diff and stdout modes. */
export function finishMemory(run: FileRun, sink: Sink | undefined, input: RunInput, options: RunOptions, source: string | undefined): void {
  if (!(sink instanceof MemorySink) || run.fatal) return;
  const bytes = sink.bytes;
  if (options.fixMode === 'stdout') run.stdout = bytes;
  if (run.changed && (options.fixMode === 'dry-run' || options.fixMode === 'diff')) {
    run.result.output = bytes.toString('utf8');
    if (options.fixMode === 'diff' && source === undefined) run.result.source = (input.bytes ?? fs.readFileSync(input.absolute!)).toString('utf8');
  }
}

export async function settleSink(sink: Sink | undefined, changed: boolean, options: RunOptions): Promise<void> {
  if (!sink) return;
  if (options.fixMode === 'write' && !changed) sink.abort();
  else await sink.commit();
}

/** A Markdown, HTML or text file: one document. */
export async function runWholeFile(input: RunInput, options: RunOptions, corpus?: CorpusStates): Promise<FileRun> {
  const { effective, rules, lintOptions, fix } = fileContext(input, options, corpus);
  const findings: Finding[] = [];
  let fatal = false;
  let changed = false;
  let source: string | undefined;
  let output: string | undefined;
  let skipped = false;
  for await (const event of readDocuments(input, effective.jsonl)) {
    if (event.type === 'skipped') {
      findings.push(event.finding);
      fatal ||= Boolean(event.fatal);
      skipped = true;
    } else if (event.type === 'document') {
      const outcome = processDocument(event.document, rules, lintOptions, fix);
      findings.push(...outcome.findings);
      if (options.keepSource) source = event.document.text;
      output = outcome.output;
      changed = output !== event.document.text;
    }
  }
  fatal ||= findings.some((f) => f.ruleId === 'rule-error');
  const run: FileRun = { result: newResult(input, findings), fatal, changed };
  if (source !== undefined) run.result.source = source;
  if (!fix) return run;
  if (skipped) {
    // A file that could not be read or decoded is never rewritten; under --out-dir its bytes are copied as they are.
    if (options.fixMode === 'out-dir' && input.absolute && !fatal) {
      const target = outDirTarget(input, options);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(input.absolute, target);
    }
    return run;
  }
  const sink = sinkFor(input, options);
  sink?.write(output ?? '');
  await settleSink(sink, changed, options);
  finishMemory(run, sink, input, options, source);
  return run;
}
