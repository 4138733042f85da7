// What a finding says about a run of furniture units: its reason and how many lines it spans. A
// corpus of short records makes one finding per few units, so these run once per finding, and
// their cost per call (a Map, a character loop over the whole run) showed in profiles.
import { isSpace } from './chars.js';
import type { Judged, Reason } from './classify.js';

/** Wording beats recurrence beats shape: on a tie in count, the earlier reason wins. */
const REASON_ORDER: readonly Reason[] = ['cookie', 'share', 'skip', 'newsletter', 'comments', 'footer', 'recurring', 'link-farm', 'navigation', 'short-lines', 'residue', 'context'];
const RANK = new Map<Reason, number>(REASON_ORDER.map((reason, rank) => [reason, rank]));
const counts = new Int32Array(REASON_ORDER.length);

/** The most frequent reason in a run, ties to the more specific; 'context' when no unit has one. */
export function runReason(run: readonly Judged[]): Reason {
  // One unit: its own reason, which a count of one makes the most frequent.
  if (run.length === 1) return run[0].reason ?? 'context';
  counts.fill(0);
  for (const judged of run) if (judged.reason) counts[RANK.get(judged.reason)!]++;
  let best: Reason = 'context';
  let bestCount = 0;
  for (let rank = 0; rank < counts.length; rank++) {
    if (counts[rank] > bestCount) {
      best = REASON_ORDER[rank];
      bestCount = counts[rank];
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
