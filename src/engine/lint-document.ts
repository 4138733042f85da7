// Runs the active rules over one document and turns their reports into findings.
import type { Document } from '../document/document.js';
import type { Finding, FindingSeverity, Range, ReportDescriptor, RuleModule } from '../types.js';
import { formatMessage } from './messages.js';
import { applyDirectives } from './directives.js';

export interface ActiveRule {
  module: RuleModule;
  severity: FindingSeverity;
  options: Record<string, unknown>;
  /** State from the rule's corpus pass, when it has one. */
  corpus?: unknown;
}

export interface LintLimits {
  /** Documents longer than this many UTF-16 units are not linted: a `too-large` finding instead. */
  maxDocumentLength: number;
  /** A document whose rules take longer than this is reported as `timeout` and not fixed. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: LintLimits = { maxDocumentLength: 20_000_000, timeoutMs: 30_000 };

export interface LintDocumentOptions {
  limits?: LintLimits;
  allowInlineConfig?: boolean;
}

/** Findings the engine itself reports; they have no rule module and are never fixable. */
export const CORE_FINDINGS = {
  'parse-error': 'A JSONL line is not valid JSON or has no string text field.',
  'encoding-error': 'The file is not valid UTF-8.',
  'binary-file': 'The file looks binary and was skipped.',
  'read-error': 'The file could not be read or decompressed.',
  'too-large': 'The document exceeds the configured size limit and was not linted.',
  timeout: 'Linting the document exceeded the configured time limit.',
  'rule-error': 'A rule crashed on this document.',
} as const;
export type CoreFindingId = keyof typeof CORE_FINDINGS;

export function coreFinding(
  ruleId: CoreFindingId,
  message: string,
  at: { line: number; column?: number; record?: Finding['record'] },
  severity: FindingSeverity = 'error',
): Finding {
  return {
    ruleId,
    messageId: ruleId,
    severity,
    message,
    start: 0,
    end: 0,
    line: at.line,
    column: at.column ?? 1,
    endLine: at.line,
    endColumn: at.column ?? 1,
    ...(at.record ? { record: at.record } : {}),
  };
}

function clampOffset(offset: number, length: number): number {
  // NaN and fractions from a buggy rule become whole offsets; NaN goes to 0 (an empty range).
  const whole = Number.isFinite(offset) ? Math.trunc(offset) : offset === Infinity ? length : 0;
  return Math.max(0, Math.min(whole, length));
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Clamps a reported range into the text and widens it to whole surrogate pairs: removing half a
 * pair would leave a lone surrogate, which no UTF-8 writer can store without loss.
 */
function clampRange(range: Range, length: number, text: string): Range {
  let start = clampOffset(range[0], length);
  let end = Math.max(start, clampOffset(range[1], length));
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  return [start, end];
}

// The two ends of clampRange apart, so that a finding's own range needs no array (a test holds
// them to clampRange: a finding's range equals its removal of the same reported range).
function clampedStart(text: string, start: number): number {
  return splitsPair(text, start) ? start - 1 : start;
}

function clampedEnd(text: string, clampedOffsetOfStart: number, reportedEnd: number, length: number): number {
  const end = Math.max(clampedOffsetOfStart, clampOffset(reportedEnd, length));
  return splitsPair(text, end) ? end + 1 : end;
}

type Position = Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>;

export function locate(document: Document, start: number, end: number): Position {
  const position: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  place(position, document, start, end);
  return position;
}

/** Writes the position of [start, end) into a finding being built, without an object to spread. */
function place(target: Position, document: Document, start: number, end: number): void {
  if (document.record) {
    // A JSONL record sits on one physical line; columns count within its text field.
    target.line = document.record.line;
    target.column = start + 1;
    target.endLine = document.record.line;
    target.endColumn = end + 1;
    return;
  }
  const from = document.lineIndex.position(start);
  const to = document.lineIndex.position(end);
  target.line = from.line;
  target.column = from.column;
  target.endLine = to.line;
  target.endColumn = to.column;
}

function toFinding(document: Document, rule: ActiveRule, report: ReportDescriptor): Finding {
  const { meta } = rule.module;
  const template = meta.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} reported unknown messageId "${report.messageId}"`);
  const { text } = document;
  const startOffset = clampOffset(report.start, text.length);
  const start = clampedStart(text, startOffset);
  const end = clampedEnd(text, startOffset, report.end, text.length);
  const severity = report.severity ?? rule.severity;
  const message = formatMessage(template, report.data);
  // The position fields in the order the spread of locate() gave them.
  const finding: Finding = { ruleId: meta.id, messageId: report.messageId, severity, message, start, end, line: 1, column: 1, endLine: 1, endColumn: 1 };
  place(finding, document, start, end);
  if (document.record) finding.record = document.record;
  if (report.score !== undefined) finding.score = Math.round(report.score * 1000) / 1000;
  if (report.remove && report.remove.length > 0 && meta.fix) {
    const remove = report.remove.map((r) => clampRange(r, document.text.length, document.text)).filter(([s, e]) => e > s);
    if (remove.length > 0) finding.fix = { safety: report.fixSafety ?? meta.fix.safety, remove };
  }
  finding.excerpt = detached(document.text.slice(start, Math.min(end, start + 200)));
  return finding;
}

/**
 * A copy that does not keep the document alive. V8 represents a slice of a long string as a view
 * into it, so a finding that stays in the report until the end of the run would otherwise hold the
 * whole text of its document; over a corpus that is most of the input. Prepending a character and
 * slicing it off again makes V8 flatten the excerpt into a string of its own.
 */
function detached(excerpt: string): string {
  return excerpt.length < 13 ? excerpt : ` ${excerpt}`.slice(1);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (a.record?.index ?? 0) - (b.record?.index ?? 0) || a.start - b.start || a.end - b.end || collate(a.ruleId, b.ruleId) || collate(a.messageId, b.messageId);
}

/** localeCompare, which asks ICU even for equal strings (the usual tie: findings of one rule). */
function collate(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

export interface DocumentLint {
  findings: Finding[];
  /** True when the document was not linted fully (too large, timed out): it must not be fixed. */
  incomplete: boolean;
}

export function lintDocument(document: Document, rules: readonly ActiveRule[], options: LintDocumentOptions = {}): DocumentLint {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const where = { line: document.record?.line ?? 1, record: document.record };
  if (document.text.length > limits.maxDocumentLength) {
    return {
      findings: [coreFinding('too-large', `Document has ${document.text.length} characters, over the limit of ${limits.maxDocumentLength}; it was not linted.`, where)],
      incomplete: true,
    };
  }
  const findings: Finding[] = [];
  const started = performance.now();
  for (const rule of rules) {
    try {
      rule.module.check({
        document,
        options: rule.options,
        corpus: rule.corpus,
        report: (descriptor) => findings.push(toFinding(document, rule, descriptor)),
      });
    } catch (error) {
      findings.push(coreFinding('rule-error', `Rule ${rule.module.meta.id} crashed: ${(error as Error).message}`, where));
    }
    if (performance.now() - started > limits.timeoutMs) {
      return {
        findings: [coreFinding('timeout', `Linting took more than ${limits.timeoutMs} ms; the document was not linted fully and will not be fixed.`, where)],
        incomplete: true,
      };
    }
  }
  const kept = options.allowInlineConfig ? applyDirectives(document, findings) : findings;
  kept.sort(compareFindings);
  return { findings: kept, incomplete: false };
}
