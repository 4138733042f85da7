// Operations on [start, end) ranges that more than one stage needs (the fixer merges removals, a
// rule merges the regions it keeps out of).
import type { Range } from '../types.js';

/** Merges overlapping or touching ranges into a sorted disjoint list. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).map(([s, e]) => [s, e] as Range).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
