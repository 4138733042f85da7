// A JSONL file can hold millions of findings: keeping them as objects until the report is written
// makes memory grow with the file. A spool writes them to a temporary file as they are produced
// and reads them back, in order, as often as a formatter needs (stylish reads a file twice).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileResult, Finding } from '../types.js';
import { isFixable } from '../fix/apply.js';
import { toJsonFinding } from '../reporters/json-finding.js';

const READ_BYTES = 1 << 20;

const live = new Set<FindingSpool>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Where a spool file keeps its name, an interrupted run must not leave it behind.
  process.once('exit', () => {
    for (const spool of live) spool.dispose();
  });
}

// A line is a batch of findings: the JSON array the report writes for them, then, after a tab, the
// array of their excerpts (null where a finding has none). JSON escapes tabs and line breaks inside
// strings, so the first tab ends the report's array and a line is one batch. The JSON reporter
// copies the array's inside as it is, without parsing and writing it again. One JSON.stringify per
// batch rather than two per finding: each call has a fixed cost that dominated short findings.
const BATCH_FINDINGS = 256;

function spoolLines(findings: readonly Finding[]): string {
  let text = '';
  for (let from = 0; from < findings.length; from += BATCH_FINDINGS) {
    const batch = findings.slice(from, from + BATCH_FINDINGS);
    text += `${JSON.stringify(batch.map(toJsonFinding))}\t${JSON.stringify(batch.map((finding) => finding.excerpt ?? null))}\n`;
  }
  return text;
}

function parseSpoolLine(line: string): Finding[] {
  const tab = line.indexOf('\t');
  const findings = JSON.parse(line.slice(0, tab)) as Finding[];
  const excerpts = JSON.parse(line.slice(tab + 1)) as (string | null)[];
  for (let i = 0; i < findings.length; i++) if (excerpts[i] !== null) findings[i].excerpt = excerpts[i]!;
  return findings;
}

export interface SpoolTally {
  errorCount: number;
  warningCount: number;
  /** Findings with a safe fix, as in countFindings. */
  fixableCount: number;
  /** Errors with a safe fix: what `--quiet` reports as fixable. */
  fixableErrorCount: number;
}

function addToTally(tally: SpoolTally, finding: Finding): void {
  const fixable = isFixable(finding, { unsafe: false });
  if (finding.severity === 'error') {
    tally.errorCount++;
    if (fixable) tally.fixableErrorCount++;
  } else tally.warningCount++;
  if (fixable) tally.fixableCount++;
}

function tallyOf(findings: readonly Finding[]): SpoolTally {
  const tally: SpoolTally = { errorCount: 0, warningCount: 0, fixableCount: 0, fixableErrorCount: 0 };
  for (const finding of findings) addToTally(tally, finding);
  return tally;
}

/**
 * Findings written as spool lines where they are produced (a worker), so that the thread that owns
 * the spool receives bytes, not objects to clone and then serialise. Crashed-rule findings stay
 * objects: they are also reported on stderr.
 */
export interface SerializedFindings {
  bytes: Uint8Array;
  tally: SpoolTally;
  ruleErrors: Finding[];
}

export function serializeFindings(findings: readonly Finding[]): SerializedFindings {
  const builder = new SerializedFindingsBuilder();
  builder.add(findings);
  return builder.finish();
}

/**
 * Spool lines gathered as documents are linted, as bytes: a finding object waits only until a batch
 * is full, and what waits for the end of a block is off the JavaScript heap, where the garbage
 * collector neither copies nor promotes it. Batches span documents, so short records do not each
 * pay for a JSON.stringify call and a buffer.
 */
export class SerializedFindingsBuilder {
  private chunks: Buffer[] = [];
  private length = 0;
  private pending: Finding[] = [];
  private readonly tally = tallyOf([]);
  private readonly ruleErrors: Finding[] = [];

  add(findings: readonly Finding[]): void {
    for (const finding of findings) {
      this.pending.push(finding);
      addToTally(this.tally, finding);
      if (finding.ruleId === 'rule-error') this.ruleErrors.push(finding);
    }
    if (this.pending.length >= BATCH_FINDINGS) this.encodePending();
  }

  private encodePending(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(spoolLines(this.pending), 'utf8');
    this.pending = [];
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  /** The lines in an ArrayBuffer of their own, so that a worker can move them rather than copy them. */
  finish(): SerializedFindings {
    this.encodePending();
    const bytes = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    this.chunks = [];
    return { bytes, tally: { ...this.tally }, ruleErrors: this.ruleErrors };
  }
}

export class FindingSpool {
  private readonly dir: string;
  private readonly file: string;
  private fd: number | undefined;
  /** The file is unlinked while open (POSIX), so even a killed run leaves nothing behind. */
  private readonly anonymous: boolean;
  private written = 0;
  /** The counts a file result carries, and its safely fixable errors for `--quiet`, kept as findings come in. */
  readonly tally = tallyOf([]);

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpuslint-spool-'));
    this.file = path.join(this.dir, 'findings.jsonl');
    this.fd = fs.openSync(this.file, 'w+', 0o600);
    let anonymous = false;
    try {
      fs.unlinkSync(this.file);
      fs.rmdirSync(this.dir);
      anonymous = true;
    } catch {
      // Windows keeps an open file's name: remove it when done, or at exit.
      installExitHook();
    }
    this.anonymous = anonymous;
    live.add(this);
  }

