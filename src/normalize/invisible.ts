// What counts as an invisible character, shared by the normalised view (which drops them) and by
// `invisible-unicode` (which reports them where they are not doing legitimate work).

export const TAG_FIRST = 0xe0000;
export const TAG_LAST = 0xe007f;
export const CANCEL_TAG = 0xe007f;
export const BLACK_FLAG = 0x1f3f4;

const MARK = /\p{M}/u;

/**
 * Every format or default-ignorable code point, spelled out (BMP ranges and surrogate pairs)
 * because Unicode property classes scan text several times slower. A test checks it against
 * `\p{Cf}` and `\p{Default_Ignorable_Code_Point}` over all code points.
 */
export const INVISIBLE_CANDIDATES =
  /[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]|\ud804[\udcbd\udccd]|\ud80d[\udc30-\udc3f]|\ud82f[\udca0-\udca3]|\ud834[\udd73-\udd7a]|[\udb40-\udb43][\udc00-\udfff]/g;

/** INVISIBLE_CANDIDATES as code point ranges, first and last; a test checks the two agree. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x0600, 0x0605], [0x061c, 0x061c], [0x06dd, 0x06dd], [0x070f, 0x070f], [0x0890, 0x0891],
  [0x08e2, 0x08e2], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f],
  [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xfff0, 0xfffb],
  [0x110bd, 0x110bd], [0x110cd, 0x110cd], [0x13430, 0x1343f], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe0fff],
];

const INVISIBLE_UNIT = 1;
/** A high surrogate that some invisible astral code point starts with. */
const INVISIBLE_LEAD = 2;
/** Per UTF-16 code unit: a table read is several times cheaper than testing a one-character string against the class. */
const UNIT_KIND = new Uint8Array(0x10000);
const ASTRAL_RANGES: (readonly [number, number])[] = [];
for (const range of INVISIBLE_RANGES) {
  if (range[0] > 0xffff) {
    ASTRAL_RANGES.push(range);
    for (let cp = range[0]; cp <= range[1]; cp += 0x400 - ((cp - 0x10000) & 0x3ff)) UNIT_KIND[0xd800 + ((cp - 0x10000) >> 10)] = INVISIBLE_LEAD;
  } else UNIT_KIND.fill(INVISIBLE_UNIT, range[0], range[1] + 1);
}

function isInvisibleAstral(cp: number): boolean {
  for (const [first, last] of ASTRAL_RANGES) if (cp >= first && cp <= last) return true;
  return false;
}

/** `[\u00ad-\uffff]`: the engine skips ASCII and Latin-1 far faster than a loop; only what it stops at is looked up. */
const MAY_BE_INVISIBLE = /[\u00ad-\uffff]/g;

/**
 * Where the next match of INVISIBLE_CANDIDATES at or after `from` starts, or -1. A match is one
 * unit when the code point is in the BMP, two (a surrogate pair) otherwise.
 */
export function nextInvisible(text: string, from: number): number {
  MAY_BE_INVISIBLE.lastIndex = from;
  while (MAY_BE_INVISIBLE.test(text)) {
    const at = MAY_BE_INVISIBLE.lastIndex - 1;
    const unit = text.charCodeAt(at);
    const kind = UNIT_KIND[unit];
    if (kind === INVISIBLE_UNIT) return at;
    if (kind === INVISIBLE_LEAD) {
      const low = text.charCodeAt(at + 1);
      if (low >= 0xdc00 && low <= 0xdfff && isInvisibleAstral(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) return at;
    }
  }
  return -1;
}

export const isTagCharacter = (cp: number): boolean => cp >= TAG_FIRST && cp <= TAG_LAST;

/**
 * True for characters that render as nothing and carry no letter: format characters (zero-width,
 * bidi controls, soft hyphen, tags, BOM), default-ignorable code points (variation selectors,
 * Hangul fillers, the combining grapheme joiner).
 */
export function isInvisible(cp: number): boolean {
  if (cp < 0xad) return false;
  return cp <= 0xffff ? UNIT_KIND[cp] === INVISIBLE_UNIT : isInvisibleAstral(cp);
}

/** True for combining marks, which attach to a base letter without changing what it spells. */
export function isCombiningMark(cp: number): boolean {
  if (cp < 0x300) return false;
  return MARK.test(String.fromCodePoint(cp));
}

export type InvisibleKind = 'zero-width' | 'bidi' | 'tag' | 'soft-hyphen' | 'variation-selector' | 'filler' | 'format';

/** Sorts an invisible character into the kind a message names. */
export function invisibleKind(cp: number): InvisibleKind {
  if (isTagCharacter(cp)) return 'tag';
  if (cp === 0xad) return 'soft-hyphen';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'bidi';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x180e) return 'zero-width';
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x180b && cp <= 0x180d) || cp === 0x180f) return 'variation-selector';
  if (cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || cp === 0x17b4 || cp === 0x17b5) return 'filler';
  return 'format';
}
