// Lines that recur across many documents of one run are site furniture: the same menu, footer
// and share bar on every page. The pass keeps a 32-bit hash per distinct normalised line and a
// document count, so memory grows with distinct lines, not with the corpus.
import type { Document } from '../../document/document.js';
import type { CorpusPass } from '../../types.js';
import { forEachUnitKey, splitUnits, type Unit } from './units.js';

export { lineKey } from './keys.js';

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

export function unitsOf(document: Document, hashKeys = true): Unit[] {
  return document.shared(hashKeys ? 'boilerplate-units+keys' : 'boilerplate-units', () => splitUnits(document, hashKeys));
}

export const recurrencePass: CorpusPass<BoilerplateOptions, RecurrenceState> = {
  init: () => ({ counts: new Map(), recurring: undefined }),
  collect(state, document) {
    if (document.format === 'html') return;
    // Only the keys: the pass needs neither word counts nor link density, and its documents are
    // not the ones the check sees, so judging units here would be thrown away.
    const seen = new Set<number>();
    forEachUnitKey(document, (key) => {
      if (key !== undefined) seen.add(key);
    });
    for (const key of seen) state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
  },
  finish(state, _documentCount, options) {
    const recurring = new Set<number>();
    for (const [key, count] of state.counts) if (count >= options.minDocumentFrequency) recurring.add(key);
    return { counts: new Map(), recurring };
  },
};
