// scanMarkdownLinks jumps between the characters it acts on with a regex and reads an anchor's
// blankness in place instead of slicing, trimming and replacing. The bracket scan as it was written
// before is kept here as the oracle; the property compares both on Markdown-ish text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Protected, type Artifact } from '../src/rules/leftover-markup/artifact.js';
import { parseDestination, scanMarkdownLinks, scanReferenceDefinitions } from '../src/rules/leftover-markup/markdown-links.js';
import { inlineCodeRanges } from '../src/rules/leftover-markup/regions.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const MAX_OPEN_BRACKETS = 64;
const MAX_ANCHOR = 8000;

interface OpenBracket {
  at: number;
  image: boolean;
}

function referenceIsBlankBetween(text: string, from: number, to: number, skip: readonly Artifact[]): boolean {
  let k = from;
  for (const artifact of skip) {
    if (artifact.start < from || artifact.end > to) continue;
    if (text.slice(k, artifact.start).trim().replace(/\\/g, '') !== '') return false;
    k = Math.max(k, artifact.end);
  }
  return text.slice(k, to).trim().replace(/\\/g, '') === '';
}

function referenceScanMarkdownLinks(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  const stack: OpenBracket[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++;
      continue;
    }
    if (c === 96) {
      const end = code.endAt(i);
      if (end !== -1) {
        i = end - 1;
        continue;
      }
    }
    if (c === 91) {
      const fenced = code.endAt(i);
      if (fenced !== -1) {
        i = fenced - 1;
        continue;
      }
      if (stack.length >= MAX_OPEN_BRACKETS) stack.shift();
      stack.push({ at: i, image: i > 0 && text.charCodeAt(i - 1) === 33 && text.charCodeAt(i - 2) !== 92 });
      continue;
    }
    if (c !== 93) continue;
    const open = stack.pop();
    if (!open || i - open.at > MAX_ANCHOR) continue;
    const next = text.charCodeAt(i + 1);
    let end = -1;
    if (next === 40) end = parseDestination(text, i + 1);
    else if (next === 91) {
      const close = text.indexOf(']', i + 2);
      const lineEnd = text.indexOf('\n', i + 2);
      if (close !== -1 && close - i < 200 && (lineEnd === -1 || close < lineEnd)) end = close + 1;
    }
    if (end === -1) continue;
    const start = open.image ? open.at - 1 : open.at;
    let firstInner = found.length;
    while (firstInner > 0 && found[firstInner - 1].start > start) firstInner--;
    const inner = found.slice(firstInner);
    if (open.image || referenceIsBlankBetween(text, open.at + 1, i, inner)) {
      // The whole construct goes, so the artifacts inside it are part of this one removal.
      found.length = firstInner;
      found.push({ kind: open.image ? 'image' : next === 91 ? 'reference' : 'empty-link', start, end, remove: [[start, end]] });
    } else {
      found.push({ kind: next === 91 ? 'reference' : 'link-target', start, end, remove: [[open.at, open.at + 1], [i, end]] });
    }
    i = end - 1;
  }
  return found;
}


const FRAGMENTS = [
  '[', ']', '(', ')', '![', '](', '][', '\\', '\\[', '\\]', '`', '``', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff',
  '`]`', '`[`', '[ ](', '[\\ ](', '[ \\\\ ](', ' \\\\ ', '](/x)', 'word', 'Read more', '(https://example.com/x)', '(/img.png "title")', '(<a b>)', '[ref]', '[1]', '#### Title', '!', '"', 'é', '\\ \\',
];
const wordy = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 60 }).map((p) => p.join(''));
// Few characters, so brackets, backticks and escapes meet in every arrangement.
const dense = fc.array(fc.constantFrom('[', ']', '`', '`]`', '](/x)', '(', ')', '\\', ' ', '\u3000', 'a', '!', '\n'), { maxLength: 40 }).map((p) => p.join(''));
const text = fc.oneof(wordy, dense);

describe('scanMarkdownLinks', () => {
  it('finds what the character-by-character scan finds', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, withCode) => {
        const code = new Protected(withCode ? inlineCodeRanges(t, []) : []);
        expect(scanMarkdownLinks(t, code)).toEqual(referenceScanMarkdownLinks(t, code));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps blank anchors apart from worded ones', () => {
    const none = new Protected([]);
    expect(scanMarkdownLinks('[ \\ ](/x) and [\u3000](/y)', none).map((a) => a.kind)).toEqual(['empty-link', 'empty-link']);
    expect(scanMarkdownLinks('[\\ \\ ](/x) [a](/y)', none).map((a) => a.kind)).toEqual(['link-target', 'link-target']);
    // A bracket inside inline code neither opens nor closes a link.
    const t = '[a`]`](/x)';
    expect(scanMarkdownLinks(t, new Protected(inlineCodeRanges(t, []))).map((a) => [a.start, a.end])).toEqual([[0, 10]]);
  });
});

const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]{1,200}\]:[ \t]{0,8}<?(?:[a-z][a-z0-9+.-]{1,20}:|\/|#|www\.)[^\n]{0,4096}$/gim;

/** scanReferenceDefinitions as it was: the multiline pattern over the whole text. */
function referenceDefinitionsByPattern(t: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  for (const m of t.matchAll(REFERENCE_DEFINITION)) {
    const start = m.index;
    if (code.overlaps(start, start + m[0].length)) continue;
    found.push({ kind: 'reference', start, end: start + m[0].length, remove: [[start, start + m[0].length]] });
  }
  return found;
}

// Line terminators `^` and `$` know besides `\n`, spaces before a bracket, definitions cut short.
const definitionPiece = fc.constantFrom(
  '[a]: https://x.org', '[ref]: /path', '[x]:#top', '[W]: WWW.x', ' [b]: <mailto:y>', '    [c]: /too-deep', '[d]:', '[e] : /x', ']:', '[', ']',
  '\n', '\r', '\r\n', '\u2028', '\u2029', ' ', '  ', '\t', 'text', '`', ':', '[]: /x', '[f]: not a url',
);
const definitions = fc.array(definitionPiece, { maxLength: 30 }).map((p) => p.join(''));

describe('scanReferenceDefinitions', () => {
  it('finds what the multiline pattern finds', () => {
    fc.assert(
      fc.property(definitions, fc.boolean(), (t, withCode) => {
        const code = new Protected(withCode ? inlineCodeRanges(t, []) : []);
        expect(scanReferenceDefinitions(t, code)).toEqual(referenceDefinitionsByPattern(t, code));
      }),
      { numRuns: RUNS },
    );
  });

  it('starts a definition after any line terminator', () => {
    const none = new Protected([]);
    expect(scanReferenceDefinitions('x\u2028[a]: /b\n[c]: /d', none).map((a) => a.start)).toEqual([2, 10]);
  });
});
