// The fast path (mayFlag) and the lean analysis (figures and groups from per-unit numbers, the unit
// objects built only when read) against their definitions: a document mayFlag clears is never
// flagged, and the figures and groups are what the unit objects give when summed the plain way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { analyseIfFlaggable, analyseSalience, mayFlag } from '../src/salience/model.js';
import { expectedCoverage } from '../src/salience/coverage.js';
import { salienceOptions } from '../src/salience/options.js';
import type { DocumentFormat, Range } from '../src/types.js';

const round = (x: number) => Math.round(x * 10000) / 10000;

const piece = fc.constantFrom(
  'The council approved the new bridge over the Tyne in 1928 after a long debate.',
  'NASA and the ESA signed the deal. The BBC reported it at once.',
  'Farmers moved 300 cattle to higher fields before dawn.',
  'It rained.',
  '- **Home**\n- **News**\n- **Sport**',
  '- [Log In](/login)\n- [Share](https://example.com/share)',
  '| Menu | Shop |\n|---|---|\n| Home | Cart |',
  '## Related',
  '# How lighthouses work',
  '**Subscribe** to our newsletter &amp; get `updates` <b>now</b>.',
  'See https://example.org/a_b for the *full* report ~~today~~.',
  '```\ncode line\n\nmore code\n```',
  'SHOUTING HEADLINE HERE',
  'snake_case_name and __init__ are names.',
);
const documentText = fc.array(piece, { minLength: 1, maxLength: 14 }).map((parts) => parts.join('\n\n') + '\n');
const format = fc.constantFrom<DocumentFormat>('markdown', 'text', 'html');
const options = fc
  .record({
    minCoverage: fc.constantFrom(0.3, 0.55, 0.6, 0.62),
    maxLowContentShare: fc.constantFrom(0, 0.05, 0.2, 0.5),
    lowContent: fc.constantFrom(0, 1, 3, 6),
    hotspotSalience: fc.constantFrom(1, 2, 3),
    minUnits: fc.constantFrom(1, 5),
    positionUnits: fc.constantFrom(0, 5),
    weights: fc.record({ allCaps: fc.constantFrom(0, 1, 3), bold: fc.constantFrom(0, 2) }),
  })
  .map((raw) => salienceOptions(raw));

