// Inline presentation features of one unit, found by cheap regexes instead of a parse. Every
// pattern is bounded and has no nested quantifiers, so a hostile line cannot make it backtrack.
import type { Range } from '../types.js';
import { hasCapitalWord } from './content.js';
import { Mask, plainText } from './mask.js';
import { isWhitespace } from './units.js';

export { plainText };

export interface InlineScan {
  bold: boolean;
  italic: boolean;
  link: boolean;
  code: boolean;
  allCaps: boolean;
  markup: boolean;
  /**
   * Code, link destinations, URLs, tags and emphasis markers, to be read as blanks: pairs of
   * offsets into the unit's text, sorted, disjoint and not touching. plainText gives the text so
   * blanked; the tokenizer reads the text around them in place instead.
   */
  skips: number[];
  /** Emphasis markers, relative to the unit's text: decoration that can go without touching the words. */
  emphasisMarkers: Range[];
  /**
   * Visible characters inside link text. Their share of the unit's visible characters (linkShareOf)
   * is read only to name a group, so it is not counted for every unit.
   */
  linkCharacters: number;
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

/** Sorts ranges by start, stably; most lists are empty or already in order and are left alone. */
function sortByStart(ranges: Range[]): void {
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i][0] < ranges[i - 1][0]) {
      ranges.sort((a, b) => a[0] - b[0]);
      return;
    }
  }
}

/** Characters outside the regex class \s: what /\s+/g leaves when replaced by nothing. */
function visibleLength(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) if (!isWhitespace(text.charCodeAt(i))) count++;
  return count;
}

/** The first match of a global pattern, from the start of the text. */
function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

