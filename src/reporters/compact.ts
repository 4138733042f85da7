// One line per finding, for grep, editors' quickfix lists and terse CI logs.
import type { FileResult, Finding } from '../types.js';
import { findingsOf } from '../engine/finding-spool.js';
import { escapeForTerminal, plural } from './escape.js';
import type { Formatter } from './types.js';

function recordLabel(finding: Finding): string {
  return finding.record?.id !== undefined ? ` [record ${escapeForTerminal(finding.record.id)}]` : '';
}

/** The report a line at a time, each finding read once (a spooled file's from disk). */
export function* compactChunks(results: readonly FileResult[]): Generator<string> {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const path = escapeForTerminal(result.path);
    for (const finding of findingsOf(result)) {
      if (finding.severity === 'error') errors++;
      else warnings++;
      yield `${path}:${finding.line}:${finding.column}: ${finding.severity} - ${escapeForTerminal(finding.message.trim())} (${escapeForTerminal(finding.ruleId)})${recordLabel(finding)}\n`;
    }
  }
  if (errors + warnings > 0) yield `\n${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`;
}

export const compact: Formatter = (results) => [...compactChunks(results)].join('');
