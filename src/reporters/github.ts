// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// The runner parses `::command props::message` lines, so messages and properties are escaped the
// way the runner unescapes them.
import type { FileResult, Finding } from '../types.js';
import { findingsOf } from '../engine/finding-spool.js';
import { escapeExcept, plural } from './escape.js';
import type { Formatter } from './types.js';

/** GitHub shows at most this many error and this many warning annotations per step; the rest are only in the log. */
export const GITHUB_ANNOTATION_LIMIT = 10;

export function escapeData(text: string): string {
  // Other control characters would reach the log as they are; show them instead.
  return escapeExcept(text, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(path: string, finding: Finding): string {
  const props: string[] = [`file=${escapeProperty(path)}`, `line=${finding.line}`];
  if (finding.record) {
    // In a JSONL file the columns count within the record's text field, not the physical line.
    props.push(`endLine=${finding.record.line}`);
  } else {
    props.push(`col=${finding.column}`, `endLine=${finding.endLine}`, `endColumn=${finding.endColumn}`);
  }
  props.push(`title=${escapeProperty(finding.ruleId)}`);
  const where = finding.record ? `[record ${finding.record.id ?? `#${finding.record.index}`}] ` : '';
  return `::${finding.severity} ${props.join(',')}::${escapeData(where + finding.message.trim())}`;
}

/** The annotations a line at a time, each finding read once (a spooled file's from disk). */
export function* githubChunks(results: readonly FileResult[]): Generator<string> {
  let errors = 0;
  let warnings = 0;
  let files = 0;
  for (const result of results) {
    let any = false;
    for (const finding of findingsOf(result)) {
      any = true;
      if (finding.severity === 'error') errors++;
      else warnings++;
      yield `${annotation(result.path, finding)}\n`;
    }
    if (any) files++;
  }
  const total = errors + warnings;
  if (total === 0) {
    yield `corpuslint: no problems in ${plural(results.length, 'file')}\n`;
    return;
  }
  let summary = `corpuslint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
  if (errors > GITHUB_ANNOTATION_LIMIT || warnings > GITHUB_ANNOTATION_LIMIT) {
    summary += ` (${plural(total, 'annotation')}; GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} errors and ${GITHUB_ANNOTATION_LIMIT} warnings per step, see the job log)`;
  }
  yield `${summary}\n`;
}

export const github: Formatter = (results) => [...githubChunks(results)].join('');
