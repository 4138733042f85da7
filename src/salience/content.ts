// Content weight: how much answerable information a unit carries. TF-IDF mass over the document's
// units (natural's formula, each unit a "document"), expressed in units of the rarest possible word so
// that the figure reads as "about this many informative words", plus bonuses for numbers and for
// capitalised, name-like words inside running text.
import { createRequire } from 'node:module';
import { HASH_SEED, hashEnd, hashOf, hashStep, lowerAsciiCode, TermTable } from './terms.js';

// The package root of natural prints to stdout when loaded, so only these subpaths are ever loaded.
const require = createRequire(import.meta.url);
const STOPWORD_LIST = (require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words;
// Every document's term table starts with the stopwords as ids 0 to STOPWORD_COUNT - 1, so one
// lookup of a word says both whether it is a stopword and, if not, its term id.
const STOPWORD_TABLE = new TermTable();
for (const stopword of STOPWORD_LIST) STOPWORD_TABLE.idOf(stopword, 0, stopword.length, false, hashOf(stopword));
const STOPWORD_COUNT = STOPWORD_TABLE.size;

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const NUMBER_CHARACTER = /^\p{N}$/u;
const UPPERCASE_CHARACTER = /^\p{Lu}$/u;

// Character classes of code points, found once per code point by the Unicode property escapes and
// cached: in a table for the Basic Multilingual Plane, in a map for astral code points (emoji).
const KNOWN = 1;
const WORD = 2;
const NUMBER = 4;
const UPPER = 8;
/**
 * Outside ASCII and changed by toLowerCase (or astral, not looked at): a word with such a character
 * is lowered by toLowerCase. A word without one is its own lower case but for A-Z, since
 * toLowerCase maps each code point on its own except a final sigma (changed, so never here).
 */
const WIDE = 16;
/** A surrogate pair: two code units. */
const ASTRAL = 32;
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(character: string): number {
  const code = character.charCodeAt(0);
  const wide = (code >= 128 && (character.length > 1 || character.toLowerCase() !== character) ? WIDE : 0) | (character.length > 1 ? ASTRAL : 0);
  if (!WORD_CHARACTER.test(character)) return KNOWN | wide;
  return KNOWN | WORD | wide | (NUMBER_CHARACTER.test(character) ? NUMBER : 0) | (UPPERCASE_CHARACTER.test(character) ? UPPER : 0);
}

/** classify of the surrogate pair high, low. */
function astralClass(text: string, i: number, high: number, low: number): number {
  const codePoint = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let classes = astralClasses.get(codePoint);
  if (classes !== undefined) return classes;
  classes = classify(text.slice(i, i + 2));
  // Bounded, so a text of every astral code point cannot make the map large.
  if (astralClasses.size < 4096) astralClasses.set(codePoint, classes);
  return classes;
}

for (let code = 0; code < 128; code++) bmpClasses[code] = classify(String.fromCharCode(code));

/** Per ASCII code unit: itself lowered (A-Z to a-z) when it is a word character (a letter or digit), else 0. */
const ASCII_WORD_LOWERED = new Uint8Array(128);
for (let code = 0; code < 128; code++) if (bmpClasses[code] & WORD) ASCII_WORD_LOWERED[code] = lowerAsciiCode(code);

/** The classes of the code point at text[i] (a lone surrogate is one of its own, no word character). */
function classesAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return astralClass(text, i, code, next);
  }
  const classes = bmpClasses[code];
  return classes !== 0 ? classes : (bmpClasses[code] = classify(text[i]));
}

/**
 * Whether a word (a maximal run of letters and digits, as the tokenizer reads them) is 3 to 40
 * capitals (\p{Lu}), looking from the word that holds `from`: what
 * /(?<![\p{L}\p{N}])\p{Lu}{3,40}(?![\p{L}\p{N}])/u finds, since a run of capitals bounded by
 * no letter or digit on either side is a whole word. A Unicode-mode regex with look-arounds reads
 * about ten times as slowly as this loop.
 */
