// invisible-unicode and the normalised view find invisible characters with a code-unit table
// instead of the INVISIBLE_CANDIDATES class. The class stays the specification: these properties
// check the table against it, one code point at a time and as a scan over random text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INVISIBLE_CANDIDATES, isInvisible, nextInvisible } from '../src/normalize/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

const ONE_INVISIBLE = new RegExp(`^(?:${INVISIBLE_CANDIDATES.source})$`);

/** The reference scan: the class itself, from `from`. */
function nextByPattern(text: string, from: number): number {
  const pattern = new RegExp(INVISIBLE_CANDIDATES.source, 'g');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

/** Every match start, read as the rule reads them: each scan resumes after the previous match. */
function allStarts(text: string, next: (text: string, from: number) => number): number[] {
  const starts: number[] = [];
  for (let at = next(text, 0); at !== -1; at = next(text, at + (text.codePointAt(at)! > 0xffff ? 2 : 1))) starts.push(at);
  return starts;
}

// Code points at and around the edges of every invisible range, lone surrogates and their halves,
// and ordinary text the scan must pass over.
const EDGES = [
  0x41, 0x20, 0xac, 0xad, 0xae, 0xe9, 0x34e, 0x34f, 0x350, 0x5ff, 0x600, 0x605, 0x606, 0x61c, 0x6dd, 0x70f, 0x88f, 0x890, 0x891, 0x892,
  0x8e2, 0x115e, 0x115f, 0x1160, 0x1161, 0x17b4, 0x17b5, 0x180a, 0x180b, 0x180f, 0x1810, 0x200a, 0x200b, 0x200f, 0x2010, 0x2019,
  0x2029, 0x202a, 0x202e, 0x202f, 0x205f, 0x2060, 0x206f, 0x2070, 0x3164, 0xfdff, 0xfe00, 0xfe0f, 0xfe10, 0xfefe, 0xfeff, 0xff9f,
  0xffa0, 0xffef, 0xfff0, 0xfffb, 0xfffc, 0x110bc, 0x110bd, 0x110be, 0x110cd, 0x1342f, 0x13430, 0x1343f, 0x13440, 0x1bc9f, 0x1bca0,
  0x1bca3, 0x1bca4, 0x1d172, 0x1d173, 0x1d17a, 0x1d17b, 0x1f600, 0xdffff, 0xe0000, 0xe0041, 0xe007f, 0xe0100, 0xe0fff, 0xe1000,
];
const edgeText = (cp: number) => String.fromCodePoint(cp);
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EDGES).map(edgeText) },
  { weight: 2, arbitrary: fc.constantFrom('word ', '\n', '“', '’', 'é') },
  // Half a pair: a lead whose pair would be invisible, or a trail that would complete one.
  { weight: 1, arbitrary: fc.constantFrom('\ud804', '\udcbd', '\udb40', '\udc41', '\ud834') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('invisible characters by table', () => {
  it('isInvisible agrees with the class on every code point', () => {
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (isInvisible(cp) !== ONE_INVISIBLE.test(String.fromCodePoint(cp))) mismatches.push(cp.toString(16));
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('nextInvisible finds what the class finds, from any offset', () => {
    fc.assert(
      fc.property(text, fc.nat({ max: 60 }), (t, from) => {
        expect(nextInvisible(t, from)).toBe(nextByPattern(t, from));
        expect(allStarts(t, nextInvisible)).toEqual(allStarts(t, nextByPattern));
      }),
      { numRuns: RUNS },
    );
  });

  it('finds pairs, skips their halves and ordinary text', () => {
    expect(nextInvisible('plain ascii text', 0)).toBe(-1);
    expect(nextInvisible('a\u00adb', 0)).toBe(1);
    expect(nextInvisible('a\u00adb', 2)).toBe(-1);
    expect(nextInvisible('x\u{e0041}', 0)).toBe(1);
    expect(nextInvisible('x\u{1f600}\u{110bd}', 0)).toBe(3);
    expect(nextInvisible('\udb40x\udc41', 0)).toBe(-1);
  });
});
