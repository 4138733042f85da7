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

/** Case, digits, punctuation and spacing do not make a furniture line different. */
export function lineKey(visible: string): number | undefined {
  const normal = visible.toLowerCase().replace(/[\p{N}]+/gu, '0').replace(/[^\p{L}0]+/gu, ' ').trim();
  if (normal.replace(/[ 0]/g, '').length < 3) return undefined;
  let hash = 0x811c9dc5;
  for (let i = 0; i < normal.length; i++) {
    hash ^= normal.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
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
