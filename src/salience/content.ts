// Content weight: how much answerable information a unit carries. TF-IDF mass over the document's
// units (natural's TfIdf, each unit a "document"), expressed in units of the rarest possible word so
// that the figure reads as "about this many informative words", plus bonuses for numbers and for
// capitalised, name-like words inside running text.
import { createRequire } from 'node:module';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/index.js';

interface TfIdfModel {
  documents: Record<string, number>[];
  addDocument(document: string[]): void;
  idf(term: string): number;
  tfidf(terms: string[], documentIndex: number): number;
}
type TfIdfConstructor = new () => TfIdfModel;

// The package root of natural prints to stdout when loaded, so only these subpaths are ever loaded.
const require = createRequire(import.meta.url);
const TfIdf = require('natural/lib/natural/tfidf/tfidf.js') as TfIdfConstructor;
const STOPWORDS: ReadonlySet<string> = new Set((require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

/**
 * natural's TfIdf, with document frequencies counted once instead of by scanning every unit for
 * every term (quadratic: seconds on a long page). The idf formula is natural's: 1 + ln(N / (1 + df)).
 */
class CountedTfIdf extends TfIdf {
  private readonly frequencies = new Map<string, number>();
  override addDocument(document: string[]): void {
    super.addDocument(document);
    for (const term of new Set(document)) this.frequencies.set(term, (this.frequencies.get(term) ?? 0) + 1);
  }
  override idf(term: string): number {
    return 1 + Math.log(this.documents.length / (1 + (this.frequencies.get(term) ?? 0)));
  }
}

const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
const HAS_DIGIT = /\p{N}/u;
const STARTS_UPPER = /^\p{Lu}/u;

export interface ContentOptions {
  numberWeight: number;
  entityWeight: number;
}

interface UnitTokens {
  terms: string[];
  numbers: number;
  entities: number;
}

function tokensOf(plain: string): UnitTokens {
  const words = tokenizer.tokenize(plain).filter((w) => w.length > 0);
  const terms: string[] = [];
  let numbers = 0;
  let capitalised = 0;
  let alphabetic = 0;
  for (const word of words) {
    if (HAS_DIGIT.test(word)) {
      numbers++;
      terms.push(word);
      continue;
    }
    if (word.length < 2) continue;
    alphabetic++;
    if (STARTS_UPPER.test(word)) capitalised++;
    const lower = word.toLowerCase();
    // Keys like "__proto__" would reach natural's plain-object term maps; the tokenizer never yields "_", so none can.
    if (!STOPWORDS.has(lower)) terms.push(lower);
  }
  // In Title Case lines (menus, headings) capitals say nothing about names.
  let entities = 0;
  if (alphabetic > 0 && capitalised / alphabetic < 0.6) {
    let first = true;
    for (const word of words) {
      if (word.length >= 2 && !HAS_DIGIT.test(word)) {
        if (!first && STARTS_UPPER.test(word) && !STOPWORDS.has(word.toLowerCase())) entities++;
        first = false;
      }
    }
  }
  return { terms, numbers, entities };
}

/** Content weight of each unit, given its plain text (markup already blanked out). */
export function contentWeights(plainTexts: readonly string[], options: ContentOptions): number[] {
  const n = plainTexts.length;
  if (n === 0) return [];
  const tokens = plainTexts.map(tokensOf);
  const model = new CountedTfIdf();
  for (const unit of tokens) model.addDocument(unit.terms);
  // natural's idf is 1 + ln(N / (1 + df)); a word found in one unit only scores the maximum.
  const rarest = 1 + Math.log(n / 2);
  return tokens.map((unit, i) => {
    const distinct = [...new Set(unit.terms)];
    const mass = distinct.length > 0 ? model.tfidf(distinct, i) : 0;
    return Math.max(0, mass / rarest) + options.numberWeight * unit.numbers + options.entityWeight * unit.entities;
  });
}
