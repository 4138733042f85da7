import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { analyseSalience, expectedCoverage, gini, salienceOptions, targetedCoverage, uniformCoverage } from '../src/salience/index.js';
import { plainText, scanInline } from '../src/salience/inline.js';
import { splitUnits } from '../src/salience/units.js';
import { contentWeights } from '../src/salience/content.js';
import type { DocumentFormat } from '../src/types.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'salience', name), 'utf8');
const doc = (text: string, format: DocumentFormat = 'markdown') => new Document({ text, format, path: 'test' });
const defaults = salienceOptions({});

describe('coverage formulas', () => {
  it('computes the Gini coefficient', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
    expect(gini([1, 2, 3])).toBeCloseTo(2 / 9, 12);
    expect(gini([5])).toBe(0);
    expect(gini([])).toBe(0);
  });

  it('computes expected coverage of salience-proportional draws', () => {
    expect(expectedCoverage([1, 1])).toBeCloseTo(0.75, 12);
    // p = (3/4, 1/4), k = 2: ((1 - 1/16) + (1 - 9/16)) / 2
    expect(expectedCoverage([3, 1])).toBeCloseTo(0.6875, 12);
    expect(expectedCoverage([1, 1, 1, 1])).toBeCloseTo(175 / 256, 12);
    // p = (1/2, 1/4, 1/4), k = 1: (1/2 + 1/4 + 1/4) / 3
    expect(expectedCoverage([2, 1, 1], 1)).toBeCloseTo(1 / 3, 12);
    expect(expectedCoverage([])).toBe(1);
    expect(expectedCoverage([0, 0])).toBeCloseTo(0.75, 12);
  });

  it('can rise when a second hotspot joins an already skewed document, because k grows with n', () => {
    expect(expectedCoverage([12, 1])).toBeCloseTo(193 / 338, 12);
    expect(expectedCoverage([12, 12, 1])).toBeCloseTo(28657 / 46875, 12);
    expect(expectedCoverage([12, 12, 1])).toBeGreaterThan(expectedCoverage([12, 1]));
  });

  it('computes the uniform and targeted references', () => {
    expect(uniformCoverage(4)).toBeCloseTo(175 / 256, 12);
    expect(uniformCoverage(1)).toBe(1);
    expect(uniformCoverage(10, 5)).toBeCloseTo(1 - 0.9 ** 5, 12);
    expect(targetedCoverage(4)).toBe(1);
    expect(targetedCoverage(4, 2)).toBe(0.5);
    expect(targetedCoverage(4, 9)).toBe(1);
  });

  it('never exceeds uniform coverage (uniform salience is the best a free-running generator does)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 20, noNaN: true }), { minLength: 1, maxLength: 40 }), (saliences) => {
        expect(expectedCoverage(saliences)).toBeLessThanOrEqual(uniformCoverage(saliences.length) + 1e-12);
      }),
    );
  });

  it('never rises when the hottest unit gets hotter (fixed n and k)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 20, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 80 }),
        (saliences, extra, k) => {
          const hottest = saliences.indexOf(Math.max(...saliences));
          const hotter = saliences.map((s, i) => (i === hottest ? s + extra : s));
          expect(expectedCoverage(hotter, k)).toBeLessThanOrEqual(expectedCoverage(saliences, k) + 1e-12);
        },
      ),
    );
  });

  it('never rises when a hotspot is added to evenly salient units (k = n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 1, max: 50, noNaN: true }), (n, hotspot) => {
        const before = expectedCoverage(Array(n).fill(1));
        const after = expectedCoverage([...Array(n).fill(1), hotspot]);
        expect(after).toBeLessThanOrEqual(before + 1e-12);
      }),
    );
  });
});

