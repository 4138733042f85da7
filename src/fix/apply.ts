// Applies removal fixes to a text and tidies the whitespace each removal leaves behind. Tidying
// happens only at the seams of removals, so text away from a fix keeps every byte.
import type { Finding, Range } from '../types.js';
import { mergeRanges } from '../document/ranges.js';

export { mergeRanges };

export interface FixSelection {
  /** Also apply fixes whose rule declares them unsafe. */
  unsafe: boolean;
  /** Only apply fixes of these rules, when given. */
  rules?: ReadonlySet<string>;
}

export interface AppliedFixes {
  output: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Fixable findings left for a later pass because they overlapped an applied fix. */
  deferred: Finding[];
}

export function isFixable(finding: Finding, selection: FixSelection): boolean {
  if (!finding.fix || finding.fix.remove.length === 0) return false;
  if (finding.fix.safety === 'unsafe' && !selection.unsafe) return false;
  return !selection.rules || selection.rules.has(finding.ruleId);
}

/**
 * Picks the fixes to apply in one pass: in order of their first range, each fix is taken whole
 * when none of its ranges overlaps a range already taken.
 */
export function selectFixes(findings: readonly Finding[], selection: FixSelection): { chosen: Finding[]; deferred: Finding[] } {
  const candidates = findings.filter((f) => isFixable(f, selection));
  candidates.sort((a, b) => Math.min(...a.fix!.remove.map((r) => r[0])) - Math.min(...b.fix!.remove.map((r) => r[0])));
  const taken: Range[] = [];
  const chosen: Finding[] = [];
  const deferred: Finding[] = [];
  for (const finding of candidates) {
    const ranges = finding.fix!.remove;
    // Identical ranges from two rules are the same removal, not a conflict.
    const conflicts = ranges.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e && !(s === ts && e === te)));
    if (conflicts) deferred.push(finding);
    else {
      chosen.push(finding);
      taken.push(...ranges);
    }
  }
  return { chosen, deferred };
}

const HORIZONTAL_SPACE = /[ \t]/;
// The marker takes its trailing blanks with it, so two runs of blanks never compete (no backtracking).
const LIST_OR_QUOTE_MARKER_LINE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)]|>|#{1,6})[ \t]*)?$/;
const CLOSING_PUNCTUATION = /^[.,;:!?)\]]/;

/** Removes the given ranges, tidying whitespace at each seam. */
export function removeRanges(text: string, ranges: readonly Range[]): string {
  const merged = mergeRanges(ranges);
  if (merged.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const [start, end] of merged) {
    out += text.slice(cursor, start);
    cursor = end;
    let rest = text.slice(cursor, nextSeam(merged, end, text.length));
    ({ out, rest } = tidySeam(out, rest, cursor === text.length));
    out += rest;
    cursor = nextSeam(merged, end, text.length);
  }
  out += text.slice(cursor);
  return out;
}

function nextSeam(merged: Range[], after: number, length: number): number {
  for (const [start] of merged) if (start >= after) return start;
  return length;
}

/** Tidies the join between the kept text before a removal (`left`) and after it (`right`). */
function tidySeam(left: string, right: string, atEnd: boolean): { out: string; rest: string } {
  const lineStart = left.lastIndexOf('\n') + 1;
  const currentLine = left.slice(lineStart);
  const rightLineEnd = right.search(/\r?\n/);
  const rightFirstLine = rightLineEnd === -1 ? right : right.slice(0, rightLineEnd);
  const rightRestOfLineBlank = rightFirstLine.trim() === '';

  // The removal emptied its line (or left only a list, quote or heading marker): drop the line.
  if (rightRestOfLineBlank && LIST_OR_QUOTE_MARKER_LINE.test(currentLine) && (currentLine.trim() !== '' || lineStart > 0 || rightLineEnd !== -1 || atEnd)) {
    const removedLineBreak = rightLineEnd === -1 ? '' : right.slice(rightLineEnd).match(/^\r?\n/)![0];
    let newLeft = left.slice(0, lineStart);
    const newRight = right.slice(rightFirstLine.length + removedLineBreak.length);
    if (rightLineEnd === -1) {
      // Last line of the text: drop the line break that ended the previous line instead.
      newLeft = newLeft.replace(/\r?\n$/, '');
    }
    return collapseBlankLines(newLeft, newRight);
  }

  let out = left;
  let rest = right;
  const leftEndsSpace = out.length > lineStart && HORIZONTAL_SPACE.test(out[out.length - 1]);
  if (leftEndsSpace && (rest === '' || HORIZONTAL_SPACE.test(rest[0]) || /^\r?\n/.test(rest))) rest = rest.replace(/^[ \t]+/, '');
  if (rest === '' || /^\r?\n/.test(rest)) out = trimTrailingBlanks(out);
  else if (CLOSING_PUNCTUATION.test(rest) && /[ \t]$/.test(out) && out.length > lineStart) out = trimTrailingBlanks(out);
  if (out.length === lineStart) rest = rest.replace(/^[ \t]+/, '');
  if (out === '') rest = rest.replace(/^(?:[ \t]*\r?\n)+/, '');
  return collapseBlankLines(out, rest);
}

// The seam helpers below look only at the end of `left`, which is all the output so far: a regex
// anchored with `$` would be tried from every position of it, quadratic on long blank runs.

/** `text` without its trailing spaces and tabs. */
function trimTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** Where the trailing run of line breaks (each maybe followed by blanks) begins; `text.length` when none. */
function trailingBlankLinesStart(text: string): number {
  let start = text.length;
  for (;;) {
    let at = start;
    while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    if (at === 0 || text[at - 1] !== '\n') return start;
    at--;
    if (at > 0 && text[at - 1] === '\r') at--;
    start = at;
  }
}

/** Keeps at most one blank line across the seam, and none at the very start of the text. */
function collapseBlankLines(left: string, right: string): { out: string; rest: string } {
  if (left === '') return { out: left, rest: right.replace(/^(?:[ \t]*\r?\n)+/, '') };
  const trailingRun = left.slice(trailingBlankLinesStart(left));
  const trailingBreaks = (trailingRun.match(/\n/g) ?? []).length;
  const leadingBlank = /^(?:[ \t]*\r?\n)+/.exec(right)?.[0] ?? '';
  const leadingBreaks = (leadingBlank.match(/\n/g) ?? []).length;
  if (trailingBreaks + leadingBreaks > 2) {
    const allowed = Math.max(0, 2 - trailingBreaks);
    const lines = leadingBlank.split('\n');
    const keep = lines.slice(0, allowed).map((l) => `${l}\n`).join('');
    return { out: left, rest: keep + right.slice(leadingBlank.length) };
  }
  if (right === '' && trailingBreaks > 1) return { out: left.slice(0, left.length - trailingRun.length) + (trailingRun.includes('\r\n') ? '\r\n' : '\n'), rest: right };
  return { out: left, rest: right };
}

/** Applies one pass of non-overlapping fixes. */
export function applyFixes(text: string, findings: readonly Finding[], selection: FixSelection): AppliedFixes {
  const { chosen, deferred } = selectFixes(findings, selection);
  if (chosen.length === 0) return { output: text, applied: [], deferred };
  const output = removeRanges(text, chosen.flatMap((f) => f.fix!.remove));
  return { output, applied: chosen, deferred };
}
