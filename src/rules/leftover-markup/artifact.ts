// The unit the leftover-markup scanners produce: one piece of residue, the span it covers, and
// what the fix removes (a link keeps its anchor text, so its removal is two ranges around it).
import type { Range } from '../../types.js';

export type ArtifactKind =
  | 'tag'
  | 'comment'
  | 'entity'
  | 'script'
  | 'image'
  | 'empty-link'
  | 'link-target'
  | 'reference'
  | 'tracking'
  | 'escape'
  | 'template'
  | 'wiki'
  | 'blob'
  | 'hidden';

export interface Artifact {
  kind: ArtifactKind;
  start: number;
  end: number;
  remove: Range[];
}

export function whole(kind: ArtifactKind, start: number, end: number): Artifact {
  return { kind, start, end, remove: [[start, end]] };
}

/** Sorted, disjoint ranges that scanners must not look into (real code in Markdown). */
export class Protected {
  private readonly ranges: Range[];
  constructor(ranges: Range[]) {
    this.ranges = [...ranges].sort((a, b) => a[0] - b[0]);
  }
  get all(): readonly Range[] {
    return this.ranges;
  }
  /** The end of the protected range containing `offset`, or -1. */
  endAt(offset: number): number {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [s, e] = this.ranges[mid];
      if (offset < s) high = mid - 1;
      else if (offset >= e) low = mid + 1;
      else return e;
    }
    return -1;
  }
  overlaps(start: number, end: number): boolean {
    const k = firstEndingAfter(this.ranges, start);
    return k < this.ranges.length && this.ranges[k][0] < end;
  }
}

/** Index of the first of sorted, disjoint ranges that ends after `offset`. */
export function firstEndingAfter(ranges: readonly Range[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid][1] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
