// Shortcuts of the boilerplate rule's scans that the fast-path oracle tests reach only by chance:
// the corpus pass hashing text outside ASCII in place, the sentence test on a unit's last part,
// the index over the recurring keys, and the per-finding helpers. Each is compared with the plain reading.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document } from '../src/document/document.js';
import { lineKey } from '../src/rules/boilerplate/keys.js';
import { UnitScan } from '../src/rules/boilerplate/line-scan.js';
import { forEachUnitKey, keyOf, splitUnits } from '../src/rules/boilerplate/units.js';
import { endsSentence, SENTENCE_END_CHARS } from '../src/rules/boilerplate/visible.js';
import { isRecurringKey, RecurringKeys, recurringKeysOf } from '../src/rules/boilerplate/corpus.js';
import { isSpace } from '../src/rules/boilerplate/chars.js';
import { nonBlankLines, runReason } from '../src/rules/boilerplate/runs.js';
import { REASONS, type Reason } from '../src/rules/boilerplate/classify.js';
import { furnitureKind, isConsentBanner, mayHaveWording } from '../src/rules/boilerplate/phrases.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** The corpus pass's key of one line, and lineKey of the visible text the check builds for it. */
function keysOfLine(line: string): { inPlace: number | undefined | 'needs-visible'; expected: number | undefined } {
  const keysOnly = new UnitScan(line, 'text', true);
  keysOnly.reset();
  keysOnly.addLine(0, line.length);
  const full = new UnitScan(line, 'text');
  full.reset();
  full.addLine(0, line.length);
  return { inPlace: keysOnly.needsVisible ? 'needs-visible' : keysOnly.key(), expected: lineKey(full.visible) };
}

