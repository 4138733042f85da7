// The lint run: for each input, resolve its config, read its documents, lint them, fix them when
// asked, and stream the output to its sink. Files are independent, so a worker can run one alone.
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult, Finding, LintSummary, RuleModule } from '../types.js';
import { resolveConfig, type LoadedConfig } from '../config/load.js';
import type { EffectiveConfig } from '../config/types.js';
import { byteStream, readDocuments, type InputSource } from '../inputs/read-documents.js';
import { resolveLineRange, type LineRange } from '../inputs/byte-range.js';
import { isFixable, type FixSelection } from '../fix/apply.js';
import { AtomicFileSink, MemorySink, PassThroughSink, type Sink } from '../fix/sink.js';
import { coreFinding, type ActiveRule } from './lint-document.js';
import { processDocument } from './process-document.js';
import { blocksOf, processJsonlBlock, shiftRecords, type BlockContext, type BlockOutcome, type JsonlBlock } from './jsonl-block.js';
import { runCorpusPasses, type CorpusStates } from './corpus.js';
import { ruleRegistry } from '../rules/index.js';
import { LintCache } from '../cache/lint-cache.js';
import { VERSION } from '../version.js';
import { countFindings } from './counts.js';
import { chooseParallelism, type Concurrency } from './parallelism.js';
import { attachFindings, FindingSpool } from './finding-spool.js';

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
   * memory stays flat whatever the file's size. Ignored with a cache, which stores findings.
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

function fixing(mode: FixMode): boolean {
  return mode !== 'none';
}

