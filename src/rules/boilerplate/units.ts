// Splits a document into the units the classifier judges: lines, since converters put one block
// per line, except wrapped prose paragraphs, code blocks and tables, which are judged whole.
import type { Document } from '../../document/document.js';
import { splitLines, type Line } from '../../document/markdown-scan.js';
import type { DocumentFormat } from '../../types.js';
import { codeBlockRanges } from '../leftover-markup/regions.js';
import { isSpace } from './chars.js';
import { countWords, endsSentence, visibleOf } from './visible.js';

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
  /** Part of the anchor of a link written across several lines. */
  insideLink?: boolean;
}

function codeUnit(start: number, end: number): Unit {
  return { kind: 'code', start, end, visible: '', words: 0, linkDensity: 0, hadLinks: false, sentenceEnd: false };
}

function makeUnit(kind: UnitKind, start: number, end: number, raw: string, format: DocumentFormat): Unit {
  const { text: visible, linkChars, hadLinks } = visibleOf(raw, format);
  return {
    kind,
    start,
    end,
    visible,
    words: countWords(visible),
    linkDensity: visible.length === 0 ? (hadLinks ? 1 : 0) : Math.min(1, linkChars / visible.length),
    hadLinks,
    sentenceEnd: endsSentence(visible),
  };
}

/** Length of `text.trim()` without building it. */
function trimmedLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end - start;
}

/** Hard-wrapped prose: every line but the last runs close to a common width. */
function isWrappedParagraph(lines: Line[]): boolean {
  if (lines.length < 2) return false;
  let open = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const length = trimmedLength(lines[i].text);
    if (length < 40 || length > 120) return false;
  }
  for (let i = 0; i < lines.length - 1; i++) if (!endsSentence(lines[i].text.trim())) open++;
  return open >= (lines.length - 1) / 2;
}

/** Receives each unit in order: its kind, its span and its source text (empty for code). */
export type UnitVisitor = (kind: UnitKind, start: number, end: number, raw: string) => void;

/** The segmentation alone, shared by the check (which judges units) and the corpus pass (which keys them). */
export function forEachUnit(document: Document, visit: UnitVisitor): void {
  const { text } = document;
  const realCode = new Set(document.format === 'markdown' ? codeBlockRanges(document.blocks).map(([start]) => start) : []);
  for (const block of document.blocks) {
    if (block.kind === 'blank') continue;
    if ((block.kind === 'indented-code' && realCode.has(block.start)) || block.kind === 'fence') {
      visit('code', block.start, block.end, '');
      continue;
    }
    const raw = text.slice(block.start, block.end);
    if (block.kind === 'table' || block.kind === 'heading') {
      visit(block.kind, block.start, block.end, raw);
      continue;
    }
    const lines = splitLines(raw);
    if (block.kind === 'paragraph' && isWrappedParagraph(lines)) {
      visit('paragraph', block.start, block.end, raw);
      continue;
    }
    for (const line of lines) if (trimmedLength(line.text) > 0) visit('line', line.start + block.start, line.end + block.start, line.text);
  }
}

export function splitUnits(document: Document): Unit[] {
  const units: Unit[] = [];
  const { format } = document;
  forEachUnit(document, (kind, start, end, raw) => units.push(kind === 'code' ? codeUnit(start, end) : makeUnit(kind, start, end, raw, format)));
  if (format === 'markdown') markMultilineLinkAnchors(units, document.text);
  return units;
}

const MAX_ANCHOR_UNITS = 8;

/** The first character of `text[start, end)` that `trim()` keeps, or -1. */
function firstVisibleChar(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isSpace(code)) return code;
  }
  return -1;
}

/** `text.slice(start, end).trim() === '['` */
function isLoneOpenBracket(text: string, start: number, end: number): boolean {
  return firstVisibleChar(text, start, end) === 91 && text.slice(start, end).trim() === '[';
}

/** `text.slice(start, end).trimStart().startsWith('](')` */
function opensWithLinkTail(text: string, start: number, end: number): boolean {
  return firstVisibleChar(text, start, end) === 93 && text.slice(start, end).trimStart().startsWith('](');
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
