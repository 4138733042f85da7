// Plain-text role headers: Alpaca/Orca `### Instruction:`, transcript `Human:` / `USER:`, and
// OpenChat's `GPT4 Correct User:`. They are ordinary words, so where they may stand is strict:
// hash headers after whitespace, mixed-case transcript words at the start of a line, upper-case
// Vicuna words at the start of a line or right after a sentence.
import type { Catalog, MarkerInfo } from './catalog.js';

export interface MarkerMatch {
  start: number;
  end: number;
  info: MarkerInfo;
  /** At the start of the text or after a blank line (the HH-RLHF `\n\nHuman:` shape). */
  afterBlankLine: boolean;
}

interface MarkerPatterns {
  hash?: RegExp;
  /** A transcript header after a line break (sticky); `textStart` is the same header at the start of the text. */
  lineStart?: RegExp;
  textStart?: RegExp;
  /** The last letters of the transcript words, lowercase. */
  transcriptEndings: Set<number>;
  afterSentence?: RegExp;
  phrase?: RegExp;
  /** False where no phrase can match; undefined when that cannot be told cheaply. */
  mayHoldPhrase?: (text: string) => boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patternCache = new WeakMap<Catalog, MarkerPatterns>();

function patterns(catalog: Catalog): MarkerPatterns {
  let p = patternCache.get(catalog);
  if (p) return p;
  const words = (style: string) => [...catalog.markers.values()].filter((m) => m.style === style).map((m) => escape(m.word)).sort((a, b) => b.length - a.length);
  const hash = words('hash');
  const transcript = words('transcript');
  const phrase = words('phrase').map((w) => w.replace(/ /g, '[ \\t]{1,2}'));
  // Each pattern starts with a literal or a character class, never a lookbehind, so the regex
  // engine can skip ahead; what may stand before a match is checked by hand.
  p = {
    hash: hash.length ? new RegExp(`#{2,4}[ \\t]{0,3}(${hash.join('|')})[ \\t]{0,2}:`, 'gid') : undefined,
    lineStart: transcript.length ? new RegExp(`\\n[ \\t]{0,3}(${transcript.join('|')})[ \\t]{0,2}:`, 'yid') : undefined,
    transcriptEndings: new Set(transcript.map((word) => word.charCodeAt(word.length - 1))),
    textStart: transcript.length ? new RegExp(`[ \\t]{0,3}(${transcript.join('|')})[ \\t]{0,2}:`, 'yid') : undefined,
    afterSentence: transcript.length ? new RegExp(`(${transcript.map((w) => w.toUpperCase()).join('|')})[ \\t]{0,2}:`, 'gd') : undefined,
    phrase: phrase.length ? new RegExp(`(${phrase.join('|')}):`, 'gid') : undefined,
    mayHoldPhrase: phraseGate([...catalog.markers.values()].filter((m) => m.style === 'phrase').map((m) => m.word.split(' ')[0])),
  };
  patternCache.set(catalog, p);
  return p;
}

const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

/**
 * A test that is false only where no phrase header can match: every match opens with a phrase's
 * first word in some ASCII case. A character of the word that has no case (the `4` of `gpt4`) is
 * found with indexOf, the rest compared around it; that is far cheaper than the pattern's scan.
 * Undefined when some first word is all letters.
 */
function phraseGate(firstWords: readonly string[]): ((text: string) => boolean) | undefined {
  const anchors: { word: string; offset: number }[] = [];
  for (const word of new Set(firstWords)) {
    let offset = 0;
    while (offset < word.length && isAsciiLetter(word.charCodeAt(offset))) offset++;
    if (offset === word.length) return undefined;
    anchors.push({ word, offset });
  }
  const spelledAt = (text: string, at: number, word: string) => {
    for (let k = 0; k < word.length; k++) {
      const code = text.charCodeAt(at + k);
      if ((isAsciiLetter(code) ? code | 0x20 : code) !== word.charCodeAt(k)) return false;
    }
    return true;
  };
  return (text) =>
    anchors.some(({ word, offset }) => {
      for (let at = text.indexOf(word[offset], offset); at !== -1; at = text.indexOf(word[offset], at + 1)) if (spelledAt(text, at - offset, word)) return true;
      return false;
    });
}

const isBlank = (code: number) => code === 32 || code === 9;

/**
 * The matches of `\n[ \t]{0,3}(word)[ \t]{0,2}:` (the sticky `lineStart`), found from the colons:
 * a header's word ends at most two blanks before one and opens its line. Most colons (`Note:`,
 * `https:`, `10:30`) follow no letter a role word ends with; the pattern is tried at the line break
 * before the rest, and kept when it ends at that colon. Scanning for line breaks found the same
 * matches: each line holds at most one, since the line break, the word and the colon fix it.
 */
function* headersAfterLineBreaks(text: string, lineStart: RegExp, wordEndings: ReadonlySet<number>): Generator<RegExpExecArray> {
  // The last line break before the current colon and the one after it, walked forward with the colons.
  let lineBreak = -1;
  let nextBreak = text.indexOf('\n');
  let resumeAt = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let last = colon - 1;
    for (let blanks = 0; blanks < 2 && last >= 0 && isBlank(text.charCodeAt(last)); blanks++) last--;
    // Only an ASCII letter ORed with 0x20 gives a lowercase letter.
    if (last < 0 || !wordEndings.has(text.charCodeAt(last) | 0x20)) continue;
    while (nextBreak !== -1 && nextBreak < colon) {
      lineBreak = nextBreak;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    if (lineBreak < resumeAt) continue;
    lineStart.lastIndex = lineBreak;
    const m = lineStart.exec(text);
    if (m === null || m.index + m[0].length !== colon + 1) continue;
    resumeAt = colon + 1;
    yield m;
  }
}

const AFTER_SENTENCE = /[.!?]["')\]]{0,2}[ \t]{1,3}$/;

function isAfterBlankLine(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k < 0) return true;
  if (text[k] !== '\n') return false;
  k--;
  if (k >= 0 && text[k] === '\r') k--;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k < 0 || text[k] === '\n';
}

/** Role headers in the normalised text (case kept), in order. */
export function findMarkers(text: string, catalog: Catalog): MarkerMatch[] {
  const p = patterns(catalog);
  const found: MarkerMatch[] = [];
  const record = (m: RegExpExecArray, style: MarkerInfo['style'], whole: boolean) => {
    const start = whole ? m.index : m.indices![1][0];
    const word = m[1].toLowerCase().replace(/[ \t]+/g, ' ');
    const info = catalog.markers.get(`${style}:${word}`);
    if (info) found.push({ start, end: m.index + m[0].length, info, afterBlankLine: isAfterBlankLine(text, start) });
  };
  const collect = (re: RegExp | undefined, style: MarkerInfo['style'], whole: boolean, standsWell: (at: number) => boolean) => {
    if (!re) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (standsWell(m.index)) record(m, style, whole);
      else re.lastIndex = m.index + 1;
    }
  };
  const before = (at: number) => (at > 0 ? text[at - 1] : '');
  // Every hash header holds `##`.
  collect(text.includes('##') ? p.hash : undefined, 'hash', true, (at) => at === 0 || /[\s>|]/.test(before(at)));
  // Sticky, the start pattern would go on matching header after header; only the one at 0 counts.
  collect(p.textStart, 'transcript', false, (at) => at === 0);
  if (p.lineStart) for (const m of headersAfterLineBreaks(text, p.lineStart, p.transcriptEndings)) record(m, 'transcript', false);
  collect(p.afterSentence, 'transcript', false, (at) => AFTER_SENTENCE.test(text.slice(Math.max(0, at - 6), at)));
  collect(p.mayHoldPhrase === undefined || p.mayHoldPhrase(text) ? p.phrase : undefined, 'phrase', false, (at) => !/[A-Za-z0-9]/.test(before(at)));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // A phrase header (`GPT4 Correct User:`) also holds a transcript word; keep the longer match.
  return found.filter((m, i) => i === 0 || m.start >= found[i - 1].end);
}
