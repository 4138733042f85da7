import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentKeys, isRecurringKey, KeyCounts, MAX_KEY_SLOTS, recurrencePass } from '../../src/rules/boilerplate/corpus.js';
import { forEachUnitKey } from '../../src/rules/boilerplate/units.js';
import { Document } from '../../src/document/document.js';

/** A deterministic stream of 32-bit keys, some recurring often. */
function* keyStream(n: number, seed: number): Generator<number> {
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    // One key in eight comes from a small pool of furniture lines.
    yield (x & 7) === 0 ? (x >>> 3) % 97 : x;
  }
}

function asMap(counts: KeyCounts): Map<number, number> {
  const map = new Map<number, number>();
  counts.forEach((key, count) => map.set(key, count));
  return map;
}

describe('KeyCounts', () => {
  it('counts exactly as a Map does below the cap, through every growth', () => {
    const table = new KeyCounts(16);
    const map = new Map<number, number>();
    for (const key of keyStream(100_000, 7)) {
      table.add(key);
      map.set(key >>> 0, (map.get(key >>> 0) ?? 0) + 1);
    }
    expect(table.purges).toBe(0);
    expect(table.size).toBe(map.size);
    expect(asMap(table)).toEqual(map);
  });

  it('stays within its slots at the cap, keeps every frequent key and never over-counts', () => {
    const slots = 1 << 12;
    const table = new KeyCounts(16, slots);
    const map = new Map<number, number>();
    let largest = 0;
    for (const key of keyStream(200_000, 11)) {
      table.add(key);
      map.set(key >>> 0, (map.get(key >>> 0) ?? 0) + 1);
      largest = Math.max(largest, table.size);
    }
    expect(largest).toBeLessThanOrEqual((slots * 3) / 4);
    expect(table.purges).toBeGreaterThan(0);
    const kept = asMap(table);
    for (const [key, count] of kept) expect(count).toBeLessThanOrEqual(map.get(key)!);
    // The furniture pool recurs hundreds of times: at most its first sightings are forgotten.
    for (let key = 0; key < 97; key++) expect(kept.get(key) ?? 0).toBeGreaterThan(map.get(key)! / 2);
  });

  it('frees room even when every key recurs', () => {
    const table = new KeyCounts(16, 1 << 8);
    for (let round = 0; round < 3; round++) for (let key = 0; key < 1000; key++) table.add(key * 2654435761);
    expect(table.size).toBeLessThanOrEqual(192);
    expect(MAX_KEY_SLOTS).toBe(1 << 22);
  });
});

describe('recurring keys', () => {
  it('finds exactly the keys seen in at least minDocumentFrequency documents, signed or unsigned', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 40 }).map((k) => (k * 0x9e3779b1) >>> 0), { maxLength: 12 }), { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (documents, minDocumentFrequency) => {
        const counts = new KeyCounts(16);
        const perKey = new Map<number, number>();
        for (const keys of documents) {
          for (const key of new Set(keys)) {
            counts.add(key);
            perKey.set(key, (perKey.get(key) ?? 0) + 1);
          }
        }
        const options = { maxLinkDensity: 0.5, minContentWords: 8, maxShare: 0.5, minDocumentFrequency };
        const { recurring } = recurrencePass.finish!({ counts, recurring: undefined }, documents.length, options);
        for (let k = 0; k <= 40; k++) {
          const key = (k * 0x9e3779b1) >>> 0;
          const expected = (perKey.get(key) ?? 0) >= minDocumentFrequency;
          expect(isRecurringKey(recurring!, key)).toBe(expected);
          expect(isRecurringKey(recurring!, key | 0)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('per-document distinct keys', () => {
  it('DocumentKeys gives what a Set gives, in the same order, through growth and many documents', () => {
    // A document that grows the table after another left its keys in it: those are not this document's.
    const fresh = new DocumentKeys();
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    fresh.next();
    expect(range(1, 100).every((key) => fresh.add(key))).toBe(true);
    fresh.next();
    expect([...range(1000, 200), ...range(1, 100)].every((key) => fresh.add(key))).toBe(true);
    const seen = new DocumentKeys();
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 60 }).map((k) => (k * 0x9e3779b1) | 0), fc.integer()), { maxLength: 900 }), { maxLength: 6 }), (documents) => {
        for (const keys of documents) {
          seen.next();
          expect(keys.filter((key) => seen.add(key))).toEqual([...new Set(keys.map((key) => key >>> 0))].map((key) => keys.find((k) => k >>> 0 === key)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the corpus pass adds each document\'s distinct keys in the order first seen', () => {
    // At the table's cap, which keys are dropped depends on that order.
    const lines = ['Home', 'News', 'Share on Facebook', 'Read more about it here', 'Subscribe to our newsletter', 'Copyright 2024 Example', 'The river flows east.'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...lines), { maxLength: 20 }), { maxLength: 8 }), (documents) => {
        const added: number[] = [];
        const expected: number[] = [];
        const state = { counts: { add: (key: number) => added.push(key) }, recurring: undefined };
        const options = { maxLinkDensity: 0.3, minContentWords: 12, maxShare: 0.8, minDocumentFrequency: 2 };
        for (const doc of documents) {
          const text = doc.join('\n');
          recurrencePass.collect(state as never, new Document({ text, format: 'text', path: 'x' }), options);
          const keys: number[] = [];
          forEachUnitKey(new Document({ text, format: 'text', path: 'x' }), (key) => key !== undefined && keys.push(key));
          expected.push(...new Set(keys));
        }
        expect(added).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
