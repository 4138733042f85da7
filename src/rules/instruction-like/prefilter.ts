// Which clauses are worth any feature work: the prefilter drops clauses that no cue the scorer
// weighs positively can fire on, and mayBeDirected keeps, among the rest, those that could start a
// span (see detect.ts). Every prose clause is read by clauseSignals, which gives both in one pass;
// prefilterHit and mayBeDirected are the two readings it stands for.
import { CODE_VERBS, DIRECTED_WORDS, GENERATION_VERBS, TOOL_VERBS } from './lexicons.js';
import { isImperativeVerb, leadingVerb } from './mood.js';
import { WORD_HASH_SEED, WordTable, wordHash, wordHashStep } from './word-table.js';

/**
 * One combined test that every cue family trips: a clause without any of these is clean for
 * every feature the scorer weighs positively, so it skips feature extraction entirely.
 */
export const PREFILTER =
  /\b(?:you|your|yourself|I|me|my|please|kindly|ignore|disregard|forget|instructions?|prompts?|sorry|cannot|can't|AI|model|assistant|important|appropriate|ethical|response|reply|answer|output|IMPORTANT|pretend|act|role|DAN|send|transfer|email|delete|download|share|pay|withdraw|code|snippet|translate|words|letters|sentences|paragraphs|commas|crucial|essential|never|acceptable|illegal|harm\w{0,4}|violen\w{1,4}|respect\w{0,4}|help|support|should)\b|[?!$@€£]|```/i;

// PREFILTER's word alternatives, lower-cased ("can't" is the word "can", an apostrophe and "t").
const PREFILTER_WORDS = new Set(
  ('you your yourself i me my please kindly ignore disregard forget instruction instructions prompt prompts sorry cannot ai model ' +
    'assistant important appropriate ethical response reply answer output pretend act role dan send transfer email delete download ' +
    'share pay withdraw code snippet translate words letters sentences paragraphs commas crucial essential never acceptable illegal help support should').split(' '),
);

/** The \w of a non-Unicode pattern, which is what PREFILTER's \b reads. */
function isPatternWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

const foldAscii = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

const asciiLowerAt = (text: string, at: number): number => foldAscii(text.charCodeAt(at));

function startsWithFolded(text: string, from: number, prefix: string): boolean {
  for (let k = 0; k < prefix.length; k++) if (asciiLowerAt(text, from + k) !== prefix.charCodeAt(k)) return false;
  return true;
}

/** Whether the whole word text[from, to), of folded hash `hash`, is one of PREFILTER's word alternatives (ASCII case ignored). */
function isPrefilterWord(text: string, from: number, to: number, hash: number): boolean {
  if (to - from > 12) return false;
  if (prefixedPrefilterWord(text, from, to)) return true;
  const slot = SIGNAL_WORDS.find(text, from, to, hash);
  return slot >= 0 && (SIGNAL_WORDS.value(slot) & PREFILTER_HIT) !== 0;
}

/** harm\w{0,4}, violen\w{1,4} and respect\w{0,4}, each up to the end of the word text[from, to). */
function prefixedPrefilterWord(text: string, from: number, to: number): boolean {
  const length = to - from;
  const first = asciiLowerAt(text, from);
  if (first === 104) return length >= 4 && length <= 8 && startsWithFolded(text, from, 'harm');
  if (first === 118) return length >= 7 && length <= 10 && startsWithFolded(text, from, 'violen');
  if (first === 114) return length >= 7 && length <= 11 && startsWithFolded(text, from, 'respect');
  return false;
}

/**
 * PREFILTER.test(text.slice(start, end)) by one pass over the clause: a clause is most often
 * rejected, so this runs on every prose clause. Words are the pattern's: runs of [A-Za-z0-9_],
 * with the clause's ends as boundaries.
 */
export function prefilterHit(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isPatternWordChar(code)) {
      const from = i;
      let hash = WORD_HASH_SEED;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (!isPatternWordChar(c)) break;
        hash = wordHashStep(hash, c);
      }
      if (isPrefilterWord(text, from, i, hash)) return true;
      // can't: the word "can", an apostrophe, then the word "t".
      if (i - from === 3 && i + 1 < end && text.charCodeAt(i) === 39 && asciiLowerAt(text, i + 1) === 116 &&
        (i + 2 === end || !isPatternWordChar(text.charCodeAt(i + 2))) && startsWithFolded(text, from, 'can')) return true;
      continue;
    }
    // ? ! $ @ € £ anywhere, and a run of three backticks.
    if (code === 63 || code === 33 || code === 36 || code === 64 || code === 0x20ac || code === 0xa3) return true;
    if (code === 96 && i + 2 < end && text.charCodeAt(i + 1) === 96 && text.charCodeAt(i + 2) === 96) return true;
    i++;
  }
  return false;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 0x2019 || code === 45 || (code >= 48 && code <= 57);
}

