// A JSONL file's run: its lines stream in blocks, a runner lints each block (on this thread or a
// worker's), and the outcomes are taken in order so that findings and fixed bytes keep the file's order.
import fs from 'node:fs';
import type { FileResult, Finding } from '../types.js';
import { byteStream, wideEncodingFinding } from '../inputs/read-documents.js';
import { wideEncodingOf } from '../inputs/decode.js';
import { resolveLineRange, type LineRange } from '../inputs/byte-range.js';
import { coreFinding } from './lint-document.js';
import { blocksOf, processJsonlBlock, shiftRecords, type BlockContext, type BlockOutcome, type JsonlBlock } from './jsonl-block.js';
import type { CorpusStates } from './corpus.js';
import { attachFindings, FindingSpool } from './finding-spool.js';
import { fileContext, finishMemory, fixing, newResult, settleSink, sinkFor, type FileRun, type RunInput, type RunOptions } from './file-run.js';

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
  // A UTF-16 or UTF-32 file would fail on every line; it gets one finding (from the shard that holds its start) and is left alone.
  const wide = input.absolute && !input.gzip ? wideEncodingOf(firstBytes(input.absolute)) : undefined;
  if (wide) {
    const findings = !input.byteRange || input.byteRange[0] === 0 ? [wideEncodingFinding(input.path, wide)] : [];
    return { result: { ...newResult(input, findings), records: 0 }, fatal: false, changed: false };
  }
  const sink = fixing(options.fixMode) && !input.byteRange ? sinkFor(input, options) : undefined;
  const findings: Finding[] = [];
  const spool = options.spoolFindings ? new FindingSpool() : undefined;
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
      if (!spool) findings.push(finding);
    }
    spool?.pushAll(outcome.findings);
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
    return attachFindings({ path: input.path, findings: [], errorCount, warningCount, fixableCount, records }, { read: () => spool.read(), reportTexts: () => spool.reportTexts(), fixableErrors: fixableErrorCount });
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

/** The first four bytes of a file (fewer if it is shorter). */
function firstBytes(file: string): Uint8Array {
  const bytes = new Uint8Array(4);
  const fd = fs.openSync(file, 'r');
  try {
    return bytes.subarray(0, fs.readSync(fd, bytes, 0, 4, 0));
  } finally {
    fs.closeSync(fd);
  }
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
    async runBlock(block, input, spoolAt) {
      let context = contexts.get(input.configPath);
      if (!context) {
        const { effective, rules, lintOptions, fix } = fileContext(input, options, corpus);
        context = { path: input.path, rules, lintOptions, jsonl: effective.jsonl, fix };
        contexts.set(input.configPath, context);
      }
      return processJsonlBlock(block, { ...context, path: input.path }, spoolAt);
    },
  };
}
