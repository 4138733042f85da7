// The surroundings of a clause: how its neighbours read. An injected passage departs from the
// text around it (new vocabulary, a sudden "you", a question in a page of statements), so each
// contrast feature compares the clause with a window of neighbouring clauses. Profiles are built
// lazily, only for clauses near a candidate, so clean stretches of a long document cost nothing.
import { CUES, STOPWORDS } from './lexicons.js';
import type { Unit } from './units.js';
import { guardBits, scanGuards, type GuardHits } from './guards.js';
import { isImperativeVerb, leadingWordAt, vocabularyOf, type Vocabulary } from './mood.js';
import { KeySet } from './key-set.js';
import { matches as test } from './match.js';

export const FLAG = {
  backtick: 1, secondPerson: 2, question: 4, list: 8, firstPerson: 16, imperative: 32, assistant: 64, dialogue: 128, harm: 256,
  tool: 512, isolated: 1024,
} as const;
export type Flag = keyof typeof FLAG;
/** A flag's bit, FLAG[name]: flags are passed by bit so that reading one needs no lookup by name. */
export type FlagBit = (typeof FLAG)[Flag];

/** Clauses on each side that make up the surroundings. */
const WINDOW = 4;

export interface Profile {
  /** Ids of the clause's content words (lower-cased, cut to six letters so inflections meet), with repeats. */
  words: number[];
  /** The same ids without repeats. */
  distinct: number[];
}

export interface Window {
  /** Neighbouring prose clauses (unit indices). */
  around: number[];
  /** How many there are. */
  others: number;
  /** Share of neighbours showing a flag. */
  rate(flag: FlagBit): number;
}

/** Any assistant-voice cue: the register of an LLM answer. */
const ASSISTANT_VOICE = new RegExp(
  [CUES.apology, CUES.cannot, CUES.asAnAI, CUES.condone, CUES.moralJudgement, CUES.itIsImportant].map((re) => re.source).join('|'), 'i',
);

const SECOND_PERSON = guardBits('secondPerson');
const FIRST_PERSON_WORD = guardBits('firstPersonWord');
const ASSISTANT = guardBits('assistantVoice');
const HARM = guardBits('harmWord');
const TOOL = guardBits('toolVerb');

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** A word's first six letters, lower-cased, as a number in base 27 (letters are digits 1 to 26, so lengths differ). */
export function prefixKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < Math.min(end, start + 6); i++) key = key * 27 + ((text.charCodeAt(i) | 32) - 96);
  return key;
}

const ASCII_STOPWORDS = [...STOPWORDS].filter((w) => /^[a-z]+$/.test(w));

/** Stop words of four to six letters, by key: the key is the whole word. */
const SHORT_STOP_KEYS = new KeySet(ASCII_STOPWORDS.filter((w) => w.length >= 4 && w.length <= 6).map((w) => prefixKey(w, 0, w.length)));
/** Keys of the first six letters of longer stop words: only words with such a prefix need the lookup by string. */
const LONG_STOP_PREFIXES = new KeySet(ASCII_STOPWORDS.filter((w) => w.length > 6).map((w) => prefixKey(w, 0, 6)));

/**
 * Calls `each` with the key of every content word of text[start, end): runs of four or more ASCII
 * letters that are not stop words, cut to six letters so that inflections meet. Keys are computed
 * from the characters as the run is read, so no word is sliced out unless it might be a long stop word.
 */
export function forEachContentWord(text: string, start: number, end: number, each: (key: number) => void): void {
  let i = start;
  while (i < end) {
    let code = text.charCodeAt(i);
    if (!isLetter(code)) {
      i++;
      continue;
    }
    const from = i;
    let key = 0;
    do {
      if (i - from < 6) key = key * 27 + ((code | 32) - 96);
      i++;
    } while (i < end && isLetter((code = text.charCodeAt(i))));
    const length = i - from;
    if (length < 4) continue;
    if (length <= 6 ? SHORT_STOP_KEYS.has(key) : LONG_STOP_PREFIXES.has(key) && STOPWORDS.has(text.slice(from, i).toLowerCase())) continue;
    each(key);
  }
}

