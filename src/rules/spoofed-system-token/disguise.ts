// Names how a matched token was disguised, from the original characters it spans.
import { homoglyphScript, invisibleKind, isCombiningMark, isInvisible, isTagCharacter } from '../../normalize/index.js';
import { decodeReferenceAt } from '../../normalize/entities.js';

export const HTML_ENTITIES = 'HTML entities';
export const MARKDOWN_ESCAPES = 'Markdown backslash escapes';

/** The disguises used in `original`, in a stable order; empty for a literal token. */
export function describeDisguise(original: string): string[] {
  const kinds = new Set<string>();
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === 0x26 && decodeReferenceAt(original, i)) kinds.add(HTML_ENTITIES);
    else if (cp === 0x5c && /^[!-/:-@[-`{-~]/.test(original.slice(i + 1, i + 2))) kinds.add(MARKDOWN_ESCAPES);
    else if (cp >= 0x80) kinds.add(kindOf(cp));
    i += width;
  }
  return ORDER.filter((k) => kinds.has(k));
}

const ORDER = [
  'Unicode tag characters', 'zero-width characters', 'bidi controls', 'soft hyphens', 'invisible format characters', 'combining marks',
  'fullwidth forms', 'mathematical alphanumerics', 'Cyrillic homoglyphs', 'Greek homoglyphs', 'Armenian homoglyphs', 'Cherokee homoglyphs',
  'Latin small-capital homoglyphs', 'look-alike punctuation', 'accented letters', 'compatibility forms', HTML_ENTITIES, MARKDOWN_ESCAPES,
];

function kindOf(cp: number): string {
  if (isInvisible(cp)) {
    const kind = invisibleKind(cp);
    if (kind === 'tag') return 'Unicode tag characters';
    if (kind === 'zero-width') return 'zero-width characters';
    if (kind === 'bidi') return 'bidi controls';
    if (kind === 'soft-hyphen') return 'soft hyphens';
    return 'invisible format characters';
  }
  if (isCombiningMark(cp)) return 'combining marks';
  if (cp >= 0xff00 && cp <= 0xffef) return 'fullwidth forms';
  if (cp >= 0x1d400 && cp <= 0x1d7ff) return 'mathematical alphanumerics';
  const script = homoglyphScript(cp);
  if (script === 'look-alike') return 'look-alike punctuation';
  if (script) return `${script} homoglyphs`;
  const decomposed = String.fromCodePoint(cp).normalize('NFD');
  if (decomposed.length > 1 && /^[A-Za-z]/.test(decomposed)) return 'accented letters';
  return 'compatibility forms';
}

/** Invisible characters a removal may take along: not tag characters, which spell text of their own. */
const swallowable = (cp: number) => isInvisible(cp) && cp !== 0xfeff && !isTagCharacter(cp);
const WIDEN_LIMIT = 16;

/** Widens [start, end) over a few invisible characters touching it, so a removal leaves none behind. */
export function widenOverInvisible(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && start - s < WIDEN_LIMIT) {
    const low = text.charCodeAt(s - 1);
    const cp = low >= 0xdc00 && low <= 0xdfff && s >= 2 ? text.codePointAt(s - 2)! : low;
    if (!swallowable(cp)) break;
    s -= cp > 0xffff ? 2 : 1;
  }
  while (e < text.length && e - end < WIDEN_LIMIT) {
    const cp = text.codePointAt(e)!;
    if (!swallowable(cp)) break;
    e += cp > 0xffff ? 2 : 1;
  }
  return [s, e];
}
