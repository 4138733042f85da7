// The inline scan hands the tokenizer skip ranges instead of a masked copy of the unit, and the
// tokenizer reads the text around them in place. The oracle is the scan as it was (it built the
// masked text, salience-inline-reference.ts) and the tokens of that masked text: every field but
// the masked text must be equal, the masked text must be plainText of the skips, and the tokens
// read around the skips must be the tokens of the masked text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { Document } from '../src/document/document.js';
import { linkShareOf, plainText, scanInline, scanUnits } from '../src/salience/inline.js';
import { ContentTokens, unitTokens } from '../src/salience/content.js';
import { splitUnits } from '../src/salience/units.js';
import * as reference from './salience-inline-reference.js';

function expectSkips(text: string, skips: readonly number[]): void {
  expect(skips.length % 2).toBe(0);
  for (let k = 0; k < skips.length; k += 2) {
    expect(skips[k]).toBeGreaterThanOrEqual(k === 0 ? 0 : skips[k - 1] + 1);
    expect(skips[k + 1]).toBeGreaterThan(skips[k]);
    expect(skips[k + 1]).toBeLessThanOrEqual(text.length);
  }
}

/** Reads text with its skips in place, from inside a longer string, as the rule reads a unit of its document. */
function tokensAround(text: string, skips: readonly number[]) {
  const before = 'Ab1 x';
  const source = `${before}${text}9Zz`;
  const tokens = new ContentTokens(1);
  tokens.read(0, source, before.length, before.length + text.length, skips);
  return tokens.tokensOf(0);
}

function expectSameScan(text: string, underscore: boolean): void {
  const { skips, linkCharacters, ...scan } = scanInline(text, underscore);
  const { plain, ...old } = reference.scanInline(text, underscore);
  // The link share is counted when asked for, from the skips, not as the old scan did.
  expect({ ...scan, linkShare: linkShareOf(text, { skips, linkCharacters }) }).toEqual(old);
  expectSkips(text, skips);
  expect(plainText(text, skips)).toBe(plain);
  expect(tokensAround(text, skips)).toEqual(unitTokens(plain));
}

const piece = fc.constantFrom(
  '[a](b)', '[Home](/)', '![logo](x.png)', '[](y)', '[a][b]', '[x]', '](', '][', ']', '[', '(', ')', '!',
  '**x**', '**', '__x__', '__', '~~x~~', '~~', '~', '*x*', '*', '_x_', '_', '`c`', '`', '``',
  '<b>', '</i>', '<', '&amp;', '&#38;', '&', '\\*', '\\', 'http://x.y/a_b', '://', 'ABC', 'NASA', 'É', '𝐀',
  ' ', '  ', 'word', 'Harbour', 'The', 'v2', '\n', '.', ':', ':://', '/', 'AB', 'é', 'İstanbul', '\ud800', '\udc00',
  '***', '___', '~~~', '`𝐀`', '[𝐀](𝐀)', '**𝐀**', 'https://x.y/𝐀b', `http://${'a'.repeat(1999)}𝐀z`,
);
const unitText = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

describe('inline scan skips', () => {
  it('are the masked text of the scan that built it, and the tokens read around them are its tokens', () => {
    fc.assert(
      fc.property(unitText, fc.boolean(), (text, underscore) => expectSameScan(text, underscore)),
      { numRuns: 3000 },
    );
  });

  it('agree with the old scan on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.boolean(), (text, underscore) => expectSameScan(text, underscore)),
      { numRuns: 1000 },
    );
  });

  it('leave scanUnits as it was, skips aside', () => {
    fc.assert(
      fc.property(fc.array(unitText, { maxLength: 6 }), fc.boolean(), (texts, underscore) => {
        const units = texts.map((text) => ({ text }));
        const now = scanUnits(units, underscore);
        const old = reference.scanUnits(units, underscore);
        now.forEach((scan, i) => {
          if (!scan) return expect(old[i]).toBeUndefined();
          const { skips, linkCharacters: _linkCharacters, ...rest } = scan;
          const { plain, ...oldRest } = old[i]!;
          expect({ ...rest, linkShare: linkShareOf(texts[i], scan) }).toEqual(oldRest);
          expect(plainText(texts[i], skips)).toBe(plain);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('inline scan skips of many spans', () => {
  // Code spans are blanked before links, URLs, tags and markers, so interleaved spans reach the merge
  // out of order: a few ranges are sorted by insertion, more than 32 through tuples.
  const span = fc.constantFrom('`c`', '[a](b)', '[a][b]', '**x**', '*y*', '<b>', '&amp;', 'http://x.y', '\\*', '~~z~~', ' ', 'w');
  const manySpans = fc.array(span, { minLength: 30, maxLength: 90 }).map((parts) => parts.join(''));

  it('are the masked text of the old scan', () => {
    fc.assert(
      fc.property(manySpans, fc.boolean(), (text, underscore) => expectSameScan(text, underscore)),
      { numRuns: 400 },
    );
    expectSameScan('[a](b) `c` '.repeat(40), false);
  });
});

describe('tokens read around skips', () => {
  it('are the tokens of the text with the skipped ranges blanked', () => {
    const text = fc.array(fc.constantFrom('The', 'harbour', 'V2', '1a', ' ', '\n', 'İ', '𝐀', '\ud800', '\udc00', 'x', '-', 'ÉTÉ', 'Kiel'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (unit, cuts) => {
        // Sorted, distinct cut points taken in pairs: disjoint skips, possibly splitting a surrogate pair.
        const points = [...new Set(cuts.map((c) => c % (unit.length + 1)))].sort((a, b) => a - b);
        const skips: number[] = [];
        for (let k = 0; k + 1 < points.length; k += 2) skips.push(points[k], points[k + 1]);
        expect(tokensAround(unit, skips)).toEqual(unitTokens(plainText(unit, skips)));
      }),
      { numRuns: 2000 },
    );
  });
});

const shared = path.resolve(__dirname, '..', '..', 'shared', 'data', 'markup-dev');

describe('inline scan skips on real units', () => {
  it('agree with the old scan on every unit of the shared Markdown and text dev documents', () => {
    // ../shared sits beside the repository in CI and on every team machine; a missing set fails here rather than passing unread.
    expect(fs.existsSync(shared), `${shared} is missing`).toBe(true);
    const files = fs.readdirSync(shared).filter((name) => /\.(md|txt)$/.test(name)).sort().filter((_, i) => i % 12 === 0);
    let units = 0;
    for (const name of files) {
      const text = fs.readFileSync(path.join(shared, name), 'utf8');
      for (const format of ['markdown', 'text'] as const) {
        for (const unit of splitUnits(new Document({ text, format, path: name })).units) {
          expectSameScan(unit.text, format === 'markdown');
          units++;
        }
      }
    }
    expect(units).toBeGreaterThan(1000);
  });
});
