// Which clauses are worth any feature work: the prefilter drops clauses that no cue the scorer
// weighs positively can fire on, and mayBeDirected keeps, among the rest, those that could start a
// span (see detect.ts). Both run on every prose clause, so each reads a clause in a single pass.
import { CODE_VERBS, DIRECTED_WORDS, GENERATION_VERBS, TOOL_VERBS } from './lexicons.js';
import { isImperativeVerb, leadingVerb } from './mood.js';

/**
 * One combined test that every cue family trips: a clause without any of these is clean for
 * every feature the scorer weighs positively, so it skips feature extraction entirely.
 */
export const PREFILTER =
  /\b(?:you|your|yourself|I|me|my|please|kindly|ignore|disregard|forget|instructions?|prompts?|sorry|cannot|can't|AI|model|assistant|important|appropriate|ethical|response|reply|answer|output|IMPORTANT|pretend|act|role|DAN|send|transfer|email|delete|download|share|pay|withdraw|code|snippet|translate|words|letters|sentences|paragraphs|commas|crucial|essential|never|acceptable|illegal|harm\w{0,4}|violen\w{1,4}|respect\w{0,4}|help|support|should)\b|[?!$@€£]|```/i;

/** Whether the prose clause text[start, end) is worth scoring at all: PREFILTER matches it or it opens with an imperative. */
export function passesPrefilterAt(text: string, start: number, end: number, verbs: ReadonlySet<string>, leading: string): boolean {
  return prefilterHit(text, start, end) || isImperativeVerb(leading, verbs);
}

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
  const length = to - from;
  if (length > 12) return false;
  const first = asciiLowerAt(text, from);
  // harm\w{0,4}, violen\w{1,4} and respect\w{0,4}, each up to the word's end.
  if (first === 104 && length >= 4 && length <= 8 && startsWithFolded(text, from, 'harm')) return true;
  if (first === 118 && length >= 7 && length <= 10 && startsWithFolded(text, from, 'violen')) return true;
  if (first === 114 && length >= 7 && length <= 11 && startsWithFolded(text, from, 'respect')) return true;
  return PREFILTER_HASHES.has(hash) && PREFILTER_WORDS.has(text.slice(from, to).toLowerCase());
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
      let hash = FNV_OFFSET;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (!isPatternWordChar(c)) break;
        hash = foldedHashStep(hash, c);
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
    let hash = FNV_OFFSET;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) break;
      hash = foldedHashStep(hash, c);
    }
    // The hash rules out almost every word without building its lower-case copy.
    if (i - from <= 24 && DIRECTED_HASHES.has(hash) && DIRECTED_WORDS.has(text.slice(from, i).toLowerCase())) return true;
  }
  return (GENERATION_VERBS.has(leading) || TOOL_VERBS.has(leading) || CODE_VERBS.has(leading)) && isImperativeVerb(leading, verbs);
}

const FNV_OFFSET = 0x811c9dc5 & 0x3fffffff;

/** One step of a word hash over ASCII-lower-cased characters, kept to 30 bits so that V8 stores it as a small integer. */
function foldedHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ foldAscii(code), 0x01000193) & 0x3fffffff;
}

function foldedHash(word: string): number {
  let hash = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) hash = foldedHashStep(hash, word.charCodeAt(k));
  return hash;
}

const DIRECTED_HASHES = new Set([...DIRECTED_WORDS].map(foldedHash));

const PREFILTER_HASHES = new Set([...PREFILTER_WORDS].map(foldedHash));
