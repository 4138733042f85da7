// The visible text and words of a plain ASCII range, for the check when it hashes no key (a run
// without recurring lines, or a unit past the hashed words). UnitScan's loop branches on every
// character's class, and the branch at every word's end is one the processor cannot predict: on
// prose that costs more than reading the characters. Here each character updates the counts with
// arithmetic on its flags, and a range this loop cannot settle is left to UnitScan's.
import { ASCII_CLASS, DIGIT, dropMarkup, LETTER, MARKUP, OTHER, SPACE } from './scan-classes.js';

const WORDISH = 1;
const IS_MARKUP = 2;
const IS_SPACE = 4;
/** Outside ASCII, or whitespace other than the space: cleanText's reading needs UnitScan's loop. */
const UNSETTLED = 8;

const FLAGS = ASCII_CLASS.map((cls) => (cls === LETTER || cls === DIGIT ? WORDISH : cls === MARKUP ? IS_MARKUP : cls === SPACE ? IS_SPACE : cls === OTHER ? 0 : UNSETTLED));

function flagsOf(code: number): number {
  return code < 128 ? FLAGS[code] : UNSETTLED;
}

/** One range at a time; `read` says whether it settled the range. */
export class PlainLine {
  visible = '';
  words = 0;

  /**
   * cleanText of `text[from, to)` and countWords of it, for a range of ASCII with no whitespace but
   * spaces, and no two spaces between words (cleanText would rebuild the text); false otherwise.
   * Markup is dropped and neither breaks a word nor a run of spaces (`a*b*` is one word, `a * b`
   * has two spaces between words), as cleanText's removal reads it.
   */
  read(text: string, from: number, to: number): boolean {
    // Between the first and last characters kept, two spaces are always followed by a word.
    let first = from;
    while (first < to && flagsOf(text.charCodeAt(first)) & (IS_SPACE | IS_MARKUP)) first++;
    let last = to;
    while (last > first && flagsOf(text.charCodeAt(last - 1)) & (IS_SPACE | IS_MARKUP)) last--;
    let seen = 0;
    let words = 0;
    let inWord = 0;
    let afterSpace = 0;
    let twoSpaces = 0;
    for (let i = first; i < last; i++) {
      const flags = flagsOf(text.charCodeAt(i));
      seen |= flags;
      const wordish = flags & WORDISH;
      const markup = (flags >> 1) & 1;
      const space = (flags >> 2) & 1;
      words += wordish & (inWord ^ 1);
      inWord = (inWord & markup) | wordish;
      twoSpaces |= space & afterSpace;
      afterSpace = (afterSpace & markup) | space;
    }
    if (seen & UNSETTLED || twoSpaces !== 0) return false;
    const kept = text.slice(first, last);
    this.visible = seen & IS_MARKUP ? dropMarkup(kept) : kept;
    this.words = words;
    return true;
  }
}
