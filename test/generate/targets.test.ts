import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseTargets, coverage, gini, salienceSample, targetCount } from '../../src/generate/targets.js';

describe('target selection', () => {
  it('covers exactly min(1, k/n) of the sentences, deterministically, spread over every stratum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 1e6 }), fc.string(), (n, k, seed, key) => {
        const chosen = chooseTargets(n, k, seed, key);
        const counts = new Array<number>(n).fill(0);
        for (const i of chosen) counts[i]++;
        expect(new Set(chosen).size).toBe(chosen.length);
        expect(chosen.every((i) => Number.isInteger(i) && i >= 0 && i < n)).toBe(true);
        expect([...chosen].sort((a, b) => a - b)).toEqual(chosen);
        if (n > 0) expect(coverage(counts)).toBe(Math.min(1, k / n) === 1 ? 1 : Math.min(k, n) / n);
        expect(chooseTargets(n, k, seed, key)).toEqual(chosen);
        const m = Math.min(n, k);
        chosen.forEach((index, stratum) => {
          expect(index).toBeGreaterThanOrEqual(Math.floor((stratum * n) / m));
          expect(index).toBeLessThan(Math.floor(((stratum + 1) * n) / m));
        });
      }),
    );
  });

  it('draws differently for another seed', () => {
    const draws = new Set([1, 2, 3, 4, 5].map((seed) => chooseTargets(1000, 10, seed, 'doc').join(',')));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('turns --questions and --ratio into a count', () => {
    expect(targetCount(40, { kind: 'all' })).toBe(40);
    expect(targetCount(40, { kind: 'questions', perDocument: 5 })).toBe(5);
    expect(targetCount(3, { kind: 'questions', perDocument: 5 })).toBe(3);
    expect(targetCount(40, { kind: 'ratio', ratio: 0.25 })).toBe(10);
    expect(targetCount(3, { kind: 'ratio', ratio: 0.01 })).toBe(1);
    expect(targetCount(3, { kind: 'ratio', ratio: 0 })).toBe(0);
    expect(targetCount(0, { kind: 'all' })).toBe(0);
  });

  it('computes the Gini coefficient of questions over sentences', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75);
    expect(gini([])).toBe(0);
  });

  it('the salience sampler concentrates on heavy sentences and covers less than k/n', () => {
    const weights = [100, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const counts = salienceSample(weights, 10, 3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(counts[0]).toBeGreaterThan(5);
    expect(coverage(counts)).toBeLessThan(1);
  });
});
