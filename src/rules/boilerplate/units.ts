// Splits a document into the units the classifier judges: lines, since converters put one block
// per line, except wrapped prose paragraphs, code blocks and tables, which are judged whole.
import type { Document } from '../../document/document.js';
import { codeBlockRanges, documentLiteralBlocks } from '../leftover-markup/regions.js';
import { isSpace } from './chars.js';
import { lineKey } from './keys.js';
import { UnitScan } from './line-scan.js';
import { endsSentence } from './visible.js';

export type UnitKind = 'line' | 'paragraph' | 'heading' | 'code' | 'table';

export interface Unit {
  kind: UnitKind;
  start: number;
  end: number;
  visible: string;
  words: number;
  linkDensity: number;
  hadLinks: boolean;
  sentenceEnd: boolean;
  /** lineKey of the visible text, or null until keyOf computes it (text outside ASCII). */
  key: number | undefined | null;
  /** Part of the anchor of a link written across several lines. */
  insideLink?: boolean;
  /** A fenced code block: an author's code, where an indented one may be a converter's indentation. */
  fenced?: boolean;
}

/**
 * Receives each unit in order: its kind and span, and for code whether it is a fence. A `line` unit is one line; a paragraph, heading or
 * table is read line by line at every `\n`.
 */
export type UnitVisitor = (kind: UnitKind, start: number, end: number, fenced?: boolean) => void;

/** Where `text[start, end).trim()` starts. */
function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return start;
}

/** Where `text[start, end).trim()` ends. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Hard-wrapped prose: every line but the last runs close to a common width. `lines` holds `length` bounds. */
function isWrappedParagraph(text: string, lines: readonly number[], length: number): boolean {
  const count = length / 2;
  if (count < 2) return false;
  for (let i = 0; i < count - 1; i++) {
    const start = trimStart(text, lines[2 * i], lines[2 * i + 1]);
    const length = trimEnd(text, start, lines[2 * i + 1]) - start;
    if (length < 40 || length > 120) return false;
  }
  let open = 0;
  for (let i = 0; i < count - 1; i++) {
    const start = trimStart(text, lines[2 * i], lines[2 * i + 1]);
    if (!endsSentence(text.slice(start, trimEnd(text, start, lines[2 * i + 1])))) open++;
  }
  return open >= (count - 1) / 2;
}

/**
 * Line ranges of `text[start, end)` as splitLines gives them (a `\r` before the break dropped), flat,
 * written over the start of `into`; returns how many bounds it wrote. The array is reused from
 * block to block and never shortened (setting an array's length is a call into the runtime).
 */
function linesOf(text: string, start: number, end: number, into: number[]): number {
  let length = 0;
  let from = start;
  for (;;) {
    let newline = text.indexOf('\n', from);
    if (newline === -1 || newline >= end) newline = end;
    if (newline < end || from < end) {
      into[length++] = from;
      into[length++] = newline > from && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    }
    if (newline >= end) return length;
    from = newline + 1;
  }
}

/** The segmentation alone, shared by the check (which judges units) and the corpus pass (which keys them). */
export function forEachUnit(document: Document, visit: UnitVisitor): void {
  const { text } = document;
  const realCode = new Set(document.format === 'markdown' ? codeBlockRanges(document.blocks).map(([start]) => start) : []);
  // Plain text may be reStructuredText: its literal blocks ("Output::", ".. code-block:: python") hold code.
  const literal = documentLiteralBlocks(document);
  let nextLiteral = 0;
  // Plain text has no heading blocks: a title there is a line with a rule under it.
  const titles = document.format !== 'markdown';
  const lines: number[] = [];
  for (const block of document.blocks) {
    if (block.kind === 'blank') continue;
    if ((block.kind === 'indented-code' && realCode.has(block.start)) || block.kind === 'fence') {
      visit('code', block.start, block.end, block.kind === 'fence');
      continue;
    }
    while (nextLiteral < literal.length && literal[nextLiteral][1] < block.end) nextLiteral++;
    if (nextLiteral < literal.length && literal[nextLiteral][0] <= block.start) {
      visit('code', block.start, block.end, true);
      continue;
    }
    if (block.kind === 'table' || block.kind === 'heading') {
      visit(block.kind, block.start, block.end);
      continue;
    }
    if (block.kind === 'list-item' && block.fences) {
      // The item's own lines are lines; a fence inside it is code, as a top-level one is.
      let from = block.start;
      for (const [start, end] of block.fences) {
        visitLines(text, from, start, lines, visit);
        visit('code', start, end, true);
        from = end;
      }
      visitLines(text, from, block.end, lines, visit);
      continue;
    }
    const length = linesOf(text, block.start, block.end, lines);
    if (block.kind === 'paragraph' && isWrappedParagraph(text, lines, length)) {
      visit('paragraph', block.start, block.end);
      continue;
    }
    visitLineBounds(text, lines, length, visit, titles);
  }
}

