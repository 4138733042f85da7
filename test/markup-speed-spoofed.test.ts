// findTokens turns a candidate away without lowercasing it and looking it up when it holds a code
// unit no catalog key or generic name holds. This property compares it with the plain reading,
// every candidate lowercased and looked up, on text made of keys, near-keys, links and tags.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalog } from '../src/rules/spoofed-system-token.js';
import { asciiLower, type Catalog } from '../src/rules/spoofed-system-token/catalog.js';
import { findTokens } from '../src/rules/spoofed-system-token/match.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const CANDIDATE = /\[[^[\]<{\n]{1,48}\](?:\(#[^()\s]{1,32}\))?|<[^<>[{\n]{1,64}>|\{\{[^{}<[\n]{1,48}\}\}/g;
const GENERIC_SHAPE = /^<\|([a-z][a-z0-9]{1,20}(?:_[a-z0-9]{1,20}){1,5})\|>$/;
const GENERIC_PARTS = new Set([
  'start', 'end', 'begin', 'of', 'text', 'turn', 'role', 'header', 'im', 'eot', 'eom', 'eos', 'bos', 'sep', 'system', 'user',
  'assistant', 'tool', 'call', 'calls', 'response', 'result', 'think', 'thinking', 'message', 'channel', 'fim', 'prefix', 'suffix',
  'middle', 'pad', 'image', 'vision', 'video', 'audio', 'sentence', 'action', 'reserved', 'special', 'token', 'output', 'input',
  'function', 'observation', 'human', 'bot', 'model', 'prompt', 'instruction', 'context', 'section',
]);

/** The reference: every candidate looked up by its lowercased spelling, as before the unit filter. */
function referenceTokens(key: string, tokens: Catalog['tokens']): { start: number; end: number; key: string }[] {
  const lookup = (candidate: string) => {
    const lower = asciiLower(candidate);
    const known = tokens.get(lower);
    if (known) return known.key;
    const m = GENERIC_SHAPE.exec(lower);
    return m && m[1].split('_').some((part) => GENERIC_PARTS.has(part)) ? lower : undefined;
  };
  const found: { start: number; end: number; key: string }[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(key)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const lastEnd = found.length ? found[found.length - 1].end : 0;
    if (key.charCodeAt(start) === 0x3c && start - 1 >= lastEnd && key.charCodeAt(start - 1) === 0x3c && key.charCodeAt(end) === 0x3e) {
      const wide = lookup(key.slice(start - 1, end + 1));
      if (wide) {
        found.push({ start: start - 1, end: end + 1, key: wide });
        CANDIDATE.lastIndex = end + 1;
        continue;
      }
    }
    let token = lookup(m[0]);
    let tokenEnd = end;
    if (!token && m[0].startsWith('[') && m[0].includes('](')) {
      tokenEnd = start + m[0].indexOf('](') + 1;
      token = lookup(key.slice(start, tokenEnd));
    }
    if (token) {
      found.push({ start, end: tokenEnd, key: token });
      CANDIDATE.lastIndex = tokenEnd;
    } else CANDIDATE.lastIndex = start + 1;
  }
  return found;
}

const keys = [...catalog.tokens.keys()];
const flipCase = (s: string, mask: number) => [...s].map((c, i) => ((mask >> i % 30) & 1 ? c.toUpperCase() : c)).join('');
const keyLike = fc.tuple(fc.constantFrom(...keys), fc.nat(), fc.nat({ max: 30 }), fc.constantFrom('', ' ', 'x', 'é', '"', '\u2581', '|')).map(([key, mask, at, extra]) =>
  // Case changes keep a key; an inserted unit usually breaks it.
  flipCase(key.slice(0, at) + extra + key.slice(at), mask),
);
const piece = fc.oneof(
  { weight: 4, arbitrary: keyLike },
  { weight: 1, arbitrary: fc.constantFrom('<|im_start|>', '<|Start_Of_Turn|>', '<|foo_bar|>', '<|end_of_TEXT|>', '[system](#assistant)', '[SYSTEM](#context)') },
  { weight: 2, arbitrary: fc.constantFrom('[Read more](#top)', '<a href="x">', '<div>', '{{name}}', '[1]', '<<', '>>', ' ', 'word', '\n', '<', '[', '](') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

describe('findTokens with the key-unit filter', () => {
  it('finds what looking up every candidate finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        const fast = findTokens(t, catalog).map((m) => ({ start: m.start, end: m.end, key: m.token.key }));
        expect(fast).toEqual(referenceTokens(t, catalog.tokens));
      }),
      { numRuns: RUNS },
    );
  });

  it('still finds keys in any ASCII case and generic names', () => {
    expect(findTokens('a <|IM_START|> b', catalog).map((m) => m.token.key)).toEqual(['<|im_start|>']);
    expect(findTokens('x <|begin_of_turn|> y', catalog).map((m) => m.token.key)).toEqual(['<|begin_of_turn|>']);
    expect(findTokens('[Read more](#top) <a href="x">', catalog)).toEqual([]);
  });
});