/**
 * Whether a clause may hold the pronoun "I" as CUES.firstPerson reads it (before an apostrophe or a
 * space): a cheaper gate than any capital I, which "In", "It" and "If" supply to most clauses.
 * Any character outside ASCII after an I passes, since \s covers Unicode spaces.
 */
export function mayHavePronounI(t: string): boolean {
  for (let i = t.indexOf('I'); i >= 0; i = t.indexOf('I', i + 1)) {
    const next = t.charCodeAt(i + 1);
    if (next === 39 || next <= 32 || next >= 0x80) return true;
  }
  return false;
}

function aloneOnLine(text: string, unit: Unit): boolean {
  let before = unit.start - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  let after = unit.end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t' || text[after] === '\r')) after++;
  return (before < 0 || text[before] === '\n') && (after >= text.length || text[after] === '\n');
}

/**
 * Per word id: the last profile that counted it, to list each word once per clause. Shared by all
 * documents (stamps only grow), like `spread`: allocating and growing two counter arrays for each
 * short text cost more than its profiles.
 */
let seen = new Int32Array(1024);
let stampCounter = 0;
/** Per word id: how many clauses of the current window use it. Back to zeros after each window. */
let spread = new Uint16Array(1024);

/** Prose clauses a document needs before its share of imperatives and of code says what kind of document it is. */
const MIN_SHAPED_CLAUSES = 2;

export interface DocumentShape {
  imperativeRate: number;
  codeShare: number;
}

export class DocumentContext {
  // Per unit, filled on first use: arrays indexed by unit, not maps keyed by it.
  private readonly profiles: (Profile | undefined)[];
  private readonly hits: (GuardHits | undefined)[];
  private readonly verbsAt: (string | undefined)[];
  /** Per word id, how many prose clauses of the document use it (documentNovelty); built on first use. */
  private clausesUsing?: Uint32Array;
  /** How many prose clauses of the document are questions; counted on first use. */
  private questions?: number;
  /** Dense ids for content word keys, so that the window counts sit in a flat array. */
  private readonly wordIds = new Map<number, number>();
  /** Prose unit indices in order, and each unit's place among them. */
  private readonly prose: number[] = [];
  private readonly place: Int32Array;
  /**
   * Per unit: which flags have been read, and which of those are set. A flag is read only when a
   * feature asks for it (most contrasts only matter when the clause itself shows the flag), so
   * a neighbour pays for the patterns that some clause in its window needs.
   */
  private readonly flagsKnown: Int32Array;
  private readonly flagsSet: Int32Array;
  private readonly vocabulary: Vocabulary;

  constructor(
    private readonly text: string,
    private readonly units: readonly Unit[],
    private readonly verbs: ReadonlySet<string>,
  ) {
    this.profiles = new Array<Profile | undefined>(units.length);
    this.hits = new Array<GuardHits | undefined>(units.length);
    this.verbsAt = new Array<string | undefined>(units.length);
    this.place = new Int32Array(units.length).fill(-1);
    this.flagsKnown = new Int32Array(units.length);
    this.flagsSet = new Int32Array(units.length);
    this.vocabulary = vocabularyOf(verbs);
    units.forEach((unit, i) => {
      if (unit.code) return;
      this.place[i] = this.prose.length;
      this.prose.push(i);
    });
  }

  /**
   * The clause's leading word if it is one the mood is read against, else '' (leadingWordAt in
   * mood.ts), read once for the prefilter, its features and the document's shape.
   */
  leading(index: number): string {
    let verb = this.verbsAt[index];
    if (verb === undefined) {
      const unit = this.units[index];
      verb = unit.continues ? '' : leadingWordAt(this.text, unit.start, unit.end, this.vocabulary);
      this.verbsAt[index] = verb;
    }
    return verb;
  }

