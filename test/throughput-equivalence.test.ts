// Shortcuts taken for JSONL text throughput must give exactly what the code they replaced gave.
// Each property compares a shortcut with the plain definition, kept here as the oracle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { scanPlainText, splitLines, type Block } from '../src/document/markdown-scan.js';
import { analyseSalience } from '../src/salience/model.js';
import { salienceOptions } from '../src/salience/options.js';
import { isWhitespace, splitUnits } from '../src/salience/units.js';
import { scanUnits } from '../src/salience/inline.js';
import { unitTokens } from '../src/salience/content.js';
import { excerpt } from '../src/rules/leftover-markup/excerpt.js';
import type { DocumentFormat } from '../src/types.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** scanPlainText by its definition: splitLines, a trim per line, and fences as CommonMark opens and closes them. */
function oraclePlainBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Block | null = null;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = FENCE_OPEN.exec(line.text);
    if (open && !(open[1][0] === '`' && line.text.slice(open[0].length).includes('`'))) {
      if (paragraph) blocks.push(paragraph);
      paragraph = null;
      const closing = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}[ \\t]*$`);
      let j = i + 1;
      while (j < lines.length && !closing.test(lines[j].text)) j++;
      blocks.push({ kind: 'fence', start: line.start, end: j < lines.length ? lines[j].end : text.length, level: open[1].length });
      i = j;
      continue;
    }
    if (line.text.trim() === '') {
      if (paragraph) blocks.push(paragraph);
      paragraph = null;
      blocks.push({ kind: 'blank', start: line.start, end: line.end });
    } else if (paragraph) paragraph.end = line.end;
    else paragraph = { kind: 'paragraph', start: line.start, end: line.end };
  }
  if (paragraph) blocks.push(paragraph);
  return blocks;
}

// Line breaks of every kind, the whitespace trim removes (and some it keeps), words, fence markers.
const piece = fc.constantFrom(
  '\n', '\r\n', '\r', '\n\n', ' ', '\t', '\v', '\f', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', '\u200b', '\u0085', 'word', 'Two words.', '#', '-',
  '```', '````', '~~~', '`', '    ', 'js',
);
const plainText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('scanPlainText', () => {
  it('gives the blocks of the line-by-line scan it replaced', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(scanPlainText(text)).toEqual(oraclePlainBlocks(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(scanPlainText(text)).toEqual(oraclePlainBlocks(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('handles the edges: empty text, a trailing break, a lone carriage return', () => {
    for (const text of ['', '\n', 'a', 'a\n', 'a\r', 'a\r\n\r\nb', '\n\n\n', ' \t\n x \n']) expect(scanPlainText(text)).toEqual(oraclePlainBlocks(text));
  });

  it('agrees on texts made of fence-like lines', () => {
    const fenceLine = fc.constantFrom('```', '````', '~~~', '~~~~', '``` ', '```js', '```a`', '   ```', '    ```', '\t```', 'code', '', '  ', 'Text.');
    fc.assert(
      fc.property(fc.array(fenceLine, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, br) => {
        const text = lines.join(br);
        expect(scanPlainText(text)).toEqual(oraclePlainBlocks(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads fenced code in plain text as one block, closed by a like fence or the end of the text', () => {
    const text = 'Install it:\n\n```html\n<div>\n\n</div>\n```\nThen open the page.\n~~~\nopen\n```\nstill code';
    expect(scanPlainText(text).map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['paragraph', 'Install it:'],
      ['blank', ''],
      ['fence', '```html\n<div>\n\n</div>\n```'],
      ['paragraph', 'Then open the page.'],
      ['fence', '~~~\nopen\n```\nstill code'],
    ]);
    // Inline code on its own line, and a fence indented four spaces, are no fences.
    expect(scanPlainText('```a` b\n    ```\ntext').map((b) => b.kind)).toEqual(['paragraph']);
  });
});

