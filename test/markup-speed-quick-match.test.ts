// quickLineVerdict tests TAG_OR_LINK at a trigger instead of executing it, and reads a link's
// anchor from the text. The property compares both with the executed match: its start, its end,
// and group 1, the anchor, at every `<` and `[` of random lines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLink, linkAnchorStart, matchAt, TAG_OR_LINK_AT } from '../src/rules/leftover-markup/quick-verdict.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const TAG_OR_LINK_EXEC = new RegExp(TAG_OR_LINK_AT.source, 'y');

/** The executed match at `i`, trying the `!` before a `[` first, as the stripper's scan meets it. */
function executed(text: string, i: number, lineStart: number): { start: number; end: number; anchor?: [number, number] } | undefined {
  const at = (from: number) => {
    TAG_OR_LINK_EXEC.lastIndex = from;
    return TAG_OR_LINK_EXEC.exec(text);
  };
  const m = (text[i] === '[' && i > lineStart && text[i - 1] === '!' ? at(i - 1) : null) ?? (text[i] === '<' && !/[/A-Za-z]/.test(text[i + 1] ?? '') ? null : at(i));
  if (!m) return undefined;
  const anchorEnd = m.index + m[0].indexOf(']');
  return { start: m.index, end: m.index + m[0].length, anchor: m[1] === undefined ? undefined : [anchorEnd - m[1].length, anchorEnd] };
}

function tested(text: string, i: number, lineStart: number): { start: number; end: number; anchor?: [number, number] } | undefined {
  const start = matchAt(text, i, lineStart);
  if (start === -1) return undefined;
  const end = TAG_OR_LINK_AT.lastIndex;
  if (!isLink(text, end)) return { start, end, anchor: undefined };
  const anchorStart = linkAnchorStart(text, start);
  return { start, end, anchor: [anchorStart, text.indexOf(']', anchorStart)] };
}

const piece = fc.constantFrom('[', ']', '(', ')', '!', '![', '<', '>', '</', '<b>', '<a href="x">', '[txt](/u)', '![alt](i.png)', '[](x)', '[https://x]', '[/p]', '[#h]', 'a', ' ', '\n', ')]', '](');
const line = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));

describe('TAG_OR_LINK tested at a trigger', () => {
  it('gives the executed match its start, end and anchor', () => {
    fc.assert(
      fc.property(line, fc.nat({ max: 3 }), (t, lineStart) => {
        for (let i = lineStart; i < t.length; i++) {
          if (t[i] === '<' || t[i] === '[') expect(tested(t, i, lineStart)).toEqual(executed(t, i, lineStart));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
