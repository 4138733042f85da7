// Shortcuts taken for JSONL text throughput must give exactly what the code they replaced gave.
// Each property compares a shortcut with the plain definition, kept here as the oracle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanPlainText, splitLines, type Block } from '../src/document/markdown-scan.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

/** scanPlainText as it was: splitLines, then a trim per line. */
function oraclePlainBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Block | null = null;
  for (const line of splitLines(text)) {
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

// Line breaks of every kind, the whitespace trim removes (and some it keeps), words.
const piece = fc.constantFrom('\n', '\r\n', '\r', '\n\n', ' ', '\t', '\v', '\f', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', '\u200b', '\u0085', 'word', 'Two words.', '#', '-');
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
});
