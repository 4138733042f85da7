import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { isTrimSpace, segmentUnits, splitSentences } from '../src/document/sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['abbreviated titles and initials', 'Dr. A. B. Smith lectured in Leeds. Mrs. Jones attended.', ['Dr. A. B. Smith lectured in Leeds.', 'Mrs. Jones attended.']],
    ['decimals and versions', 'Node 20.19 ships npm 10.8. It runs 2.5 times faster.', ['Node 20.19 ships npm 10.8.', 'It runs 2.5 times faster.']],
    ['dotted acronym before an opener', 'She moved to the U.K. The weather was poor.', ['She moved to the U.K.', 'The weather was poor.']],
    ['dotted acronym before a noun', 'The U.S. Senate voted. It passed.', ['The U.S. Senate voted.', 'It passed.']],
    ['question inside a quote', '"Where now?" he wondered. Nobody knew.', ['"Where now?" he wondered.', 'Nobody knew.']],
    ['et al. mid-sentence', 'Jones et al. reported a rise. Others disagreed.', ['Jones et al. reported a rise.', 'Others disagreed.']],
    ['numeric abbreviations', 'Turn to p. 12 and see Fig. 4 there. Done.', ['Turn to p. 12 and see Fig. 4 there.', 'Done.']],
    ['postnominal at the end', 'The prize went to Sam Davis Jr. Critics approved.', ['The prize went to Sam Davis Jr.', 'Critics approved.']],
    ['etc. at the end', 'We packed tents, stoves, etc. The trip began.', ['We packed tents, stoves, etc.', 'The trip began.']],
    ['a URL and an e-mail', 'Read docs.example.com/start. Write to help@example.com today.', ['Read docs.example.com/start.', 'Write to help@example.com today.']],
    ['closing quote ends a sentence', 'He called it "a fine day." Later it rained.', ['He called it "a fine day."', 'Later it rained.']],
  ])('%s', (_name, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('makes Markdown headings, list items and table rows units of their own, without their markers', () => {
    const text = '# Rivers\nSome facts:\n- The Rhine is 1,230 km long.\n2. It rises in Switzerland\n\n| name | km |\n|---|---|\n| Rhine | 1230 |';
    expect(segmentUnits(text).map((u) => [u.kind, text.slice(u.start, u.end)])).toEqual([
      ['heading', 'Rivers'],
      ['prose', 'Some facts:'],
      ['list', 'The Rhine is 1,230 km long.'],
      ['list', 'It rises in Switzerland'],
      ['table', '| name | km |'],
      ['table', '| Rhine | 1230 |'],
    ]);
  });

  it('treats a short unpunctuated line before a capitalised line as a title, and wrapped lines as one sentence', () => {
    expect(texts('A short title\nThe body starts here. It ends here.')).toEqual(['A short title', 'The body starts here.', 'It ends here.']);
    expect(texts('This line was wrapped by an editor at a fixed column and\ncontinues on the next line. Then a second one.')).toEqual([
      'This line was wrapped by an editor at a fixed column and\ncontinues on the next line.',
      'Then a second one.',
    ]);
  });

  it('keeps a fenced code block as one code unit and a setext heading as a heading', () => {
    const text = 'Usage\n=====\n\n```\nrun it. Now\n```\nAfter the code.';
    expect(segmentUnits(text).map((u) => [u.kind, text.slice(u.start, u.end)])).toEqual([
      ['heading', 'Usage'],
      ['code', '```\nrun it. Now\n```'],
      ['prose', 'After the code.'],
    ]);
  });

  it('handles CRLF line endings', () => {
    expect(texts('First line here.\r\nSecond line here.\r\n')).toEqual(['First line here.', 'Second line here.']);
  });

  it('returns ordered, disjoint, trimmed ranges inside the text that never split a surrogate pair', () => {
    const alphabet = fc.constantFrom('a', 'B', ' ', '.', '?', '!', '\n', '\r', '-', '#', '|', '>', '"', '1', 'Dr', 'U.S.', '😀', '\ud800', '\u0000', '```', 'e.g.', '\t');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join('')), (text) => {
        const units = splitSentences(text);
        let previousEnd = 0;
        for (const { start, end } of units) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(text.slice(start, end).trim()).toBe(text.slice(start, end));
          const splitsPair = (i: number) => i > 0 && i < text.length && /[\ud800-\udbff]/.test(text[i - 1]) && /[\udc00-\udfff]/.test(text[i]);
          expect(splitsPair(start) || splitsPair(end)).toBe(false);
          previousEnd = end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('copes with a huge single line', () => {
    const text = 'word '.repeat(200_000) + 'end.';
    expect(splitSentences(text)).toEqual([{ start: 0, end: text.length }]);
  });
});

describe('sentences in very long blocks', () => {
  it('segments a block longer than the segmenter window in pieces cut between sentences', () => {
    const sentences = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i + 1} is here.`);
    const text = sentences.join(' ');
    expect(text.length).toBeGreaterThan(80_000);
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual(sentences);
  });

  it('keeps a long block without sentence punctuation whole: window cuts fall at whitespace and rejoin', () => {
    const text = Array.from({ length: 12000 }, (_, i) => `w${i}`).join(' ');
    const pieces = splitSentences(text).map(({ start, end }) => text.slice(start, end));
    expect(pieces.join(' ').split(' ')).toEqual(text.split(' '));
  });
});

describe('the UAX #29 fast path', () => {
  /** segmentUnits as it was before the fast path: every block through Intl.Segmenter. */
  async function icuOnlySegmentUnits(): Promise<typeof segmentUnits> {
    vi.resetModules();
    vi.doMock('../src/document/sentence-breaks.js', () => ({ sentenceBreaks: () => null }));
    try {
      return (await import('../src/document/sentences.js')).segmentUnits;
    } finally {
      vi.doUnmock('../src/document/sentence-breaks.js');
      vi.resetModules();
    }
  }

  it('leaves segmentUnits exactly as Intl.Segmenter alone makes it, windows included', async () => {
    const reference = await icuOnlySegmentUnits();
    expect(reference).not.toBe(segmentUnits);
    const parts = fc.constantFrom(
      'Dr. Smith', 'e.g. this', 'U.S. The', 'p. 12', 'etc. And', ' ', '  ', '\n', '\n\n', '\r\n', '> ', '- ', '# ', 'Hi', 'there', 'ok', 'A', '.', '?', '!', '...',
      '"', ')', '(', '\u2019', '\u201d', '\u2014', ',', ';', '1', '3.5', '\t', '\u00e9t\u00e9', 'Zo\u00eb', '\u0416\u0438', '\u00a0', '\u00ad', '\u3002', '\ud83d\ude00', '\ud55c\uad6d', '\u2022 ',
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 120 }).map((p) => p.join('')), (text) => {
        expect(segmentUnits(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
    const long = Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? `Item ${i} ends here! ` : `word${i}. and `)).join('');
    expect(long.length).toBeGreaterThan(3 * 16384);
    expect(segmentUnits(long)).toEqual(reference(long));
  });
});

describe('isTrimSpace', () => {
  it('is what String.prototype.trim removes, for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isTrimSpace(code) !== (String.fromCharCode(code).trim() === '')) differ.push(code.toString(16));
    expect(differ).toEqual([]);
  });

  it('makes a line of Unicode spaces a blank line and lets a fence close after them', () => {
    const text = 'One line here\n\u1680\u205f\u202f\n```\ncode. Here?\n\u3000```\nAfter the fence.';
    expect(segmentUnits(text).map((u) => [u.kind, text.slice(u.start, u.end)])).toEqual([
      ['prose', 'One line here'],
      ['code', '```\ncode. Here?\n\u3000```'],
      ['prose', 'After the fence.'],
    ]);
  });
});
