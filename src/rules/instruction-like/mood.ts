// The mood of a clause: the first word that could carry it, after list markers and openers such as
// "Please" or "Now,", and whether that word is a base-form verb (an imperative).
import { CLAUSE_OPENING, CODE_VERBS, GENERATION_VERBS, IMPERATIVE_OPENERS, NOT_IMPERATIVE, TOOL_VERBS } from './lexicons.js';
import { WORD_HASH_SEED, WordTable, wordHashStep } from './word-table.js';

const LEADING = new RegExp(`^${CLAUSE_OPENING}([A-Za-z'’]{1,30})[\\s,:!]{0,4}([A-Za-z'’]{0,30})[\\s,:!]{0,4}([A-Za-z'’]{0,30})`);

/** The first word that could carry the mood of the clause, after list markers and openers (LEADING's reading). */
function leadingByPattern(text: string): string {
  const words = LEADING.exec(text);
  if (!words) return '';
  for (let i = 1; i <= 3; i++) {
    const w = (words[i] ?? '').toLowerCase().replace('’', "'");
    if (!w) return '';
    if (!IMPERATIVE_OPENERS.has(w)) return w;
  }
  return '';
}

/** ASCII characters of LEADING's opening class (list markers, quotes, brackets, digits, spaces). */
const OPENING = new Uint8Array(128);
for (const ch of '\t\n\v\f\r 0123456789.)*+#>\'"([{-') OPENING[ch.charCodeAt(0)] = 1;

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 0x2019;
}

/** Where the ASCII opening run of text[start, end) ends: at most eight characters of LEADING's opening class. */
function afterOpening(text: string, start: number, end: number): number {
  let k = start;
  for (; k < start + 8 && k < end; k++) {
    const code = text.charCodeAt(k);
    if (code >= 128 || OPENING[code] === 0) break;
  }
  return k;
}

/**
 * The first word that could carry the mood of the clause, after list markers and openers. Every
 * clause asks for it, so the common case is read by hand: an ASCII opening run and a first word
 * that is no opener give the pattern's first word (its greedy opening run, then a word of at most
 * 30 characters); anything else (characters outside ASCII in the opening, a run the pattern must
 * give back, an opener) goes to the pattern.
 */
export function leadingVerb(text: string): string {
  const k = afterOpening(text, 0, text.length);
  if (k >= text.length || !isWordCode(text.charCodeAt(k))) return leadingByPattern(text);
  let end = k + 1;
  while (end < text.length && end - k < 30 && isWordCode(text.charCodeAt(end))) end++;
  const w = text.slice(k, end).toLowerCase().replace('’', "'");
  return IMPERATIVE_OPENERS.has(w) ? leadingByPattern(text) : w;
}

/** The words a leading word is looked up in, for one verb set: any other leading word is read as ''. */
export interface Vocabulary {
  table: WordTable<boolean>;
  words: ReadonlySet<string>;
}

const vocabularies = new WeakMap<ReadonlySet<string>, Vocabulary>();

export function vocabularyOf(verbs: ReadonlySet<string>): Vocabulary {
  let vocabulary = vocabularies.get(verbs);
  if (!vocabulary) {
    const words = new Set([...verbs, ...NOT_IMPERATIVE, ...IMPERATIVE_OPENERS, ...TOOL_VERBS, ...GENERATION_VERBS, ...CODE_VERBS]);
    const table = new WordTable([...words].filter((w) => /^[a-z]+$/.test(w)).map((w): [string, boolean] => [w, IMPERATIVE_OPENERS.has(w)]));
    vocabulary = { table, words };
    vocabularies.set(verbs, vocabulary);
  }
  return vocabulary;
}

/**
 * The leading word of the clause text[start, end) (leadingVerb's reading) if it is a word of the
 * verbs or of the lexicons that the mood is read against (non-imperatives, openers, tool,
 * generation and code verbs: `vocabulary`, from vocabularyOf(verbs)), else ''; those lookups are all
 * a leading word is used for, and '' is in none of them. Read in place: the common first word is
 * found by its hash, without a lower-cased copy.
 */
export function leadingWordAt(text: string, start: number, end: number, vocabulary: Vocabulary): string {
  const k = afterOpening(text, start, end);
  if (k >= end || !isWordCode(text.charCodeAt(k))) return listedIn(vocabulary, leadingByPattern(text.slice(start, end)));
  let wordEnd = k;
  let hash = WORD_HASH_SEED;
  let apostrophe = false;
  for (; wordEnd < end && wordEnd - k < 30; wordEnd++) {
    const code = text.charCodeAt(wordEnd);
    if (!isWordCode(code)) break;
    if (code === 39 || code === 0x2019) apostrophe = true;
    hash = wordHashStep(hash, code);
  }
  let opener: boolean;
  let word: string;
  if (apostrophe) {
    word = text.slice(k, wordEnd).toLowerCase().replace('’', "'");
    opener = IMPERATIVE_OPENERS.has(word);
  } else {
    const slot = vocabulary.table.find(text, k, wordEnd, hash);
    if (slot < 0) return '';
    word = vocabulary.table.word(slot);
    opener = vocabulary.table.value(slot);
  }
  return listedIn(vocabulary, opener ? leadingByPattern(text.slice(start, end)) : word);
}

function listedIn(vocabulary: Vocabulary, word: string): string {
  return vocabulary.words.has(word) ? word : '';
}

export function isImperativeVerb(verb: string, verbs: ReadonlySet<string>): boolean {
  return verb !== '' && verbs.has(verb) && !NOT_IMPERATIVE.has(verb);
}

export function isImperative(text: string, verbs: ReadonlySet<string>): boolean {
  return isImperativeVerb(leadingVerb(text), verbs);
}

