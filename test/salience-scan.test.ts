// The inline scan skips a pattern when the characters it needs (one, or a pair side by side) are not
// in the unit; the oracle is the same scan with every pattern run. And the full analysis computes
// its coverage in one pass, which must equal expectedCoverage over the unit saliences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { analyseSalience, expectedCoverage, salienceOptions } from '../src/salience/index.js';
import { EVERY_PATTERN, scanInline, scanUnits } from '../src/salience/inline.js';
import { hasCapitalWord } from '../src/salience/content.js';
import type { DocumentFormat } from '../src/types.js';

const round = (x: number) => Math.round(x * 10000) / 10000;

const piece = fc.constantFrom(
  '[a](b)', '[Home](/)', '![logo](x.png)', '[](y)', '[a][b]', '[x]', '](', '][', ']', '[', '(', ')', '!',
  '**x**', '**', '__x__', '__', '~~x~~', '~~', '~', '*x*', '*', '_x_', '_', '`c`', '`', '``',
  '<b>', '</i>', '<', '&amp;', '&#38;', '&', '\\*', '\\', 'http://x.y/a_b', '://', 'ABC', 'NASA', 'É', '𝐀',
  ' ', '  ', 'word', 'Harbour', '\n', '.', ':', ':://', '/', 'AB', 'é', '\ud800', '***', '___', '~~~',
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

describe('patterns skipped once masking has blanked what they need', () => {
  // Needles inside, beside and across the spans earlier patterns blank: code spans, link
  // destinations, URLs, tags and emphasis markers.
  const nested = fc.constantFrom(
    '`](`', '`][`', '`://`', '`<b>`', '`&amp;`', '`\\*`', '`**`', '`*`', '`~~`', '`__`', '`_`', '`',
    '[a](http://x.y)', '[a](<b>)', '[a](&amp;)', '[a](**)', '[a][b]', 'http://x.y/**a**', 'http://x.y/<b>', '<a href="http://x">',
    '**', '*', '__', '_', '~~', '](', '][', '://', 'http', '<b>', '&amp;', '\\*', '[', ']', '(', ')', 'x', 'Word', ' ', '\n',
  );
  const unit = fc.array(nested, { maxLength: 16 }).map((parts) => parts.join(''));

  it('gives the scan that runs every pattern', () => {
    fc.assert(
      fc.property(unit, fc.boolean(), (text, underscore) => {
        expect(scanInline(text, underscore)).toEqual(scanInline(text, underscore, EVERY_PATTERN));
      }),
      { numRuns: 3000 },
    );
  });
});

/** The gate scanUnits had before it read characters in one pass: regex tests, then every pattern. */
function regexGate(text: string, underscore: boolean) {
  const mayNeed = underscore ? /[`[<&\\*_~]|:\/\/|[A-Z\u0080-\uffff]{3}/ : /[`[<&\\*~]|:\/\/|[A-Z\u0080-\uffff]{3}/;
  const marker = underscore ? /[`[<&\\*_~]|:\/\// : /[`[<&\\*~]|:\/\//;
  if (!mayNeed.test(text)) return undefined;
  if (marker.test(text)) return scanInline(text, underscore, EVERY_PATTERN);
  if (!/(?<![\p{L}\p{N}])\p{Lu}{3,40}(?![\p{L}\p{N}])/u.test(text)) return undefined;
  return { bold: false, italic: false, link: false, code: false, allCaps: true, markup: false, skips: [], emphasisMarkers: [], linkCharacters: 0 };
}

describe('unit gate', () => {
  it('scans a unit exactly when a regex test says it may need a pattern, with the scan of every pattern', () => {
    fc.assert(
      fc.property(fc.array(unitText, { maxLength: 6 }), fc.boolean(), (texts, underscore) => {
        const units = texts.map((text) => ({ text }));
        expect(scanUnits(units, underscore)).toEqual(texts.map((text) => regexGate(text, underscore)));
        // Read in place from a source the units are ranges of.
        const source = texts.join('|');
        let offset = 0;
        const ranged = texts.map((text) => {
          const unit = { text, textOffset: offset };
          offset += text.length + 1;
          return unit;
        });
        expect(scanUnits(ranged, underscore, source)).toEqual(texts.map((text) => regexGate(text, underscore)));
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the regex gate on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (text, underscore) => {
        expect(scanUnits([{ text }], underscore)).toEqual([regexGate(text, underscore)]);
      }),
      { numRuns: 1000 },
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

describe('all-caps words', () => {
  const ALL_CAPS = /(?<![\p{L}\p{N}])\p{Lu}{3,40}(?![\p{L}\p{N}])/u;
  const caps = fc.constantFrom('A', 'B', 'É', 'Σ', 'ǅ', 'ß', 'a', 'é', '1', '٣', '𝐀', '𝐚', '\ud835', '\udc00', ' ', '-', '_', '—', '\n', 'AB', 'ABC', 'A'.repeat(40), 'Z'.repeat(41), 'NASA');
  const text = fc.array(caps, { maxLength: 30 }).map((parts) => parts.join(''));
  /** Where three code units that may be capitals first stand in a row: where the scan starts looking. */
  const firstTriple = (t: string) => Math.max(0, t.search(/[A-Z\u0080-\uffff]{3}/));

  it('are found as the regex finds them, from the start or from the first three possible capitals', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(hasCapitalWord(t)).toBe(ALL_CAPS.test(t));
        expect(hasCapitalWord(t, firstTriple(t))).toBe(ALL_CAPS.test(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('are found as the regex finds them in arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (t) => {
        expect(hasCapitalWord(t, firstTriple(t))).toBe(ALL_CAPS.test(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('are found as the regex finds them for every BMP character between and beside capitals', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const t of [`AB${c}`, `${c}ABC`, `ABC${c}`, `A${c}C`, `${c}${c}${c}`]) {
        if (hasCapitalWord(t, firstTriple(t)) !== ALL_CAPS.test(t)) expect([code, t]).toBeUndefined();
      }
    }
  });
});