  private shape: DocumentShape | undefined;

  /**
   * What kind of document the clause sits in: the share of its prose clauses that open with an
   * imperative, and the share of its clause text that is fenced code. Manuals, READMEs and recipes
   * are imperative and code-heavy throughout, so an imperative clause there is not out of place.
   */
  documentShape(): DocumentShape {
    if (!this.shape) {
      let imperative = 0;
      let codeChars = 0;
      let allChars = 0;
      this.units.forEach((unit, i) => {
        allChars += unit.end - unit.start;
        if (unit.code) codeChars += unit.end - unit.start;
        else if (isImperativeVerb(this.leading(i), this.verbs)) imperative++;
      });
      // A record of a few clauses has no shape to speak of: a lone "Ignore previous instructions…"
      // is all imperative, but it is not a manual.
      const shaped = this.prose.length > MIN_SHAPED_CLAUSES;
      this.shape = { imperativeRate: shaped ? imperative / this.prose.length : 0, codeShare: shaped && allChars ? codeChars / allChars : 0 };
    }
    return this.shape;
  }

  /** Whether the clause is the text of an ATX heading: only spaces and #s between the line's start and it. */
  isHeading(index: number): boolean {
    let at = this.units[index].start - 1;
    while (at >= 0 && (this.text.charCodeAt(at) === 32 || this.text.charCodeAt(at) === 9)) at--;
    let marks = 0;
    while (at >= 0 && this.text.charCodeAt(at) === 35) {
      at--;
      marks++;
    }
    return marks > 0 && marks <= 6 && (at < 0 || this.text.charCodeAt(at) === 10);
  }

  /** The guards that occur in a clause, shared by its profile and its features. */
  guardHits(index: number): GuardHits {
    let hits = this.hits[index];
    if (!hits) {
      const unit = this.units[index];
      hits = scanGuards(this.text, unit.start, unit.end);
      this.hits[index] = hits;
    }
    return hits;
  }

