import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sentenceBreaks } from '../../src/document/sentence-breaks.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Segment ends as Intl.Segmenter gives them: the reference the scanner must equal. */
function icuEnds(text: string): number[] {
  return [...segmenter.segment(text)].map((s) => s.index + s.segment.length);
}

/** Every BMP character the scanner takes: each is probed below, so a wrong class in its table shows. */
const COVERED = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => sentenceBreaks(c) !== null);
/** The 11,172 Hangul syllables share one class: the probes take every 16th and both ends, the random texts a few. */
const isHangul = (c: string) => c >= '\uac00' && c <= '\ud7a3';
const PROBED = COVERED.filter((c) => !isHangul(c) || (c.charCodeAt(0) - 0xac00) % 16 === 0 || c === '\ud7a3');
const DRAWN = COVERED.filter((c) => !isHangul(c) || '\uac00\ud55c\ud7a3'.includes(c));
const DECLINED = ['\u00ad', '\u0301', '\u2028', '\u2029', '\u3002', '\u4e00', '\ud83d\ude00', '\u200d', '\ufe0f', '\u2024', '\u0589'];

const stress = fc.constantFrom(...'aAbB.!?,;:- "\'()[]{}\t\n\r\v\f1'.split(''), 'e.g.', 'U.S.', '...', '."', '.) ', '? (', '\r\n');
const anyCovered = fc.constantFrom(...DRAWN);
const textOf = (part: fc.Arbitrary<string>, maxLength: number) => fc.array(part, { maxLength }).map((parts) => parts.join(''));

describe('sentenceBreaks equals Intl.Segmenter', () => {
  it('on strings from an alphabet that stresses the rules', () => {
    fc.assert(
      fc.property(textOf(fc.oneof({ weight: 4, arbitrary: stress }, { weight: 1, arbitrary: anyCovered }), 60), (text) => {
        expect(sentenceBreaks(text)).toEqual(icuEnds(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('covers ASCII, Latin-1 but the soft hyphen, basic Cyrillic, Hangul syllables and a few punctuation marks', () => {
    expect(COVERED.length).toBe(0x100 - 1 + 0x60 + 0xd7a4 - 0xac00 + 14);
  });

  it('on every covered character in contexts that tell the classes apart', () => {
    const contexts = [
      'a.X', 'a.Xb', 'A.X', '.X', 'a. X', 'a. Xb', 'a.) Xb', 'a? Xb', 'a! X', 'X. a', 'X. A', 'aX. b', 'a.X b', 'a. X. b', 'a.X)b', 'a. X b',
      'a?X b', 'a.)X', 'a?)X', 'a. 1X b', 'a.XXb', 'Xa. B', 'a.\rXb', 'aX\nb', 'a. X\n', 'a.\tX\tb', 'a?XXb', 'X', 'XX', '.XX',
    ];
    const mismatches: string[] = [];
    for (const c of PROBED) {
      for (const context of contexts) {
        const text = context.replaceAll('X', c);
        const ours = sentenceBreaks(text);
        if (JSON.stringify(ours) !== JSON.stringify(icuEnds(text))) mismatches.push(JSON.stringify(text));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['SB6 decimal', 'It is 3.5 m. Next'],
    ['SB7 dotted capitals', 'The U.S.A. Is here. e.Go'],
    ['SB8 lowercase after spaces and closers', 'He said "so." then left. (see p. 5) and more.'],
    ['SB8 through digits and punctuation', 'Ends here. 42 -- # and on. 42 -- # And on.'],
    ['SB8 stops at a terminator', 'Stop. ?? and go'],
    ['SB8a continuations', 'Wait. , and then? ; or: no! - yes'],
    ['SB9 and SB10 closers then spaces', 'Done.)]} "\t Next. ( ) Next.  ) x'],
    ['STerm does not get SB8', 'Why? because. Why? Because.'],
    ['paragraph separators', 'One.\r\nTwo\rthree\n\nfour.\u0085Five. \u0085\n'],
    ['lone CR LF at the edges', '\r\n\n\r'],
    ['ellipses', 'Well... maybe. Well…  Maybe…. So'],
    ['typographic quotes and dashes', '“Really?” she asked — twice. ‘Yes.’ – Said he.'],
    ['no-break space', 'End.\u00a0Next.\u00a0next'],
    ['Hangul, bullets, arrows and angle quotes', '끝. 한국어 b. \u2022 item. \u2192 x. \u2039Hi.\u203a so. 3 \u2212 1.'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(sentenceBreaks(text)).toEqual(icuEnds(text));
  });

  it('declines text with a character outside its table, wherever it stands', () => {
    for (const c of DECLINED) {
      for (const text of [c, `a${c}b`, `Hi. ${c} there`, `Hi.${c}`, `Hi. ...${c}x`, `Hi.)${c}`]) expect(sentenceBreaks(text)).toBeNull();
    }
  });
});
