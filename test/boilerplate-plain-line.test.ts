// PlainLine reads a plain ASCII range with arithmetic on each character's flags instead of
// UnitScan's branches; where it says it settled a range, its visible text and words must be
// cleanText's and countWords' of the range, and it must settle the plain ranges it is there for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlainLine } from '../src/rules/boilerplate/plain-line.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const oracleClean = (text: string) => text.replace(/[\\*_`]/g, '').replace(/\s+/g, ' ').trim();
const oracleWords = (text: string) => text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu)?.length ?? 0;

describe('PlainLine equals cleanText and countWords', () => {
  // Spaces next to markup (`a * b` has two spaces between words, `a *b` one), runs of spaces at
  // either end, tabs, line breaks and text outside ASCII, which it must leave to UnitScan.
  const piece = fc.constantFrom('a', 'Word', '42', 'x9', ' ', '  ', '*', '_', '`', '\\', '.', ',', '-', '(', ')', '\t', '\r', '\u00a0', 'é', '日', '😀');
  const line = fc.array(piece, { maxLength: 16 }).map((p) => p.join(''));

  it('for any range of a line it settles', () => {
    const plain = new PlainLine();
    fc.assert(
      fc.property(line, fc.nat(), fc.nat(), (l, a, b) => {
        const start = a % (l.length + 1);
        const end = start + (b % (l.length - start + 1));
        const range = l.slice(start, end);
        if (!plain.read(l, start, end)) {
          // Left to UnitScan only where cleanText would rebuild the text or the range is not plain ASCII.
          expect(/[^\x20-\x7e]/.test(range) || oracleClean(range) !== range.replace(/[\\*_`]/g, '').trim()).toBe(true);
          return;
        }
        expect(plain.visible).toBe(oracleClean(range));
        expect(plain.words).toBe(oracleWords(oracleClean(range)));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('settles plain prose, markup and spaces at the ends included', () => {
    const plain = new PlainLine();
    for (const [text, visible, words] of [
      ['  Install the *package* with `npm`, then run it.  ', 'Install the package with npm, then run it.', 8],
      ['snake_case and x*y', 'snakecase and xy', 3],
      ['*  *', '', 0],
    ] as const) {
      expect(plain.read(text, 0, text.length)).toBe(true);
      expect([plain.visible, plain.words]).toEqual([visible, words]);
    }
    expect(plain.read('a * b', 0, 5)).toBe(false);
    expect(plain.read('a\tb', 0, 3)).toBe(false);
  });
});
