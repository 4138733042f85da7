// HTML character references, decoded where they stand so that `&#x3C;&#124;im_start&#124;&gt;`
// reads as the token it spells. Only the named references that can build or hide a chat token
// are known; an unknown name is left as text.

const NAMED: Record<string, string> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  LT: '<', GT: '>', AMP: '&', QUOT: '"',
  verbar: '|', vert: '|', VerticalLine: '|', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']',
  lcub: '{', rcub: '}', lbrace: '{', rbrace: '}', lowbar: '_', UnderBar: '_', sol: '/', bsol: '\\',
  num: '#', colon: ':', excl: '!', quest: '?', period: '.', comma: ',', semi: ';', equals: '=', plus: '+',
  tilde: '~', Tilde: '~', hyphen: '-', dash: '-', ndash: '\u2013', mdash: '\u2014',
  lsaquo: '\u2039', rsaquo: '\u203a', lang: '\u27e8', rang: '\u27e9', langle: '\u27e8', rangle: '\u27e9',
  zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', ZeroWidthSpace: '\u200b', NoBreak: '\u2060',
  InvisibleTimes: '\u2062', InvisibleComma: '\u2063', ApplyFunction: '\u2061', it: '\u2062', ic: '\u2063', af: '\u2061',
};

/** Names that browsers accept without the closing semicolon. */
const LEGACY_WITHOUT_SEMICOLON = new Set(['lt', 'gt', 'amp', 'quot', 'LT', 'GT', 'AMP', 'QUOT', 'nbsp', 'shy']);

const REFERENCE_BODY = /#[xX]([0-9a-fA-F]{1,6});?|#([0-9]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31})(;?)/y;

export interface DecodedReference {
  /** The decoded text (one code point). */
  value: string;
  /** Index just past the reference. */
  end: number;
}

/** Decodes the body of a character reference starting at `at` (just after its `&`). */
function decodeBody(text: string, at: number): DecodedReference | undefined {
  REFERENCE_BODY.lastIndex = at;
  const m = REFERENCE_BODY.exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return { value: String.fromCodePoint(code), end: at + m[0].length };
  }
  const name = m[3];
  const value = NAMED[name];
  if (value === undefined) return undefined;
  if (m[4] !== ';' && !LEGACY_WITHOUT_SEMICOLON.has(name)) return undefined;
  return { value, end: at + m[0].length };
}

/**
 * Decodes the character reference at `text[at] === '&'`. A reference that decodes to `&` and is
 * followed by another reference body (`&amp;lt;`) is decoded again, up to three levels deep,
 * because double-escaped markup is a common scrape artefact and a cheap disguise.
 */
export function decodeReferenceAt(text: string, at: number): DecodedReference | undefined {
  let decoded = decodeBody(text, at + 1);
  for (let depth = 0; decoded && decoded.value === '&' && depth < 3; depth++) {
    const inner = decodeBody(text, decoded.end);
    if (!inner) break;
    decoded = inner;
  }
  return decoded;
}