describe('adding a salient hotspot to a document', () => {
  const words = ['river', 'harbour', 'engine', 'council', 'village', 'bridge', 'market', 'winter', 'railway', 'castle', 'library', 'orchard'];
  const sentence = fc
    .array(fc.constantFrom(...words), { minLength: 4, maxLength: 12 })
    .map((ws) => `The ${ws.join(' ')} was built in ${ws.length * 97}.`);
  const article = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }).map((paragraphs) => paragraphs.map((p) => p.join(' ')).join('\n\n'));
  const hotspot = fc.constantFrom('- **Home**', '**Subscribe**', '| Menu |\n|---|\n| Login |', '## Related', '[Share](https://example.com/share)', '- [Log In](/login)');

  it('never raises the expected coverage of evenly salient text', () => {
    // With the position bonus off, plain sentences are evenly salient, and any hotspot lowers coverage.
    // (Over an already skewed document it can raise it: adding a second hotspot of 12 to saliences
    // [12, 1] takes coverage from 0.571 to 0.611, because k grows with n. So the literal claim holds
    // only from an even start; the next property holds always.)
    const even = salienceOptions({ positionUnits: 0 });
    fc.assert(
      fc.property(article, hotspot, (text, extra) => {
        const before = analyseSalience(doc(`${text}\n`), even).figures.coverage.salience;
        const after = analyseSalience(doc(`${text}\n\n${extra}\n`), even).figures.coverage.salience;
        expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('always takes questions away from the units already there', () => {
    fc.assert(
      fc.property(article, hotspot, (text, extra) => {
        const before = analyseSalience(doc(`${text}\n`), defaults).units;
        const after = analyseSalience(doc(`${text}\n\n${extra}\n`), defaults).units;
        const k = before.length;
        const covered = (p: number) => 1 - Math.pow(1 - p, k);
        const mean = (units: typeof before) => units.reduce((sum, u) => sum + covered(u.probability), 0) / k;
        expect(after.slice(0, k).map((u) => u.start)).toEqual(before.map((u) => u.start));
        expect(mean(after.slice(0, k))).toBeLessThan(mean(before));
      }),
      { numRuns: 60 },
    );
  });
});

describe('units', () => {
  it('splits Markdown into headings, list items, table cells and sentences without parsing', () => {
    const text = '# Title here\n\nFirst sentence. Second one.\n\n- one\n-   -   [two](/x)\n    - three\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode\n```\n';
    const { units, groups } = splitUnits(doc(text));
    expect(units.map((u) => `${u.kind}:${text.slice(u.start, u.end)}`)).toEqual([
      'heading:Title here',
      'sentence:First sentence.',
      'sentence:Second one.',
      'list-item:one',
      'list-item:[two](/x)',
      'list-item:three',
      'table-cell:a',
      'table-cell:b',
      'table-cell:c',
      'table-cell:d',
      'code:```\ncode\n```',
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['heading', 'paragraph', 'list', 'table', 'code block']);
    expect(units.filter((u) => u.tableHeader).map((u) => u.text)).toEqual(['a', 'b']);
  });

  it('reads HTML through its prose view and maps units back to the source', () => {
    const text = '<html><body><h1>Harbour news</h1><p>The pier reopened in May. Boats returned at once.</p><script>var x = 1;</script></body></html>';
    const { units } = splitUnits(doc(text, 'html'));
    expect(units.map((u) => u.text)).toEqual(['Harbour news', 'The pier reopened in May.', 'Boats returned at once.']);
    for (const u of units) expect(text.slice(u.start, u.end)).toContain(u.text);
  });

  it('takes HTML headings, list items, cells, bold and links from the elements around the prose', () => {
    const text = '<nav><ul><li><a href="/">Home</a></li><li><b>Sport</b></li></ul></nav><h2>Harbour</h2><p>The pier reopened in May.</p><table><tr><th>Tide</th><td>High</td></tr></table>';
    const { units, groups } = analyseSalience(doc(text, 'html'), defaults);
    expect(units.map((u) => [u.kind, text.slice(u.start, u.end)])).toEqual([
      ['list-item', 'Home'],
      ['list-item', 'Sport'],
      ['heading', 'Harbour'],
      ['sentence', 'The pier reopened in May.'],
      ['table-cell', 'Tide'],
      ['table-cell', 'High'],
    ]);
    expect(units[0].features).toContain('link');
    expect(units[1].features).toContain('bold');
    expect(units[4].features).toContain('tableHeader');
    expect(groups.map((g) => g.name)).toEqual(['list (2 items, starting "Home")', 'heading "Harbour"', 'line "The pier reopened in May."', 'table (2 cells, starting "Tide")']);
  });

  it('strips closing hashes and setext underlines from headings', () => {
    const text = '## Tides ##\n\nHarbour\n=======\n\n# Learning C#\n\n### ###\n\n#\ttabs\t#\t\n';
    expect(splitUnits(doc(text)).units.map((u) => u.text)).toEqual(['Tides', 'Harbour', 'Learning C#', 'tabs']);
  });
});

describe('inline features', () => {
  it('finds emphasis, links, code, all-caps and leftover markup', () => {
    const text = '**Bold** and *it* with [a link](https://x.org/a_b_c) and `code` NASA &amp; <b>x</b>';
    const scan = scanInline(text);
    expect(scan).toMatchObject({ bold: true, italic: true, link: true, code: true, allCaps: true, markup: true });
    expect(plainText(text, scan.skips)).not.toContain('https');
    expect(plainText(text, scan.skips)).not.toContain('*');
    expect(scan.emphasisMarkers).toEqual([
      [0, 2],
      [6, 8],
      [13, 14],
      [16, 17],
    ]);
  });

  it('leaves intraword underscores and escaped stars alone', () => {
    const scan = scanInline('snake_case_name and 2 \\* 3 \\* 4');
    expect(scan.italic).toBe(false);
    expect(scan.emphasisMarkers).toEqual([]);
  });

  it('reads underscores as emphasis only when asked (Markdown), never in plain text', () => {
    expect(scanInline('__init__', true).emphasisMarkers).toEqual([
      [0, 2],
      [6, 8],
    ]);
    expect(scanInline('__init__', false)).toMatchObject({ bold: false, emphasisMarkers: [] });
    expect(scanInline('**Home**', false).bold).toBe(true);
  });

  it('treats a link with empty text or an image as markup, not link text', () => {
    expect(scanInline('[](https://facebook.com/share)')).toMatchObject({ link: false, markup: true });
    expect(scanInline('![logo](/logo.png)')).toMatchObject({ link: false, markup: true });
  });
});

describe('content weight', () => {
  it('gives a menu word far less than an informative sentence', () => {
    const [menu, sentence] = contentWeights(['Home', 'John Boyd Dunlop fitted air-filled tyres to a tricycle in Belfast in 1888.'], { numberWeight: 0.5, entityWeight: 0.5 });
    expect(menu).toBeLessThan(2);
    expect(sentence).toBeGreaterThan(6);
  });

  it('adds the number and name bonuses', () => {
    const base = contentWeights(['the pier opened in 1901 near Dover'], { numberWeight: 0, entityWeight: 0 })[0];
    const bonus = contentWeights(['the pier opened in 1901 near Dover'], { numberWeight: 1, entityWeight: 2 })[0];
    expect(bonus - base).toBeCloseTo(3, 9);
  });

  it('does not count capitals in Title Case lines as names', () => {
    const weights = contentWeights(['Home News Sport Weather'], { numberWeight: 0, entityWeight: 5 });
    const noBonus = contentWeights(['Home News Sport Weather'], { numberWeight: 0, entityWeight: 0 });
    expect(weights[0]).toBe(noBonus[0]);
  });
});

describe('document figures', () => {
  it('leaves the clean article alone and flags the decorated variants', () => {
    const clean = analyseSalience(doc(fixture('clean-article.md')), defaults).figures;
    const table = analyseSalience(doc(fixture('article-with-table.md')), defaults).figures;
    const nav = analyseSalience(doc(fixture('article-with-bold-nav.md')), defaults).figures;
    expect(clean.reasons).toEqual([]);
    expect(table.reasons).toContain('low-content-hotspots');
    expect(nav.reasons).toContain('low-content-hotspots');
    expect(nav.coverage.salience).toBeLessThan(clean.coverage.salience);
    // Decoration pulls questions away from the answerable content even when it evens out the units.
    expect(nav.coverage.content).toBeLessThan(clean.coverage.content - 0.1);
    expect(table.coverage.content).toBeLessThan(clean.coverage.content);
    expect(nav.gini).toBeGreaterThan(clean.gini);
    for (const f of [clean, table, nav]) {
      expect(f.coverage.salience).toBeLessThanOrEqual(f.coverage.uniform);
      expect(f.coverage.targeted).toBe(1);
    }
  });

  it('computes content coverage as the content-weighted share of covered units', () => {
    const { units, figures } = analyseSalience(doc(fixture('article-with-table.md')), defaults);
    const k = units.length;
    const total = units.reduce((sum, u) => sum + u.content, 0);
    const expected = units.reduce((sum, u) => sum + u.content * (1 - (1 - u.probability) ** k), 0) / total;
    expect(figures.coverage.content).toBeCloseTo(expected, 3);
  });

  it('gives headings the content of their section', () => {
    const { units } = analyseSalience(doc(fixture('clean-article.md')), defaults);
    const headings = units.filter((u) => u.kind === 'heading');
    expect(headings.length).toBe(4);
    expect(headings.every((h) => !h.lowContent)).toBe(true);
    const empty = analyseSalience(doc('## Related\n\n## Most read\n\nThe council approved the new bridge over the Tyne in 1928 after a long debate.\n'), defaults).units;
    expect(empty[0].lowContent).toBe(true);
  });

  it('honours the weights option', () => {
    const text = fixture('article-with-bold-nav.md');
    const plain = analyseSalience(doc(text), salienceOptions({ weights: { bold: 0, listItem: 0 } }));
    expect(plain.units[0].salience).toBeLessThan(analyseSalience(doc(text), defaults).units[0].salience);
    expect(plain.units[0].features).not.toContain('bold');
  });

  it('keeps every range inside the text on hostile input', () => {
    const hostile = ['\u0000\ud800**x**\udc00', 'a\r\nb\r\n| x |\r\n|---|\r\n| y |\r\n', '#'.repeat(10) + ' ' + 'A'.repeat(50_000), '> '.repeat(5000) + 'deep', '*'.repeat(2000), '_a'.repeat(3000), '['.repeat(3000) + ']('.repeat(3000)];
    for (const text of hostile) {
      for (const format of ['markdown', 'text', 'html'] as const) {
        const { units, groups } = analyseSalience(doc(text, format), defaults);
        for (const r of [...units, ...groups]) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(r.start).toBeLessThanOrEqual(r.end);
        }
        for (const u of units) for (const [s, e] of u.emphasisMarkers) expect(text.slice(s, e)).toMatch(/^(?:\*\*?|__?|~~)$/);
      }
    }
  }, 60_000);
});
