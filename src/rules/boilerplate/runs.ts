// What a finding says about a run of furniture units: its reason and how many lines it spans. A
// corpus of short records makes one finding per few units, so these run once per finding, and
// their cost per call (a Map, a character loop over the whole run) showed in profiles.
import { isSpace } from './chars.js';
import { REASONS, reasonOf, type Reason } from './classify.js';

const counts = new Int32Array(REASONS.length + 1);

/**
 * The most frequent reason among the codes `reasons[start, end)` (classify's), ties to the more
 * specific (the earlier in REASONS); 'context' when no unit has one.
 */
export function runReason(reasons: Uint8Array, start: number, end: number): Reason {
  // One unit: its own reason, which a count of one makes the most frequent.
  if (end - start === 1) return reasonOf(reasons[start]) ?? 'context';
  counts.fill(0);
  for (let i = start; i < end; i++) counts[reasons[i]]++;
  let best: Reason = 'context';
  let bestCount = 0;
  // Code 0, no reason, is never counted.
  for (let code = 1; code < counts.length; code++) {
    if (counts[code] > bestCount) {
      best = reasonOf(code)!;
      bestCount = counts[code];
    }
  }
  return best;
}

/**
 * Lines of `text[start, end)` with something besides whitespace. Line breaks are found with
 * indexOf and each line is read only up to its first visible character, which is usually its first:
 * a run of furniture is read in steps of lines, not characters.
 */
export function nonBlankLines(text: string, start: number, end: number): number {
  let count = 0;
  for (let lineStart = start; lineStart < end; ) {
    let newline = text.indexOf('\n', lineStart);
    if (newline === -1 || newline > end) newline = end;
    for (let i = lineStart; i < newline; i++) {
      if (!isSpace(text.charCodeAt(i))) {
        count++;
        break;
      }
    }
    lineStart = newline + 1;
  }
  return count;
}