describe('the corpus pass hashes text outside ASCII in place', () => {
  it('for every code unit between letters, digits, markup and spaces', () => {
    const wrong: unknown[] = [];
    for (let code = 128; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const line of [`ab${c}cd`, `Σa1${c}2B`, `x*${c}_y ${c}${c}9`, `${c}abc`, `abc ${c}`]) {
        const { inPlace, expected } = keysOfLine(line);
        if (inPlace !== 'needs-visible' && inPlace !== expected) wrong.push([code, line, inPlace, expected]);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives up only at capital sigma, a lower case of two code points, or a lone surrogate', () => {
    const unknown: number[] = [];
    for (let code = 128; code < 0xd800; code++) if (keysOfLine(`ab${String.fromCharCode(code)}cd`).inPlace === 'needs-visible') unknown.push(code);
    expect(unknown).toEqual([0x130, 0x3a3]);
    expect(keysOfLine('ab\ud800cd').inPlace).toBe('needs-visible');
    expect(keysOfLine('ab\udc00cd').inPlace).toBe('needs-visible');
    expect(keysOfLine('ab😀cd').inPlace).not.toBe('needs-visible');
  });

  it('for astral letters, digits and symbols, upper and lower case', () => {
    // Deseret and Adlam capitals lower-case to other pairs; a mathematical digit is a number; emoji are breaks.
    const astral = ['𐐀', '𐐨', '𞤀', '𞤢', '𝟎', '𝟗', '𝐀', '😀', '🇩🇪', '𠀀', '𓀀'];
    for (const c of astral) {
      for (const line of [`ab${c}cd`, `${c}${c}x`, `9${c}9 z`, `Abc ${c}`]) {
        const { inPlace, expected } = keysOfLine(line);
        expect(inPlace).toBe(expected);
      }
    }
  });

  it('whole documents: keys equal lineKey of the visible text the check builds', () => {
    const piece = fc.constantFrom('Home', 'Über uns', 'ΣΑΣ', 'ǅemal', 'İstanbul', 'Ⅻ', '日本語', '😀 News', '𐐀𐐨', '*', '_', ' ', '\n', '\n\n', '1. ', 'https://a.io/x', '[x]', '\u00a0', 'K', 'straße', 'ﬁn', '٣');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const keys: (number | undefined)[] = [];
        forEachUnitKey(new Document({ text, format: 'text', path: 'x' }), (key) => keys.push(key));
        const expected = splitUnits(new Document({ text, format: 'text', path: 'x' }), false)
          .filter((u) => u.kind !== 'code')
          .map((u) => lineKey(u.visible));
        expect(keys).toEqual(expected);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('the check stops hashing a long unit', () => {
  it('and the key it leaves to lineKey is the same', () => {
    // ASCII lines keep their key in the scan until the limit; the others leave it to lineKey from the start.
    const ascii = fc.constantFrom('river', 'Flows', 'east', '42', 'x_y', '*bold*', '[a](b)', 'https://a.io', ',', '.');
    const any = fc.constantFrom('river', 'east', 'café', 'Über', '😀', '—', '[a](b)');
    const words = fc.oneof(fc.array(ascii, { minLength: 20, maxLength: 60 }), fc.array(any, { minLength: 20, maxLength: 60 }));
    fc.assert(
      fc.property(words, fc.boolean(), (words, twoLines) => {
        const line = words.join(' ');
        const text = twoLines ? `${line}\n${line}` : line;
        const units = splitUnits(new Document({ text, format: 'text', path: 'x' }), true);
        for (const unit of units) expect(keyOf(unit)).toBe(lineKey(unit.visible));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('endsSentence reads only the end of a text', () => {
  it('of any text at least SENTENCE_END_CHARS long, its last SENTENCE_END_CHARS characters decide', () => {
    const char = fc.constantFrom('.', '!', '?', ':', ';', '…', '。', ' ', '\t', '"', "'", ')', ']', '”', '’', '»', '」', 'a', 'Z', '1');
    fc.assert(
      fc.property(fc.array(char, { minLength: SENTENCE_END_CHARS, maxLength: 16 }), (chars) => {
        const text = chars.join('');
        expect(endsSentence(text.slice(-SENTENCE_END_CHARS))).toBe(endsSentence(text));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('recurring keys behind an index of their top bits', () => {
  it('answer as the binary search does, for members, near misses and random keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 3000 }), fc.array(fc.integer({ min: -0x80000000, max: 0xffffffff }), { maxLength: 200 }), (members, probes) => {
        const sorted = Uint32Array.from(members).sort();
        const keys = new RecurringKeys(sorted);
        for (const key of [...members, ...members.map((m) => m + 1), ...members.map((m) => m | 0), ...probes, 0, 0xffffffff]) {
          expect(keys.has(key)).toBe(isRecurringKey(sorted, key));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with keys crowded into one run of top bits, and at both ends of the range', () => {
    const crowded = Uint32Array.from({ length: 5000 }, (_, i) => 0xabc00000 + i * 7).sort();
    const edges = Uint32Array.from([0, 1, 0xfffffffe, 0xffffffff]);
    for (const sorted of [crowded, edges, new Uint32Array(0)]) {
      const keys = new RecurringKeys(sorted);
      for (let probe = 0; probe < 3000; probe++) {
        const key = [0xabc00000 + probe * 5, probe, 0xffffffff - probe, 0xabbfffff + probe][probe % 4];
        expect(keys.has(key)).toBe(isRecurringKey(sorted, key));
      }
    }
  });

  it('one lookup per recurring array', () => {
    const sorted = Uint32Array.from([1, 5, 9]);
    expect(recurringKeysOf(sorted)).toBe(recurringKeysOf(sorted));
    expect(recurringKeysOf(Uint32Array.from([1, 5, 9]))).not.toBe(recurringKeysOf(sorted));
  });
});

describe('what a finding says about its run', () => {
  const ORDER: Reason[] = ['cookie', 'share', 'skip', 'newsletter', 'comments', 'footer', 'recurring', 'link-farm', 'navigation', 'short-lines', 'residue', 'context'];

  function plainRunReason(run: (Reason | undefined)[]): Reason {
    const counts = new Map<Reason, number>();
    for (const reason of run) if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    let best: Reason = 'context';
    let bestCount = 0;
    for (const reason of ORDER) {
      if ((counts.get(reason) ?? 0) > bestCount) {
        best = reason;
        bestCount = counts.get(reason)!;
      }
    }
    return best;
  }

  function plainNonBlankLines(text: string, start: number, end: number): number {
    return text
      .slice(start, end)
      .split('\n')
      .filter((line) => [...line].some((c) => !isSpace(c.charCodeAt(0)))).length;
  }

  it('runReason: the most frequent reason, ties to the earlier in order', () => {
    const reason = fc.option(fc.constantFrom(...ORDER), { nil: undefined });
    fc.assert(
      fc.property(fc.array(reason, { minLength: 1, maxLength: 12 }), fc.array(reason, { maxLength: 3 }), (run, before) => {
        // Coded as classify codes them, after units outside the run.
        const codes = Uint8Array.from([...before, ...run], (r) => (r ? REASONS.indexOf(r) + 1 : 0));
        expect(runReason(codes, before.length, codes.length)).toBe(plainRunReason(run));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('nonBlankLines: lines of the range with a visible character', () => {
    const piece = fc.constantFrom('a', ' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', 'word ', '\n\n', '\u2028');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        expect(nonBlankLines(text, start, end)).toBe(plainNonBlankLines(text, start, end));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('one wording test for short units', () => {
  const PHRASES = ['We use cookies', 'By continuing to browse, you agree', 'by clicking you accept', 'BY USING this site you consent', 'cookie', 'Cookies', 'Share on', 'Facebook | Twitter', 'Home › News › Local', '(c) 2020', '©', 'terms', 'Log in', 'more stories', 'bypass', 'by', 'continuing', 'you agree', 'abc', ' ', '.', '_by clicking', 'xby using'];
  const wording = fc.array(fc.constantFrom(...PHRASES), { maxLength: 6 }).map((p) => p.join(' '));

  it('rules out only text where neither furniture nor consent wording is found', () => {
    fc.assert(
      fc.property(wording, (t) => {
        if (!mayHaveWording(t)) {
          expect(furnitureKind(t)).toBeUndefined();
          expect(isConsentBanner(t)).toBe(false);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('keeps a consent banner that names no furniture word', () => {
    const banner = 'By clicking anywhere on this page you agree';
    expect(furnitureKind(banner)).toBeUndefined();
    expect(isConsentBanner(banner)).toBe(true);
    expect(mayHaveWording(banner)).toBe(true);
    expect(mayHaveWording('A plain line about rivers')).toBe(false);
  });
});