const salientPiece = fc.constantFrom(
  'The council approved the new bridge over the Tyne in 1928 after a long debate.',
  'NASA and the ESA signed the deal. The BBC reported it at once.',
  'It rained.',
  '- **Home**\n- **News**\n- **Sport**',
  '- [Log In](/login)\n- [Share](https://example.com/share)',
  '| Menu | Shop |\n|---|---|\n| Home | Cart |',
  '## Related',
  '**Subscribe** to our newsletter &amp; get `updates` <b>now</b>.',
  '```\ncode line\n\nmore code\n```',
);
const salientText = fc.array(salientPiece, { minLength: 1, maxLength: 14 }).map((parts) => parts.join('\n\n') + '\n');
const salientFormat = fc.constantFrom<DocumentFormat>('markdown', 'text', 'html');
const threshold = fc.constantFrom(0, 0.02, 0.1, 0.3);

describe('salience groups built on selection', () => {
  it('selectGroups gives the groups that pass, the same objects in the same order as groups', () => {
    fc.assert(
      fc.property(salientText, salientFormat, threshold, threshold, (text, format, low, share) => {
        const keep = (l: number, s: number) => l >= low || s > share;
        const first = analyseSalience(new Document({ text, format, path: 'a' }), salienceOptions({}));
        const selected = first.selectGroups(keep);
        expect(selected).toEqual(first.groups.filter((g) => keep(g.lowContentHotspotShare, g.share)));
        for (const group of selected) expect(first.groups).toContain(group);
      }),
      { numRuns: RUNS },
    );
  });

  it("each group's members are exactly the units that name it", () => {
    fc.assert(
      fc.property(salientText, salientFormat, (text, format) => {
        const { units, groups } = analyseSalience(new Document({ text, format, path: 'a' }), salienceOptions({}));
        groups.forEach((group, g) => expect(group.units).toEqual(units.flatMap((unit, i) => (unit.group === g ? [i] : []))));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('salience whitespace', () => {
  it('isWhitespace is exactly the regex class \\s, which the inline scan counts visible characters against', () => {
    for (let code = 0; code < 0x10000; code++) expect(isWhitespace(code)).toBe(/\s/.test(String.fromCharCode(code)));
  });
});

describe('salience units read in place', () => {
  const tricky = fc.constantFrom('a', 'B', 'ABC', 'x://y', ':', '//', '`', '[', '*', '_', '~', '<', '&', '\\', ' ', '.', '\n', '\n\n', 'é', '東京', '\ud83d\ude00', '\ud800', '\udc00', '42', 'The', 'the');
  const source = fc.array(tricky, { maxLength: 40 }).map((parts) => parts.join(''));

  it('unitTokens over a range of a text equals unitTokens over its slice', () => {
    fc.assert(
      fc.property(source, fc.nat(), fc.nat(), (text, a, b) => {
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length - from === 0 ? 0 : b % (text.length - from + 1));
        expect(unitTokens(text, from, to)).toEqual(unitTokens(text.slice(from, to)));
      }),
      { numRuns: RUNS },
    );
  });

  it('a range read in place sees nothing past its end', () => {
    const unit = { text: 'see: *x', textOffset: 0 };
    expect(scanUnits([unit], true, 'see: *x://example.com*')).toEqual(scanUnits([unit], true));
  });

  it('scanUnits reading characters from the source equals scanUnits reading the slices', () => {
    fc.assert(
      fc.property(source, salientFormat, (text, format) => {
        const { units } = splitUnits(new Document({ text, format, path: 'a' }));
        for (const underscore of [true, false]) expect(scanUnits(units, underscore, text)).toEqual(scanUnits(units, underscore));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('leftover-markup excerpt', () => {
  const oracle = (text: string) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
  };
  const part = fc.constantFrom('x', 'word ', '  ', '\n', '\t\t', '\u00a0', '\u3000', '<script>', 'var a = 1;', '\ud83d\ude00', 'y'.repeat(30));
  const text = fc.array(part, { maxLength: 40 }).map((parts) => parts.join(''));

  it('flattens only the start yet equals flattening the whole artifact', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (source, a, b) => {
        const start = source.length === 0 ? 0 : a % (source.length + 1);
        const end = start + (source.length - start === 0 ? 0 : b % (source.length - start + 1));
        expect(excerpt(source, start, end)).toBe(oracle(source.slice(start, end)));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('cuts at exactly 60 characters of flat text', () => {
    for (const length of [59, 60, 61, 62]) {
      const source = `  ${'a'.repeat(length - 1)}\n\n b  `;
      expect(excerpt(source)).toBe(oracle(source));
    }
  });
});
