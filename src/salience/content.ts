// Content weight: how much answerable information a unit carries. TF-IDF mass over the document's
// units (natural's formula, each unit a "document"), expressed in units of the rarest possible word so
// that the figure reads as "about this many informative words", plus bonuses for numbers and for
// capitalised, name-like words inside running text.
import { createRequire } from 'node:module';

// The package root of natural prints to stdout when loaded, so only these subpaths are ever loaded.
const require = createRequire(import.meta.url);
const STOPWORDS: ReadonlySet<string> = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const NUMBER_CHARACTER = /^\p{N}$/u;
const UPPERCASE_CHARACTER = /^\p{Lu}$/u;

// Character classes of code points, found once per code point by the Unicode property escapes and
// cached for the Basic Multilingual Plane (astral code points are rare; they are looked up each time).
const KNOWN = 1;
const WORD = 2;
const NUMBER = 4;
const UPPER = 8;
/** A character toLowerCase may change: A-Z, or anything outside ASCII. */
const CASED = 16;
const bmpClasses = new Uint8Array(0x10000);

function classify(character: string): number {
  const code = character.charCodeAt(0);
  const cased = (code >= 65 && code <= 90) || code >= 128 ? CASED : 0;
  if (!WORD_CHARACTER.test(character)) return KNOWN | cased;
  return KNOWN | WORD | cased | (NUMBER_CHARACTER.test(character) ? NUMBER : 0) | (UPPERCASE_CHARACTER.test(character) ? UPPER : 0);
}

for (let code = 0; code < 128; code++) bmpClasses[code] = classify(String.fromCharCode(code));

export interface ContentOptions {
  numberWeight: number;
  entityWeight: number;
}

export interface UnitTokens {
  terms: string[];
  numbers: number;
  entities: number;
}

/**
 * Words are the maximal runs of letters and digits (code points, so a lone surrogate separates
 * words), the tokens natural's RegexpTokenizer gives for the gap pattern [^\p{L}\p{N}]+. One pass over
 * the characters also says whether a word holds a digit and starts with a capital, which the old
 * per-word regex tests found: the tokenizer and those tests cost more than the TF-IDF itself.
 */
export function unitTokens(plain: string, from = 0, to = plain.length): UnitTokens {
  const terms: string[] = [];
  let numbers = 0;
  let capitalised = 0;
  let alphabetic = 0;
  // Capitalised words that are not stopwords, and whether the first word of the unit is one: a
  // sentence starts with a capital anyway, so its first word is no sign of a name.
  let names = 0;
  let firstIsName = false;
  let start = -1;
  let digit = false;
  let upper = false;
  let cased = false;
  // A unit is read in place in its document's text where it can be: a slice costs an indirection per character.
  const length = to;
  for (let i = from; i <= length; ) {
    let classes = KNOWN;
    let width = 1;
    if (i < length) {
      const code = plain.charCodeAt(i);
      const next = code >= 0xd800 && code <= 0xdbff && i + 1 < length ? plain.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        width = 2;
        classes = classify(plain.slice(i, i + 2));
      } else {
        classes = bmpClasses[code];
        if (classes === 0) classes = bmpClasses[code] = classify(plain[i]);
      }
    }
    if (classes & WORD) {
      if (start < 0) {
        start = i;
        digit = false;
        upper = (classes & UPPER) !== 0;
        cased = false;
      }
      if (classes & NUMBER) digit = true;
      if (classes & CASED) cased = true;
    } else if (start >= 0) {
      const wordStart = start;
      start = -1;
      if (digit) {
        numbers++;
        terms.push(plain.slice(wordStart, i));
      } else if (i - wordStart >= 2) {
        alphabetic++;
        const word = plain.slice(wordStart, i);
        const lower = cased ? word.toLowerCase() : word;
        const stopword = STOPWORDS.has(lower);
        if (upper) {
          capitalised++;
          if (!stopword) {
            names++;
            if (alphabetic === 1) firstIsName = true;
          }
        }
        if (!stopword) terms.push(lower);
      }
    }
    i += width;
  }
  // In Title Case lines (menus, headings) capitals say nothing about names.
  const entities = alphabetic > 0 && capitalised / alphabetic < 0.6 ? names - (firstIsName ? 1 : 0) : 0;
  return { terms, numbers, entities };
}

