// Sentence segmentation with offsets. Computed once per document and shared by the rules and the
// QA generator. Lines are grouped into blocks first (Markdown headings, list items, table rows and
// code fences are units of their own; a short line without final punctuation before a capitalised
// line is a title), then each block is split at UAX #29 sentence boundaries (sentence-breaks.ts, or
// Intl.Segmenter for characters it does not cover), and a repair pass merges pieces that
// end in an abbreviation or an initial, or are followed by a lowercase continuation.
// Measured on ../shared/data/qa-splitter-cases.json (synthetic): Intl.Segmenter alone 0.81 F1,
// this pipeline 1.00 (see `npm run eval -- qa`).

import { sentenceBreaks } from './sentence-breaks.js';

export interface Sentence {
  start: number;
  end: number;
}

/** What kind of block a unit came from; the QA generator uses it for eligibility. */
export type UnitKind = 'prose' | 'heading' | 'list' | 'table' | 'code';

export interface SentenceUnit extends Sentence {
  kind: UnitKind;
}

/** Abbreviations that precede what they qualify: a following word never starts a sentence. */
const PREFIX_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'mt', 'gen', 'col', 'capt', 'lt', 'sgt', 'cpl', 'adm', 'rev', 'hon', 'gov', 'sen', 'rep',
  'pres', 'supt', 'messrs', 'mme', 'mlle', 'fr', 'vs', 'e.g', 'i.e', 'cf', 'viz', 'ca',
]);

