// The content tokenizer reads terms into ids of a hash table keyed by code units (terms.ts), not into
// strings. Oracles here: the term strings the tokenizer's definition gives (a regex split, toLowerCase,
// the stopword Set), and string equality for the table's ids.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContentTokens, contentWeights, unitTokens, type UnitTokens } from '../src/salience/content.js';
import { hashOf, TermTable } from '../src/salience/terms.js';

const require = createRequire(import.meta.url);
const STOPWORDS = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

/** The definition: words are runs of \p{L}\p{N} code points; numbers stay as written, other words of 2+ code units are lowered, stopwords dropped. */
function referenceTokens(text: string): UnitTokens {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  let numbers = 0;
  let alphabetic = 0;
  let capitalised = 0;
  let names = 0;
  let firstIsName = false;
  for (const word of words) {
    if (/\p{N}/u.test(word)) {
      numbers++;
      terms.push(word);
      continue;
    }
    if (word.length < 2) continue;
    alphabetic++;
    const lower = word.toLowerCase();
    const stopword = STOPWORDS.has(lower);
    if (/^\p{Lu}/u.test(word)) {
      capitalised++;
      if (!stopword) {
        names++;
        if (alphabetic === 1) firstIsName = true;
      }
    }
    if (!stopword) terms.push(lower);
  }
  const entities = alphabetic > 0 && capitalised / alphabetic < 0.6 ? names - (firstIsName ? 1 : 0) : 0;
  return { terms, numbers, entities };
}

// ASCII and non-ASCII case pairs (the Kelvin sign lowers to ASCII 'k', 'İ' lowers to two code
// units), stopwords in every case, numbers with capitals, astral letters, lone surrogates and a
// word longer than the tokenizer's first buffer.
const pieces = fc.constantFrom(
  'the', 'The', 'THE', 'tHe', 'harbour', 'Harbour', 'HARBOUR', 'hArBoUr', 'V2', 'v2', '1A', '1a', 'x²', '٣', 'a', 'I', 'İstanbul', 'istanbul',
  '\u212Aey', 'key', 'KEY', '\u212A', 'straße', 'STRASSE', 'ǅemal', 'Ελλάδα', 'ελλάδα', '東京', '𝐀𝐁𝐂', '𝑥', '\ud800', '\udc00', 'é', 'É',
  'ΟΔΟΣ', 'ΟΔΟΣa', 'σς', 'Σ', '𐐀𐐨', 'ǈ', '😀',
  'z'.repeat(70), 'Z'.repeat(70) + '9', ' ', '  ', ', ', '. ', '-', '\n', '_', '*',
);
const unitText = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));

