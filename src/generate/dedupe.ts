// Question dedupe over a whole run. Questions are normalised (NFKC, lowercase, word tokens only);
// an exact duplicate has the same normalised text, a near duplicate a token-set Jaccard of at
// least 0.8 with an earlier question. Near duplicates are found with a prefix filter: under one
// global token order, two sets with Jaccard >= t share a token among the first
// |A| - ceil(t|A|) + 1 tokens of each, so only questions sharing a prefix token are compared.
import { hash32, normalizedTokens } from './tokens.js';

export const NEAR_DUPLICATE_JACCARD = 0.8;

export type DuplicateKind = 'exact' | 'near';

function jaccard(a: readonly string[], b: ReadonlySet<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.length + b.size - shared);
}

export class QuestionDeduper {
  private readonly exact = new Set<string>();
  private readonly sets: Set<string>[] = [];
  private readonly index = new Map<string, number[]>();

  constructor(private readonly threshold = NEAR_DUPLICATE_JACCARD) {}

  private static order(tokens: Iterable<string>): string[] {
    return [...new Set(tokens)].sort((x, y) => hash32(x) - hash32(y) || (x < y ? -1 : x > y ? 1 : 0));
  }

  private prefixLength(size: number): number {
    return size - Math.ceil(this.threshold * size) + 1;
  }

  /** Why the question duplicates an earlier one, if it does; does not record it. */
  check(question: string): DuplicateKind | undefined {
    const tokens = normalizedTokens(question);
    if (this.exact.has(tokens.join(' '))) return 'exact';
    const ordered = QuestionDeduper.order(tokens);
    const seen = new Set<number>();
    for (const token of ordered.slice(0, this.prefixLength(ordered.length))) {
      for (const id of this.index.get(token) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.sets[id];
        const small = Math.min(other.size, ordered.length);
        const large = Math.max(other.size, ordered.length);
        if (small < this.threshold * large) continue;
        if (jaccard(ordered, other) >= this.threshold) return 'near';
      }
    }
    return undefined;
  }

  add(question: string): void {
    const tokens = normalizedTokens(question);
    this.exact.add(tokens.join(' '));
    const ordered = QuestionDeduper.order(tokens);
    const id = this.sets.length;
    this.sets.push(new Set(ordered));
    for (const token of ordered.slice(0, this.prefixLength(ordered.length))) {
      const list = this.index.get(token);
      if (list) list.push(id);
      else this.index.set(token, [id]);
    }
  }
}
