// Inline presentation features of one unit, found by cheap regexes instead of a parse. Every
// pattern is bounded and has no nested quantifiers, so a hostile line cannot make it backtrack.
import type { Range } from '../types.js';

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

/** Blanks ranges of a text to spaces (line breaks kept), so offsets stay put for the next pattern. */
class Mask {
  private pending: Range[] = [];
  constructor(public current: string) {}
  blank(start: number, end: number): void {
    if (end > start) this.pending.push([start, end]);
  }
  commit(): string {
    if (this.pending.length === 0) return this.current;
    this.pending.sort((a, b) => a[0] - b[0]);
    let out = '';
    let cursor = 0;
    for (const [start, end] of this.pending) {
      const from = Math.max(start, cursor);
      if (end <= from) continue;
      out += this.current.slice(cursor, from) + this.current.slice(from, end).replace(/[^\n]/g, ' ');
      cursor = end;
    }
    this.current = out + this.current.slice(cursor);
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

/**
 * `underscoreEmphasis` is off for plain text, where `__init__` and `snake_case` are names, not
 * emphasis: removing their underscores would change words.
 */
export function scanInline(text: string, underscoreEmphasis = true): InlineScan {
  const scan: InlineScan = { bold: false, italic: false, link: false, code: false, allCaps: ALL_CAPS.test(text), markup: false, plain: '', emphasisMarkers: [], linkShare: 0 };
  let linkChars = 0;
  const mask = new Mask(text);

  eachMatch(CODE_SPAN, text, (m) => {
    scan.code = true;
    mask.blank(m.index, m.index + m[0].length);
  });
  eachMatch(LINK, mask.commit(), (m) => {
    const labelStart = m.index + m[1].length + 1;
    const labelEnd = labelStart + m[2].length;
    if (m[1] === '!' || m[2].trim() === '') scan.markup = true;
    else {
      scan.link = true;
      linkChars += m[2].replace(/\s+/g, '').length;
    }
    mask.blank(m.index, labelStart);
    mask.blank(labelEnd, m.index + m[0].length);
    // An image's alt text is not visible prose; blank it too.
    if (m[1] === '!') mask.blank(labelStart, labelEnd);
  });
  eachMatch(REFERENCE_LINK, mask.commit(), (m) => {
    scan.link = true;
    linkChars += m[1].replace(/\s+/g, '').length;
    mask.blank(m.index, m.index + 1);
    mask.blank(m.index + 1 + m[1].length, m.index + m[0].length);
  });
  for (const pattern of [BARE_URL, HTML_TAG, ENTITY, ESCAPE]) {
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
  emphasis(STRONG_STAR, 2, 'bold');
  if (underscoreEmphasis) emphasis(STRONG_UNDERSCORE, 2, 'bold');
  emphasis(STRIKE, 2, 'italic');
  emphasis(EM_STAR, 1, 'italic');
  if (underscoreEmphasis) emphasis(EM_UNDERSCORE, 1, 'italic');
  scan.plain = mask.commit();
  scan.emphasisMarkers.sort((a, b) => a[0] - b[0]);
  const visible = scan.plain.replace(/\s+/g, '').length;
  scan.linkShare = visible > 0 ? Math.min(1, linkChars / visible) : 0;
  return scan;
}
