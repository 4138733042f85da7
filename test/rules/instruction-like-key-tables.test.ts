// The integer-keyed tables of the novelty features against Map and Set: KeyIds must hand out the
// same dense ids in order of first sight as a Map would, through every growth of its table, and
// KeySet must answer as a Set of the same keys.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyIds, KeySet } from '../../src/rules/instruction-like/key-tables.js';

// Word keys are positive and below 27^6; a few keys repeat so that lookups of seen keys are tested.
const key = fc.integer({ min: 1, max: 27 ** 6 });
const keys = fc.array(fc.oneof(key, fc.integer({ min: 1, max: 40 })), { maxLength: 3000 });

describe('instruction-like key tables', () => {
  it('KeyIds gives each key the id a Map of first sights gives, across growth', () => {
    fc.assert(
      fc.property(keys, fc.constantFrom(2, 4, 256), (list, capacity) => {
        const ids = new KeyIds(capacity);
        const reference = new Map<number, number>();
        for (const k of list) {
          if (!reference.has(k)) reference.set(k, reference.size);
          expect(ids.idOf(k)).toBe(reference.get(k));
        }
        expect(ids.size).toBe(reference.size);
      }),
      { numRuns: 200 },
    );
  });

  it('KeyIds keeps ids apart for keys that share a slot', () => {
    // Keys spaced by the table size land in one probe run of a small table.
    const ids = new KeyIds(4);
    const list = Array.from({ length: 50 }, (_, i) => 1 + i * 1024);
    list.forEach((k, i) => expect(ids.idOf(k)).toBe(i));
    list.forEach((k, i) => expect(ids.idOf(k)).toBe(i));
  });

  it('KeySet answers as a Set', () => {
    fc.assert(
      fc.property(keys, keys, (members, probes) => {
        const set = new KeySet(members);
        const reference = new Set(members);
        for (const k of [...members, ...probes]) expect(set.has(k)).toBe(reference.has(k));
      }),
      { numRuns: 100 },
    );
  });
});