describe('content tokens', () => {
  it('are the terms, numbers and names of the definition', () => {
    fc.assert(
      fc.property(unitText, (text) => {
        expect(unitTokens(text)).toEqual(referenceTokens(text));
      }),
      { numRuns: 600 },
    );
  });

  it('are the definition on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(unitTokens(text)).toEqual(referenceTokens(text));
      }),
      { numRuns: 400 },
    );
  });

  it('give one id per distinct term string across the units of a document, in any reading order', () => {
    fc.assert(
      fc.property(fc.array(unitText, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 1000 }), (texts, shift) => {
        const tokens = new ContentTokens(texts.length);
        // The fast path reads some units first: ids must not depend on the order.
        for (let k = 0; k < texts.length; k++) {
          const i = (k + shift) % texts.length;
          tokens.read(i, texts[i]);
        }
        texts.forEach((text, i) => expect(tokens.tokensOf(i)).toEqual(referenceTokens(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('weigh each distinct term string by its document frequency: equal keys read by different paths share an id', () => {
    fc.assert(
      fc.property(fc.array(unitText, { minLength: 1, maxLength: 10 }), (texts) => {
        const units = texts.map(referenceTokens);
        const df = new Map<string, number>();
        for (const unit of units) for (const term of new Set(unit.terms)) df.set(term, (df.get(term) ?? 0) + 1);
        const n = texts.length;
        const rarest = 1 + Math.log(n / 2);
        const expected = units.map((unit) => {
          const counts = new Map<string, number>();
          for (const term of unit.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
          let mass = 0;
          for (const [term, count] of counts) mass += count * (1 + Math.log(n / (1 + df.get(term)!)));
          return Math.max(0, mass / rarest) + 0.5 * unit.numbers + 0.5 * unit.entities;
        });
        expect(contentWeights(texts, { numberWeight: 0.5, entityWeight: 0.5 })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('lower every BMP character as toLowerCase does, beside capitals, other characters and itself', () => {
    // Words are lowered in place unless a character outside ASCII changes under toLowerCase: each
    // character is tried next to A-Z, a cased non-ASCII letter and a final-sigma position.
    const words: string[] = [];
    for (let code = 0x80; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCharCode(code);
      words.push(`Ab${c}C`, `${c}${c}`, `É${c}`, `${c}Σ`);
    }
    const text = words.join(' ');
    const got = unitTokens(text);
    const expected = referenceTokens(text);
    // The first differing term, not a diff of 200,000 terms.
    const differ = expected.terms.findIndex((term, k) => got.terms[k] !== term);
    expect(differ === -1 ? undefined : [got.terms[differ], expected.terms[differ]]).toBeUndefined();
    expect(got).toEqual(expected);
  });

  it('read a range in place as its slice', () => {
    fc.assert(
      fc.property(unitText, unitText, unitText, (before, unit, after) => {
        const tokens = new ContentTokens(1);
        tokens.read(0, before + unit + after, before.length, before.length + unit.length);
        expect(tokens.tokensOf(0)).toEqual(referenceTokens(unit));
      }),
      { numRuns: 300 },
    );
  });
});

describe('term table', () => {
  const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('Ab', 'aB', 'ab', 'AB', 'a', 'A', '', '\u212A', 'k', 'K'));

  it('gives equal ids exactly to equal keys (A-Z lowered when asked), and keeps the keys, read in place', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.boolean(), key, key), { maxLength: 300 }), (entries) => {
        const table = new TermTable();
        const ids = new Map<string, number>();
        for (const [text, lower, before, after] of entries) {
          const expected = lower ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
          const id = table.idOf(before + text + after, before.length, before.length + text.length, lower, hashOf(text));
          if (!ids.has(expected)) ids.set(expected, ids.size);
          expect(id).toBe(ids.get(expected));
          expect(table.keyOf(id)).toBe(expected);
        }
        expect(table.size).toBe(ids.size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('term tables and ids handed on from document to document', () => {
  const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('ab', 'AB', 'the', 'a', ''));

  it('a table cut back to its first keys gives the ids a table of only those keys gives', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.array(key, { maxLength: 200 }), fc.nat(), (first, then, cut) => {
        const reused = new TermTable();
        for (const k of first) reused.idOf(k, 0, k.length, false, hashOf(k));
        const keep = cut % (reused.size + 1);
        reused.truncate(keep);
        const fresh = new TermTable();
        for (let id = 0; id < keep; id++) {
          const k = reused.keyOf(id);
          fresh.idOf(k, 0, k.length, false, hashOf(k));
        }
        expect(reused.size).toBe(keep);
        for (const k of then) expect(reused.idOf(k, 0, k.length, true, hashOf(k))).toBe(fresh.idOf(k, 0, k.length, true, hashOf(k)));
        for (let id = 0; id < fresh.size; id++) expect(reused.keyOf(id)).toBe(fresh.keyOf(id));
      }),
      { numRuns: 300 },
    );
  });

  const weightsOf = (texts: string[], options: { numberWeight: number; entityWeight: number }) => {
    // The definition's figures (as in the document-frequency test above), from term strings.
    const units = texts.map(referenceTokens);
    const df = new Map<string, number>();
    for (const unit of units) for (const term of new Set(unit.terms)) df.set(term, (df.get(term) ?? 0) + 1);
    const rarest = 1 + Math.log(texts.length / 2);
    return units.map((unit) => {
      const counts = new Map<string, number>();
      for (const term of unit.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      let mass = 0;
      for (const [term, count] of counts) mass += count * (1 + Math.log(texts.length / (1 + df.get(term)!)));
      return Math.max(0, mass / rarest) + options.numberWeight * unit.numbers + options.entityWeight * unit.entities;
    });
  };

  it('weigh each document as fresh ones would, for every options object asked, also when weighed before every unit was read', () => {
    const documents = fc.array(fc.array(unitText, { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(documents, fc.nat(), (texts, early) => {
        const first = { numberWeight: 0.5, entityWeight: 0.5 };
        const second = { numberWeight: 1.25, entityWeight: 0 };
        for (const [d, units] of texts.entries()) {
          const tokens = new ContentTokens(units.length);
          // One document is weighed once before its last unit is read: it keeps its terms.
          const partial = d === early % texts.length && units.length > 1;
          units.forEach((text, i) => {
            if (partial && i === units.length - 1) tokens.weights(first);
            tokens.read(i, text);
          });
          expect(tokens.weights(first)).toEqual(weightsOf(units, first));
          expect(tokens.weights(second)).toEqual(weightsOf(units, second));
          expect(() => tokens.tokensOf(0)).toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });
});
