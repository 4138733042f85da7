// The normalised view of a document, memoised per document so every rule that reads it shares one.
import type { Document } from '../document/document.js';
import { normalizedView, type NormalizedView, type TagHandling } from './view.js';

export { normalizedView, needsNormalization, foldCodePoint, type NormalizedView, type TagHandling } from './view.js';
export { isInvisible, isCombiningMark, isTagCharacter, invisibleKind, nextInvisible, INVISIBLE_CANDIDATES, type InvisibleKind } from './invisible.js';
export { latinLookalike, homoglyphScript } from './confusables.js';

/** The document's normalised view (tag characters dropped, or decoded with `tags: 'decode'`). */
export function documentNormalizedView(document: Document, tags: TagHandling = 'drop'): NormalizedView {
  return document.shared(tags === 'drop' ? 'normalized' : 'normalized:tags-decoded', () => normalizedView(document.text, { tags }));
}
