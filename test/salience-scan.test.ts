// The inline scan skips a pattern when the characters it needs (one, or a pair side by side) are not
// in the unit; the oracle is the same scan with every pattern run. And the full analysis computes
// its coverage in one pass, which must equal expectedCoverage over the unit saliences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { analyseSalience, expectedCoverage, salienceOptions } from '../src/salience/index.js';
import { EVERY_PATTERN, scanInline } from '../src/salience/inline.js';
import type { DocumentFormat } from '../src/types.js';

const round = (x: number) => Math.round(x * 10000) / 10000;

const piece = fc.constantFrom(
  '[a](b)', '[Home](/)', '![logo](x.png)', '[](y)', '[a][b]', '[x]', '](', '][', ']', '[', '(', ')', '!',
  '**x**', '**', '__x__', '__', '~~x~~', '~~', '~', '*x*', '*', '_x_', '_', '`c`', '`', '``',
  '<b>', '</i>', '<', '&amp;', '&#38;', '&', '\\*', '\\', 'http://x.y/a_b', '://', 'ABC', 'NASA', 'É', '𝐀',
  ' ', '  ', 'word', 'Harbour', '\n', '.', ':',
);
const unitText = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

describe('inline scan', () => {
  it('equals the scan that runs every pattern', () => {
    fc.assert(
      fc.property(unitText, fc.boolean(), (text, underscore) => {
        expect(scanInline(text, underscore)).toEqual(scanInline(text, underscore, EVERY_PATTERN));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the scan that runs every pattern on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (text, underscore) => {
        expect(scanInline(text, underscore)).toEqual(scanInline(text, underscore, EVERY_PATTERN));
      }),
      { numRuns: 500 },
    );
  });
});

describe('coverage in one pass', () => {
  const block = fc.oneof(unitText, fc.constantFrom('# Title', '- **Home**\n- **News**', '| a | b |\n|---|---|\n| c | d |', 'The pier opened in 1901. It closed.'));
  const documentText = fc.array(block, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('\n\n'));
  const format = fc.constantFrom<DocumentFormat>('markdown', 'text', 'html');

  it('is expectedCoverage over the unit saliences', () => {
    fc.assert(
      fc.property(documentText, format, (text, fmt) => {
        const { units, figures } = analyseSalience(new Document({ text, format: fmt, path: 'c' }), salienceOptions({}));
        expect(figures.coverage.salience).toBe(round(expectedCoverage(units.map((u) => u.salience))));
      }),
      { numRuns: 300 },
    );
  });
});