/** Abbreviations that precede a number ("No. 5", "c. 1250", "Oct. 2022"); elsewhere they may end a sentence. */
const NUMERIC_ABBREVIATIONS = new Set([
  'no', 'nos', 'fig', 'figs', 'vol', 'vols', 'p', 'pp', 'ch', 'sec', 'art', 'c', 'eq', 'op', 'ref', 'nr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Abbreviations that follow a name and often end a sentence: a capitalised word after them starts a new one. */
const POSTNOMINAL_ABBREVIATIONS = new Set(['jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'etc', 'ph.d', 'esq']);

/** Abbreviations that end a sentence only when a typical sentence opener follows ("the U.S. In 2010"). */
const AMBIGUOUS_ABBREVIATIONS = new Set([
  'al', 'a.m', 'p.m', 'ave', 'blvd', 'rd', 'min', 'max', 'hr', 'hrs', 'sq', 'est', 'dept', 'univ', 'approx', 'ft', 'resp', 'ibid', 'ed', 'eds',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'yr', 'yrs', 'mo', 'wk',
]);

const SENTENCE_OPENERS = new Set(
  (
    'The A An In On At It Its This That These Those They He She We I You There Here But And Or However After Before When While Since As If ' +
    'Although Though For Today Then Thus Also His Her Their Our My Some Many Most One Other Others Such What Which Who Why How During From ' +
    'By With Under Over Despite Because So Yet Still Now Later Meanwhile Moreover Furthermore Each Every All Both Not Nor Only Until Unlike ' +
    'Instead Indeed Finally First Second Third Next Another Following Although Whether Where Once Recently Currently Nevertheless'
  ).split(' '),
);

const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]+|$)/;
const LIST_ITEM = /^[ \t]{0,12}(?:[-*+•]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const TABLE_ROW = /^[ \t]{0,3}\|/;
const FENCE = /^[ \t]{0,3}(?:`{3,}|~{3,})/;
const RULE_OR_UNDERLINE = /^[ \t]{0,3}(?:=+|-{2,}|\*{3,}|_{3,})[ \t]*$/;
const BLOCKQUOTE = /^[ \t]{0,3}>[ \t]?/;
const LOWERCASE_START = /^\p{Ll}/u;
const LETTER = /\p{L}/u;
// Hoisted: a regular expression literal in a function body is a new object each time it runs.
const TITLE_FOLLOWER = /^[\p{Lu}\d"“‘'([]/u;
const CONTINUES_CLAUSE = /[,;\-–—(&]$/;
const LIST_CONTINUATION = /^[ \t]{2,}/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT_START = /^\d/;
const OPENS_NAME = /^[\p{Lu}"“‘'([]/u;
const DOTTED_INITIALS = /^\p{L}(?:\.\p{L}){1,5}$/u;
const FIRST_WORD = /^[\p{L}]{1,30}/u;

interface Block {
  start: number;
  end: number;
  kind: UnitKind;
  /** Ranges blanked to spaces before segmenting: quote markers and soft line breaks. */
  blanks: number[];
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function endsWithTerminal(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (isSpace(line.charCodeAt(i)) || '"\'”’)]*_'.includes(line[i]))) i--;
  return i >= 0 && '.!?…'.includes(line[i]);
}

function wordCount(line: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = isSpace(line.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/**
 * A line break inside a paragraph is a hard boundary when the line before reads as a title or a
 * lead-in: short, without final punctuation, and followed by a capitalised line.
 */
function isHardBreak(previous: string, next: string): boolean {
  const prev = previous.trimEnd();
  const nextStart = next.trimStart();
  if (prev === '' || nextStart === '') return true;
  if (endsWithTerminal(prev)) return false;
  const nextCapital = TITLE_FOLLOWER.test(nextStart);
  if (!nextCapital) return false;
  if (prev.endsWith(':')) return true;
  if (CONTINUES_CLAUSE.test(prev)) return false;
  return wordCount(prev) <= 8;
}

/**
 * The first character after the line's spaces and tabs, or -1 at the end of the line. Each block
 * pattern needs its own marker characters there (its indentation matches only spaces and tabs), so
 * a pattern is tried only where this can begin it, and nearly all prose skips them all.
 */
function markerAt(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i < line.length ? line.charCodeAt(i) : -1;
}

const canOpenFence = (marker: number) => marker === 0x60 || marker === 0x7e; // ` ~
const canRule = (marker: number) => marker === 0x3d || marker === 0x2d || marker === 0x2a || marker === 0x5f; // = - * _
const canList = (marker: number) => marker === 0x2d || marker === 0x2a || marker === 0x2b || marker === 0x2022 || (marker >= 0x30 && marker <= 0x39); // - * + • digits

/** What String.prototype.trim removes: WhiteSpace and LineTerminator in ECMAScript. */
export function isTrimSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Where text[from, to) stops being trim space (`to` when it is all space): `trim() === ''` and `trimStart()` without a copy. */
function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isTrimSpace(text.charCodeAt(i))) i++;
  return i;
}

function scanBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let previousLine = '';
  let fence: Block | null = null;
  let fenceMarker = '';
  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    const next = lineEnd + 1;
    // Every block pattern below needs a marker after the indentation; most prose lines have none.
    const marker = markerAt(line);
    let heading: RegExpExecArray | null = null;

    if (fence) {
      fence.end = contentEnd;
      if (line.startsWith(fenceMarker, firstNonSpace(line, 0, line.length))) {
        blocks.push(fence);
        fence = null;
      }
    } else if (firstNonSpace(line, 0, line.length) === line.length) {
      flush();
    } else if (canOpenFence(marker) && FENCE.test(line)) {
      flush();
      const opening = firstNonSpace(line, 0, line.length);
      fenceMarker = line.slice(opening, opening + 3);
      fence = { start: lineStart, end: contentEnd, kind: 'code', blanks: [] };
    } else if (canRule(marker) && RULE_OR_UNDERLINE.test(line)) {
      // A setext underline turns a one-line paragraph into a heading; a rule just ends the block.
      const block = current as Block | null;
      if (block && block.kind === 'prose' && !text.slice(block.start, block.end).includes('\n')) block.kind = 'heading';
      flush();
    } else if (marker === 0x23 && (heading = HEADING.exec(line)) !== null) {
      // #
      flush();
      blocks.push({ start: lineStart + heading[0].length, end: contentEnd, kind: 'heading', blanks: [] });
    } else if (marker === 0x7c && TABLE_ROW.test(line)) {
      // |
      flush();
      if (LETTER_OR_DIGIT.test(line)) blocks.push({ start: lineStart, end: contentEnd, kind: 'table', blanks: [] });
    } else if (canList(marker) && LIST_ITEM.test(line)) {
      flush();
      const item = LIST_ITEM.exec(line)![0].length;
      current = { start: lineStart + item, end: contentEnd, kind: 'list', blanks: [] };
    } else {
      const quote = marker === 0x3e ? BLOCKQUOTE.exec(line) : null; // >
      const contentStart = lineStart + (quote ? quote[0].length : 0);
      const content = quote ? line.slice(quote[0].length) : line;
      const open = current as Block | null;
      const continuesList = open?.kind === 'list' && LIST_CONTINUATION.test(line);
      if (open && (continuesList || (open.kind === 'prose' && !isHardBreak(previousLine, content)))) {
        // A soft line break: the break (and a quote marker) reads as a space.
        open.blanks.push(open.end, contentStart);
        open.end = contentEnd;
      } else {
        flush();
        if (firstNonSpace(content, 0, content.length) < content.length) current = { start: contentStart, end: contentEnd, kind: 'prose', blanks: [] };
      }
      previousLine = content;
      lineStart = next;
      continue;
    }
    previousLine = line;
    lineStart = next;
  }
  if (fence) blocks.push(fence);
  flush();
  return blocks;
}

/** The word made of letters and dots just before a final period ("U.S", "Prof", "J"). */
function wordBeforePeriod(piece: string): string {
  const last = piece.length - 1;
  let i = last - 1;
  while (i >= 0 && last - i <= 12) {
    const code = piece.charCodeAt(i);
    if (code === 46 || isAsciiLetter(code) || (code > 127 && LETTER.test(piece[i]))) i--;
    else break;
  }
  if (i >= 0 && last - i > 12) return '';
  let word = piece.slice(i + 1, last);
  while (word.startsWith('.')) word = word.slice(1);
  return word;
}

function firstWord(text: string): string {
  const match = FIRST_WORD.exec(text);
  return match ? match[0] : '';
}

