// Most lines are prose, and one pass over a line's characters can tell so without judge's
// patterns. Tags and links are stripped before a line is judged; the pass reads the stripped line
// in place (the text between matches and each replacement) instead of building it, since most
// lines with markup are README prose with a link or two.
import { isSpace } from '../boilerplate/chars.js';

/** Tags and link syntax have scanners of their own; only what is left says whether a line is code. */
export const TAG_OR_LINK = /<\/?[A-Za-z][^<>\n]{0,300}>|!?\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)|\[(?:https?:|\/|#)[^\s[\]]{0,2000}\]/g;
/** TAG_OR_LINK tried at one position: a match starts at `<`, `[` or the `!` of `![`. */
export const TAG_OR_LINK_AT = new RegExp(TAG_OR_LINK.source, 'y');

/** `[{}();:=[\]<>"'|&+\\]`, the characters symbolDensity counts. */
export const IS_SYMBOL = new Uint8Array(128);
for (const char of '{}();:=[]<>"\'|&+\\') IS_SYMBOL[char.charCodeAt(0)] = 1;
/** `[{}()[\];,]`, what PUNCTUATION_ONLY allows besides spaces and tabs. */
const IS_BRACKET_PUNCTUATION = new Uint8Array(128);
for (const char of '{}()[];,') IS_BRACKET_PUNCTUATION[char.charCodeAt(0)] = 1;

/** What the pass counts in a symbol (every character it looks at is one); 0 for the rest. */
const SYMBOL = 1;
const QUOTE = 2;
const COLON = 4;
const BRACE = 8;
/** `<` and `[`, where a TAG_OR_LINK match may start. */
const TRIGGER = 16;
const QUICK = IS_SYMBOL.map((symbol) => symbol);
QUICK[34] |= QUOTE;
QUICK[58] |= COLON;
QUICK[123] |= BRACE;
QUICK[60] |= TRIGGER;
QUICK[91] |= TRIGGER;

/** judgeStripped calls the stripped line prose. */
export const PROSE = 1;
/** Only judgeStripped can tell; the line has no tag or link, so its trimmed text is what it reads. */
export const UNSURE = 0;
/** Only judgeStripped can tell, on the line with its tags and links stripped. */
export const STRIP = -1;

/** What judgeStripped's character pass counts on a line: its symbols, `"` and `:`, and whether it holds a `{`. */
export interface SymbolCounts {
  symbols: number;
  quotes: number;
  colons: number;
  brace: boolean;
}

/**
 * The counts of the line quickLineVerdict last called UNSURE. That line has no tag or link, so it
 * is the trimmed line judgeStripped reads, and judgeStripped need not count its characters again.
 */
export const unsureCounts: SymbolCounts = { symbols: 0, quotes: 0, colons: 0, brace: false };

const isPlain = (c: number) => c >= 128 || (IS_BRACKET_PUNCTUATION[c] === 0 && c !== 32 && c !== 9);

/** COMMENT_LINE on a trimmed line whose first code units are these (-1 past its end): `/*`, `*\/`, `//`, `<!--` or `-->`. */
function opensComment(first: number, second: number, third: number, fourth: number): boolean {
  if (first === 47) return second === 42 || second === 47;
  if (first === 42) return second === 47;
  if (first === 60) return second === 33 && third === 45 && fourth === 45;
  return first === 45 && second === 45 && third === 62;
}

/** opensComment on the trimmed `text[start, end)`. */
function opensCommentAt(text: string, start: number, end: number): boolean {
  const at = (i: number) => (i < end ? text.charCodeAt(i) : -1);
  return opensComment(text.charCodeAt(start), at(start + 1), at(start + 2), at(start + 3));
}

/**
 * The stripped line, read in place: the text between TAG_OR_LINK matches, and for each match a
 * space, or a space, its anchor and a space. `cuts` holds each match's start and end and its
 * anchor's (-1 for a tag or a bare target).
 */
class StrippedLine {
  cuts: number[] = [];
  count = 0;
  text = '';
  start = 0;
  end = 0;

  /** Visits the stripped line's code units front to back, or back to front, until `stop` says so; returns where it stopped, -1 if it never did. */
  find(backwards: boolean, stop: (code: number) => boolean): number {
    const { cuts, count, text } = this;
    // Pieces in order: raw text before cut k, then cut k's replacement; the raw tail comes last.
    let seen = 0;
    const scan = (from: number, to: number): number => {
      for (let n = 0; n < to - from; n++) {
        const i = backwards ? to - 1 - n : from + n;
        if (stop(text.charCodeAt(i))) return seen + n;
      }
      seen += to - from;
      return -1;
    };
    const replacement = (k: number): number => {
      const anchorStart = cuts[4 * k + 2];
      if (anchorStart === -1) return stop(32) ? seen : (seen++, -1);
      if (stop(32)) return seen;
      seen++;
      const inner = scan(anchorStart, cuts[4 * k + 3]);
      if (inner !== -1) return inner;
      return stop(32) ? seen : (seen++, -1);
    };
    for (let step = 0; step <= count; step++) {
      const k = backwards ? count - step : step;
      const rawFrom = k === 0 ? this.start : cuts[4 * (k - 1) + 1];
      const rawTo = k === count ? this.end : cuts[4 * k];
      let found: number;
      if (backwards) {
        found = scan(rawFrom, rawTo);
        if (found === -1 && k > 0) found = replacement(k - 1);
      } else {
        if (k > 0) {
          found = replacement(k - 1);
          if (found !== -1) return found;
        }
        found = scan(rawFrom, rawTo);
      }
      if (found !== -1) return found;
    }
    return -1;
  }
}

const stripped = new StrippedLine();

/**
 * Whether judgeStripped calls the trimmed line `text[start, end)` prose once its tags and links
 * are stripped, told from one pass over its characters that finds the matches at `<` and `[` and
 * reads each anchor. Every verdict but prose needs one of: a comment opener first (COMMENT_LINE,
 * so a list item's `- ` or `* ` is no reason to look closer), only bracket punctuation, or a
 * symbol density above 0.03. Up to 0.06 only a CSS rule (a `{`, `@` first, or a `:` with `;` last)
 * or three JSON pairs (three `"` and three `:`) qualify; three pairs at one per 60 characters are
 * already a density of 1/30, since each holds a `"` and a `:`.
 */
export function quickLineVerdict(text: string, start: number, end: number): number {
  if (start === end) return PROSE;
  // Most lines hold no `<` or `[`: their pass is this loop alone, small enough to stay optimised.
  // Each symbol has at most one of QUOTE, COLON and BRACE, so their counts are added, not branched on.
  let symbols = 0;
  let quotes = 0;
  let colons = 0;
  let brace = 0;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    const flags = QUICK[c];
    if (flags === 0) continue;
    if ((flags & TRIGGER) !== 0) break;
    symbols++;
    quotes += (flags >> 1) & 1;
    colons += (flags >> 2) & 1;
    brace |= flags & BRACE;
  }
  if (i < end) return verdictWithTriggers(text, start, end, i, symbols, quotes, colons, brace !== 0);
  return verdictWithoutTriggers(text, start, end, symbols, quotes, colons, brace !== 0);
}

/** quickLineVerdict on a line that holds no tag or link, from its counts. */
function verdictWithoutTriggers(text: string, start: number, end: number, symbols: number, quotes: number, colons: number, brace: boolean): number {
  const prose = !opensCommentAt(text, start, end) && proseByCounts(symbols, end - start, brace, text.charCodeAt(start), text.charCodeAt(end - 1), quotes, colons) && !onlyBracketPunctuation(text, start, end);
  if (prose) return PROSE;
  unsureCounts.symbols = symbols;
  unsureCounts.quotes = quotes;
  unsureCounts.colons = colons;
  unsureCounts.brace = brace;
  return UNSURE;
}

/** quickLineVerdict from the first `<` or `[` at `from` on, with the counts of the text before it. */
function verdictWithTriggers(text: string, start: number, end: number, from: number, symbols: number, quotes: number, colons: number, brace: boolean): number {
  let count = 0;
  let removed = 0;
  const { cuts } = stripped;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    let flags = QUICK[c];
    if (flags === 0) continue;
    if (flags & TRIGGER) {
      const matchStart = matchAt(text, i, start);
      if (matchStart !== -1) {
        const matchEnd = TAG_OR_LINK_AT.lastIndex;
        // The stripper reads the line alone: a match that runs past it (a segment of a long line) is not one it finds.
        if (matchEnd > end) return STRIP;
        let anchorStart = -1;
        let anchorEnd = -1;
        if (isLink(text, matchEnd)) {
          anchorStart = linkAnchorStart(text, matchStart);
          anchorEnd = text.indexOf(']', anchorStart);
          for (let j = anchorStart; j < anchorEnd; j++) {
            const a = text.charCodeAt(j);
            flags = a < 128 ? QUICK[a] : 0;
            symbols += flags & SYMBOL;
            if (flags & QUOTE) quotes++;
            else if (flags & COLON) colons++;
            else if (flags & BRACE) brace = true;
          }
        }
        cuts[4 * count] = matchStart;
        cuts[4 * count + 1] = matchEnd;
        cuts[4 * count + 2] = anchorStart;
        cuts[4 * count + 3] = anchorEnd;
        count++;
        removed += matchEnd - matchStart - (anchorStart === -1 ? 1 : anchorEnd - anchorStart + 2);
        i = matchEnd - 1;
        continue;
      }
    }
    symbols++;
    if (flags & QUOTE) quotes++;
    else if (flags & COLON) colons++;
    else if (flags & BRACE) brace = true;
  }
  if (count === 0) return verdictWithoutTriggers(text, start, end, symbols, quotes, colons, brace);
  stripped.count = count;
  stripped.text = text;
  stripped.start = start;
  stripped.end = end;
  const length = end - start - removed;
  // The first four code units of the trimmed stripped line, and where it starts.
  const head = [-1, -1, -1, -1];
  let taken = 0;
  let leading = -1;
  let position = 0;
  stripped.find(false, (code) => {
    if (leading === -1) {
      if (isSpace(code)) return (position++, false);
      leading = position;
    }
    head[taken++] = code;
    return taken === 4;
  });
  if (leading === -1) return PROSE;
  let last = 0;
  const trailing = stripped.find(true, (code) => !isSpace(code) && ((last = code), true));
  if (opensComment(head[0], head[1], head[2], head[3])) return STRIP;
  if (!proseByCounts(symbols, length - leading - trailing, brace, head[0], last, quotes, colons)) return STRIP;
  return stripped.find(false, isPlain) === -1 ? STRIP : PROSE;
}

