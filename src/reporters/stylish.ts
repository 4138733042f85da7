// The default human format, modelled on ESLint's stylish: findings grouped under each file, one
// aligned row per finding, then the totals.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FileResult, Finding } from '../types.js';
import { escapeForTerminal, plural } from './escape.js';
import type { Formatter, ReportContext } from './types.js';
import { findingsOf } from '../engine/finding-spool.js';

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

interface Widths {
  position: number;
  severity: number;
  message: number;
  ruleId: number;
}

/** Column widths over a file's rows; undefined when the file has no findings. */
function widthsOf(result: FileResult): Widths | undefined {
  let widths: Widths | undefined;
  for (const finding of findingsOf(result)) {
    const row = toRow(finding);
    widths ??= { position: 0, severity: 0, message: 0, ruleId: 0 };
    widths.position = Math.max(widths.position, row.position.length);
    widths.severity = Math.max(widths.severity, row.severity.length);
    widths.message = Math.max(widths.message, row.message.length);
    widths.ruleId = Math.max(widths.ruleId, row.ruleId.length);
  }
  return widths;
}

function renderRow(row: Row, widths: Widths, chalk: ChalkInstance): string {
  const severity = row.severity === 'error' ? chalk.red(row.severity.padEnd(widths.severity)) : chalk.yellow(row.severity.padEnd(widths.severity));
  // Pad only what something follows, so no line ends in spaces (coloured or not).
  const cells = [chalk.dim(row.position.padStart(widths.position)), severity, row.message.padEnd(widths.message), chalk.dim(row.record ? row.ruleId.padEnd(widths.ruleId) : row.ruleId)];
  if (row.record) cells.push(chalk.dim(row.record));
  return `  ${cells.join('  ')}`;
}

function isSafelyFixable(finding: Finding): boolean {
  return finding.fix !== undefined && finding.fix.remove.length > 0 && finding.fix.safety === 'safe';
}

function isUnsafelyFixable(finding: Finding): boolean {
  return finding.fix !== undefined && finding.fix.remove.length > 0 && finding.fix.safety === 'unsafe';
}

/**
 * The report in pieces: each file's findings are read twice (column widths, then rows), so a
 * spooled file is never all in memory; the totals come last.
 */
export function* stylishChunks(results: readonly FileResult[], context: Pick<ReportContext, 'color'>): Generator<string> {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let unsafe = 0;
  let files = 0;
  for (const result of results) {
    const widths = widthsOf(result);
    if (!widths) continue;
    yield `${files++ === 0 ? '\n' : '\n\n'}${chalk.underline(escapeForTerminal(result.path))}`;
    for (const finding of findingsOf(result)) {
      if (finding.severity === 'error') errors++;
      else warnings++;
      if (isSafelyFixable(finding)) {
        if (finding.severity === 'error') fixableErrors++;
        else fixableWarnings++;
      }
      if (isUnsafelyFixable(finding)) unsafe++;
      yield `\n${renderRow(toRow(finding), widths, chalk)}`;
    }
  }
  if (files === 0) return;
  const paint = errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  const out: string[] = ['', ''];
  out.push(paint(`\u2716 ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`));
  if (fixableErrors + fixableWarnings > 0) {
    out.push(paint(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
  }
  if (unsafe > 0) out.push(chalk.dim(`  ${unsafe} more potentially fixable with \`--fix --unsafe-fixes\`.`));
  yield `${out.join('\n')}\n`;
}

export const stylish: Formatter = (results, context) => [...stylishChunks(results, context)].join('');