  push(finding: Finding): void {
    this.pushAll([finding]);
  }

  /** Appends findings in order; a block's findings at once make fewer, longer lines. */
  pushAll(findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    // Written at once: lines held back for a larger write would live long enough to be promoted.
    this.writeBytes(Buffer.from(spoolLines(findings), 'utf8'));
    for (const finding of findings) addToTally(this.tally, finding);
  }

  /** Appends findings that a worker already wrote as spool lines, after those pushed so far. */
  pushSerialized(chunk: SerializedFindings): void {
    this.writeBytes(chunk.bytes);
    this.tally.errorCount += chunk.tally.errorCount;
    this.tally.warningCount += chunk.tally.warningCount;
    this.tally.fixableCount += chunk.tally.fixableCount;
    this.tally.fixableErrorCount += chunk.tally.fixableErrorCount;
  }

  private writeBytes(bytes: Uint8Array): void {
    if (this.fd === undefined || bytes.length === 0) return;
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset, this.written + offset);
    this.written += bytes.length;
  }

  /** Ends writing; the spool can then be read any number of times, even by two readers at once. */
  close(): void {
    // Every push is written when it is made; nothing is buffered.
  }

  *read(): Generator<Finding> {
    for (const line of this.lines()) yield* parseSpoolLine(line);
  }

  /**
   * The findings' texts in the JSON report, in order, as written (no parsing): each text is one or
   * more findings separated by commas, so the texts joined by commas are the report's array inside.
   */
  *reportTexts(): Generator<string> {
    for (const line of this.lines()) yield line.slice(1, line.indexOf('\t') - 1);
  }

  private *lines(): Generator<string> {
    const fd = this.fd;
    if (fd === undefined) throw new Error('finding spool read after dispose');
    const buffer = Buffer.alloc(READ_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    for (let position = 0; position < this.written; ) {
      const got = fs.readSync(fd, buffer, 0, Math.min(READ_BYTES, this.written - position), position);
      if (got === 0) break;
      position += got;
      const chunk = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, got)]) : buffer.subarray(0, got);
      const cut = chunk.lastIndexOf(10);
      if (cut === -1) {
        carry = Buffer.from(chunk);
        continue;
      }
      const lines = chunk.toString('utf8', 0, cut).split('\n');
      carry = Buffer.from(chunk.subarray(cut + 1));
      yield* lines;
    }
    if (carry.length > 0) yield carry.toString('utf8');
  }

  dispose(): void {
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    if (!this.anonymous) fs.rmSync(this.dir, { recursive: true, force: true });
    live.delete(this);
  }
}

// A spooled result keeps `findings` empty (so nothing that reads it by mistake holds them all) and
// finds its real findings here; the association is lost by design when a result is copied.
interface SpooledFindings {
  read: () => Iterable<Finding>;
  /** The findings' JSON report texts, comma-separated where a text holds several, read without parsing. */
  reportTexts?: () => Iterable<string>;
  /** How many of them are errors with a safe fix. */
  fixableErrors: number;
}
const sources = new WeakMap<FileResult, SpooledFindings>();

export function attachFindings(result: FileResult, findings: SpooledFindings): FileResult {
  sources.set(result, findings);
  return result;
}

/** A result's findings in order, read back from its spool when it has one. */
export function findingsOf(result: FileResult): Iterable<Finding> {
  const source = sources.get(result);
  return source ? source.read() : result.findings;
}

/** A spooled result's safely fixable errors, or undefined when its findings are in memory. */
export function spooledFixableErrors(result: FileResult): number | undefined {
  return sources.get(result)?.fixableErrors;
}

export function isSpooled(result: FileResult): boolean {
  return sources.has(result);
}

/**
 * A spooled result's findings as JSON report texts (a text may hold several findings, comma-separated:
 * join them with commas), or undefined when its findings are in memory.
 */
export function spooledReportTexts(result: FileResult): Iterable<string> | undefined {
  const source = sources.get(result);
  if (!source) return undefined;
  return source.reportTexts ? source.reportTexts() : mapIterable(source.read(), (finding) => JSON.stringify(toJsonFinding(finding)));
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** Removes every spool file of this process (after the report is written). */
export function disposeSpools(): void {
  for (const spool of live) spool.dispose();
}