/**
 * Where the leftmost TAG_OR_LINK match at `i` (`<` or `[`) starts, with the `!` before a `[` when
 * the line holds it, or -1; TAG_OR_LINK_AT.lastIndex is left at its end. The stripper tries the `!`
 * first, and it cannot end an earlier match (each ends in `>`, `)` or `]`). Tested, not executed:
 * the match's parts follow from its text, and no match array is made.
 */
export function matchAt(text: string, i: number, lineStart: number): number {
  const c = text.charCodeAt(i);
  if (c === 60) {
    const next = text.charCodeAt(i + 1);
    if (next !== 47 && !((next >= 65 && next <= 90) || (next >= 97 && next <= 122))) return -1;
  } else if (i > lineStart && text.charCodeAt(i - 1) === 33) {
    TAG_OR_LINK_AT.lastIndex = i - 1;
    if (TAG_OR_LINK_AT.test(text)) return i - 1;
  }
  TAG_OR_LINK_AT.lastIndex = i;
  return TAG_OR_LINK_AT.test(text) ? i : -1;
}

/** Whether the TAG_OR_LINK match ending at `matchEnd` is a link: only a link ends in `)`. */
export const isLink = (text: string, matchEnd: number) => text.charCodeAt(matchEnd - 1) === 41;
/** Where a link match's anchor starts, after its `![` or `[`; it ends at the first `]`, which it cannot hold. */
export const linkAnchorStart = (text: string, matchStart: number) => matchStart + (text.charCodeAt(matchStart) === 33 ? 2 : 1);

/** The density rules on a trimmed stripped line of `length` code units with these counts. */
function proseByCounts(symbols: number, length: number, brace: boolean, first: number, last: number, quotes: number, colons: number): boolean {
  const density = symbols / length;
  if (density > 0.06) return false;
  return density <= 0.03 || !(brace || first === 64 || (colons > 0 && last === 59) || (quotes >= 3 && colons >= 3));
}

/** PUNCTUATION_ONLY's body: the trimmed `text[start, end)` holds only bracket punctuation, spaces and tabs. */
function onlyBracketPunctuation(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isPlain(text.charCodeAt(i))) return false;
  return true;
}
