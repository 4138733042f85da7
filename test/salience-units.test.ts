// Plain-text units come from the document's shared sentence view where that equals splitting each
// blank-line paragraph on its own (the old way, rebuilt here as the reference). Code fences left open
// over blank lines are where the two differ, so the generator leans on them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { scanPlainText } from '../src/document/markdown-scan.js';
import { splitSentences } from '../src/document/sentences.js';
import { splitUnits } from '../src/salience/units.js';

function perParagraph(text: string): [number, number, number][] {
  const units: [number, number, number][] = [];
  let group = -1;
  for (const block of scanPlainText(text)) {
    if (block.kind === 'fence') {
      // A fence may be indented, and an unclosed one runs to the end of the text, final break and all: units are trimmed.
      let start = block.start;
      let end = block.end;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      units.push([start, end, ++group]);
      continue;
    }
    if (block.kind !== 'paragraph') continue;
    group++;
    for (const sentence of splitSentences(text.slice(block.start, block.end))) {
      let start = block.start + sentence.start;
      let end = block.start + sentence.end;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (end > start) units.push([start, end, group]);
    }
  }
  return units;
}

const viaDocument = (text: string) => splitUnits(new Document({ text, format: 'text', path: 't' })).units.map((u): [number, number, number] => [u.start, u.end, u.group]);

const line = fc.constantFrom(
  'The pier reopened in May. Boats returned at once.',
  'Dr. Smith arrived at 5 p.m. The crowd cheered.',
  'Short title',
  'lowercase continuation of the line above.',
  '```',
  '```js',
  '~~~',
  '  ```',
  '    indented code',
  '# Heading',
  '- item one',
  '1. numbered item',
  '| a | b |',
  '|---|---|',
  '> quoted text. Another sentence.',
  '---',
  '===',
  '',
  '',
  ' ',
  '\u202f',
  '\u202fNarrow space first. Then more\u205f',
  '\u00a0',
  '\t',
);
const text = fc.tuple(fc.array(line, { maxLength: 24 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ''));

describe('plain-text units from the shared sentence view', () => {
  it('equal the sentences of each paragraph split on its own', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(viaDocument(t)).toEqual(perParagraph(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('make a fenced code block one code unit, blank lines and all, as in Markdown', () => {
    const t = 'Intro line here.\n\n```\ncode one\n\ncode two\n```\n\nAfter the fence. Second sentence.\n';
    expect(viaDocument(t)).toEqual(perParagraph(t));
    const units = splitUnits(new Document({ text: t, format: 'text', path: 't' })).units;
    expect(units.map((u) => [u.kind, t.slice(u.start, u.end)])).toEqual([
      ['sentence', 'Intro line here.'],
      ['code', '```\ncode one\n\ncode two\n```'],
      ['sentence', 'After the fence.'],
      ['sentence', 'Second sentence.'],
    ]);
  });

  it('split a paragraph on its own where a sentence of the shared view crosses into it', () => {
    // The sentence splitter takes a tab-indented fence line for a fence; the block scan does not.
    const t = 'Intro line here.\n\t```\ncode one\n\nAfter the gap. Second sentence.\n';
    expect(viaDocument(t)).toEqual(perParagraph(t));
  });
});
