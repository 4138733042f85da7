// The token catalog as the matcher reads it: every entry keyed by its normalised, ASCII-lowercased
// spelling, entries that share a spelling merged (so `<|system|>` names Phi-3, Zephyr and GLM).
import { normalizedView } from '../../normalize/index.js';

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface CatalogEntry {
  token: string;
  family: string;
  kind: string;
  source: string;
  role?: Role;
  ambiguous?: boolean;
}

export interface CatalogToken {
  key: string;
  /** The token as its tokenizer spells it. */
  display: string;
  families: string[];
  role?: Role;
  /** Also occurs innocently (HTML `<s>`, XML `<system>`, BBCode `[IMG]`): needs corroboration. */
  ambiguous: boolean;
  /** Not in the catalog, matched by the `<|name_with_parts|>` shape. */
  generic?: boolean;
}

export type MarkerStyle = 'hash' | 'transcript' | 'phrase';

export interface MarkerInfo {
  /** Lowercase role word (`instruction`, `human`) or phrase (`gpt4 correct user`). */
  word: string;
  style: MarkerStyle;
  role: Role;
  families: string[];
  display: string;
}

export interface Catalog {
  tokens: Map<string, CatalogToken>;
  markers: Map<string, MarkerInfo>;
}

/** ASCII-only lowercasing: keeps every index in place, which the offset map relies on. */
export function asciiLower(text: string): string {
  // Most candidates (HTML tags, links) are lowercase already, and an all-ASCII one lowers natively;
  // toLowerCase would also fold, and may lengthen, non-ASCII letters, so those keep the regex.
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return upper || /[A-Z]/.test(text.slice(i)) ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : text;
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  return upper ? text.toLowerCase() : text;
}

export function tokenKey(token: string): string {
  return asciiLower(normalizedView(token).text);
}

function markerOf(entry: CatalogEntry): Omit<MarkerInfo, 'families'> | undefined {
  const token = entry.token.trim();
  const role = entry.role ?? 'user';
  const hash = /^#{1,4}\s*([A-Za-z]+):$/.exec(token);
  if (hash) return { word: hash[1].toLowerCase(), style: 'hash', role, display: token };
  const word = /^([A-Za-z]+):$/.exec(token);
  if (word) return { word: word[1].toLowerCase(), style: 'transcript', role, display: token };
  const phrase = /^([A-Za-z0-9]+(?: [A-Za-z0-9]+){1,4}):$/.exec(token);
  if (phrase) return { word: phrase[1].toLowerCase(), style: 'phrase', role, display: token };
  return undefined;
}

export function buildCatalog(entries: readonly CatalogEntry[]): Catalog {
  const tokens = new Map<string, CatalogToken & { allAmbiguous: boolean }>();
  const markers = new Map<string, MarkerInfo>();
  for (const entry of entries) {
    if (entry.kind === 'plain-text-marker') {
      const marker = markerOf(entry);
      if (!marker) continue;
      const id = `${marker.style}:${marker.word}`;
      const known = markers.get(id);
      if (known) {
        if (!known.families.includes(entry.family)) known.families.push(entry.family);
      } else markers.set(id, { ...marker, families: [entry.family] });
      continue;
    }
    const key = tokenKey(entry.token);
    const known = tokens.get(key);
    if (known) {
      if (!known.families.includes(entry.family)) known.families.push(entry.family);
      known.role ??= entry.role;
      known.allAmbiguous &&= entry.ambiguous === true;
      known.ambiguous = known.allAmbiguous;
    } else {
      tokens.set(key, { key, display: entry.token, families: [entry.family], role: entry.role, ambiguous: entry.ambiguous === true, allAmbiguous: entry.ambiguous === true });
    }
  }
  return { tokens, markers };
}

/** Family names for a message: the first three, then a count. */
export function familyLabel(families: readonly string[]): string {
  const withoutNote = (f: string) => (f.endsWith(')') && f.includes(' (') ? f.slice(0, f.indexOf(' (')) : f);
  const unique = [...new Set(families.map(withoutNote))];
  return unique.length <= 3 ? unique.join('; ') : `${unique.slice(0, 3).join('; ')} and ${unique.length - 3} more`;
}
