// The blanked text the inline patterns read in turn: ranges an earlier pattern matched become
// spaces (line breaks kept), so offsets stay put, and become the tokenizer's skips in the end.
import type { Range } from '../types.js';

const SPACES = ' '.repeat(256);

/** The range as spaces, its line breaks kept; a range without one is a cut of a shared run of spaces. */
function blanks(text: string, start: number, end: number): string {
  const length = end - start;
  const lineBreak = text.indexOf('\n', start);
  if (lineBreak === -1 || lineBreak >= end) return length <= SPACES.length ? SPACES.slice(0, length) : ' '.repeat(length);
  return text.slice(start, end).replace(/[^\n]/g, ' ');
}

/**
 * The text with the skips as spaces, line breaks kept: offsets stay those of the text. `count` is
 * how many numbers of `skips` to read.
 */
export function plainText(text: string, skips: readonly number[], count = skips.length): string {
  if (count === 0) return text;
  // Joined into one flat string, not a chain of cons strings a reader would have to flatten.
  const parts: string[] = [];
  let cursor = 0;
  for (let k = 0; k < count; k += 2) {
    parts.push(text.slice(cursor, skips[k]), blanks(text, skips[k], skips[k + 1]));
    cursor = skips[k + 1];
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * Ranges as flat pairs of offsets in an array kept from unit to unit: the first `count` numbers
 * are in use. (Setting an array's length to 0 would drop its storage, to be grown again.)
 */
class Pairs {
  readonly values: number[] = [];
  count = 0;
  add(start: number, end: number): void {
    this.values[this.count++] = start;
    this.values[this.count++] = end;
  }
  overlaps(start: number, end: number): boolean {
    for (let k = 0; k < this.count; k += 2) if (this.values[k] < end && this.values[k + 1] > start) return true;
    return false;
  }
}

/**
 * Blanks ranges of a text to spaces (line breaks kept), so offsets stay put for the next pattern.
 * The blanked text is built only when a further pattern is to read it; the last pattern's ranges
 * join the others in the skips. The one mask is reset for each unit, so a unit's scan allocates no
 * range objects.
 */
export class Mask {
  private readonly pending = new Pairs();
  private readonly committed = new Pairs();
  private original = '';
  current = '';
  reset(text: string): void {
    this.original = this.current = text;
    this.pending.count = 0;
    this.committed.count = 0;
  }
  blank(start: number, end: number): void {
    if (end > start) this.pending.add(start, end);
  }
  /** The text with every range so far blanked. */
  commit(): string {
    const pending = this.pending;
    if (pending.count === 0) return this.current;
    // Copied to the committed ranges before merging rewrites them.
    for (let k = 0; k < pending.count; k += 2) this.committed.add(pending.values[k], pending.values[k + 1]);
    this.current = plainText(this.current, pending.values, mergeInPlace(pending.values, pending.count));
    pending.count = 0;
    return this.current;
  }
  /**
   * Whether `needle` stands somewhere in the text with none of its characters blanked: a pattern
   * that needs it can match the blanked text only then, as blanks are spaces and line breaks and
   * no needle holds either. Gives up (true) past a small budget, so a unit of many occurrences and
   * many ranges costs no more than running the pattern.
   */
  survives(needle: string): boolean {
    const text = this.original;
    let budget = 256;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!this.committed.overlaps(at, end) && !this.pending.overlaps(at, end)) return true;
      budget -= (this.committed.count + this.pending.count) / 2 + 1;
      if (budget < 0) return true;
    }
    return false;
  }
  /** Every range blanked or to be blanked, as skips: merged in place, then copied out at their size. */
  skips(): number[] {
    const { pending, committed } = this;
    for (let k = 0; k < pending.count; k += 2) committed.add(pending.values[k], pending.values[k + 1]);
    pending.count = 0;
    return committed.values.slice(0, mergeInPlace(committed.values, committed.count));
  }
}

/** Sorts the first `count` numbers of `pairs` (flat pairs) by start, in place: by insertion when few (most units), else through tuples. */
function sortPairs(pairs: number[], count: number): void {
  let sorted = true;
  for (let k = 2; k < count && sorted; k += 2) sorted = pairs[k] >= pairs[k - 2];
  if (sorted) return;
  if (count > 64) {
    const tuples: Range[] = [];
    for (let k = 0; k < count; k += 2) tuples.push([pairs[k], pairs[k + 1]]);
    tuples.sort((x, y) => x[0] - y[0]);
    tuples.forEach(([start, end], k) => {
      pairs[2 * k] = start;
      pairs[2 * k + 1] = end;
    });
    return;
  }
  for (let k = 2; k < count; k += 2) {
    const start = pairs[k];
    const end = pairs[k + 1];
    let j = k;
    for (; j > 0 && pairs[j - 2] > start; j -= 2) {
      pairs[j] = pairs[j - 2];
      pairs[j + 1] = pairs[j - 1];
    }
    pairs[j] = start;
    pairs[j + 1] = end;
  }
}

/**
 * Turns the first `count` numbers of `ranges` (flat pairs) into their union as sorted, disjoint
 * pairs of offsets, in place at the front; touching ranges are joined. Returns how many numbers the
 * union takes.
 */
function mergeInPlace(ranges: number[], count: number): number {
  sortPairs(ranges, count);
  let used = 0;
  for (let k = 0; k < count; k += 2) {
    const start = ranges[k];
    const end = ranges[k + 1];
    if (used > 0 && start <= ranges[used - 1]) {
      if (end > ranges[used - 1]) ranges[used - 1] = end;
    } else {
      ranges[used++] = start;
      ranges[used++] = end;
    }
  }
  return used;
}
