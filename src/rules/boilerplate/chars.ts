// Character classes by char code, from one table. The line scanners test every character of the
// corpus: a Unicode-property regex per character, or a chain of comparisons in a helper that the
// compiler does not inline, costs more than the rest of the rule. Letter classes outside ASCII are
// computed on first sight and remembered.

const SPACE = 1;
const MARKUP = 2;
const WORD = 4;
const SINGLE = 8;
const KNOWN = 16;

/** `[\p{L}\p{N}]`: continues a word. */
export const WORD_CHAR = 1;
/** Han, Hiragana or Katakana script: a word on its own. */
export const SINGLE_WORD = 2;

/** `\s` in a regex, which is also the set String.prototype.trim removes (ECMAScript defines both). */
const SPACES = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];

const FLAGS = new Uint8Array(65536);
for (const code of SPACES) FLAGS[code] |= SPACE;
for (const char of '\\*_`') FLAGS[char.charCodeAt(0)] |= MARKUP;
for (let code = 0; code < 128; code++) {
  const word = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  FLAGS[code] |= KNOWN | (word ? WORD : 0);
}

/** `\s`, and what `trim()` removes. */
export function isSpace(code: number): boolean {
  return (FLAGS[code] & SPACE) !== 0;
}

/** `\`, `*`, `_` and backtick: emphasis and code markers that the visible text drops. */
export function isMarkup(code: number): boolean {
  return (FLAGS[code] & MARKUP) !== 0;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const HAN_OR_KANA = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const astralClasses = new Map<number, number>();

function computeClass(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  return (LETTER_OR_NUMBER.test(char) ? WORD_CHAR : 0) | (HAN_OR_KANA.test(char) ? SINGLE_WORD : 0);
}

/** WORD_CHAR and SINGLE_WORD bits of a code point (a lone surrogate has neither). */
export function wordClass(codePoint: number): number {
  if (codePoint <= 0xffff) {
    let flags = FLAGS[codePoint];
    if ((flags & KNOWN) === 0) {
      const cls = computeClass(codePoint);
      flags |= KNOWN | (cls & WORD_CHAR ? WORD : 0) | (cls & SINGLE_WORD ? SINGLE : 0);
      FLAGS[codePoint] = flags;
    }
    return (flags & WORD ? WORD_CHAR : 0) | (flags & SINGLE ? SINGLE_WORD : 0);
  }
  let cls = astralClasses.get(codePoint);
  if (cls === undefined) {
    cls = computeClass(codePoint);
    astralClasses.set(codePoint, cls);
  }
  return cls;
}

/** The code point at `i` as a regex with the `u` flag reads it: a lone surrogate stands for itself. */
export function codePointAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return code;
}

/** `\p{L}` */
export const LETTER = 1;
/** `\p{N}` */
export const NUMBER = 2;

const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const CATEGORY_KNOWN = 4;
let bmpCategories: Uint8Array | undefined;
const astralCategories = new Map<number, number>();

function computeCategory(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  return IS_LETTER.test(char) ? LETTER : IS_NUMBER.test(char) ? NUMBER : 0;
}

/** LETTER, NUMBER or 0 for a code point (a lone surrogate is neither). */
export function letterOrNumber(codePoint: number): number {
  if (codePoint <= 0xffff) {
    bmpCategories ??= new Uint8Array(65536);
    let category = bmpCategories[codePoint];
    if (category === 0) {
      category = computeCategory(codePoint) | CATEGORY_KNOWN;
      bmpCategories[codePoint] = category;
    }
    return category & ~CATEGORY_KNOWN;
  }
  let category = astralCategories.get(codePoint);
  if (category === undefined) {
    category = computeCategory(codePoint);
    astralCategories.set(codePoint, category);
  }
  return category;
}

let keyBreaks: Uint8Array | undefined;

/**
 * A code unit outside ASCII that lineKey reads as a break whatever surrounds it: not a surrogate,
 * neither letter nor number, and its own lower case. Lower-casing a whole text maps each such unit
 * to itself (the one mapping that depends on context, final sigma, is a letter's), so an ASCII
 * text with these in it keeps the key of the ASCII loop, where lineKey would lower-case a copy.
 */
export function isKeyBreak(code: number): boolean {
  keyBreaks ??= new Uint8Array(65536);
  let known = keyBreaks[code];
  if (known === 0) {
    const char = String.fromCharCode(code);
    known = code < 128 || (code >= 0xd800 && code <= 0xdfff) || letterOrNumber(code) !== 0 || char.toLowerCase() !== char ? 2 : 1;
    keyBreaks[code] = known;
  }
  return known === 1;
}
