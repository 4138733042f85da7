// Finds catalog tokens in the normalised text, ignoring ASCII case. A cheap shape scan proposes
// bracketed candidates (`<…>`, `[…]`, `{{…}}`, `[…](#…)`), and each is looked up whole, so the cost
// is linear in the text and independent of the catalog's size.
import { asciiLower, type Catalog, type CatalogToken } from './catalog.js';

export interface TokenMatch {
  start: number;
  end: number;
  token: CatalogToken;
}

// The bodies exclude every opening character, so no character is scanned by two attempts.
const CANDIDATE = /\[[^[\]<{\n]{1,48}\](?:\(#[^()\s]{1,32}\))?|<[^<>[{\n]{1,64}>|\{\{[^{}<[\n]{1,48}\}\}/g;

// A `<|…|>` name built like the special tokens of the model families (underscore-joined parts, one
// of them from this vocabulary) is flagged even when its family is not in the catalog.
const GENERIC_SHAPE = /^<\|([a-z][a-z0-9]{1,20}(?:_[a-z0-9]{1,20}){1,5})\|>$/;
const GENERIC_PARTS = new Set([
  'start', 'end', 'begin', 'of', 'text', 'turn', 'role', 'header', 'im', 'eot', 'eom', 'eos', 'bos', 'sep', 'system', 'user',
  'assistant', 'tool', 'call', 'calls', 'response', 'result', 'think', 'thinking', 'message', 'channel', 'fim', 'prefix', 'suffix',
  'middle', 'pad', 'image', 'vision', 'video', 'audio', 'sentence', 'action', 'reserved', 'special', 'token', 'output', 'input',
  'function', 'observation', 'human', 'bot', 'model', 'prompt', 'instruction', 'context', 'section',
]);
const genericCache = new Map<string, CatalogToken>();

function genericToken(key: string): CatalogToken | undefined {
  // Most keys that get here are tags (`<div>`): GENERIC_SHAPE needs `<|` first.
  if (key.charCodeAt(0) !== 0x3c || key.charCodeAt(1) !== 0x7c) return undefined;
  const m = GENERIC_SHAPE.exec(key);
  if (!m || !m[1].split('_').some((part) => GENERIC_PARTS.has(part))) return undefined;
  let token = genericCache.get(key);
  if (!token) {
    token = { key, display: key, families: ['an unlisted model family (special-token shape <|…_…|>)'], ambiguous: false, generic: true };
    if (genericCache.size < 1024) genericCache.set(key, token);
  }
  return token;
}

/**
 * The code units some catalog key or generic name holds, either ASCII case, and the pairs of
 * units they open with, lowercased; a candidate with any other unit or opening is no token.
 */
interface KeyUnits {
  ascii: Uint8Array;
  other: Set<number>;
  openings: Set<number>;
}
const keyUnitsCache = new WeakMap<Catalog, KeyUnits>();
const GENERIC_UNITS = '<|>_abcdefghijklmnopqrstuvwxyz0123456789';

function keyUnitsOf(catalog: Catalog): KeyUnits {
  let units = keyUnitsCache.get(catalog);
  if (units) return units;
  units = { ascii: new Uint8Array(128), other: new Set(), openings: new Set([openingOf('<|')]) };
  for (const key of catalog.tokens.keys()) units.openings.add(openingOf(key));
  for (const key of [...catalog.tokens.keys(), GENERIC_UNITS]) {
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code >= 0x80) units.other.add(code);
      else units.ascii[code] = units.ascii[key[i].toUpperCase().charCodeAt(0)] = 1;
    }
  }
  keyUnitsCache.set(catalog, units);
  return units;
}

const lowerUnit = (code: number) => (code >= 0x41 && code <= 0x5a ? code + 0x20 : code);

/** The first two code units of a key or candidate (every one has three or more), ASCII-lowercased, as one number. */
function openingOf(text: string): number {
  return lowerUnit(text.charCodeAt(0)) * 0x10000 + lowerUnit(text.charCodeAt(1));
}

/**
 * Whether `candidate` opens as some key does and is spelled only with units that keys hold: most
 * candidates are links and tags (`[1]`, `<div>`, `<a href="…">`) and are turned away before
 * lowercasing and hashing.
 */
function mayBeKey(units: KeyUnits, candidate: string): boolean {
  if (!units.openings.has(openingOf(candidate))) return false;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code < 0x80 ? units.ascii[code] === 0 : !units.other.has(code)) return false;
  }
  return true;
}

function lookup(catalog: Catalog, units: KeyUnits, candidate: string): CatalogToken | undefined {
  if (!mayBeKey(units, candidate)) return undefined;
  const key = asciiLower(candidate);
  return catalog.tokens.get(key) ?? genericToken(key);
}

/** Catalog tokens in `key` (normalised text), in order, not overlapping; case is ignored. */
export function findTokens(key: string, catalog: Catalog): TokenMatch[] {
  const found: TokenMatch[] = [];
  const units = keyUnitsOf(catalog);
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(key)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const lastEnd = found.length ? found[found.length - 1].end : 0;
    // `<<sys>>`: the scan sees `<sys>` after failing on the outer `<`.
    if (key.charCodeAt(start) === 0x3c && start - 1 >= lastEnd && key.charCodeAt(start - 1) === 0x3c && key.charCodeAt(end) === 0x3e) {
      const wide = lookup(catalog, units, key.slice(start - 1, end + 1));
      if (wide) {
        found.push({ start: start - 1, end: end + 1, token: wide });
        CANDIDATE.lastIndex = end + 1;
        continue;
      }
    }
    let token = lookup(catalog, units, m[0]);
    let tokenEnd = end;
    // A `[…]` candidate holds `](` exactly when it ends with the `(#…)` part, since its body holds no `]`.
    if (!token && m[0].charCodeAt(0) === 0x5b && m[0].charCodeAt(m[0].length - 1) === 0x29) {
      tokenEnd = start + m[0].indexOf('](') + 1;
      token = lookup(catalog, units, key.slice(start, tokenEnd));
    }
    if (token) {
      found.push({ start, end: tokenEnd, token });
      CANDIDATE.lastIndex = tokenEnd;
    } else CANDIDATE.lastIndex = start + 1;
  }
  return found;
}