/** The match after `match`, past it even when it is empty. */
function nextMatch(pattern: RegExp, text: string, match: RegExpExecArray): RegExpExecArray | null {
  if (match[0].length === 0) pattern.lastIndex++;
  return pattern.exec(text);
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
/** Three code units in a row that may be capitals (A-Z, or any non-ASCII unit): an all-caps word needs that. */
const CAPITALS = 512;
// Pairs of characters a pattern needs side by side: `](` a link, `][` a reference link, `**` `__`
// `~~` strong emphasis and strikethrough. Masking never makes a pair, as no pattern matches a space.
const LINK_PAIR = 1024;
const REFERENCE_PAIR = 2048;
const STAR_PAIR = 4096;
const UNDERSCORE_PAIR = 8192;
const TILDE_PAIR = 16384;
/** The characters that start some pattern, underscore aside (not emphasis in plain text). */
const MARKERS = BACKTICK | BRACKET | ANGLE | AMPERSAND | BACKSLASH | STAR | TILDE | SCHEME;
/** Every bit: each pattern runs, whatever the characters. */
export const EVERY_PATTERN = 0x7fff;

/** Each markup pattern with the bit it needs and the text every match of it holds. */
const MARKUP_PATTERNS: readonly [RegExp, number, string][] = [
  [BARE_URL, SCHEME, '://'],
  [HTML_TAG, ANGLE, '<'],
  [ENTITY, AMPERSAND, '&'],
  [ESCAPE, BACKSLASH, '\\'],
];

/**
 * Where charactersOf found the first three possible capitals in a row (0 when none): a word of
 * capitals (all-caps) starts with three such code units, and the search for stops finds the leftmost
 * three (no stop character is one), so no such word starts before the word holding it.
 */
let capitalsStart = 0;


/** Per ASCII code unit, the pattern bit it gives alone. */
const ASCII_BITS = new Uint16Array(128);
ASCII_BITS[96] = BACKTICK;
ASCII_BITS[91] = BRACKET;
ASCII_BITS[60] = ANGLE;
ASCII_BITS[38] = AMPERSAND;
ASCII_BITS[92] = BACKSLASH;
ASCII_BITS[42] = STAR;
ASCII_BITS[95] = UNDERSCORE;
ASCII_BITS[126] = TILDE;

// The places charactersOf stops at: a marker character, `](`, `://`, or three code units that may be
// capitals. A regex finds them in native code, and test() allocates no match; between them a unit's
// characters cost nothing more. Once capitals are found the search drops them, so a text in another
// script does not stop at every character. Underscores are left out of the search where they are no
// emphasis, as no pattern then reads their bits.
const STOPS = /[`[<&\\*_~]|\]\(|:\/\/|[A-Z\u0080-\uffff]{3}/g;
const STOPS_WITHOUT_CAPITALS = /[`[<&\\*_~]|\]\(|:\/\//g;
const STOPS_WITHOUT_UNDERSCORE = /[`[<&\\*~]|\]\(|:\/\/|[A-Z\u0080-\uffff]{3}/g;
const STOPS_WITHOUT_UNDERSCORE_OR_CAPITALS = /[`[<&\\*~]|\]\(|:\/\//g;

/**
 * The pattern bits of the characters of `text`: each marker character, `](` (LINK_PAIR), `][`
 * (REFERENCE_PAIR), `**` `__` `~~` (pairs), `://` (SCHEME) and three code units in a row in A-Z or
 * outside ASCII (CAPITALS). Underscore bits only when `underscore`.
 */
function charactersOf(text: string, underscore = true): number {
  let found = 0;
  capitalsStart = 0;
  let stops = underscore ? STOPS : STOPS_WITHOUT_UNDERSCORE;
  stops.lastIndex = 0;
  while (stops.test(text)) {
    const end = stops.lastIndex;
    const code = text.charCodeAt(end - 1);
    if (code === 40) found |= LINK_PAIR;
    else if (code === 47) found |= SCHEME;
    else if (code < 128 && ASCII_BITS[code] !== 0) {
      found |= ASCII_BITS[code];
      const previous = end >= 2 ? text.charCodeAt(end - 2) : 0;
      if (code === 91) found |= previous === 93 ? REFERENCE_PAIR : 0;
      else if (code === previous) found |= code === 42 ? STAR_PAIR : code === 95 ? UNDERSCORE_PAIR : code === 126 ? TILDE_PAIR : 0;
    } else {
      found |= CAPITALS;
      capitalsStart = end - 3;
      stops = underscore ? STOPS_WITHOUT_CAPITALS : STOPS_WITHOUT_UNDERSCORE_OR_CAPITALS;
      stops.lastIndex = end;
    }
  }
  return found;
}

/** One mask for every unit, reset per unit, so a unit's scan allocates no range objects. */
const mask = new Mask();

/** Runs an emphasis pattern over the blanked text: its markers are blanked and kept as decoration. */
function emphasis(scan: InlineScan, pattern: RegExp, markerLength: number, kind: 'bold' | 'italic'): void {
  const masked = mask.commit();
  for (let m = firstMatch(pattern, masked); m; m = nextMatch(pattern, masked, m)) {
    scan[kind] = true;
    const close = m.index + m[0].length - markerLength;
    scan.emphasisMarkers.push([m.index, m.index + markerLength], [close, close + markerLength]);
    mask.blank(m.index, m.index + markerLength);
    mask.blank(close, close + markerLength);
  }
}

/**
 * `underscoreEmphasis` is off for plain text, where `__init__` and `snake_case` are names, not
 * emphasis: removing their underscores would change words.
 */
export function scanInline(text: string, underscoreEmphasis = true, present?: number, capitalsFrom = 0): InlineScan {
  if (present === undefined) {
    present = charactersOf(text, underscoreEmphasis);
    capitalsFrom = capitalsStart;
  }
  const scan: InlineScan = {
    bold: false,
    italic: false,
    link: false,
    code: false,
    allCaps: (present & CAPITALS) !== 0 && hasCapitalWord(text, capitalsFrom),
    markup: false,
    skips: [],
    emphasisMarkers: [],
    linkCharacters: 0,
  };
  const markers = present & (MARKERS | (underscoreEmphasis ? UNDERSCORE : 0));
  if (markers === 0) return scan;
  mask.reset(text);
  // Past the first pattern, one whose needle the masking so far has blanked everywhere cannot match
  // and is not run, nor is the blanked text built for it. The oracle (EVERY_PATTERN) runs them all.
  const pruned = present !== EVERY_PATTERN;

  if (present & BACKTICK) {
    for (let m = firstMatch(CODE_SPAN, text); m; m = nextMatch(CODE_SPAN, text, m)) {
      scan.code = true;
      mask.blank(m.index, m.index + m[0].length);
    }
  }
  // A pattern not run leaves its commit to the next pattern's, which blanks the same ranges.
  if ((present & (BRACKET | LINK_PAIR)) === (BRACKET | LINK_PAIR) && !(pruned && !mask.survives(']('))) {
    const masked = mask.commit();
    for (let m = firstMatch(LINK, masked); m; m = nextMatch(LINK, masked, m)) {
      const labelStart = m.index + m[1].length + 1;
      const labelEnd = labelStart + m[2].length;
      if (m[1] === '!' || m[2].trim() === '') scan.markup = true;
      else {
        scan.link = true;
        scan.linkCharacters += visibleLength(m[2]);
      }
      mask.blank(m.index, labelStart);
      mask.blank(labelEnd, m.index + m[0].length);
      // An image's alt text is not visible prose; blank it too.
      if (m[1] === '!') mask.blank(labelStart, labelEnd);
    }
  }
  if (present & REFERENCE_PAIR && !(pruned && !mask.survives(']['))) {
    const masked = mask.commit();
    for (let m = firstMatch(REFERENCE_LINK, masked); m; m = nextMatch(REFERENCE_LINK, masked, m)) {
      scan.link = true;
      scan.linkCharacters += visibleLength(m[1]);
      mask.blank(m.index, m.index + 1);
      mask.blank(m.index + 1 + m[1].length, m.index + m[0].length);
    }
  }
  for (let k = 0; k < MARKUP_PATTERNS.length; k++) {
    // Read by index: destructuring a tuple walks an iterator.
    const pattern = MARKUP_PATTERNS[k][0];
    if ((present & MARKUP_PATTERNS[k][1]) === 0 || (pruned && !mask.survives(MARKUP_PATTERNS[k][2]))) continue;
    const masked = mask.commit();
    for (let m = firstMatch(pattern, masked); m; m = nextMatch(pattern, masked, m)) {
      scan.markup = true;
      mask.blank(m.index, m.index + m[0].length);
    }
  }
  if (present & STAR_PAIR && !(pruned && !mask.survives('**'))) emphasis(scan, STRONG_STAR, 2, 'bold');
  if (markers & UNDERSCORE && present & UNDERSCORE_PAIR && !(pruned && !mask.survives('__'))) emphasis(scan, STRONG_UNDERSCORE, 2, 'bold');
  if (present & TILDE_PAIR && !(pruned && !mask.survives('~~'))) emphasis(scan, STRIKE, 2, 'italic');
  if (present & STAR && !(pruned && !mask.survives('*'))) emphasis(scan, EM_STAR, 1, 'italic');
  if (markers & UNDERSCORE && !(pruned && !mask.survives('_'))) emphasis(scan, EM_UNDERSCORE, 1, 'italic');
  scan.skips = mask.skips();
  // The shared mask lets go of the unit (a slice that keeps its document alive).
  mask.reset('');
  sortByStart(scan.emphasisMarkers);
  return scan;
}

/** Share of the text's visible characters (those outside the skips) that sit inside link text. */
export function linkShareOf(text: string, scan: Pick<InlineScan, 'skips' | 'linkCharacters'>): number {
  // Without link text the share is 0 whatever the visible length, so the count is skipped.
  if (scan.linkCharacters === 0) return 0;
  let visible = 0;
  let cursor = 0;
  for (let k = 0; k < scan.skips.length; k += 2) {
    visible += visibleLength(text, cursor, scan.skips[k]);
    cursor = scan.skips[k + 1];
  }
  visible += visibleLength(text, cursor);
  return visible > 0 ? Math.min(1, scan.linkCharacters / visible) : 0;
}

/**
 * scanInline for every unit, or undefined for a unit without any inline feature, whose plain text is
 * its text: most prose units, which so cost one regex search over their characters and no
 * allocation (the search says which patterns a unit may need). A unit with capitals but no marker
 * (an acronym in prose) needs only the all-caps test. A unit's own text is searched even when it is a range of
 * `_source` (kept for callers that pass the document): a regex reads a slice in place.
 */
export function scanUnits(units: readonly { text: string }[], underscoreEmphasis = true, _source?: string): (InlineScan | undefined)[] {
  const markers = MARKERS | (underscoreEmphasis ? UNDERSCORE : 0);
  return units.map(({ text }) => {
    const present = charactersOf(text, underscoreEmphasis);
    if (present & markers) return scanInline(text, underscoreEmphasis, present, capitalsStart);
    if ((present & CAPITALS) === 0 || !hasCapitalWord(text, capitalsStart)) return undefined;
    return { bold: false, italic: false, link: false, code: false, allCaps: true, markup: false, skips: [], emphasisMarkers: [], linkCharacters: 0 };
  });
}
