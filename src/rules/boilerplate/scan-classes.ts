// The character classes and in-place readings that UnitScan's loops are built from: one table
// lookup per ASCII character instead of a chain of comparisons, and the pieces of visibleLine
// (markers, bare URLs, cleanText) read from the document text without a per-line copy.
import { isMarkup, isSpace } from './chars.js';

export const OTHER = 0;
export const LETTER = 1;
export const DIGIT = 2;
/** `\`, `*`, `_`, backtick: dropped from the visible text, so neither a word break nor a key break. */
export const MARKUP = 3;
export const SPACE = 4;
/** Whitespace other than the space: collapsed into one space by cleanText. */
export const BREAK = 5;
/** Outside ASCII and not whitespace: kept as it is, counted by its Unicode word class. */
export const WIDE = 6;

export const ASCII_CLASS = new Uint8Array(128).map((_, code) => {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return LETTER;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code === 92 || code === 42 || code === 95 || code === 96) return MARKUP;
  if (code === 32) return SPACE;
  if (code >= 9 && code <= 13) return BREAK;
  return OTHER;
});

/** 1 for ASCII letters and digits. */
export const ASCII_WORDISH = ASCII_CLASS.map((cls) => (cls === LETTER || cls === DIGIT ? 1 : 0));

/** BARE_URL of visible.ts from its first character on: the caller checks the `\b` before it. */
export const BARE_URL_AT = /(?:https?:\/\/|www\.)[^\s<>"'\])]{1,4096}/y;

/** `\w` without the `u` flag, what `\b` reads. */
export function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** MARKERS of visible.ts, read in place: it cannot match a line break, so it never leaves the line. */
export const MARKERS_AT = /[ \t]*(?:[-*+•·]|\d{1,9}[.)]|#{1,6}|>)?[ \t]*/y;

/** The characters MARKERS can start with; a line that starts otherwise has no marker. */
export function mayStartMarker(code: number): boolean {
  return code === 32 || code === 9 || code === 45 || code === 42 || code === 43 || code === 0x2022 || code === 0xb7 || (code >= 48 && code <= 57) || code === 35 || code === 62;
}

/**
 * cleanText of `text[from, to)` read in place: markup dropped without breaking a run of
 * whitespace (`a * b` is `a b`), each run one space, the ends trimmed.
 */
export function cleanRange(text: string, from: number, to: number): string {
  let out = '';
  let runStart = -1;
  let pendingSpace = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const markup = isMarkup(code);
    if (markup || isSpace(code)) {
      if (runStart !== -1) out += text.slice(runStart, i);
      runStart = -1;
      if (!markup && out !== '') pendingSpace = true;
      continue;
    }
    if (runStart === -1) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      runStart = i;
    }
  }
  return runStart === -1 ? out : out + text.slice(runStart, to);
}

const MARKUP_CHARS = /[\\*_`]/g;

/**
 * cleanText of a range whose whitespace is single spaces between the first and last characters
 * kept, with markup among them: only the markup goes. One native replace gives a flat string,
 * where cleanRange joins pieces into a tree that the first read of a character must copy.
 */
export function dropMarkup(range: string): string {
  return range.replace(MARKUP_CHARS, '');
}