describe('mayFlag', () => {
  it('never clears a document the full analysis flags', () => {
    fc.assert(
      fc.property(documentText, format, options, (text, fmt, opts) => {
        const flagged = analyseSalience(new Document({ text, format: fmt, path: 'a' }), opts).figures.reasons.length > 0;
        if (flagged) expect(mayFlag(new Document({ text, format: fmt, path: 'b' }), opts)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('is true whenever the expected coverage of the unit saliences is below minCoverage', () => {
    fc.assert(
      fc.property(documentText, format, options, (text, fmt, opts) => {
        const { units } = analyseSalience(new Document({ text, format: fmt, path: 'a' }), opts);
        const low = units.length >= opts.minUnits && expectedCoverage(units.map((u) => u.salience)) < opts.minCoverage;
        if (low) expect(mayFlag(new Document({ text, format: fmt, path: 'b' }), opts)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the full analysis as it is without the fast path, whose per-unit figures it shares', () => {
    fc.assert(
      fc.property(documentText, format, options, (text, fmt, opts) => {
        const shared = new Document({ text, format: fmt, path: 'a' });
        mayFlag(shared, opts);
        const after = analyseSalience(shared, opts);
        // A copy of the options is another object: nothing is shared with the fast path.
        const alone = analyseSalience(new Document({ text, format: fmt, path: 'b' }), { ...opts });
        expect(after.figures).toEqual(alone.figures);
        expect(after.groups).toEqual(alone.groups);
        expect(after.units).toEqual(alone.units);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a document analysed under one options object the analysis of another as if alone', () => {
    fc.assert(
      fc.property(documentText, format, options, options, (text, fmt, first, second) => {
        const shared = new Document({ text, format: fmt, path: 'a' });
        mayFlag(shared, first);
        analyseSalience(shared, first);
        mayFlag(shared, second);
        const after = analyseSalience(shared, second);
        const alone = analyseSalience(new Document({ text, format: fmt, path: 'b' }), { ...second });
        expect(after.figures).toEqual(alone.figures);
        expect(after.units).toEqual(alone.units);
      }),
      { numRuns: 300 },
    );
  });
});

describe('analyseIfFlaggable', () => {
  it('is the analysis of a document mayFlag passes, built from inputs of its own, and undefined for one it clears', () => {
    fc.assert(
      fc.property(documentText, format, options, (text, fmt, opts) => {
        const passes = mayFlag(new Document({ text, format: fmt, path: 'a' }), opts);
        const document = new Document({ text, format: fmt, path: 'b' });
        const rule = analyseIfFlaggable(document, opts);
        // Its inputs are not kept with the document, whose collections would otherwise carry them.
        expect(document.shared('salience-inputs', () => 'not kept')).toBe('not kept');
        if (!passes) {
          expect(rule).toBeUndefined();
          return;
        }
        expect(rule).toBeDefined();
        const memoised = analyseSalience(new Document({ text, format: fmt, path: 'c' }), opts);
        expect(rule!.figures).toEqual(memoised.figures);
        expect(rule!.groups).toEqual(memoised.groups);
        expect(rule!.units).toEqual(memoised.units);
      }),
      { numRuns: 400 },
    );
  });
});

describe('figures and groups', () => {
  it('equal the sums over the unit objects', () => {
    fc.assert(
      fc.property(documentText, format, options, (text, fmt, opts) => {
        const { units, groups, figures } = analyseSalience(new Document({ text, format: fmt, path: 'a' }), opts);
        const n = units.length;
        const total = units.reduce((sum, u) => sum + u.salience, 0) || 1;
        const mass = (ids: number[]) => ids.reduce((sum, i) => sum + units[i].salience, 0) / total;
        const all = units.map((_, i) => i);
        expect(figures.units).toBe(n);
        expect(figures.lowContentShare).toBe(round(mass(all.filter((i) => units[i].lowContent))));
        expect(figures.lowContentHotspotShare).toBe(round(mass(all.filter((i) => units[i].hotspot && units[i].lowContent))));
        const contentTotal = units.reduce((sum, u) => sum + u.content, 0);
        if (contentTotal > 0) {
          const covered = units.reduce((sum, u) => sum + u.content * (1 - Math.pow(1 - u.probability, n)), 0);
          expect(figures.coverage.content).toBe(round(covered / contentTotal));
        }
        for (const group of groups) {
          const weak = group.units.filter((i) => units[i].hotspot && units[i].lowContent);
          expect(group.share).toBe(round(mass(group.units)));
          expect(group.lowContentHotspotShare).toBe(round(mass(weak)));
          const markers: Range[] = weak.flatMap((i) => units[i].emphasisMarkers);
          expect(group.decoration.slice(0, markers.length)).toEqual(markers);
          for (const i of group.units) expect(units[i].group).toBe(groups.indexOf(group));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('group figures', () => {
  it('are the shares and sizes of the group objects, and groupAt gives those objects', () => {
    fc.assert(
      fc.property(documentText, format, (text, fmt) => {
        const salience = analyseSalience(new Document({ text, format: fmt, path: 'g' }), salienceOptions({}));
        const { lowContentHotspotShare, share, units } = salience.groupFigures;
        // Ranked before any group is built: groupAt must then hand out the objects groups lists.
        const picked = salience.groups.map((_, g) => salience.groupAt(g));
        expect(picked).toEqual(salience.groups);
        salience.groups.forEach((group, g) => {
          expect(picked[g]).toBe(group);
          expect(lowContentHotspotShare[g]).toBe(group.lowContentHotspotShare);
          expect(share[g]).toBe(group.share);
          expect(units[g]).toBe(group.units.length);
        });
        expect(share.length).toBe(salience.groups.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('group names', () => {
  const spaces = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u202f', '\u3000', '\u2009', '\u1680', '\ufeff', '\u200b');
  const word = fc.constantFrom('Harbour', 'pier', 'x', 'éclair', '東京', '𝐀𝐁', 'a-b', '1888');
  const heading = fc.array(fc.tuple(word, spaces), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('quote the first unit with whitespace runs as one space, cut at 40 characters', () => {
    fc.assert(
      fc.property(heading, (title) => {
        const text = `# ${title}\n\nThe pier reopened in May.\n`;
        const { units, groups } = analyseSalience(new Document({ text, format: 'markdown', path: 'h' }), salienceOptions({}));
        const first = text.slice(units[groups[0].units[0]].start, units[groups[0].units[0]].end);
        const flat = first.replace(/\s+/g, ' ').trim();
        expect(groups[0].name).toBe(`heading "${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}"`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the analysis object', () => {
  it('builds its lists on first read through shared accessors, none of its own', () => {
    // Own getters would be closures of the document held by the object's hidden class, which lives in
    // the old generation: every document's analysis would outlive the young-generation collections.
    const text = '# Title\n\n- **Home**\n- **News**\n\nThe pier reopened in May 1888.\n';
    const analysis = analyseSalience(new Document({ text, format: 'markdown', path: 'a' }), salienceOptions({}));
    for (const key of Object.getOwnPropertyNames(analysis)) expect(Object.getOwnPropertyDescriptor(analysis, key)?.get).toBeUndefined();
    expect(analysis.units).toBe(analysis.units);
    expect(analysis.groups).toBe(analysis.groups);
    expect(analysis.groups).toEqual(analysis.selectGroups(() => true));
  });
});
