// scanTags finds the `</script` or `</style` that closes a raw-text element with a case-insensitive
// pattern instead of lowering the whole text. The property compares it with the lowered copy's
// indexOf, the reading it replaced, on text with the characters whose case mapping is unusual.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rawTextCloser } from '../src/rules/leftover-markup/tags.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const piece = fc.constantFrom(
  '</script>', '</SCRIPT>', '</ScRiPt', '</style>', '</STYLE >', '</styl', '</scr', '<', '/', 's', 'S', 'c', 'r', 'i', 'I', 'p', 't', 'y', 'l', 'e', 'E', 'x', ' ', '\n',
  // Dotted capital I lowers to two code units; long s, dotless i and the Kelvin sign fold to ASCII in some readings.
  '\u0130', '</scr\u0130pt>', '\u017f', '</\u017fcript>', '\u0131', '</scr\u0131pt>', '\u212a', '\u03a3', '\ud801\udc00', 'é',
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('rawTextCloser', () => {
  it('finds what the lowered copy finds', () => {
    fc.assert(
      fc.property(text, fc.nat({ max: 200 }), fc.constantFrom('script', 'style'), (t, offset, name) => {
        const from = Math.min(offset, t.length);
        expect(rawTextCloser(t)(name, from)).toBe(t.toLowerCase().indexOf(`</${name}`, from));
      }),
      { numRuns: RUNS },
    );
  });
});
