// The default human format, modelled on ESLint's stylish: findings grouped under each file, one
// aligned row per finding, then the totals.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FileResult, Finding } from '../types.js';
import { escapeForTerminal, plural } from './escape.js';
import type { Formatter } from './types.js';

interface Row {
  position: string;
  severity: Finding['severity'];
  message: string;
  ruleId: string;
  record: string;
}

function toRow(finding: Finding): Row {
  return {
    position: `${finding.line}:${finding.column}`,
    severity: finding.severity,
    message: escapeForTerminal(finding.message.trim()),
    ruleId: escapeForTerminal(finding.ruleId),
    record: finding.record?.id !== undefined ? `(record ${escapeForTerminal(finding.record.id)})` : '',
  };
}

function renderFile(result: FileResult, chalk: ChalkInstance): string {
  const rows = result.findings.map(toRow);
  const width = (pick: (row: Row) => string) => Math.max(...rows.map((row) => pick(row).length));
  const positionWidth = width((r) => r.position);
  const severityWidth = width((r) => r.severity);
  const messageWidth = width((r) => r.message);
  const ruleWidth = width((r) => r.ruleId);
  const lines = rows.map((row) => {
    const severity = row.severity === 'error' ? chalk.red(row.severity.padEnd(severityWidth)) : chalk.yellow(row.severity.padEnd(severityWidth));
    // Pad only what something follows, so no line ends in spaces (coloured or not).
    const cells = [chalk.dim(row.position.padStart(positionWidth)), severity, row.message.padEnd(messageWidth), chalk.dim(row.record ? row.ruleId.padEnd(ruleWidth) : row.ruleId)];
    if (row.record) cells.push(chalk.dim(row.record));
    return `  ${cells.join('  ')}`;
  });
  return `${chalk.underline(escapeForTerminal(result.path))}\n${lines.join('\n')}`;
}

function isSafelyFixable(finding: Finding): boolean {
  return finding.fix !== undefined && finding.fix.remove.length > 0 && finding.fix.safety === 'safe';
}

function isUnsafelyFixable(finding: Finding): boolean {
  return finding.fix !== undefined && finding.fix.remove.length > 0 && finding.fix.safety === 'unsafe';
}

export const stylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const withFindings = results.filter((r) => r.findings.length > 0);
  if (withFindings.length === 0) return '';
  const all = withFindings.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  const fixableErrors = all.filter((f) => f.severity === 'error' && isSafelyFixable(f)).length;
  const fixableWarnings = all.filter((f) => f.severity === 'warning' && isSafelyFixable(f)).length;
  const unsafe = all.filter(isUnsafelyFixable).length;

  const paint = errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  const out: string[] = ['', withFindings.map((r) => renderFile(r, chalk)).join('\n\n'), ''];
  out.push(paint(`\u2716 ${plural(all.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`));
  if (fixableErrors + fixableWarnings > 0) {
    out.push(paint(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
  }
  if (unsafe > 0) out.push(chalk.dim(`  ${unsafe} more potentially fixable with \`--fix --unsafe-fixes\`.`));
  return `${out.join('\n')}\n`;
};
