// Tests of the cue patterns. Several carry the g flag so that they can be counted, and a test of such
// a pattern starts at its lastIndex: each test starts and ends at 0, so that no pattern carries a
// position from one clause into the next.

/** Whether `re` matches anywhere in `text`. */
export function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}
