// candidateSegments tells most ASCII prose tokens (`don't`, `e.g.,`, `1,000`, `and/or`) from code
// without PROSE_TOKEN. The property puts one token between two runs of plain words: the line has a
// segment exactly when the pattern, the specification, calls the token code.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateSegments } from '../src/rules/leftover-markup/code-lines.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const PROSE_TOKEN = /^[("“‘'¿¡]{0,2}[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,&/%$€£-]{0,40}[.,:;!?)"”’…]{0,3}$/u;
const MAX_PROSE_TOKEN = 92;

const UNITS = ['a', 'Z', '7', '(', '"', "'", '.', ',', ':', ';', '!', '?', ')', '&', '/', '%', '$', '-', '_', '=', '<', 'é', '’', '“', '…', '€'];
const token = fc.oneof(
  fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 12 }).map((u) => u.join('')),
  // Long words around the 41-character limit, with closers and inner punctuation at the ends.
  fc.tuple(fc.constantFrom('', '(', '"('), fc.integer({ min: 36, max: 46 }), fc.constantFrom('', '.', '.,', '...', '.,;!', "'s", '-x')).map(([open, n, close]) => `${open}${'w'.repeat(n)}${close}`),
);

describe('candidateSegments on one token among words', () => {
  it('makes a segment of the token exactly when PROSE_TOKEN calls it code', () => {
    fc.assert(
      fc.property(token, (t) => {
        const words = 'the plain words of an ordinary sentence go here';
        const line = `${words} ${t} ${words}`;
        const start = words.length + 1;
        const isCode = t.length > MAX_PROSE_TOKEN || !PROSE_TOKEN.test(t);
        expect(candidateSegments(line, 0, line.length)).toEqual(isCode ? [[start, start + t.length]] : []);
      }),
      { numRuns: RUNS },
    );
  });
});
