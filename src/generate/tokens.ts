// Word tokens with offsets, and the normalisation used by dedupe, grounding and eligibility.
// A hand-written scanner: the generator tokenises every target, so this is on the hot path.

export interface Token {
  start: number;
  end: number;
  text: string;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  // General punctuation (curly quotes, dashes, spaces) is common in prose and never a word character.
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (code >= 0xd800 && code <= 0xdfff) {
    const cp = text.codePointAt(i);
    return cp !== undefined && cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp));
  }
  return WORD_CHAR.test(text[i]);
}

/** Characters that join two word pieces into one token ("6,650", "3.4", "don't", "e-mail", "AT&T"). */
const JOINERS = new Set(['.', ',', "'", '’', '-', '&', '/']);

/** Word tokens of text[from, to). A dotted acronym keeps its final period ("U.S."). */
export function wordTokens(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let dots = 0;
    i++;
    while (i < to) {
      if (isWordChar(text, i)) i++;
      else if (JOINERS.has(text[i]) && i + 1 < to && isWordChar(text, i + 1)) {
        if (text[i] === '.') dots++;
        i += 2;
      } else break;
    }
    // Low surrogates are skipped as part of their pair above; never end inside one.
    if (i < to && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff) i++;
    if (dots > 0 && i < to && text[i] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(text.slice(start, i))) i++;
    tokens.push({ start, end: i, text: text.slice(start, i) });
  }
  return tokens;
}

/** Lowercased word tokens, for comparing texts regardless of case, punctuation and spacing. */
export function normalizedTokens(text: string): string[] {
  return wordTokens(text.normalize('NFKC')).map((t) => t.text.toLowerCase().replace(/[’]/g, "'"));
}

export function normalizeText(text: string): string {
  return normalizedTokens(text).join(' ');
}

/** Whitespace-separated tokens: how a reader counts the length of a question. */
export function spaceTokenCount(text: string): number {
  let count = 0;
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
    if (!space && !inToken) count++;
    inToken = !space;
  }
  return count;
}

/** 32-bit FNV-1a: a stable seed from a string. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG, enough for spreading targets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
