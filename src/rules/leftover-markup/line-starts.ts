// A multiline pattern anchored at `^` keeps the engine from skipping ahead: it tries the anchor at
// every character of the text. When every match holds a marker (`]:`, `="`) with no `\n` between
// the match's start and it, a sticky copy of the pattern tried only at the line starts before each
// marker finds the same matches for a fraction of the work.

/** Where `^` holds in a multiline pattern: the start of the text or after a line terminator. */
export function startsLine(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return before === 10 || before === 13 || before === 0x2028 || before === 0x2029;
}

/**
 * The matches of a global multiline pattern anchored at `^`, in order, read with `sticky` (its
 * source with the `y` and `m` flags). `nextMarker(from)` is the first marker at or after `from`,
 * or -1; `mayStart` rules out a first code unit no match starts with. Each position is tried
 * once and in order, so the first that matches is the leftmost match, as the pattern's own scan
 * finds it, and the scan resumes after it.
 */
export function* lineStartMatches(text: string, sticky: RegExp, nextMarker: (from: number) => number, mayStart: (code: number) => boolean): Generator<RegExpExecArray> {
  let tried = 0;
  for (let marker = nextMarker(0); marker !== -1; marker = nextMarker(Math.max(marker + 1, tried))) {
    let at = Math.max(tried, text.lastIndexOf('\n', marker - 1) + 1);
    for (; at <= marker; at++) {
      if (!startsLine(text, at) || !mayStart(text.charCodeAt(at))) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m !== null) {
        yield m;
        at = m.index + m[0].length;
        break;
      }
    }
    tried = at;
  }
}
