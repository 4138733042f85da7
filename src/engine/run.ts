// The lint run: for each input, resolve its config, read its documents, lint them, fix them when
// asked, and stream the output to its sink. Files are independent, so a worker can run one alone.
import type { FileResult, LintSummary } from '../types.js';
import { isFixable } from '../fix/apply.js';
import { runCorpusPasses, type CorpusStates } from './corpus.js';
import { ruleRegistry } from '../rules/index.js';
import { LintCache, MAX_CACHED_FINDINGS } from '../cache/lint-cache.js';
import { findingsOf, isSpooled } from './finding-spool.js';
import { VERSION } from '../version.js';
import { chooseParallelism } from './parallelism.js';
import { runWholeFile, type FileRun, type RunInput, type RunOptions } from './file-run.js';
import { localBlockRunner, runJsonlFile } from './jsonl-run.js';

export { activeRulesFor, fileContext, runWholeFile, type FileRun, type FixMode, type RunInput, type RunOptions } from './file-run.js';
export { BLOCK_BYTES, localBlockRunner, runJsonlFile, type BlockRunner } from './jsonl-run.js';

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
  const result = cacheableResult(fileRun.result);
  if (fileRun.fatal || !result) cache.forget(input);
  // After an in-place fix the findings describe the new bytes, so the key is taken again.
  else {
    if (fileRun.changed) cache.refresh(input);
    cache.store(input, fileRun.changed ? cache.keyOf(input) : key, result);
  }
}

/** The result with its findings in memory, read back from its spool, unless they are too many to cache. */
function cacheableResult(result: FileResult): FileResult | undefined {
  if (!isSpooled(result)) return result.findings.length <= MAX_CACHED_FINDINGS ? result : undefined;
  if (result.errorCount + result.warningCount > MAX_CACHED_FINDINGS) return undefined;
  return { ...result, findings: [...findingsOf(result)] };
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
