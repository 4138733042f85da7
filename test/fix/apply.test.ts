import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { removeRanges, mergeRanges, selectFixes } from '../../src/fix/apply.js';
import { fixWith, lintWith } from '../support/rule-tester.js';
import { bannedWord } from '../support/test-rules.js';
import type { Finding } from '../../src/types.js';

describe('removeRanges', () => {
  const cases: [string, [number, number][], string][] = [
    ['keeps text without ranges', [], 'a b'],
    ['collapses the doubled space', [[4, 10]], 'one three'],
    ['drops the space before punctuation', [[4, 9]], 'one.'],
    ['drops a line the removal emptied', [[4, 9]], 'foo\nbar'],
    ['drops a dangling list marker', [[6, 10]], '- a\n- b'],
    ['keeps a single blank line between paragraphs', [[5, 10]], 'para\n\nnext'],
    ['trims leading whitespace at document start', [[0, 4]], 'rest'],
  ];
  const inputs = ['a b', 'one <xxx> three', 'one <xxx>.', 'foo\n<div>\nbar', '- a\n- <xx>\n- b', 'para\n\njunk\n\nnext', 'ZZZ rest'];
  cases.forEach(([name, ranges, want], i) => {
    it(name, () => expect(removeRanges(inputs[i], ranges)).toBe(want));
  });

  it('merges overlapping and touching ranges', () => {
    expect(mergeRanges([[5, 8], [0, 2], [2, 3], [7, 9]])).toEqual([[0, 3], [5, 9]]);
  });

  it('never removes characters outside the ranges other than whitespace and list markers', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.tuple(fc.nat(80), fc.nat(10)), { maxLength: 5 }), (text, raw) => {
        const ranges = raw.map(([s, len]) => [Math.min(s, text.length), Math.min(s + len, text.length)] as [number, number]);
        const out = removeRanges(text, ranges);
        // The output is a subsequence of the text with the ranges removed.
        const kept = mergeRanges(ranges).reduceRight((t, [s, e]) => t.slice(0, s) + t.slice(e), text);
        let j = 0;
        for (const ch of out) {
          while (j < kept.length && kept[j] !== ch) {
            expect(/[\s\-*+>#.)\d]/.test(kept[j]), `removed ${JSON.stringify(kept[j])} from ${JSON.stringify(text)}`).toBe(true);
            j++;
          }
          j++;
        }
      }),
    );
  });
});

describe('selectFixes', () => {
  const finding = (ruleId: string, remove: [number, number][]): Finding => ({ ruleId, messageId: 'm', severity: 'error', message: '', start: remove[0][0], end: remove[0][1], line: 1, column: 1, endLine: 1, endColumn: 1, fix: { safety: 'safe', remove } });
  it('defers a fix that overlaps an earlier one and applies it whole or not at all', () => {
    const { chosen, deferred } = selectFixes([finding('a', [[0, 5]]), finding('b', [[3, 8], [20, 22]]), finding('c', [[10, 12]])], { unsafe: false });
    expect(chosen.map((f) => f.ruleId)).toEqual(['a', 'c']);
    expect(deferred.map((f) => f.ruleId)).toEqual(['b']);
  });
  it('skips unsafe fixes unless asked', () => {
    const unsafe = { ...finding('u', [[0, 1]]), fix: { safety: 'unsafe' as const, remove: [[0, 1]] as [number, number][] } };
    expect(selectFixes([unsafe], { unsafe: false }).chosen).toEqual([]);
    expect(selectFixes([unsafe], { unsafe: true }).chosen).toHaveLength(1);
  });
});

describe('fix loop', () => {
  const documents = fc.array(fc.constantFrom('BANNED', 'word', ' ', '  ', '\n', '\n\n', '- ', '1. ', '.', ',', 'é', '😀', '\r\n', '\t', '# '), { maxLength: 40 }).map((parts) => parts.join(''));

  it('is idempotent: fixing the fixed text changes nothing (property)', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const once = fixWith(bannedWord, text);
        expect(fixWith(bannedWord, once)).toBe(once);
        expect(lintWith(bannedWord, once)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('removes the flagged span and tidies around it', () => {
    expect(fixWith(bannedWord, 'Keep this BANNED text.\n\n- BANNED\n- item')).toBe('Keep this text.\n\n- item');
  });
});
