// findTokens turns a candidate away without lowercasing it and looking it up when it holds a code
// unit no catalog key or generic name holds. This property compares it with the plain reading,
// every candidate lowercased and looked up, on text made of keys, near-keys, links and tags.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalog } from '../src/rules/spoofed-system-token.js';
import { asciiLower, type Catalog } from '../src/rules/spoofed-system-token/catalog.js';
import { findTokens } from '../src/rules/spoofed-system-token/match.js';
import { findMarkers, type MarkerMatch } from '../src/rules/spoofed-system-token/markers.js';
import type { MarkerInfo } from '../src/rules/spoofed-system-token/catalog.js';

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

// ---- Role headers: the start of the text has a pattern of its own, hash and phrase headers a gate. ----

interface MarkerPatterns {
  hash?: RegExp;
  lineStart?: RegExp;
  afterSentence?: RegExp;
  phrase?: RegExp;
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
    lineStart: transcript.length ? new RegExp(`(?:^|\\n)[ \\t]{0,3}(${transcript.join('|')})[ \\t]{0,2}:`, 'gid') : undefined,
    afterSentence: transcript.length ? new RegExp(`(${transcript.map((w) => w.toUpperCase()).join('|')})[ \\t]{0,2}:`, 'gd') : undefined,
    phrase: phrase.length ? new RegExp(`(${phrase.join('|')}):`, 'gid') : undefined,
  };
  patternCache.set(catalog, p);
  return p;
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
function referenceMarkers(text: string, catalog: Catalog): MarkerMatch[] {
  const p = patterns(catalog);
  const found: MarkerMatch[] = [];
  const collect = (re: RegExp | undefined, style: MarkerInfo['style'], whole: boolean, standsWell: (at: number) => boolean) => {
    if (!re) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const wordStart = m.indices![1][0];
      const start = whole ? m.index : wordStart;
      if (!standsWell(m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const word = m[1].toLowerCase().replace(/[ \t]+/g, ' ');
      const info = catalog.markers.get(`${style}:${word}`);
      if (info) found.push({ start, end: m.index + m[0].length, info, afterBlankLine: isAfterBlankLine(text, start) });
    }
  };
  const before = (at: number) => (at > 0 ? text[at - 1] : '');
  collect(p.hash, 'hash', true, (at) => at === 0 || /[\s>|]/.test(before(at)));
  collect(p.lineStart, 'transcript', false, () => true);
  collect(p.afterSentence, 'transcript', false, (at) => AFTER_SENTENCE.test(text.slice(Math.max(0, at - 6), at)));
  collect(p.phrase, 'phrase', false, (at) => !/[A-Za-z0-9]/.test(before(at)));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // A phrase header (`GPT4 Correct User:`) also holds a transcript word; keep the longer match.
  return found.filter((m, i) => i === 0 || m.start >= found[i - 1].end);
}

const HEADER_PIECES = ['Human:', 'human :', 'USER:', 'User:', 'system:', 'ASSISTANT:', 'Assistant  :', '### Instruction:', '## Response:', 'GPT4 Correct User:', 'gpt4  correct  assistant:'];
const markerText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HEADER_PIECES) }, { weight: 3, arbitrary: fc.constantFrom('\n', '\n\n', ' ', '  ', '\t', '. ', 'word', '\r\n', ':') }), { maxLength: 16 })
  .map((p) => p.join(''));

describe('findMarkers', () => {
  it('finds what every pattern run over the whole text found', () => {
    fc.assert(
      fc.property(markerText, (t) => {
        expect(findMarkers(t, catalog)).toEqual(referenceMarkers(t, catalog));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a header at the start of the text once', () => {
    expect(findMarkers('User: user: hi', catalog).map((m) => m.start)).toEqual([0]);
    expect(findMarkers('\n  Human: hi', catalog).map((m) => m.start)).toEqual([3]);
  });
});
