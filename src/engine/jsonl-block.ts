// JSONL is processed in blocks of whole lines, so that a worker thread can take a block while the
// main thread reads the next one. A block knows its first line number; record indices inside it are
// local and the caller shifts them by the records of the blocks before it.
import type { Finding } from '../types.js';
import type { JsonlSettings } from '../config/types.js';
import type { FixSelection } from '../fix/apply.js';
import { spliceTextField, type RawLine } from '../inputs/jsonl.js';
import { isBlankLine, recordEvent } from '../inputs/read-documents.js';
import type { ActiveRule, LintDocumentOptions } from './lint-document.js';
import { processDocument } from './process-document.js';
import { SerializedFindingsBuilder, serializeFindings, type SerializedFindings } from './finding-spool.js';

export interface JsonlBlock {
  /** Whole lines with their terminators; only the file's last line may lack one. */
  bytes: Uint8Array;
  /** 1-based line number of the block's first line. */
  startLine: number;
  /**
   * Records in the block (lines that are not blank), counted as it is cut so that the record
   * indices of a block are known before the blocks ahead of it have been linted.
   */
  records: number;
}

export interface BlockOutcome {
  findings: Finding[];
  records: number;
  /** The block's lines after fixing (only when fixing). */
  output?: Uint8Array;
  changed: boolean;
  /** The findings already shifted to file-wide record indices and written as spool lines (findings is then empty). */
  spooled?: SerializedFindings;
}

export interface BlockContext {
  path: string;
  rules: readonly ActiveRule[];
  lintOptions: LintDocumentOptions;
  jsonl: JsonlSettings;
  fix: FixSelection | undefined;
}

export function* linesOf(bytes: Uint8Array, startLine: number): Generator<RawLine> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  let line = startLine;
  while (from < buffer.length) {
    const newline = buffer.indexOf(10, from);
    const end = newline === -1 ? buffer.length : newline;
    const carriage = newline !== -1 && end > from && buffer[end - 1] === 13;
    yield { line: line++, bytes: buffer.subarray(from, carriage ? end - 1 : end), terminator: newline === -1 ? '' : carriage ? '\r\n' : '\n' };
    from = end + 1;
  }
}

function rewriteRecordLine(lineText: string, textField: string, text: string): string {
  // A BOM before the first record is kept, and the splice works on the JSON after it.
  if (lineText.charCodeAt(0) === 0xfeff) return `\ufeff${spliceTextField(lineText.slice(1), textField, text)}`;
  return spliceTextField(lineText, textField, text);
}

/**
 * With `spoolAt` (the file-wide index of the block's first record), the findings come back as spool
 * lines (BlockOutcome.spooled), written as each document is done.
 */
export function processJsonlBlock(block: JsonlBlock, context: BlockContext, spoolAt?: number): BlockOutcome {
  const findings: Finding[] = [];
  const spooled = spoolAt === undefined ? undefined : new SerializedFindingsBuilder();
  const keep = (found: Finding[]) => {
    if (spooled) {
      shiftRecords(found, spoolAt!);
      spooled.add(found);
    } else for (const finding of found) findings.push(finding);
  };
  const out: Buffer[] = [];
  let records = 0;
  let changed = false;
  for (const raw of linesOf(block.bytes, block.startLine)) {
    const event = recordEvent(raw, records, context.jsonl, context.path);
    const original = () => (raw.terminator ? Buffer.concat([raw.bytes, Buffer.from(raw.terminator)]) : raw.bytes);
    if (event.type === 'passthrough') {
      if (context.fix) out.push(original());
      continue;
    }
    records++;
    if (event.type === 'skipped') {
      keep([event.finding]);
      if (context.fix) out.push(original());
      continue;
    }
    const outcome = processDocument(event.document, context.rules, context.lintOptions, context.fix);
    keep(outcome.findings);
    if (!context.fix) continue;
    if (outcome.output === event.document.text) out.push(original());
    else {
      changed = true;
      out.push(Buffer.from(rewriteRecordLine(event.lineText!, context.jsonl.textField, outcome.output) + raw.terminator, 'utf8'));
    }
  }
  return { findings, records, changed, ...(context.fix ? { output: Buffer.concat(out) } : {}), ...(spooled ? { spooled: spooled.finish() } : {}) };
}

/** Cuts a byte stream into blocks of whole lines of about `size` bytes. */
export async function* blocksOf(stream: AsyncIterable<Buffer>, size: number, firstLine = 1): AsyncGenerator<JsonlBlock> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let nextLine = firstLine;
  for await (const chunk of stream) {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength < size) continue;
    const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
    const cut = joined.lastIndexOf(10);
    if (cut === -1) {
      pending = [joined];
      continue;
    }
    // A copy in an ArrayBuffer of its own, so that it can be moved to a worker rather than cloned.
    const bytes = ownedCopy(joined.subarray(0, cut + 1));
    const startLine = nextLine;
    const counted = countLines(bytes);
    nextLine += counted.lines;
    const rest = joined.subarray(cut + 1);
    pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    pendingLength = rest.length;
    yield { bytes, startLine, records: counted.records };
  }
  if (pendingLength > 0) {
    const bytes = ownedCopy(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength));
    yield { bytes, startLine: nextLine, records: countLines(bytes).records };
  }
}

function ownedCopy(bytes: Uint8Array): Buffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return Buffer.from(copy.buffer, 0, copy.byteLength);
}

/** Lines, and records among them (the lines recordEvent does not pass through as blank). */
export function countLines(bytes: Uint8Array): { lines: number; records: number } {
  let lines = 0;
  let records = 0;
  for (const raw of linesOf(bytes, 1)) {
    if (raw.terminator) lines++;
    if (!isBlankLine(raw.bytes)) records++;
  }
  return { lines, records };
}

/** A worker's outcome in spool form: findings moved to file-wide record indices and written as spool lines. */
export function spooledOutcome(outcome: BlockOutcome, recordOffset: number): BlockOutcome {
  shiftRecords(outcome.findings, recordOffset);
  return { ...outcome, findings: [], spooled: serializeFindings(outcome.findings) };
}

/** Block-local record indices to file-wide ones. Findings that shared a record share its shifted copy. */
export function shiftRecords(findings: readonly Finding[], recordOffset: number): void {
  if (recordOffset === 0) return;
  let from: Finding['record'];
  let to: Finding['record'];
  for (const finding of findings) {
    if (!finding.record) continue;
    if (finding.record !== from) {
      from = finding.record;
      to = { ...from, index: from.index + recordOffset };
    }
    finding.record = to;
  }
}
