// Lines that recur across many documents of one run are site furniture: the same menu, footer
// and share bar on every page. The pass keeps a 32-bit hash per distinct normalised line and a
// document count, so memory grows with distinct lines, not with the corpus.
import type { Document } from '../../document/document.js';
import type { CorpusPass } from '../../types.js';
import { splitUnits, type Unit } from './units.js';

export interface BoilerplateOptions {
  maxLinkDensity: number;
  minContentWords: number;
  maxShare: number;
  minDocumentFrequency: number;
}

export interface RecurrenceState {
  counts: Map<number, number>;
  recurring: Set<number> | undefined;
}

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Case, digits, punctuation and spacing do not make a furniture line different: the key hashes the
 * lower-cased line with every run of digits as one `0` and every other run of non-letters as one
 * space, trimmed. One pass, no intermediate strings: the corpus pass keys every line of the corpus.
 */
export function lineKey(visible: string): number | undefined {
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

export function unitsOf(document: Document): Unit[] {
  return document.shared('boilerplate-units', () => splitUnits(document));
}

export const recurrencePass: CorpusPass<BoilerplateOptions, RecurrenceState> = {
  init: () => ({ counts: new Map(), recurring: undefined }),
  collect(state, document) {
    if (document.format === 'html') return;
    const seen = new Set<number>();
    for (const unit of unitsOf(document)) {
      if (unit.kind === 'code') continue;
      const key = lineKey(unit.visible);
      if (key !== undefined) seen.add(key);
    }
    for (const key of seen) state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
  },
  finish(state, _documentCount, options) {
    const recurring = new Set<number>();
    for (const [key, count] of state.counts) if (count >= options.minDocumentFrequency) recurring.add(key);
    return { counts: new Map(), recurring };
  },
};
