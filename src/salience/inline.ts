// Inline presentation features of one unit, found by cheap regexes instead of a parse. Every
// pattern is bounded and has no nested quantifiers, so a hostile line cannot make it backtrack.
import type { Range } from '../types.js';
import { isWhitespace } from './units.js';

export interface InlineScan {
  bold: boolean;
  italic: boolean;
  link: boolean;
  code: boolean;
  allCaps: boolean;
  markup: boolean;
  /** The text with code, link destinations, URLs, tags and emphasis markers blanked out. */
  plain: string;
  /** Emphasis markers, relative to the unit's text: decoration that can go without touching the words. */
  emphasisMarkers: Range[];
  /** Share of the unit's visible characters that sit inside link text. */
  linkShare: number;
}

const CODE_SPAN = /`[^`\n]{1,500}`/g;
const LINK = /(!?)\[([^[\]\n]{0,500})\]\(([^)\n]{0,2000})\)/g;
const REFERENCE_LINK = /\[([^[\]\n]{1,500})\]\[[^[\]\n]{0,200}\]/g;
const BARE_URL = /\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s<>()[\]]{1,2000}/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:[\s/][^<>\n]{0,500})?>/g;
const ENTITY = /&(?:[A-Za-z]{2,10}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;
const ESCAPE = /\\[\\`*_{}[\]()#+\-.!|<>~]/g;
const STRONG_STAR = /(?<![\\*])\*\*(?=[^\s*])[^\n]{0,300}?[^\s\\*]\*\*/g;
const STRONG_UNDERSCORE = /(?<![\\_\p{L}\p{N}])__(?=[^\s_])[^\n]{0,300}?[^\s\\_]__(?![_\p{L}\p{N}])/gu;
const EM_STAR = /(?<![\\*\p{L}\p{N}])\*(?=[^\s*])[^*\n]{0,300}?[^\s*\\]\*(?![*\p{L}\p{N}])/gu;
const EM_UNDERSCORE = /(?<![\\_\p{L}\p{N}])_(?=[^\s_])[^_\n]{0,300}?[^\s_\\]_(?![_\p{L}\p{N}])/gu;
const STRIKE = /~~(?=[^\s~])[^~\n]{0,300}?[^\s~\\]~~/g;
const ALL_CAPS = /(?<![\p{L}\p{N}])\p{Lu}{3,40}(?![\p{L}\p{N}])/u;

/** Sorts ranges by start, stably; most lists are empty or already in order and are left alone. */
function sortByStart(ranges: Range[]): void {
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i][0] < ranges[i - 1][0]) {
      ranges.sort((a, b) => a[0] - b[0]);
      return;
    }
  }
}

const SPACES = ' '.repeat(256);

/** The range as spaces, its line breaks kept; a range without one is a cut of a shared run of spaces. */
function blanks(text: string, start: number, end: number): string {
  const length = end - start;
  const lineBreak = text.indexOf('\n', start);
  if (lineBreak === -1 || lineBreak >= end) return length <= SPACES.length ? SPACES.slice(0, length) : ' '.repeat(length);
  return text.slice(start, end).replace(/[^\n]/g, ' ');
}

/** Characters outside the regex class \s: what /\s+/g leaves when replaced by nothing. */
function visibleLength(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) if (!isWhitespace(text.charCodeAt(i))) count++;
  return count;
}

/** Blanks ranges of a text to spaces (line breaks kept), so offsets stay put for the next pattern. */
class Mask {
  private pending: Range[] = [];
  constructor(public current: string) {}
  blank(start: number, end: number): void {
    if (end > start) this.pending.push([start, end]);
  }
  commit(): string {
    if (this.pending.length === 0) return this.current;
    sortByStart(this.pending);
    // Joined into one flat string: a chain of concatenations is a tree of cons strings that the
    // next pattern and the tokenizer would each have to flatten or walk.
    const parts: string[] = [];
    let cursor = 0;
    for (const [start, end] of this.pending) {
      const from = Math.max(start, cursor);
      if (end <= from) continue;
      parts.push(this.current.slice(cursor, from), blanks(this.current, from, end));
      cursor = end;
    }
    parts.push(this.current.slice(cursor));
    this.current = parts.join('');
    this.pending = [];
    return this.current;
  }
}

function eachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    visit(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

// Characters each pattern needs. Masking only turns characters into spaces, so a pattern whose
// character is missing from the unit cannot match at any stage and is skipped; most prose units
// hold none of them and skip every pattern.
const BACKTICK = 1;
const BRACKET = 2;
const ANGLE = 4;
const AMPERSAND = 8;
const BACKSLASH = 16;
const STAR = 32;
const UNDERSCORE = 64;
const TILDE = 128;
const SCHEME = 256;
/** Three code units in a row that may be capitals (A-Z, or any non-ASCII unit): ALL_CAPS needs that. */
const CAPITALS = 512;
// Pairs of characters a pattern needs side by side: `](` a link, `][` a reference link, `**` `__`
// `~~` strong emphasis and strikethrough. Masking never makes a pair, as no pattern matches a space.
const LINK_PAIR = 1024;
const REFERENCE_PAIR = 2048;
const STAR_PAIR = 4096;
const UNDERSCORE_PAIR = 8192;
const TILDE_PAIR = 16384;
/** Every bit: each pattern runs, whatever the characters. */
export const EVERY_PATTERN = 0x7fff;

const MARKUP_PATTERNS: readonly [RegExp, number][] = [
  [BARE_URL, SCHEME],
  [HTML_TAG, ANGLE],
  [ENTITY, AMPERSAND],
  [ESCAPE, BACKSLASH],
];

/** The characters of `text[from, to)`, read in place: nothing past `to` counts, as if the range were a slice. */
function charactersOf(text: string, from = 0, to = text.length): number {
  let found = 0;
  let capitalRun = 0;
  let previous = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 128) {
      if (++capitalRun >= 3) found |= CAPITALS;
    } else {
      capitalRun = 0;
      if (code === 96) found |= BACKTICK;
      else if (code === 91) found |= previous === 93 ? BRACKET | REFERENCE_PAIR : BRACKET;
      else if (code === 40) found |= previous === 93 ? LINK_PAIR : 0;
      else if (code === 60) found |= ANGLE;
      else if (code === 38) found |= AMPERSAND;
      else if (code === 92) found |= BACKSLASH;
      else if (code === 42) found |= previous === 42 ? STAR | STAR_PAIR : STAR;
      else if (code === 95) found |= previous === 95 ? UNDERSCORE | UNDERSCORE_PAIR : UNDERSCORE;
      else if (code === 126) found |= previous === 126 ? TILDE | TILDE_PAIR : TILDE;
      else if (code === 58 && i + 2 < to && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) found |= SCHEME;
    }
    previous = code;
  }
  return found;
}

/**
 * `underscoreEmphasis` is off for plain text, where `__init__` and `snake_case` are names, not
 * emphasis: removing their underscores would change words.
 */
