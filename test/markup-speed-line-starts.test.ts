// Attribute tails are read with a sticky pattern at the line starts before each `="` or `='`
// instead of a multiline `^` tried at every character. The property compares them with the
// multiline pattern's own matches on text with every line terminator `^` knows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attributeTails } from '../src/rules/leftover-markup/tags.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

const ATTRIBUTE_TAIL = /^[ \t]*(?:[A-Za-z_:][A-Za-z0-9_:.-]{0,40}=(?:"[^"\n]{0,2000}"|'[^'\n]{0,2000}')[ \t]*){1,20}\/?>/gm;

const piece = fc.constantFrom(
  'class="x"', "id='y'", ' data-a="1" ', 'b="', '="', "='", '>', '/>', ' ', '\t', 'x', ':a="b"', '_c="d"', '-e="f"',
  '\n', '\r', '\r\n', '\u2028', '\u2029', '"', "'", 'word ', '<div ',
);
const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, m[0]]);

describe('attributeTails', () => {
  it('finds what the multiline pattern finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(spans(attributeTails(t))).toEqual(spans(t.matchAll(ATTRIBUTE_TAIL)));
      }),
      { numRuns: RUNS },
    );
  });

  it('finds a tail whose values are all single-quoted', () => {
    expect(spans(attributeTails("word\nid='y' class='z'/>\n"))).toEqual([[5, "id='y' class='z'/>"]]);
  });

  it('starts a tail after any line terminator, and never mid-line', () => {
    expect(spans(attributeTails('x\u2028a="b">\r c=\'d\'/> e="f">'))).toEqual([[2, 'a="b">'], [9, " c='d'/>"]]);
  });
});
