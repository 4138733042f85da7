// One line per finding, for grep, editors' quickfix lists and terse CI logs.
import type { Finding } from '../types.js';
import { escapeForTerminal, plural } from './escape.js';
import type { Formatter } from './types.js';

function recordLabel(finding: Finding): string {
  return finding.record?.id !== undefined ? ` [record ${escapeForTerminal(finding.record.id)}]` : '';
}

export const compact: Formatter = (results) => {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const path = escapeForTerminal(result.path);
    for (const finding of result.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
      lines.push(`${path}:${finding.line}:${finding.column}: ${finding.severity} - ${escapeForTerminal(finding.message.trim())} (${escapeForTerminal(finding.ruleId)})${recordLabel(finding)}`);
    }
  }
  if (lines.length === 0) return '';
  lines.push('', `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  return `${lines.join('\n')}\n`;
};