export function scanInline(text: string, underscoreEmphasis = true, present = charactersOf(text)): InlineScan {
  const scan: InlineScan = {
    bold: false,
    italic: false,
    link: false,
    code: false,
    allCaps: (present & CAPITALS) !== 0 && ALL_CAPS.test(text),
    markup: false,
    plain: text,
    emphasisMarkers: [],
    linkShare: 0,
  };
  const markers = present & (BACKTICK | BRACKET | ANGLE | AMPERSAND | BACKSLASH | STAR | TILDE | SCHEME | (underscoreEmphasis ? UNDERSCORE : 0));
  if (markers === 0) return scan;
  let linkChars = 0;
  const mask = new Mask(text);

  if (present & BACKTICK) {
    eachMatch(CODE_SPAN, text, (m) => {
      scan.code = true;
      mask.blank(m.index, m.index + m[0].length);
    });
  }
  // A pattern not run leaves its commit to the next pattern's, which blanks the same ranges.
  if ((present & (BRACKET | LINK_PAIR)) === (BRACKET | LINK_PAIR)) {
    eachMatch(LINK, mask.commit(), (m) => {
      const labelStart = m.index + m[1].length + 1;
      const labelEnd = labelStart + m[2].length;
      if (m[1] === '!' || m[2].trim() === '') scan.markup = true;
      else {
        scan.link = true;
        linkChars += visibleLength(m[2]);
      }
      mask.blank(m.index, labelStart);
      mask.blank(labelEnd, m.index + m[0].length);
      // An image's alt text is not visible prose; blank it too.
      if (m[1] === '!') mask.blank(labelStart, labelEnd);
    });
  }
  if (present & REFERENCE_PAIR) {
    eachMatch(REFERENCE_LINK, mask.commit(), (m) => {
      scan.link = true;
      linkChars += visibleLength(m[1]);
      mask.blank(m.index, m.index + 1);
      mask.blank(m.index + 1 + m[1].length, m.index + m[0].length);
    });
  }
  for (const [pattern, needs] of MARKUP_PATTERNS) {
    if ((present & needs) === 0) continue;
    eachMatch(pattern, mask.commit(), (m) => {
      scan.markup = true;
      mask.blank(m.index, m.index + m[0].length);
    });
  }
  const emphasis = (pattern: RegExp, markerLength: number, kind: 'bold' | 'italic') => {
    eachMatch(pattern, mask.commit(), (m) => {
      scan[kind] = true;
      const close = m.index + m[0].length - markerLength;
      scan.emphasisMarkers.push([m.index, m.index + markerLength], [close, close + markerLength]);
      mask.blank(m.index, m.index + markerLength);
      mask.blank(close, close + markerLength);
    });
  };
  if (present & STAR_PAIR) emphasis(STRONG_STAR, 2, 'bold');
  if (markers & UNDERSCORE && present & UNDERSCORE_PAIR) emphasis(STRONG_UNDERSCORE, 2, 'bold');
  if (present & TILDE_PAIR) emphasis(STRIKE, 2, 'italic');
  if (present & STAR) emphasis(EM_STAR, 1, 'italic');
  if (markers & UNDERSCORE) emphasis(EM_UNDERSCORE, 1, 'italic');
  scan.plain = mask.commit();
  sortByStart(scan.emphasisMarkers);
  // Without link text the share is 0 whatever the visible length, so the count is skipped.
  if (linkChars > 0) {
    const visible = visibleLength(scan.plain);
    scan.linkShare = visible > 0 ? Math.min(1, linkChars / visible) : 0;
  }
  return scan;
}

// Whether a unit may need any pattern: one of the characters above, or three code units in a row
// that may be capitals. A plain test allocates nothing and stops at the first hit; most prose units
// have none and get the plain-text scan without their characters being read again.
const MAY_NEED_PATTERN = /[`[<&\\*_~]|:\/\/|[A-Z\u0080-\uffff]{3}/;
const MAY_NEED_PATTERN_WITHOUT_UNDERSCORE = /[`[<&\\*~]|:\/\/|[A-Z\u0080-\uffff]{3}/;

const MARKER = /[`[<&\\*_~]|:\/\//;
const MARKER_WITHOUT_UNDERSCORE = /[`[<&\\*~]|:\/\//;

/**
 * scanInline for every unit, or undefined for a unit without any inline feature, whose plain text is
 * its text: most prose units, which so cost one regex test and no allocation. A unit with capitals but
 * no marker (an acronym in prose) needs only ALL_CAPS.
 */
export function scanUnits(units: readonly { text: string; textOffset?: number }[], underscoreEmphasis = true, source?: string): (InlineScan | undefined)[] {
  const mayNeed = underscoreEmphasis ? MAY_NEED_PATTERN : MAY_NEED_PATTERN_WITHOUT_UNDERSCORE;
  const marker = underscoreEmphasis ? MARKER : MARKER_WITHOUT_UNDERSCORE;
  return units.map(({ text, textOffset }) => {
    if (!mayNeed.test(text)) return undefined;
    if (marker.test(text)) {
      // The characters of a unit that is a verbatim range of `source` are read there, not through its slice.
      const present = source !== undefined && textOffset !== undefined ? charactersOf(source, textOffset, textOffset + text.length) : charactersOf(text);
      return scanInline(text, underscoreEmphasis, present);
    }
    // Without markers, mayNeed matched three capitals-or-non-ASCII in a row: what ALL_CAPS needs.
    if (!ALL_CAPS.test(text)) return undefined;
    return { bold: false, italic: false, link: false, code: false, allCaps: true, markup: false, plain: text, emphasisMarkers: [], linkShare: 0 };
  });
}