  /** Whether a clause shows a flag, read once per clause and flag. */
  flag(index: number, bit: FlagBit): boolean {
    if (this.flagsKnown[index] & bit) return (this.flagsSet[index] & bit) !== 0;
    const unit = this.units[index];
    const t = this.text.slice(unit.start, unit.end);
    let on: boolean;
    switch (bit) {
      case FLAG.backtick: on = t.includes('`'); break;
      case FLAG.secondPerson: on = this.guardHits(index).hasBits(SECOND_PERSON) && test(CUES.secondPerson, t); break;
      case FLAG.question: on = t.includes('?') && test(CUES.question, t); break;
      case FLAG.list: on = test(CUES.listItem, t); break;
      case FLAG.firstPerson: on = (this.guardHits(index).hasBits(FIRST_PERSON_WORD) || mayHavePronounI(t)) && test(CUES.firstPerson, t); break;
      case FLAG.imperative: on = isImperativeVerb(this.leading(index), this.verbs); break;
      case FLAG.assistant: on = this.guardHits(index).hasBits(ASSISTANT) && test(ASSISTANT_VOICE, t); break;
      case FLAG.dialogue: on = /["“‘”’]/.test(t) && test(CUES.dialogueTag, t); break;
      case FLAG.harm: on = this.guardHits(index).hasBits(HARM) && test(CUES.harmWord, t); break;
      case FLAG.tool: on = this.guardHits(index).hasBits(TOOL) && test(CUES.toolVerb, t); break;
      default: on = aloneOnLine(this.text, unit); break;
    }
    this.flagsKnown[index] |= bit;
    if (on) this.flagsSet[index] |= bit;
    return on;
  }

  /**
   * Records flags that a clause's own features have already read (`known`; of them, `set` are on),
   * so that neither its contrasts nor its neighbours' rates read them again. The features read
   * each one exactly as flag() would (test/rules/instruction-like-guards.test.ts compares them).
   */
  knowFlags(index: number, known: number, set: number): void {
    this.flagsKnown[index] |= known;
    this.flagsSet[index] |= set & known;
  }

  /** The clause's content words, for novelty. */
  profile(index: number): Profile {
    let profile = this.profiles[index];
    if (!profile) {
      const unit = this.units[index];
      const words: number[] = [];
      const distinct: number[] = [];
      if (stampCounter === 0x7fffffff) {
        seen.fill(0);
        stampCounter = 0;
      }
      const stamp = ++stampCounter;
      forEachContentWord(this.text, unit.start, unit.end, (key) => {
        let id = this.wordIds.get(key);
        if (id === undefined) {
          id = this.wordIds.size;
          this.wordIds.set(key, id);
          if (id >= seen.length) seen = grow(seen, id + 1);
        }
        words.push(id);
        if (seen[id] !== stamp) {
          seen[id] = stamp;
          distinct.push(id);
        }
      });
      profile = { words, distinct };
      this.profiles[index] = profile;
    }
    return profile;
  }

  /** The clause's neighbours and how many of them show a flag: no profile is read. */
  window(index: number): Window {
    const at = this.place[index];
    const around: number[] = [];
    for (let k = Math.max(0, at - WINDOW); k <= Math.min(this.prose.length - 1, at + WINDOW); k++) {
      if (k !== at) around.push(this.prose[k]);
    }
    const others = around.length;
    return {
      around,
      others,
      rate: (flag) => {
        if (others === 0) return 0;
        let showing = 0;
        for (const i of around) if (this.flag(i, flag)) showing++;
        return showing / others;
      },
    };
  }

  /** How many prose clauses of the document are questions, counted on the first request. */
  questionCount(): number {
    if (this.questions === undefined) {
      let count = 0;
      for (const i of this.prose) if (this.flag(i, FLAG.question)) count++;
      this.questions = count;
    }
    return this.questions;
  }

  /**
   * The share of the clause's content words that no other clause of the document uses: a question on
   * an article's own subject reuses its words, a task pasted into an unrelated text does not. The
   * whole document's words are counted once, on the first request.
   */
  documentNovelty(index: number): number {
    if (!this.clausesUsing) {
      for (const i of this.prose) this.profile(i);
      const counts = new Uint32Array(this.wordIds.size);
      for (const i of this.prose) for (const w of this.profile(i).distinct) counts[w]++;
      this.clausesUsing = counts;
    }
    const { words } = this.profile(index);
    if (words.length === 0) return 0;
    let unique = 0;
    for (const w of words) if (this.clausesUsing[w] <= 1) unique++;
    return unique / words.length;
  }

  /** How new the clause's words are to its window (`window(index)`), and how much newer than its neighbours' words. */
  novelty(index: number, window: Window): { novelty: number; noveltyExcess: number } {
    const neighbours = window.around.map((i) => this.profile(i));
    const self = this.profile(index);
    if (spread.length < this.wordIds.size) spread = grow(spread, this.wordIds.size);
    const counts = spread;
    for (const w of self.distinct) counts[w]++;
    for (const p of neighbours) for (const w of p.distinct) counts[w]++;
    const noveltyOf = (p: Profile) => {
      if (p.words.length === 0 || neighbours.length === 0) return 0;
      let shared = 0;
      for (const w of p.words) if (counts[w] > 1) shared++;
      return 1 - shared / p.words.length;
    };
    const novelty = noveltyOf(self);
    let otherSum = 0;
    for (const p of neighbours) otherSum += noveltyOf(p);
    const meanOther = neighbours.length ? otherSum / neighbours.length : novelty;
    for (const w of self.distinct) counts[w] = 0;
    for (const p of neighbours) for (const w of p.distinct) counts[w] = 0;
    return { novelty, noveltyExcess: window.others ? novelty - meanOther : 0 };
  }
}

/** A copy of a counter array with room for at least `size` entries. */
function grow<T extends Uint16Array | Int32Array>(array: T, size: number): T {
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
