// The words a reader sees on one line of converted text, and how many of them are link text.
// Markdown links and images, html-to-text `anchor [target]` pairs and bare URLs are resolved here
// so that the classifier judges words, not syntax, and link density survives the conversion.
import type { DocumentFormat } from '../../types.js';

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

function cleanText(text: string): string {
  return text.replace(/[\\*_`]/g, '').replace(/\s+/g, ' ').trim();
}

export function visibleLine(line: string, format: DocumentFormat): VisibleLine {
  let body = line.replace(MARKERS, '');
  let linkChars = 0;
  let hadLinks = false;
  if (format === 'markdown') {
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
    if (/^[ \t]*\[[ \t]*$/.test(body)) {
      hadLinks = true;
      body = '';
    }
  } else {
    // html-to-text writes `anchor [target]` and the anchor's start is lost. A short segment alone
    // on its line is a whole link (a menu entry); inside a sentence, assume the last few words.
    let cursor = 0;
    let rebuilt = '';
    const blanked = body.replace(TEXT_TARGET_ANY, (m) => ' '.repeat(m.length));
    let lastWordChar = blanked.length - 1;
    while (lastWordChar >= 0 && !/[\p{L}\p{N}]/u.test(blanked[lastWordChar])) lastWordChar--;
    TEXT_TARGET.lastIndex = 0;
    for (let m = TEXT_TARGET.exec(body); m !== null; m = TEXT_TARGET.exec(body)) {
      hadLinks = true;
      const anchor = body.slice(cursor, m.index);
      const words = cleanText(anchor).split(' ').filter(Boolean);
      const wholeSegment = words.length <= ANCHOR_ALONE_MAX_WORDS && lastWordChar < m.index;
      linkChars += (wholeSegment ? words : words.slice(-ANCHOR_IN_SENTENCE_WORDS)).join(' ').length;
      rebuilt += `${anchor} `;
      cursor = m.index + m[0].length;
    }
    body = rebuilt + body.slice(cursor);
  }
  body = body.replace(BARE_URL, () => {
    hadLinks = true;
    return ' ';
  });
  const text = cleanText(body);
  return { text, linkChars: Math.min(linkChars, text.length), hadLinks };
}

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu;

/** Words as the reader counts them; each Han or Kana character is a word of its own. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** The line ends a sentence: terminal punctuation, possibly inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  if (!/[.!?。！？…:;][\s"'”’»」』)\]]{0,3}$/u.test(text)) return false;
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1])) end--;
  const core = text.slice(Math.max(0, end - 3), end);
  return !core.endsWith('...') && !core.endsWith('…');
}

const CLOSERS = new Set([' ', '\t', '\n', '\r', '"', "'", '”', '’', '»', '」', '』', ')', ']']);
