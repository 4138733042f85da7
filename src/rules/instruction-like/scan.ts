// Readings of a clause by single passes over its characters, each replacing regular expressions on
// a path that every candidate clause takes; test/rules/instruction-like-guards.test.ts holds each to
// the patterns it replaces. (Tried and dropped: the list marker read in place in the document, and
// JavaScript scans for a backtick or a quotation mark, no faster than String.includes or a regular
// expression on the copied clause.)

// Character classes of the word scan, by ASCII code: a word starts at a letter and goes on through
// letters, apostrophes and hyphens (CUES.word); a caps word is a whole run of word characters (\w).
const LETTER = 1;
const WORD_TAIL = 2;
const WORD_CHAR = 4;
const UPPER = 8;
const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const ch = String.fromCharCode(code);
  if (/[A-Za-z]/.test(ch)) ASCII_CLASS[code] |= LETTER | WORD_TAIL;
  if (ch === "'" || ch === '-') ASCII_CLASS[code] |= WORD_TAIL;
  if (/\w/.test(ch)) ASCII_CLASS[code] |= WORD_CHAR;
  if (/[A-Z]/.test(ch)) ASCII_CLASS[code] |= UPPER;
}

/**
 * The number of matches of CUES.word and of CUES.capsWord (each capped at 400) in t[start, end), in
 * one pass: a word is a letter and up to 40 more letters, apostrophes or hyphens; a caps word is a
 * whole run of word characters made of three or more capitals. Read in place in the document where
 * possible: reading a sliced-out clause character by character took twice as long.
 */
export function wordCounts(t: string, start = 0, end = t.length): { words: number; caps: number } {
  let words = 0;
  let caps = 0;
  /** How many more characters the current word may take; 0 outside a word. */
  let room = 0;
  /** Length of the current run of word characters, and whether all of it is capitals. */
  let run = 0;
  let allCaps = true;
  for (let i = start; i < end; i++) {
    const code = t.charCodeAt(i);
    const kind = code < 128 ? ASCII_CLASS[code] : code === 0x2019 ? WORD_TAIL : 0;
    if (room > 0 && (kind & WORD_TAIL) !== 0) {
      room--;
    } else if ((kind & LETTER) !== 0) {
      if (words < 400) words++;
      room = 40;
    } else {
      room = 0;
    }
    if ((kind & WORD_CHAR) !== 0) {
      run++;
      if ((kind & UPPER) === 0) allCaps = false;
    } else {
      if (allCaps && run >= 3 && caps < 400) caps++;
      run = 0;
      allCaps = true;
    }
  }
  if (allCaps && run >= 3 && caps < 400) caps++;
  return { words, caps };
}

