// Keys of lines for the corpus pass. Case, digits, punctuation and spacing do not make a furniture
// line different: the key hashes the lower-cased visible text with every run of digits as one `0`
// and every other run of non-letters as one space, trimmed (32-bit FNV-1a).
import type { DocumentFormat } from '../../types.js';
import { isMarkup } from './chars.js';
import { isLinkFree, markersEnd, visibleLine, visibleOf } from './visible.js';

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The key of a unit's visible text; undefined when it has fewer than three letters. */
export function lineKey(visible: string): number | undefined {
  const hasher = new KeyHasher();
  return hasher.feed(visible, 0, visible.length, false) ? hasher.result() : unicodeLineKey(visible);
}

/**
 * The key computed as characters stream in, for ASCII text, where lower-casing is one bit and
 * letters and digits are ranges: no lower-cased copy, no regex.
 */
class KeyHasher {
  private hash = FNV_OFFSET;
  private letters = 0;
  private started = false;
  private pendingSpace = false;
  private inDigits = false;

  /**
   * Feeds `text[start, end)`; with `skipMarkup`, emphasis and code markers count as absent, as
   * cleanText drops them. Returns false at the first non-ASCII character: the caller starts over
   * with unicodeLineKey, whose lower-casing depends on context (a final sigma).
   */
  feed(text: string, start: number, end: number, skipMarkup: boolean): boolean {
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i);
      if (code >= 128) return false;
      if (code >= 65 && code <= 90) code |= 32;
      if (code >= 97 && code <= 122) {
        if (this.pendingSpace && this.started) this.hash = Math.imul(this.hash ^ 32, FNV_PRIME);
        this.pendingSpace = false;
        this.started = true;
        this.hash = Math.imul(this.hash ^ code, FNV_PRIME);
        this.letters++;
        this.inDigits = false;
      } else if (code >= 48 && code <= 57) {
        if (this.pendingSpace && this.started) this.hash = Math.imul(this.hash ^ 32, FNV_PRIME);
        this.pendingSpace = false;
        this.started = true;
        if (!this.inDigits) this.hash = Math.imul(this.hash ^ 48, FNV_PRIME);
        this.inDigits = true;
      } else if (!skipMarkup || !isMarkup(code)) this.separate();
    }
    return true;
  }

  /** A run of non-letters: the space that joins two lines of a unit. */
  separate(): void {
    this.pendingSpace = true;
    this.inDigits = false;
  }

  result(): number | undefined {
    return this.letters < 3 ? undefined : this.hash >>> 0;
  }
}

function unicodeLineKey(visible: string): number | undefined {
  const lower = visible.toLowerCase();
  let hash = FNV_OFFSET;
  let letters = 0;
  let started = false;
  let pendingSpace = false;
  let inDigits = false;
  const emit = (code: number) => {
    hash ^= code;
    hash = Math.imul(hash, FNV_PRIME);
  };
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length;
    const char = wide ? lower.slice(i, i + 2) : lower[i];
    const isLetter = code < 128 ? code >= 97 && code <= 122 : LETTER.test(char);
    const isNumber = !isLetter && (code < 128 ? code >= 48 && code <= 57 : NUMBER.test(char));
    if (isLetter || isNumber) {
      if (pendingSpace && started) emit(32);
      pendingSpace = false;
      started = true;
      if (isLetter) {
        for (let k = 0; k < char.length; k++) emit(char.charCodeAt(k));
        letters += char.length;
        inDigits = false;
      } else if (!inDigits) {
        emit(48);
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

/**
 * `lineKey(visibleOf(raw, format).text)` without building the visible text: a line without link
 * syntax is hashed straight from its source, markers skipped, emphasis markers ignored. Lines
 * joined by a space hash as one text, since a run of non-letters is one space in the key.
 */
export function unitKey(raw: string, format: DocumentFormat): number | undefined {
  const hasher = new KeyHasher();
  let from = 0;
  for (;;) {
    const newline = raw.indexOf('\n', from);
    const line = newline === -1 ? (from === 0 ? raw : raw.slice(from)) : raw.slice(from, newline);
    const body = markersEnd(line);
    // Markers hold no bracket, colon, slash or `w`, so the line has link syntax exactly when its body does.
    const ascii = isLinkFree(line, format) ? hasher.feed(line, body, line.length, true) : feedText(hasher, visibleLine(line, format).text);
    if (!ascii) return lineKey(visibleOf(raw, format).text);
    if (newline === -1) return hasher.result();
    hasher.separate();
    from = newline + 1;
  }
}

function feedText(hasher: KeyHasher, text: string): boolean {
  return hasher.feed(text, 0, text.length, false);
}