/** A line of one repeated mark, three or more: a title's underline or overline in plain text. */
const TITLE_RULE = /^([=\-~^*#+`'":._])\1{2,}$/;

function isTitleRule(text: string, start: number, end: number): boolean {
  const from = trimStart(text, start, end);
  return TITLE_RULE.test(text.slice(from, trimEnd(text, from, end)));
}

/** Whether line `i` (of flat bounds `lines`) is a title that the next line underlines, as reStructuredText and setext write them. */
function underlined(text: string, lines: readonly number[], length: number, i: number): boolean {
  if (i + 3 >= length || !isTitleRule(text, lines[i + 2], lines[i + 3])) return false;
  const from = trimStart(text, lines[i], lines[i + 1]);
  const title = trimEnd(text, from, lines[i + 1]) - from;
  return title > 0 && !isTitleRule(text, lines[i], lines[i + 1]);
}

/**
 * Visits each of the `length / 2` lines in `lines` (flat bounds) that holds more than whitespace as
 * a `line` unit; with `titles`, a line and the rule under it (and a rule over it) as one `heading`.
 */
function visitLineBounds(text: string, lines: number[], length: number, visit: UnitVisitor, titles = false): void {
  for (let i = 0; i < length; i += 2) {
    if (trimStart(text, lines[i], lines[i + 1]) >= lines[i + 1]) continue;
    if (titles && isTitleRule(text, lines[i], lines[i + 1]) && underlined(text, lines, length, i + 2)) {
      visit('heading', lines[i], lines[i + 5]);
      i += 4;
    } else if (titles && underlined(text, lines, length, i)) {
      visit('heading', lines[i], lines[i + 3]);
      i += 2;
    } else visit('line', lines[i], lines[i + 1]);
  }
}

/** Visits each line of text[start, end) that holds more than whitespace as a `line` unit. */
function visitLines(text: string, start: number, end: number, lines: number[], visit: UnitVisitor): void {
  if (end > start) visitLineBounds(text, lines, linesOf(text, start, end, lines), visit);
}

/** Feeds a unit's lines to the scan: a line unit whole, any other split at every `\n` (a `\r` kept). */
function scanUnit(scan: UnitScan, text: string, kind: UnitKind, start: number, end: number): void {
  scan.reset();
  if (kind === 'line') {
    scan.addLine(start, end);
    return;
  }
  let from = start;
  for (;;) {
    const newline = text.indexOf('\n', from);
    if (newline === -1 || newline >= end) {
      scan.addLine(from, end);
      return;
    }
    scan.addLine(from, newline);
    from = newline + 1;
  }
}

/** With `hashKeys` false, keys are computed by keyOf when asked for (a run with no recurring lines asks for none). */
export function splitUnits(document: Document, hashKeys = true): Unit[] {
  const { text, format } = document;
  const units: Unit[] = [];
  const scan = new UnitScan(text, format, false, hashKeys);
  forEachUnit(document, (kind, start, end, fenced) => {
    if (kind === 'code') {
      units.push({ kind, start, end, visible: '', words: 0, linkDensity: 0, hadLinks: false, sentenceEnd: false, key: undefined, fenced: fenced === true });
      return;
    }
    scanUnit(scan, text, kind, start, end);
    const { visible, hadLinks } = scan;
    units.push({
      kind,
      start,
      end,
      visible,
      words: scan.words,
      linkDensity: visible.length === 0 ? (hadLinks ? 1 : 0) : Math.min(1, scan.linkChars / visible.length),
      hadLinks,
      sentenceEnd: scan.sentenceEnd(),
      key: scan.scannedKey(),
    });
  });
  if (format === 'markdown') markMultilineLinkAnchors(units, text);
  return units;
}

/** The recurrence key of a unit: lineKey of its visible text. */
export function keyOf(unit: Unit): number | undefined {
  return unit.key === null ? lineKey(unit.visible) : unit.key;
}

/** The recurrence key of every unit but code, in order; no unit is judged. */
export function forEachUnitKey(document: Document, visit: (key: number | undefined) => void): void {
  const { text } = document;
  const keysOnly = new UnitScan(text, document.format, true);
  let full: UnitScan | undefined;
  forEachUnit(document, (kind, start, end) => {
    if (kind === 'code') return;
    scanUnit(keysOnly, text, kind, start, end);
    if (!keysOnly.needsVisible) return visit(keysOnly.key());
    full ??= new UnitScan(text, document.format);
    scanUnit(full, text, kind, start, end);
    visit(full.key());
  });
}

const MAX_ANCHOR_UNITS = 8;

/** `text.slice(start, end).trim() === '['` */
function isLoneOpenBracket(text: string, start: number, end: number): boolean {
  const first = trimStart(text, start, end);
  return trimEnd(text, first, end) - first === 1 && text.charCodeAt(first) === 91;
}

/** `text.slice(start, end).trimStart().startsWith('](')` */
function opensWithLinkTail(text: string, start: number, end: number): boolean {
  const first = trimStart(text, start, end);
  return first + 2 <= end && text.charCodeAt(first) === 93 && text.charCodeAt(first + 1) === 40;
}

/**
 * Converters wrap a block in a link as `[` / block / `](target)` on separate lines: every unit in
 * between is link text (a teaser heading in a related-articles list), whatever its own syntax says.
 */
function markMultilineLinkAnchors(units: Unit[], text: string): void {
  for (let i = 0; i < units.length; i++) {
    if (!isLoneOpenBracket(text, units[i].start, units[i].end)) continue;
    let j = i + 1;
    while (j < units.length && j - i <= MAX_ANCHOR_UNITS && !opensWithLinkTail(text, units[j].start, units[j].end)) j++;
    if (j >= units.length || j - i > MAX_ANCHOR_UNITS) continue;
    for (let k = i + 1; k < j; k++) units[k] = { ...units[k], linkDensity: 1, hadLinks: true, insideLink: true };
    i = j;
  }
}
