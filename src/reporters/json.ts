// The machine-readable report. Its shape is a public contract (the shared scorers read it), so
// fields are copied one by one: internal fields such as `excerpt` never leak into it.
import type { FileResult, Finding } from '../types.js';
import type { Formatter } from './types.js';

export const JSON_REPORT_VERSION = 1;

export interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  record?: { index: number; line: number; id?: string };
  score?: number;
  fix?: { safety: 'safe' | 'unsafe'; remove: [number, number][] };
}

export interface JsonFile {
  path: string;
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** JSONL files only: how many records the file holds (so merged shard reports keep the count). */
  records?: number;
  findings: JsonFinding[];
  output?: string;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  files: JsonFile[];
  summary: { files: number; records: number; errorCount: number; warningCount: number; fixableCount: number };
}

function toJsonFinding(finding: Finding): JsonFinding {
  const out: JsonFinding = {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
  if (finding.record) {
    out.record = { index: finding.record.index, line: finding.record.line };
    if (finding.record.id !== undefined) out.record.id = finding.record.id;
  }
  if (finding.score !== undefined) out.score = finding.score;
  if (finding.fix) out.fix = { safety: finding.fix.safety, remove: finding.fix.remove.map(([s, e]) => [s, e]) };
  return out;
}

function toJsonFile(result: FileResult): JsonFile {
  const out: JsonFile = {
    path: result.path,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableCount: result.fixableCount,
    ...(result.records !== undefined ? { records: result.records } : {}),
    findings: result.findings.map(toJsonFinding),
  };
  if (result.output !== undefined) out.output = result.output;
  return out;
}

export function jsonReport(results: readonly FileResult[], summary: JsonReport['summary']): JsonReport {
  return { version: JSON_REPORT_VERSION, files: results.map(toJsonFile), summary: summaryOf(summary) };
}

function summaryOf(summary: JsonReport['summary']): JsonReport['summary'] {
  return { files: summary.files, records: summary.records, errorCount: summary.errorCount, warningCount: summary.warningCount, fixableCount: summary.fixableCount };
}

/**
 * The same text as `JSON.stringify(jsonReport(…))`, one file at a time: a corpus report can run to
 * hundreds of megabytes, and a copy of every finding plus the whole string at once would double
 * the linter's peak memory at the very end of the run.
 */
export function* jsonReportChunks(results: readonly FileResult[], summary: JsonReport['summary']): Generator<string> {
  yield `{"version":${JSON_REPORT_VERSION},"files":[`;
  for (let i = 0; i < results.length; i++) yield `${i > 0 ? ',' : ''}${JSON.stringify(toJsonFile(results[i]))}`;
  yield `],"summary":${JSON.stringify(summaryOf(summary))}}\n`;
}

export const json: Formatter = (results, context) => [...jsonReportChunks(results, context.summary)].join('');
