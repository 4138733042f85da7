// The content weights use their own tokenizer and term counts; natural's RegexpTokenizer and TfIdf,
// as the rule used them before, are the oracle here, so the figures cannot drift from natural's.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import { contentWeights, type ContentOptions } from '../src/salience/content.js';

interface TfIdfModel {
  documents: Record<string, number>[];
  addDocument(document: string[]): void;
  tfidf(terms: string[], documentIndex: number): number;
}
const require = createRequire(import.meta.url);
const TfIdf = require('natural/lib/natural/tfidf/tfidf.js') as new () => TfIdfModel;
const STOPWORDS = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);
const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });

function naturalWeights(plainTexts: string[], options: ContentOptions): number[] {
  const units = plainTexts.map((plain) => {
    const words = tokenizer.tokenize(plain).filter((w) => w.length > 0);
    const terms: string[] = [];
    let numbers = 0;
    let capitalised = 0;
    let alphabetic = 0;
    for (const word of words) {
      if (/\p{N}/u.test(word)) {
        numbers++;
        terms.push(word);
        continue;
      }
      if (word.length < 2) continue;
      alphabetic++;
      if (/^\p{Lu}/u.test(word)) capitalised++;
      if (!STOPWORDS.has(word.toLowerCase())) terms.push(word.toLowerCase());
    }
    let entities = 0;
    if (alphabetic > 0 && capitalised / alphabetic < 0.6) {
      let first = true;
      for (const word of words) {
        if (word.length < 2 || /\p{N}/u.test(word)) continue;
        if (!first && /^\p{Lu}/u.test(word) && !STOPWORDS.has(word.toLowerCase())) entities++;
        first = false;
      }
    }
    return { terms, numbers, entities };
  });
  const model = new TfIdf();
  for (const unit of units) model.addDocument(unit.terms);
  const n = plainTexts.length;
  const rarest = 1 + Math.log(n / 2);
  return units.map((unit, i) => {
    const distinct = [...new Set(unit.terms)];
    const mass = distinct.length > 0 ? model.tfidf(distinct, i) : 0;
    return Math.max(0, mass / rarest) + options.numberWeight * unit.numbers + options.entityWeight * unit.entities;
  });
}

// Words, stopwords, capitals, digits, punctuation, non-Latin letters and digits, astral letters,
// lone surrogates and names that are properties of Object.prototype.
const pieces = fc.constantFrom(
  'the', 'The', 'harbour', 'Harbour', 'HARBOUR', 'in', 'In', '1887', 'x2', '²', '٣', 'a', 'I', 'Ünïcode', 'émile', 'Ελλάδα', 'москва', '東京',
  '𝐀𝐁𝐂', '𝑥', '\ud800', '\udc00', 'constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', ' ', '  ', ', ', '. ', '-', "'", '\n', '_', '*',
);
const unitText = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));
const options = fc.record({ numberWeight: fc.constantFrom(0, 0.5, 1.25), entityWeight: fc.constantFrom(0, 0.5, 2) });

describe('content weights', () => {
  it('equal natural tokenizer + TfIdf figures exactly, unit by unit', () => {
    fc.assert(
      fc.property(fc.array(unitText, { minLength: 1, maxLength: 12 }), options, (texts, opts) => {
        expect(contentWeights(texts, opts)).toEqual(naturalWeights(texts, opts));
      }),
      { numRuns: 400 },
    );
  });

  it('equal natural on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 8 }), (texts) => {
        const opts = { numberWeight: 0.5, entityWeight: 0.5 };
        expect(contentWeights(texts, opts)).toEqual(naturalWeights(texts, opts));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a repeated term once per unit for its document frequency', () => {
    const [repeated, once] = contentWeights(['harbour harbour harbour', 'harbour'], { numberWeight: 0, entityWeight: 0 });
    // idf of a term in both of two units: 1 + ln(2 / 3); the rarest possible: 1 + ln(2 / 2) = 1.
    expect(repeated).toBeCloseTo(3 * (1 + Math.log(2 / 3)), 12);
    expect(once).toBeCloseTo(1 + Math.log(2 / 3), 12);
  });
});
