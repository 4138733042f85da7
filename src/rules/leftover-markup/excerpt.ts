// The excerpt a leftover-markup finding quotes.
import { isSpace } from '../boilerplate/chars.js';

/**
 * The artifact with whitespace runs as one space, trimmed, cut at 60 characters. Only the start is
 * flattened: up to the 61st character of the flat text (each gap before a character adds its space),
 * which decides whether it is cut. A leaked script can be thousands of characters long.
 */
export function excerpt(text: string, start = 0, end = text.length): string {
  let cut = start;
  let flat = 0;
  let gap = false;
  let spaced = false;
  while (cut < end && flat <= 60) {
    if (isSpace(text.charCodeAt(cut))) {
      gap = flat > 0;
      spaced = true;
    } else {
      flat += gap ? 2 : 1;
      gap = false;
    }
    cut++;
  }
  // isSpace is `\s`: without one, flattening and trimming leave the slice as it is.
  const sliced = text.slice(start, cut);
  const shown = spaced ? sliced.replace(/\s+/g, ' ').trim() : sliced;
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
