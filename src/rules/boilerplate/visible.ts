// The words a reader sees on one line of converted text, and how many of them are link text.
// Markdown links and images, html-to-text `anchor [target]` pairs and bare URLs are resolved here
// so that the classifier judges words, not syntax, and link density survives the conversion.
import type { DocumentFormat } from '../../types.js';
import { codePointAt, isSpace, SINGLE_WORD, WORD_CHAR, wordClass } from './chars.js';

export interface VisibleLine {
  text: string;
  /** Characters of `text` that are link anchor text. */
  linkChars: number;
  /** The line carried link or image syntax, even if no words are left. */
  hadLinks: boolean;
}

const MD_IMAGE = /!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g;
const MD_LINK = /\[([^[\]\n]{0,500})\]\([^)\n]{0,2000}\)/g;
const MD_LINK_TAIL = /^[ \t]*\]\([^)\n]{0,2000}\)|\]\([^)\n]{0,2000}\)[ \t]*$/g;
const TEXT_TARGET = /\[(?:(?:https?|ftp|mailto|javascript|tel):|\/|#|www\.)[^\s[\]]{0,4096}\]/g;
const TEXT_TARGET_ANY = new RegExp(TEXT_TARGET.source, 'g');
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'\])]{1,4096}/g;
const ANCHOR_ALONE_MAX_WORDS = 10;
const ANCHOR_IN_SENTENCE_WORDS = 3;
const MARKERS = /^[ \t]*(?:[-*+•·]|\d{1,9}[.)]|#{1,6}|>)?[ \t]*/;

/**
 * Where link syntax may start, searched across a whole document in the format's own terms: the head
 * of every pattern above (a Markdown link, image or dangling tail needs `](`, a lone `[` line ends
 * after its bracket, an html-to-text target opens with `[` and a scheme, `/`, `#` or `www.`, a bare
 * URL starts with a scheme or `www.`). A line with no match has no link to resolve: visibleLine
 * gives cleanText of its body.
 */
export const LINK_SYNTAX = {
  markdown: /\]\(|\[[ \t]*(?:[\r\n]|$)|https?:\/\/|www\./g,
  text: /\[(?:(?:https?|ftp|mailto|javascript|tel):|\/|#|www\.)|https?:\/\/|www\./g,
} as const;

/** Markup to drop, whitespace other than a space, or two whitespace characters in a row. */
const NEEDS_CLEANING = /[\\*_`]|[^\S ]|\s\s/;

/** Emphasis and code markers go, whitespace collapses to single spaces, the ends are trimmed. */
export function cleanText(text: string): string {
  // Most text has nothing to drop or collapse, and only its ends can change.
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text.replace(/[\\*_`]/g, '').replace(/\s+/g, ' ').trim();
}

function hasBareUrl(body: string): boolean {
  return body.includes('://') || body.includes('www.');
}

interface Resolved {
  body: string;
  linkChars: number;
  hadLinks: boolean;
}

/** Every Markdown pattern here needs `](`, and a lone `[` line needs `[`. */
function resolveMarkdownLinks(line: string): Resolved {
  let body = line;
  let linkChars = 0;
  let hadLinks = false;
  if (body.includes('](')) {
    body = body.replace(MD_IMAGE, () => {
      hadLinks = true;
      return ' ';
    });
    body = body.replace(MD_LINK, (_m, anchor: string) => {
      hadLinks = true;
      const visible = cleanText(anchor);
      linkChars += visible.length;
      return ` ${visible} `;
    });
    body = body.replace(MD_LINK_TAIL, () => {
      hadLinks = true;
      return ' ';
    });
  }
  if (/^[ \t]*\[[ \t]*$/.test(body)) {
    hadLinks = true;
    body = '';
  }
  return { body, linkChars, hadLinks };
}

/**
 * html-to-text writes `anchor [target]` and the anchor's start is lost. A short segment alone on
 * its line is a whole link (a menu entry); inside a sentence, assume the last few words.
 */
function resolveTextLinks(body: string): Resolved {
  TEXT_TARGET.lastIndex = 0;
  let m = TEXT_TARGET.exec(body);
  if (m === null) return { body, linkChars: 0, hadLinks: false };
  let linkChars = 0;
  let cursor = 0;
  let rebuilt = '';
  const blanked = body.replace(TEXT_TARGET_ANY, (target) => ' '.repeat(target.length));
  let lastWordChar = blanked.length - 1;
  // Code unit by code unit, as a one-unit `[\p{L}\p{N}]` test reads it: half a pair is no letter.
  while (lastWordChar >= 0 && !(wordClass(blanked.charCodeAt(lastWordChar)) & WORD_CHAR)) lastWordChar--;
  for (; m !== null; m = TEXT_TARGET.exec(body)) {
    const anchor = body.slice(cursor, m.index);
    const words = cleanText(anchor).split(' ').filter(Boolean);
    const wholeSegment = words.length <= ANCHOR_ALONE_MAX_WORDS && lastWordChar < m.index;
    linkChars += (wholeSegment ? words : words.slice(-ANCHOR_IN_SENTENCE_WORDS)).join(' ').length;
    rebuilt += `${anchor} `;
    cursor = m.index + m[0].length;
  }
  return { body: rebuilt + body.slice(cursor), linkChars, hadLinks: true };
}

/** Length of the list, heading or quote marker that starts the line (MARKERS always matches at 0). */
function markersEnd(line: string): number {
  return MARKERS.exec(line)![0].length;
}

/**
 * Every link pattern needs a bracket or a URL: without them the visible text is `cleanText(body)`,
 * and most lines stop here.
 */
function isLinkFree(body: string, format: DocumentFormat): boolean {
  return !body.includes('[') && !(format === 'markdown' && body.includes(']')) && !hasBareUrl(body);
}

export function visibleLine(line: string, format: DocumentFormat): VisibleLine {
  const stripped = line.slice(markersEnd(line));
  if (isLinkFree(stripped, format)) return { text: cleanText(stripped), linkChars: 0, hadLinks: false };
  const resolved = format === 'markdown' ? resolveMarkdownLinks(stripped) : resolveTextLinks(stripped);
  let { body, hadLinks } = resolved;
  if (hasBareUrl(body)) {
    body = body.replace(BARE_URL, () => {
      hadLinks = true;
      return ' ';
    });
  }
  const text = cleanText(body);
  return { text, linkChars: Math.min(resolved.linkChars, text.length), hadLinks };
}

/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, code) => wordClass(code));

/**
 * Words as the reader counts them: runs of letters and digits, except that each Han or Kana
 * character is a word of its own (the matches of `[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+`).
 */
export function countWords(text: string): number {
  let n = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    let cls: number;
    if (code < 128) {
      cls = ASCII_WORD[code];
      i++;
    } else {
      const codePoint = codePointAt(text, i);
      i += codePoint > 0xffff ? 2 : 1;
      cls = wordClass(codePoint);
    }
    if (cls === 0) continue;
    n++;
    if (cls & SINGLE_WORD) continue;
    while (i < length) {
      const next = text.charCodeAt(i);
      if (next < 128) {
        if (ASCII_WORD[next] === 0) break;
        i++;
        continue;
      }
      const codePoint = codePointAt(text, i);
      if (!(wordClass(codePoint) & WORD_CHAR)) break;
      i += codePoint > 0xffff ? 2 : 1;
    }
  }
  return n;
}

/** `\s"'”’»」』)]`: what may follow a sentence's final punctuation. */
function isCloserOrSpace(code: number): boolean {
  return isSpace(code) || isCloser(code);
}

/** `"'”’»」』)]`: quotes and brackets that close a sentence. */
function isCloser(code: number): boolean {
  return code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 0xbb || code === 0x300d || code === 0x300f || code === 41 || code === 93;
}

/** `.!?。！？…:;` */
function isTerminal(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x2026 || code === 58 || code === 59;
}

/**
 * How many characters from its end endsSentence reads, at most: up to three closers or spaces,
 * the terminal, and the two before it for `...`. Any text of at least this length ends a sentence
 * exactly when its last this-many characters do.
 */
export const SENTENCE_END_CHARS = 7;

/**
 * The line ends a sentence: terminal punctuation, possibly inside closing quotes or brackets, and
 * not an ellipsis. Read from the end, instead of a regex that tries every position of the line.
 */
export function endsSentence(text: string): boolean {
  let closers = 0;
  while (closers < 4 && closers < text.length && isCloserOrSpace(text.charCodeAt(text.length - 1 - closers))) closers++;
  if (closers > 3 || closers === text.length || !isTerminal(text.charCodeAt(text.length - 1 - closers))) return false;
  let end = text.length;
  for (;;) {
    const code = text.charCodeAt(end - 1);
    if (end > 0 && (code === 32 || code === 9 || code === 10 || code === 13 || isCloser(code))) end--;
    else break;
  }
  if (end >= 1 && text.charCodeAt(end - 1) === 0x2026) return false;
  return !(end >= 3 && text.charCodeAt(end - 1) === 46 && text.charCodeAt(end - 2) === 46 && text.charCodeAt(end - 3) === 46);
}
