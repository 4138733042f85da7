// The machine-readable report, a public contract: the shared scorers read it.
import type { FileResult } from '../types.js';
import type { Formatter } from './types.js';
import { isSpooled, spooledReportTexts } from '../engine/finding-spool.js';
import { toJsonFinding, type JsonFinding } from './json-finding.js';

export type { JsonFinding } from './json-finding.js';

export const JSON_REPORT_VERSION = 1;

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
 * The same text as `JSON.stringify(jsonReport(…))`, a file's findings at a time: a corpus report can
 * run to gigabytes, and a copy of every finding plus the whole string at once would double the
 * linter's peak memory at the very end of the run. A spooled result's findings are read back from
 * disk here, so they are never all in memory; the counts that come before them are already known.
 */
export function* jsonReportChunks(results: readonly FileResult[], summary: JsonReport['summary']): Generator<string> {
  yield `{"version":${JSON_REPORT_VERSION},"files":[`;
  for (let i = 0; i < results.length; i++) {
    const pieces = fileChunks(results[i], i > 0 ? ',' : '');
    // A file whose findings are in memory anyway is one piece; a spooled one is a batch of findings at a time.
    if (isSpooled(results[i])) yield* pieces;
    else yield [...pieces].join('');
  }
  yield `],"summary":${JSON.stringify(summaryOf(summary))}}\n`;
}

function* inMemoryTexts(result: FileResult): Generator<string> {
  for (const finding of result.findings) yield JSON.stringify(toJsonFinding(finding));
}

/** `JSON.stringify(toJsonFile(result))` in pieces: the counts are known before the findings are read. */
function* fileChunks(result: FileResult, separator: string): Generator<string> {
  const head: Omit<JsonFile, 'findings'> = { path: result.path, errorCount: result.errorCount, warningCount: result.warningCount, fixableCount: result.fixableCount };
  if (result.records !== undefined) head.records = result.records;
  yield `${separator}${JSON.stringify(head).slice(0, -1)},"findings":[`;
  let first = true;
  const texts = spooledReportTexts(result) ?? inMemoryTexts(result);
  for (const text of texts) {
    yield first ? text : `,${text}`;
    first = false;
  }
  yield result.output !== undefined ? `],"output":${JSON.stringify(result.output)}}` : ']}';
}

export const json: Formatter = (results, context) => [...jsonReportChunks(results, context.summary)].join('');
