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

const ONE_INVISIBLE = new RegExp(`^(?:${INVISIBLE_CANDIDATES.source})$`);

export const isTagCharacter = (cp: number): boolean => cp >= TAG_FIRST && cp <= TAG_LAST;

/**
 * True for characters that render as nothing and carry no letter: format characters (zero-width,
 * bidi controls, soft hyphen, tags, BOM), default-ignorable code points (variation selectors,
 * Hangul fillers, the combining grapheme joiner).
 */
export function isInvisible(cp: number): boolean {
  if (cp < 0xad) return false;
  return ONE_INVISIBLE.test(String.fromCodePoint(cp));
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