export function hasCapitalWord(text: string, from = 0): boolean {
  let i = from;
  // Back to the start of the word holding `from`; a surrogate on the way sends the reading to the start.
  while (i > 0) {
    const code = text.charCodeAt(i - 1);
    if (code >= 0xd800 && code <= 0xdfff) {
      i = 0;
      break;
    }
    if ((classesAt(text, i - 1) & WORD) === 0) break;
    i--;
  }
  let length = 0;
  let capitals = true;
  for (const end = text.length; i <= end; ) {
    const classes = i < end ? classesAt(text, i) : 0;
    if (classes & WORD) {
      length++;
      if ((classes & UPPER) === 0) capitals = false;
    } else {
      if (capitals && length >= 3 && length <= 40) return true;
      length = 0;
      capitals = true;
    }
    i += i < end && classes & ASTRAL ? 2 : 1;
  }
  return false;
}

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
 * The content tokens of a document's units, read unit by unit as they are needed (the fast path
 * reads only its hotspots'): each unit's terms as ids of one table, in order, and its number and
 * name counts.
 *
 * Words are the maximal runs of letters and digits (code points, so a lone surrogate separates
 * words), the tokens natural's RegexpTokenizer gives for the gap pattern [^\p{L}\p{N}]+. A word with
 * a digit is a number and a term as it stands; other words of two or more characters are terms
 * lowered, unless stopwords. One pass over the characters also says whether a word holds a digit
 * and starts with a capital, which per-word regex tests used to find.
 */
export class ContentTokens {
  // Taken on the first read, and handed on to the next document once the masses are known.
  private table: TermTable | undefined;
  private ids: Int32Array | undefined;
  private used = 0;
  private unitsRead = 0;
  /** Each unit's TF-IDF mass in units of the rarest word: what the weights need once every unit is read. */
  private masses: Float64Array | undefined;
  private readonly first: Int32Array;
  private readonly termCounts: Int32Array;
  private readonly numbers: Int32Array;
  private readonly entities: Int32Array;
  private readonly done: Uint8Array;

  constructor(readonly units: number) {
    this.first = new Int32Array(units);
    this.termCounts = new Int32Array(units);
    this.numbers = new Int32Array(units);
    this.entities = new Int32Array(units);
    this.done = new Uint8Array(units);
  }

  has(unit: number): boolean {
    return this.done[unit] === 1;
  }

