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

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

function eachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    visit(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

export function scanInline(text: string): InlineScan {
  // Code units, not code points: offsets stay UTF-16 indices and a lone surrogate survives.
  const chars = text.split('');
  const scan: InlineScan = { bold: false, italic: false, link: false, code: false, allCaps: ALL_CAPS.test(text), markup: false, plain: '', emphasisMarkers: [], linkShare: 0 };
  let linkChars = 0;
  const masked = () => chars.join('');

  eachMatch(CODE_SPAN, text, (m) => {
    scan.code = true;
    blank(chars, m.index, m.index + m[0].length);
  });
  let current = masked();
  eachMatch(LINK, current, (m) => {
    const labelStart = m.index + m[1].length + 1;
    const labelEnd = labelStart + m[2].length;
    if (m[1] === '!' || m[2].trim() === '') scan.markup = true;
    else {
      scan.link = true;
      linkChars += m[2].replace(/\s+/g, '').length;
    }
    blank(chars, m.index, labelStart);
    blank(chars, labelEnd, m.index + m[0].length);
    // An image's alt text is not visible prose; blank it too.
    if (m[1] === '!') blank(chars, labelStart, labelEnd);
  });
  current = masked();
  eachMatch(REFERENCE_LINK, current, (m) => {
    scan.link = true;
    linkChars += m[1].replace(/\s+/g, '').length;
    blank(chars, m.index, m.index + 1);
    blank(chars, m.index + 1 + m[1].length, m.index + m[0].length);
  });
  for (const pattern of [BARE_URL, HTML_TAG, ENTITY, ESCAPE]) {
    current = masked();
    eachMatch(pattern, current, (m) => {
      scan.markup = true;
      blank(chars, m.index, m.index + m[0].length);
    });
  }
  const emphasis = (pattern: RegExp, markerLength: number, kind: 'bold' | 'italic') => {
    current = masked();
    eachMatch(pattern, current, (m) => {
      scan[kind] = true;
      const close = m.index + m[0].length - markerLength;
      scan.emphasisMarkers.push([m.index, m.index + markerLength], [close, close + markerLength]);
      blank(chars, m.index, m.index + markerLength);
      blank(chars, close, close + markerLength);
    });
  };
  emphasis(STRONG_STAR, 2, 'bold');
  emphasis(STRONG_UNDERSCORE, 2, 'bold');
  emphasis(STRIKE, 2, 'italic');
  emphasis(EM_STAR, 1, 'italic');
  emphasis(EM_UNDERSCORE, 1, 'italic');
  scan.plain = masked();
  scan.emphasisMarkers.sort((a, b) => a[0] - b[0]);
  const visible = scan.plain.replace(/\s+/g, '').length;
  scan.linkShare = visible > 0 ? Math.min(1, linkChars / visible) : 0;
  return scan;
}