/**
 * Whether a clause could carry a model-directed cue, by one pass over its words with Set lookups:
 * only such clauses may start a span (see detect.ts), so the rest skip feature work unless a
 * flagged neighbour needs their score. With `start` and `end`, reads the clause text[start, end) in
 * place (a sliced-out clause is slower to read character by character); `leading` is then required.
 */
export function mayBeDirected(text: string, verbs: ReadonlySet<string>, leading = leadingVerb(text), start = 0, end = text.length): boolean {
  return directedWordIn(text, start, end) || isSeedVerb(leading, verbs);
}

/** Whether a clause's leading word lets it start a span without a directed word: an imperative that asks for generation, a tool action or code. */
export function isSeedVerb(leading: string, verbs: ReadonlySet<string>): boolean {
  return (GENERATION_VERBS.has(leading) || TOOL_VERBS.has(leading) || CODE_VERBS.has(leading)) && isImperativeVerb(leading, verbs);
}

/** Whether text[start, end) holds a word of DIRECTED_WORDS or a mark that asks, addresses or names money. */
function directedWordIn(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    // "?" asks, "@" addresses, a currency sign names money to move.
    if (code === 63 || code === 64 || code === 36 || code === 0x20ac || code === 0xa3) return true;
    if (!isWordChar(code)) {
      i++;
      continue;
    }
    const from = i;
    let hash = WORD_HASH_SEED;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) break;
      hash = wordHashStep(hash, c);
    }
    // The hash rules out almost every word without building its lower-case copy.
    if (i - from <= 24 && DIRECTED_HASHES.has(hash) && DIRECTED_WORDS.has(text.slice(from, i).toLowerCase())) return true;
  }
  return false;
}

export const PREFILTER_HIT = 1;
export const DIRECTED_WORD = 2;
const BOTH = PREFILTER_HIT | DIRECTED_WORD;

/**
 * The words made of letters and digits only on either list, with the signals each gives: the
 * words that the combined scan looks up. Words with an apostrophe or a hyphen ("can't",
 * "role-play") are read by the two scans that the combined one stands for.
 */
const SIGNAL_WORDS = new WordTable<number>(
  [...new Set([...PREFILTER_WORDS, ...DIRECTED_WORDS])]
    .filter((word) => /^[a-z0-9]+$/.test(word))
    .map((word): [string, number] => [word, (PREFILTER_WORDS.has(word) ? PREFILTER_HIT : 0) | (DIRECTED_WORDS.has(word) && word.length <= 24 ? DIRECTED_WORD : 0)]),
);

/** Letters and digits, which both scans read as word characters; the underscore, apostrophes and the hyphen, which only one of them does. */
const ALNUM = 1;
const JOINER = 2;
const SIGNAL_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (/[A-Za-z0-9]/.test(String.fromCharCode(code))) SIGNAL_CLASS[code] = ALNUM;
}
for (const ch of "_'-") SIGNAL_CLASS[ch.charCodeAt(0)] = JOINER;

/**
 * prefilterHit(text, start, end) as PREFILTER_HIT and the word part of mayBeDirected (a directed
 * word or mark) as DIRECTED_WORD, read in one pass over the clause. A run of word characters of
 * either scan that holds an underscore, apostrophe or hyphen is where the two scans cut words
 * differently, so each scan reads that run itself; a run of letters and digits is the same word
 * to both, looked up once.
 */
export function clauseSignals(text: string, start: number, end: number): number {
  let bits = 0;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? SIGNAL_CLASS[code] : code === 0x2019 ? JOINER : 0;
    if (kind === 0) {
      if (code === 63 || code === 64 || code === 36 || code === 0x20ac || code === 0xa3) return BOTH;
      if (code === 33 || (code === 96 && i + 2 < end && text.charCodeAt(i + 1) === 96 && text.charCodeAt(i + 2) === 96)) bits |= PREFILTER_HIT;
      i++;
    } else {
      const from = i;
      let hash = WORD_HASH_SEED;
      let joined = false;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        const k = c < 128 ? SIGNAL_CLASS[c] : c === 0x2019 ? JOINER : 0;
        if (k === 0) break;
        if (k === JOINER) joined = true;
        hash = wordHashStep(hash, c);
      }
      if (joined) {
        if ((bits & PREFILTER_HIT) === 0 && prefilterHit(text, from, i)) bits |= PREFILTER_HIT;
        if ((bits & DIRECTED_WORD) === 0 && directedWordIn(text, from, i)) bits |= DIRECTED_WORD;
      } else {
        const slot = SIGNAL_WORDS.find(text, from, i, hash);
        if (slot >= 0) bits |= SIGNAL_WORDS.value(slot);
        if ((bits & PREFILTER_HIT) === 0 && i - from <= 12 && prefixedPrefilterWord(text, from, i)) bits |= PREFILTER_HIT;
      }
    }
    if (bits === BOTH) return BOTH;
  }
  return bits;
}

const DIRECTED_HASHES = new Set([...DIRECTED_WORDS].map(wordHash));