  /**
   * Reads unit `unit` from text[from, to): in place in its document's text where it can be, as a
   * slice costs an indirection per character. `skips` (pairs of offsets from `from`, sorted and
   * disjoint) are read as blanks: the inline scan's masked spans, so no masked copy is built.
   */
  read(unit: number, text: string, from = 0, to = text.length, skips?: ArrayLike<number>): void {
    const table = (this.table ??= spareTables.pop() ?? STOPWORD_TABLE.copy());
    this.ids ??= spareIds.pop() ?? new Int32Array(256);
    this.first[unit] = this.used;
    let numbers = 0;
    let capitalised = 0;
    let alphabetic = 0;
    // Capitalised words that are not stopwords, and whether the first word of the unit is one: a
    // sentence starts with a capital anyway, so its first word is no sign of a name.
    let names = 0;
    let firstIsName = false;
    let skip = 0;
    // Where the run being read ends: the next skip's start, or `to`. Its end reads as a blank.
    let end = skips && skips.length > 0 ? Math.min(to, from + skips[0]) : to;
    for (let i = from; ; ) {
      if (i >= end) {
        if (end === to) break;
        i = from + skips![skip + 1];
        skip += 2;
        end = skip < skips!.length ? Math.min(to, from + skips![skip]) : to;
        continue;
      }
      let code = text.charCodeAt(i);
      // Most characters between words are ASCII: passed over without starting a word.
      if (code < 128 && (bmpClasses[code] & WORD) === 0) {
        i++;
        continue;
      }
      const wordStart = i;
      let digit = false;
      // A word's first character is its only one whose case counts; non-ASCII ones are classed below.
      let upper = code >= 65 && code <= 90;
      let wide = false;
      // hashOf the word, as it is read.
      let hash = HASH_SEED;
      let width = 1;
      for (;;) {
        if (code < 128) {
          // Most word characters are ASCII: one table read says whether it is one and gives it lowered.
          const lowered = ASCII_WORD_LOWERED[code];
          if (lowered === 0) break;
          if (code <= 57) digit = true;
          hash = hashStep(hash, lowered);
          i++;
        } else {
          let classes: number;
          const next = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? text.charCodeAt(i + 1) : 0;
          width = 1;
          if (next >= 0xdc00 && next <= 0xdfff) {
            width = 2;
            classes = astralClass(text, i, code, next);
          } else {
            classes = bmpClasses[code];
            if (classes === 0) classes = bmpClasses[code] = classify(text[i]);
          }
          if ((classes & WORD) === 0) break;
          if (i === wordStart) upper = (classes & UPPER) !== 0;
          if (classes & NUMBER) digit = true;
          if (classes & WIDE) wide = true;
          hash = hashStep(hash, code);
          if (width === 2) hash = hashStep(hash, next);
          i += width;
          width = 1;
        }
        if (i >= end) {
          width = 0;
          break;
        }
        code = text.charCodeAt(i);
      }
      // Past the character that ended the word (none at the end of a run).
      const wordEnd = i;
      i += width;
      if (wordEnd === wordStart) continue;
      if (digit) {
        numbers++;
        // A number is a term as it stands (not lowered).
        this.push(table.idOf(text, wordStart, wordEnd, false, hashEnd(hash, wordEnd - wordStart)));
      } else if (wordEnd - wordStart >= 2) {
        alphabetic++;
        let id: number;
        if (!wide) id = table.idOf(text, wordStart, wordEnd, true, hashEnd(hash, wordEnd - wordStart));
        else {
          // Outside ASCII, lowering may change the length ('İ'); toLowerCase is the definition.
          const lowered = text.slice(wordStart, wordEnd).toLowerCase();
          id = table.idOf(lowered, 0, lowered.length, false, hashOf(lowered));
        }
        const stopword = id < STOPWORD_COUNT;
        if (!stopword) this.push(id);
        if (upper) {
          capitalised++;
          if (!stopword) {
            names++;
            if (alphabetic === 1) firstIsName = true;
          }
        }
      }
    }
    this.termCounts[unit] = this.used - this.first[unit];
    this.numbers[unit] = numbers;
    // In Title Case lines (menus, headings) capitals say nothing about names.
    this.entities[unit] = alphabetic > 0 && capitalised / alphabetic < 0.6 ? names - (firstIsName ? 1 : 0) : 0;
    if (this.done[unit] === 0) this.unitsRead++;
    this.done[unit] = 1;
  }

  private push(id: number): void {
    let ids = this.ids!;
    if (this.used === ids.length) {
      ids = new Int32Array(2 * this.used);
      ids.set(this.ids!);
      this.ids = ids;
    }
    ids[this.used++] = id;
  }

  /** A unit's tokens with its terms as strings (before weights has let go of the terms). */
  tokensOf(unit: number): UnitTokens {
    const terms: string[] = [];
    if (this.masses) throw new Error('The terms of these tokens were handed on once their weights were known');
    for (let k = this.first[unit], end = k + this.termCounts[unit]; k < end; k++) terms.push(this.table!.keyOf(this.ids![k]));
    return { terms, numbers: this.numbers[unit], entities: this.entities[unit] };
  }

  /**
   * A lower bound of a unit's content weight in a document of n units, whatever the other units hold:
   * no term is in more than n units, so every idf is at least 1 + ln(n / (n + 1)). The TF-IDF mass is
   * shaved by a millionth to cover rounding, which differs between this product and the exact sum;
   * the bonuses are added as in weights, so they round the same way.
   */
  floor(unit: number, n: number, options: ContentOptions): number {
    const idfFloor = 1 + Math.log(n / (n + 1));
    const rarest = 1 + Math.log(n / 2);
    return Math.max(0, (this.termCounts[unit] * idfFloor * (1 - 1e-6)) / rarest) + options.numberWeight * this.numbers[unit] + options.entityWeight * this.entities[unit];
  }

  /**
   * Content weight of every unit (all must have been read). The TF-IDF is natural's formula (tf × idf
   * summed over the unit's distinct terms in order of first occurrence, idf = 1 + ln(N / (1 + df))) on
   * plain term counts: natural's TfIdf class builds a term object per unit and was the costliest part
   * of the rule. The masses do not depend on the options: found once, after which the term table and
   * ids go to the next document (weights for other options reuse the masses).
   */
  weights(options: ContentOptions): number[] {
    const n = this.units;
    if (n === 0) return [];
    let masses = this.masses;
    if (!masses) {
      masses = this.massesOf();
      if (this.unitsRead === n) {
        this.masses = masses;
        this.handOn();
      }
    }
    const weights = new Array<number>(n);
    for (let i = 0; i < n; i++) weights[i] = masses[i] + options.numberWeight * this.numbers[i] + options.entityWeight * this.entities[i];
    return weights;
  }

