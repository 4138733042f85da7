// Keys of lines for the corpus pass. Case, digits, punctuation and spacing do not make a furniture
// line different: the key hashes the lower-cased visible text with every run of digits as one `0`
// and every other run of non-letters as one space, trimmed (32-bit FNV-1a).

import { isKeyBreak, LETTER, letterOrNumber, NUMBER } from './chars.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The key of a unit's visible text; undefined when it has fewer than three letters. */
export function lineKey(visible: string): number | undefined {
  const ascii = asciiLineKey(visible);
  return ascii === null ? unicodeLineKey(visible) : ascii;
}

/**
 * The same key for an all-ASCII text, where lower-casing is one bit and letters and digits are
 * ranges: no lower-cased copy, no regex. Returns null at the first non-ASCII character.
 */
function asciiLineKey(visible: string): number | undefined | null {
  let hash = FNV_OFFSET;
  let letters = 0;
  let started = false;
  let pendingSpace = false;
  let inDigits = false;
  for (let i = 0; i < visible.length; i++) {
    const code = visible.charCodeAt(i) | 0;
    if (code >= 128) {
      if (!isKeyBreak(code)) return null;
      pendingSpace = true;
      inDigits = false;
      continue;
    }
    const lower = code >= 65 && code <= 90 ? code | 32 : code;
    const digit = code >= 48 && code <= 57;
    if ((lower >= 97 && lower <= 122) || digit) {
      if (pendingSpace && started) hash = Math.imul(hash ^ 32, FNV_PRIME);
      pendingSpace = false;
      started = true;
      if (!digit) {
        hash = Math.imul(hash ^ lower, FNV_PRIME);
        letters++;
        inDigits = false;
      } else if (!inDigits) {
        hash = Math.imul(hash ^ 48, FNV_PRIME);
        inDigits = true;
      }
    } else {
      pendingSpace = true;
      inDigits = false;
    }
  }
  return letters < 3 ? undefined : hash >>> 0;
}

/**
 * `/\p{L}/u` or `/\p{N}/u` tested on `lower[i]`, or on `lower[i, i + 2)` when `lower[i]` is a high
 * surrogate with anything after it: a pair is one code point, and an unpaired high surrogate is no
 * letter but the unit after it may be.
 */
function categoryAt(lower: string, i: number, wide: boolean): number {
  const code = lower.charCodeAt(i);
  if (!wide) return letterOrNumber(code);
  const next = lower.charCodeAt(i + 1);
  if (next >= 0xdc00 && next <= 0xdfff) return letterOrNumber(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
  return letterOrNumber(next);
}

const CAPITAL_SIGMA = 0x3a3;
let lowerUnits: Int32Array | undefined;
const lowerAstrals = new Map<number, number>();

/** The one code point that lower-cases `char`, or -1 where lower-casing gives more (`İ`). */
function lowerCodePoint(char: string): number {
  const lower = char.toLowerCase();
  const codePoint = lower.codePointAt(0)!;
  return lower.length === (codePoint > 0xffff ? 2 : 1) ? codePoint : -1;
}

/** Where keyUnitAt finds no answer: the key must come from lineKey of the visible text. */
export const KEY_UNIT_UNKNOWN = -1;
/** The unit found was a surrogate pair: the caller steps past its second half. */
export const KEY_UNIT_WIDE = 4;

/**
 * What lineKey makes of the code unit at `text[i]` (outside ASCII) when the rest
 * of the line is read in place: LETTER, NUMBER or 0 (a break) in the low two bits, KEY_UNIT_WIDE
 * for a pair, and the lower-cased code point from bit 3, whose code units a letter hashes.
 * Lower-casing a whole text maps each code point on its own except a capital sigma (final or not
 * by its neighbours) and the few that become two code points: those, and lone surrogates (which
 * dropped markup could pair), give KEY_UNIT_UNKNOWN, as does a pair cut by `to`.
 */
export function keyUnitAt(text: string, i: number, to: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdfff) {
    const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
    if (code > 0xdbff || next < 0xdc00 || next > 0xdfff) return KEY_UNIT_UNKNOWN;
    const codePoint = ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
    let lower = lowerAstrals.get(codePoint);
    if (lower === undefined) {
      lower = lowerCodePoint(String.fromCodePoint(codePoint));
      if (lower !== -1 && lower <= 0xffff) lower = -1;
      lowerAstrals.set(codePoint, lower);
    }
    return lower === -1 ? KEY_UNIT_UNKNOWN : (lower << 3) | KEY_UNIT_WIDE | letterOrNumber(lower);
  }
  if (code === CAPITAL_SIGMA) return KEY_UNIT_UNKNOWN;
  lowerUnits ??= new Int32Array(65536).fill(-2);
  let lower = lowerUnits[code];
  if (lower === -2) {
    lower = lowerCodePoint(String.fromCharCode(code));
    if (lower > 0xffff) lower = -1;
    lowerUnits[code] = lower;
  }
  if (lower === -1) return KEY_UNIT_UNKNOWN;
  // As lineKey reads the lower-cased text: ASCII by its ranges (the Kelvin sign becomes `k`).
  const category = lower < 128 ? (lower >= 97 && lower <= 122 ? LETTER : lower >= 48 && lower <= 57 ? NUMBER : 0) : letterOrNumber(lower);
  return (lower << 3) | category;
}

function unicodeLineKey(visible: string): number | undefined {
  const lower = visible.toLowerCase();
  let hash = FNV_OFFSET;
  let letters = 0;
  let started = false;
  let pendingSpace = false;
  let inDigits = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length;
    const category = code < 128 ? (code >= 97 && code <= 122 ? LETTER : code >= 48 && code <= 57 ? NUMBER : 0) : categoryAt(lower, i, wide);
    if (category !== 0) {
      if (pendingSpace && started) hash = Math.imul(hash ^ 32, FNV_PRIME);
      pendingSpace = false;
      started = true;
      if (category === LETTER) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        if (wide) hash = Math.imul(hash ^ lower.charCodeAt(i + 1), FNV_PRIME);
        letters += wide ? 2 : 1;
        inDigits = false;
      } else if (!inDigits) {
        hash = Math.imul(hash ^ 48, FNV_PRIME);
        inDigits = true;
      }
    } else {
      pendingSpace = true;
      inDigits = false;
    }
    if (wide) i++;
  }
  return letters < 3 ? undefined : hash >>> 0;
}
