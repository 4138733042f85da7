// excerpt skips flattening and trimming when the quoted start holds no whitespace. The property
// compares it with the reading that always flattens, on text with every kind of `\s`.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSpace } from '../src/rules/boilerplate/chars.js';
import { excerpt } from '../src/rules/leftover-markup/excerpt.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

function referenceExcerpt(text: string, start: number, end: number): string {
  let cut = start;
  let flat = 0;
  let gap = false;
  while (cut < end && flat <= 60) {
    if (isSpace(text.charCodeAt(cut))) gap = flat > 0;
    else {
      flat += gap ? 2 : 1;
      gap = false;
    }
    cut++;
  }
  const shown = text.slice(start, cut).replace(/\s+/g, ' ').trim();
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('<div class="x">', 'word', 'x'.repeat(30), '&nbsp;') },
  { weight: 2, arbitrary: fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b') },
);
const text = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));

describe('excerpt', () => {
  it('quotes what flattening every excerpt quotes', () => {
    fc.assert(
      fc.property(text, fc.nat({ max: 40 }), fc.nat({ max: 200 }), (t, from, length) => {
        const start = Math.min(from, t.length);
        const end = Math.min(t.length, start + length);
        expect(excerpt(t, start, end)).toBe(referenceExcerpt(t, start, end));
      }),
      { numRuns: RUNS },
    );
  });
});