function sinkFor(input: RunInput, options: RunOptions): Sink | undefined {
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

function newResult(input: RunInput, findings: Finding[]): FileResult {
  return {
    path: input.path,
    findings,
    ...countFindings(findings),
  };
}

function outDirTarget(input: RunInput, options: RunOptions): string {
  return path.join(options.outDir!, input.outPath ?? path.basename(input.path));
}

/** Collects a memory sink's bytes onto the run for the dry-run, diff and stdout modes. */
function finishMemory(run: FileRun, sink: Sink | undefined, input: RunInput, options: RunOptions, source: string | undefined): void {
  if (!(sink instanceof MemorySink) || run.fatal) return;
  const bytes = sink.bytes;
  if (options.fixMode === 'stdout') run.stdout = bytes;
  if (run.changed && (options.fixMode === 'dry-run' || options.fixMode === 'diff')) {
    run.result.output = bytes.toString('utf8');
    if (options.fixMode === 'diff' && source === undefined) run.result.source = (input.bytes ?? fs.readFileSync(input.absolute!)).toString('utf8');
  }
}

async function settleSink(sink: Sink | undefined, changed: boolean, options: RunOptions): Promise<void> {
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

export interface BlockRunner {
  /**
   * `spoolAt`, when given, is the file-wide index of the block's first record: the runner may then
   * return the findings as spool lines (BlockOutcome.spooled) instead of objects.
   */
  runBlock(block: JsonlBlock, input: RunInput, spoolAt?: number): Promise<BlockOutcome>;
  /** How many blocks may be in flight at once. */
  readonly inFlight: number;
}

/** A JSONL file: streamed in blocks of lines, each block processed by the runner, output written in order. */
export async function runJsonlFile(input: RunInput, options: RunOptions, runner: BlockRunner): Promise<FileRun> {
  const sink = fixing(options.fixMode) && !input.byteRange ? sinkFor(input, options) : undefined;
  const findings: Finding[] = [];
  const spool = options.spoolFindings && !options.cacheLocation ? new FindingSpool() : undefined;
  const ruleErrors: Finding[] = [];
  const range = input.byteRange && input.absolute ? resolveLineRange(input.absolute, input.byteRange) : undefined;
  let records = 0;
  let recordOffset = range?.recordsBefore ?? 0;
  let changed = false;
  let fatal = false;
  const pending: { outcome: Promise<BlockOutcome>; records: number }[] = [];
  let submittedRecords = recordOffset;
  const drain = async () => {
    const next = pending.shift()!;
    const outcome = await next.outcome;
    // The block's record indices were fixed when it was cut; a miscount would misnumber every record after it.
    if (outcome.records !== next.records) throw new Error(`internal error: a JSONL block held ${outcome.records} records, counted ${next.records} when cut`);
    if (outcome.spooled) {
      if (outcome.spooled.ruleErrors.length > 0) fatal = true;
      ruleErrors.push(...outcome.spooled.ruleErrors);
      spool!.pushSerialized(outcome.spooled);
    }
    shiftRecords(outcome.findings, recordOffset);
    for (const finding of outcome.findings) {
      if (finding.ruleId === 'rule-error') {
        fatal = true;
        ruleErrors.push(finding);
      }
      if (spool) spool.push(finding);
      else findings.push(finding);
    }
    records += outcome.records;
    recordOffset += outcome.records;
    changed ||= outcome.changed;
    if (outcome.output) sink?.write(Buffer.from(outcome.output.buffer, outcome.output.byteOffset, outcome.output.byteLength));
  };
  let readError: Error | undefined;
  try {
    const stream = range ? rangeStream(input.absolute!, range) : byteStream(input);
    const blocks = blocksOf(stream, BLOCK_BYTES, range?.startLine ?? 1)[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<JsonlBlock>;
      try {
        next = await blocks.next();
      } catch (error) {
        readError = error as Error;
        break;
      }
      if (next.done) break;
      // With a spool, a runner may return the block's findings already numbered and serialised.
      pending.push({ outcome: runner.runBlock(next.value, input, spool ? submittedRecords : undefined), records: next.value.records });
      submittedRecords += next.value.records;
      if (pending.length >= runner.inFlight) await drain();
    }
    while (pending.length > 0) await drain();
  } catch (error) {
    await Promise.allSettled(pending.map((p) => p.outcome));
    sink?.abort();
    spool?.dispose();
    throw error;
  }
  const resultOf = (): FileResult => {
    if (!spool) return { ...newResult(input, findings), records };
    spool.close();
    const { errorCount, warningCount, fixableCount, fixableErrorCount } = spool.tally;
    return attachFindings({ path: input.path, findings: [], errorCount, warningCount, fixableCount, records }, { read: () => spool.read(), fixableErrors: fixableErrorCount });
  };
  if (readError) {
    sink?.abort();
    const finding = coreFinding('read-error', `Cannot read ${input.path}: ${readError.message} (the file may be truncated); lines before this point were linted, the file is not rewritten.`, { line: 1 });
    if (spool) spool.push(finding);
    else findings.push(finding);
    return { result: resultOf(), fatal: true, changed: false, ...(spool ? { ruleErrors } : {}) };
  }
  const run: FileRun = { result: resultOf(), fatal, changed, ...(spool ? { ruleErrors } : {}) };
  await settleSink(sink, changed, options);
  finishMemory(run, sink, input, options, undefined);
  return run;
}

function rangeStream(file: string, range: LineRange): AsyncIterable<Buffer> {
  if (range.end <= range.start) return (async function* () {})();
  return fs.createReadStream(file, { start: range.start, end: range.end - 1, highWaterMark: 1 << 20 });
}

/** Block size for JSONL: large enough to amortise a worker round trip, small enough to keep memory flat. */
export const BLOCK_BYTES = 1 << 20;

/** Runs blocks on the calling thread. */
export function localBlockRunner(options: RunOptions, corpus?: CorpusStates): BlockRunner {
  const contexts = new Map<string, BlockContext>();
  return {
    inFlight: 1,
    async runBlock(block, input) {
      let context = contexts.get(input.configPath);
      if (!context) {
        const { effective, rules, lintOptions, fix } = fileContext(input, options, corpus);
        context = { path: input.path, rules, lintOptions, jsonl: effective.jsonl, fix };
        contexts.set(input.configPath, context);
      }
      return processJsonlBlock(block, { ...context, path: input.path });
    },
  };
}

export async function runFile(input: RunInput, options: RunOptions, corpus?: CorpusStates): Promise<FileRun> {
  return input.kind === 'jsonl' ? runJsonlFile(input, options, localBlockRunner(options, corpus)) : runWholeFile(input, options, corpus);
}

export interface RunOutcome {
  files: FileRun[];
  summary: LintSummary;
  fatal: boolean;
  cacheHits: number;
}

export function summarize(results: readonly FileResult[]): LintSummary {
  const summary: LintSummary = { files: results.length, records: 0, errorCount: 0, warningCount: 0, fixableCount: 0 };
  for (const r of results) {
    summary.records += r.records ?? 0;
    summary.errorCount += r.errorCount;
    summary.warningCount += r.warningCount;
    summary.fixableCount += r.fixableCount;
  }
  return summary;
}

/** A cached result stands for a run only where no fix would change the file. */
function cachedRun(cache: LintCache | undefined, input: RunInput, key: string | undefined, options: RunOptions): FileRun | undefined {
  if (!cache || (options.fixMode !== 'none' && options.fixMode !== 'write')) return undefined;
  const result = cache.lookup(input, key);
  if (!result) return undefined;
  if (options.fixMode === 'write' && result.findings.some((f) => isFixable(f, options.selection))) return undefined;
  return { result, fatal: false, changed: false };
}

function remember(cache: LintCache | undefined, input: RunInput, key: string | undefined, fileRun: FileRun, options: RunOptions): void {
  if (!cache || (options.fixMode !== 'none' && options.fixMode !== 'write')) return;
  if (fileRun.fatal) cache.forget(input);
  // After an in-place fix the findings describe the new bytes, so the key is taken again.
  else {
    if (fileRun.changed) cache.refresh(input);
    cache.store(input, fileRun.changed ? cache.keyOf(input) : key, fileRun.result);
  }
}

/** Lints (and fixes) every input; results come back in input order, whatever the thread timing. */
export async function run(inputs: readonly RunInput[], options: RunOptions, onFile?: (run: FileRun, input: RunInput) => void): Promise<RunOutcome> {
  const cache = options.cacheLocation ? new LintCache(options.cacheLocation, options.loaded, options.registry, VERSION, options.onlyRules) : undefined;
  // The corpus passes read every input. With a cache that saw exactly these inputs last time, their
  // state is known by its hash, and the passes run only if some file does need linting.
  let corpus: CorpusStates | undefined;
  const corpusState = async (): Promise<CorpusStates> => (corpus ??= await runCorpusPasses(inputs, options));
  if (cache) {
    const corpusKey = cache.corpusKeyOf(inputs);
    const known = [...options.registry.values()].some((rule) => rule.corpus) ? cache.knownCorpusHash(corpusKey) : '';
    cache.useCorpus(corpusKey, known ?? LintCache.hashCorpus(await corpusState()));
  } else await corpusState();
  const threads = options.registry === ruleRegistry ? chooseParallelism(inputs, options.concurrency) : 1;
  // JSONL blocks are linted by the main thread too, which reads them anyway: a pool for JSONL alone
  // needs a worker fewer than lint threads, and each worker is a heap of its own (about 100 MiB).
  const mainLints = threads > 1 && inputs.every((input) => input.kind === 'jsonl');
  const files: FileRun[] = [];
  let poolPromise: Promise<import('../parallel/pool.js').WorkerPool> | undefined;
  const workerPool = () =>
    (poolPromise ??= (async () => {
      const { WorkerPool } = await import('../parallel/pool.js');
      const state = await corpusState();
      return new WorkerPool(mainLints ? threads - 1 : threads, {
        loaded: options.loaded,
        onlyRules: options.onlyRules ? [...options.onlyRules] : undefined,
        fixMode: options.fixMode,
        outDir: options.outDir,
        selection: options.selection,
        keepSource: options.keepSource,
        corpus: [...state.entries()],
      }, mainLints ? 2 : 1);
    })());
  const execute = async (input: RunInput): Promise<FileRun> => {
    const key = cache?.keyOf(input);
    const hit = cachedRun(cache, input, key, options);
    if (hit) return hit;
    // JSONL streams from this thread and farms out its blocks; whole files go to a worker each.
    const state = await corpusState();
    const pool = threads > 1 ? await workerPool() : undefined;
    const blockRunner = pool ? pool.blockRunner(mainLints ? localBlockRunner(options, state) : undefined) : localBlockRunner(options, state);
    const fileRun = input.kind === 'jsonl' ? await runJsonlFile(input, options, blockRunner) : pool ? await pool.runFile(input) : await runWholeFile(input, options, state);
    remember(cache, input, key, fileRun, options);
    return fileRun;
  };
  try {
    const window: Promise<FileRun>[] = [];
    const settleFirst = async () => {
      const fileRun = await window.shift()!;
      files.push(fileRun);
      onFile?.(fileRun, inputs[files.length - 1]);
    };
    for (const input of inputs) {
      window.push(execute(input));
      if (window.length >= threads * 4) await settleFirst();
    }
    while (window.length > 0) await settleFirst();
  } finally {
    if (poolPromise) await (await poolPromise).close();
  }
  cache?.save();
  return { files, summary: summarize(files.map((f) => f.result)), fatal: files.some((f) => f.fatal), cacheHits: cache?.hits ?? 0 };
}

export { isFixable };
export { AUTO_PARALLEL_BYTES, AUTO_PARALLEL_FILES, chooseParallelism, type Concurrency } from './parallelism.js';