/**
 * Content weight of each unit, given its tokens. The TF-IDF is natural's formula (tf × idf summed
 * over the unit's distinct terms in order of first occurrence, idf = 1 + ln(N / (1 + df))) on plain
 * term counts: natural's TfIdf class builds a term object per unit and was the costliest part of the rule.
 */
export function weightsOfTokens(tokens: readonly UnitTokens[], options: ContentOptions): number[] {
  const n = tokens.length;
  if (n === 0) return [];
  // Terms become ids; each unit keeps its distinct ids in order of first occurrence with their
  // counts, all units in flat scratch arrays reused from document to document.
  let entries = 0;
  for (const unit of tokens) entries += unit.terms.length;
  const ids = new Map<string, number>();
  const byTerm = scratch(0, 3 * entries); // per term id: document frequency, last unit seen in, slot of its count
  const byEntry = scratch(1, 2 * entries); // per distinct term of a unit: term id, count
  const firstOf = scratch(2, n + 1);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    firstOf[i] = distinct;
    for (const term of tokens[i].terms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
        byTerm[3 * id] = 0;
        byTerm[3 * id + 1] = -1;
      }
      if (byTerm[3 * id + 1] !== i) {
        byTerm[3 * id]++;
        byTerm[3 * id + 1] = i;
        byTerm[3 * id + 2] = distinct;
        byEntry[2 * distinct] = id;
        byEntry[2 * distinct + 1] = 1;
        distinct++;
      } else byEntry[2 * byTerm[3 * id + 2] + 1]++;
    }
  }
  firstOf[n] = distinct;
  const idf = new Float64Array(ids.size);
  for (let id = 0; id < ids.size; id++) idf[id] = 1 + Math.log(n / (1 + byTerm[3 * id]));
  // A word found in one unit only scores the maximum idf.
  const rarest = 1 + Math.log(n / 2);
  const weights = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let mass = 0;
    for (let k = firstOf[i]; k < firstOf[i + 1]; k++) mass += byEntry[2 * k + 1] * idf[byEntry[2 * k]];
    weights[i] = Math.max(0, mass / rarest) + options.numberWeight * tokens[i].numbers + options.entityWeight * tokens[i].entities;
  }
  return weights;
}

const scratchArrays = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];

/** A scratch array of at least `size` entries, kept for the next document (contents not cleared). */
function scratch(which: number, size: number): Int32Array {
  if (scratchArrays[which].length < size) scratchArrays[which] = new Int32Array(Math.max(size, 2 * scratchArrays[which].length));
  return scratchArrays[which];
}

/** Content weight of each unit, given its plain text (markup already blanked out). */
export function contentWeights(plainTexts: readonly string[], options: ContentOptions): number[] {
  return weightsOfTokens(plainTexts.map((plain) => unitTokens(plain)), options);
}

/**
 * A lower bound of a unit's content weight in a document of n units, whatever the other units hold:
 * no term is in more than n units, so every idf is at least 1 + ln(n / (n + 1)). The TF-IDF mass is
 * shaved by a millionth to cover rounding, which differs between this product and the exact sum;
 * the bonuses are added as in weightsOfTokens, so they round the same way.
 */
export function contentFloor(unit: UnitTokens, n: number, options: ContentOptions): number {
  const idfFloor = 1 + Math.log(n / (n + 1));
  const rarest = 1 + Math.log(n / 2);
  return Math.max(0, (unit.terms.length * idfFloor * (1 - 1e-6)) / rarest) + options.numberWeight * unit.numbers + options.entityWeight * unit.entities;
}