function shouldMerge(previousPiece: string, nextPiece: string): boolean {
  const previous = previousPiece.trimEnd();
  const next = nextPiece.trimStart();
  if (next === '') return true;
  if (!LETTER_OR_DIGIT.test(previous)) return true;
  if (LOWERCASE_START.test(next)) return true;
  if (!previous.endsWith('.')) return false;
  const word = wordBeforePeriod(previous);
  if (word === '') return false;
  if (word.length === 1 && word !== word.toLowerCase()) return true;
  const lower = word.toLowerCase();
  if (PREFIX_ABBREVIATIONS.has(lower)) return true;
  if (NUMERIC_ABBREVIATIONS.has(lower) && DIGIT_START.test(next)) return true;
  if (POSTNOMINAL_ABBREVIATIONS.has(lower)) return !OPENS_NAME.test(next);
  if (AMBIGUOUS_ABBREVIATIONS.has(lower) || NUMERIC_ABBREVIATIONS.has(lower) || DOTTED_INITIALS.test(word)) {
    return !SENTENCE_OPENERS.has(firstWord(next));
  }
  return false;
}

// Created on first use: building it loads ICU's break data, about 50 ms of every start, and most
// text takes the hand-written scanner's path.
let segmenter: Intl.Segmenter | undefined;

function pushTrimmed(out: SentenceUnit[], working: string, offset: number, start: number, end: number, kind: UnitKind): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(working.charCodeAt(s))) s++;
  while (e > s && isSpace(working.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: offset + s, end: offset + e, kind });
}

function segmentBlock(text: string, block: Block, out: SentenceUnit[]): void {
  let working = text.slice(block.start, block.end);
  if (block.kind === 'heading' || block.kind === 'table' || block.kind === 'code') {
    pushTrimmed(out, working, block.start, 0, working.length, block.kind);
    return;
  }
  if (block.blanks.length > 0) {
    let rebuilt = '';
    let cursor = 0;
    for (let i = 0; i < block.blanks.length; i += 2) {
      const from = block.blanks[i] - block.start;
      const to = block.blanks[i + 1] - block.start;
      rebuilt += working.slice(cursor, from) + ' '.repeat(to - from);
      cursor = to;
    }
    working = rebuilt + working.slice(cursor);
  }
  let pieceStart = -1;
  let pieceEnd = -1;
  const take = (start: number, end: number, segment: string | null) => {
    if (pieceStart >= 0 && shouldMerge(working.slice(Math.max(pieceStart, pieceEnd - 64), pieceEnd), segment ?? working.slice(start, end))) {
      pieceEnd = end;
      return;
    }
    if (pieceStart >= 0) pushTrimmed(out, working, block.start, pieceStart, pieceEnd, block.kind);
    pieceStart = start;
    pieceEnd = end;
  };
  for (const [from, to] of segmenterWindows(working)) {
    const windowText = from === 0 && to === working.length ? working : working.slice(from, to);
    // The hand-written UAX #29 scanner finds ICU's boundaries without ICU where it covers every character.
    const ends = sentenceBreaks(windowText);
    if (ends) {
      let start = from;
      for (const end of ends) {
        take(start, from + end, null);
        start = from + end;
      }
      continue;
    }
    for (const segment of (segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })).segment(windowText)) {
      const start = from + segment.index;
      take(start, start + segment.segment.length, segment.segment);
    }
  }
  if (pieceStart >= 0) pushTrimmed(out, working, block.start, pieceStart, pieceEnd, block.kind);
}

/** Longest stretch handed to the segmenter at once. */
const SEGMENTER_WINDOW = 16384;

/**
 * ICU's sentence segmenter slows down super-linearly on long blocks (a 200,000-character run of
 * flattened HTML took 1.3 s, a megabyte over 20 s), so a longer block is segmented in windows cut
 * at whitespace, after a sentence's final punctuation where the second half of the window has one.
 * Blocks up to the window size, which is nearly all prose, are segmented whole as before.
 */
function segmenterWindows(working: string): [number, number][] {
  const windows: [number, number][] = [];
  for (let from = 0; from < working.length; ) {
    let to = Math.min(working.length, from + SEGMENTER_WINDOW);
    if (to < working.length) {
      const floor = from + SEGMENTER_WINDOW / 2;
      let cut = -1;
      let space = -1;
      for (let i = to - 1; i > floor && cut < 0; i--) {
        if (!isSpace(working.charCodeAt(i))) continue;
        if (space < 0) space = i;
        const before = working.charCodeAt(i - 1);
        if (before === 46 || before === 33 || before === 63) cut = i;
      }
      if (cut > 0) to = cut;
      else if (space > 0) to = space;
    }
    windows.push([from, to]);
    from = to;
  }
  return windows;
}

/** Sentence-like units with the kind of block each came from, trimmed of whitespace and list/heading markers. */
export function segmentUnits(text: string): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  for (const block of scanBlocks(text)) segmentBlock(text, block, units);
  return units;
}

/** Sentence ranges of a text, trimmed of surrounding whitespace and Markdown list/heading markers, in order. */
export function splitSentences(text: string): Sentence[] {
  return segmentUnits(text).map(({ start, end }) => ({ start, end }));
}