  private massesOf(): Float64Array {
    const n = this.units;
    const ids = this.ids ?? new Int32Array(0);
    const terms = this.table?.size ?? STOPWORD_COUNT;
    // Per unit, its distinct ids in order of first occurrence with their counts, in flat scratch
    // arrays reused from document to document.
    const byTerm = scratch(0, 3 * terms); // per term id: document frequency, last unit seen in, slot of its count
    const byEntry = scratch(1, 2 * this.used); // per distinct term of a unit: term id, count
    const firstOf = scratch(2, n + 1);
    for (let id = 0; id < terms; id++) {
      byTerm[3 * id] = 0;
      byTerm[3 * id + 1] = -1;
    }
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      firstOf[i] = distinct;
      for (let k = this.first[i], end = k + this.termCounts[i]; k < end; k++) {
        const id = ids[k];
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
    // The idf depends on a term's document frequency alone, and most terms share a few frequencies
    // (most are in one unit): one logarithm per frequency met, not per term. 0 marks one not yet met,
    // as every idf is at least 1 + ln(n / (n + 1)) > 0.
    const idfByFrequency = scratchFloats(n + 1);
    idfByFrequency.fill(0, 0, n + 1);
    // A word found in one unit only scores the maximum idf.
    const rarest = 1 + Math.log(n / 2);
    const masses = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let mass = 0;
      for (let k = firstOf[i]; k < firstOf[i + 1]; k++) {
        const frequency = byTerm[3 * byEntry[2 * k]];
        let idf = idfByFrequency[frequency];
        if (idf === 0) idf = idfByFrequency[frequency] = 1 + Math.log(n / (1 + frequency));
        mass += byEntry[2 * k + 1] * idf;
      }
      masses[i] = Math.max(0, mass / rarest);
    }
    return masses;
  }

  /** Gives the term table (back to the stopwords) and id array to the next document, unless grown large. */
  private handOn(): void {
    const { table, ids } = this;
    this.table = undefined;
    this.ids = undefined;
    if (table && table.capacity <= MAX_SPARE_SLOTS && spareTables.length === 0) {
      table.truncate(STOPWORD_COUNT);
      spareTables.push(table);
    }
    if (ids && ids.length <= MAX_SPARE_IDS && spareIds.length === 0) spareIds.push(ids);
  }
}

/**
 * A term table and an id array of a document whose weights are known, for the next document: a
 * copy of the stopword table per document, grown term by term, was a few percent of the rule.
 */
const spareTables: TermTable[] = [];
const spareIds: Int32Array[] = [];
const MAX_SPARE_SLOTS = 1 << 17;
const MAX_SPARE_IDS = 1 << 20;

const scratchArrays = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];

/** A scratch array of at least `size` entries, kept for the next document (contents not cleared). */
function scratch(which: number, size: number): Int32Array {
  if (scratchArrays[which].length < size) scratchArrays[which] = new Int32Array(Math.max(size, 2 * scratchArrays[which].length));
  return scratchArrays[which];
}

let scratchFloatArray = new Float64Array(1024);

/** As scratch, for floating-point numbers. */
function scratchFloats(size: number): Float64Array {
  if (scratchFloatArray.length < size) scratchFloatArray = new Float64Array(Math.max(size, 2 * scratchFloatArray.length));
  return scratchFloatArray;
}

/** The tokens of one unit's text, or of text[from, to) read in place. */
export function unitTokens(plain: string, from = 0, to = plain.length): UnitTokens {
  const tokens = new ContentTokens(1);
  tokens.read(0, plain, from, to);
  return tokens.tokensOf(0);
}

/** Content weight of each unit, given its plain text (markup already blanked out). */
export function contentWeights(plainTexts: readonly string[], options: ContentOptions): number[] {
  const tokens = new ContentTokens(plainTexts.length);
  plainTexts.forEach((plain, i) => tokens.read(i, plain));
  return tokens.weights(options);
}
