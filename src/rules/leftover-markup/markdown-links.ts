// Link and image syntax in Markdown. A link keeps its anchor text and loses its target; an image,
// an empty link and a reference definition go whole. A bracket scanner rather than a regex,
// because converters write links whose anchor spans several blocks (`[\n\n#### Title\n\n](/url)`).
import type { Artifact } from './artifact.js';
import type { Protected } from './artifact.js';
import { isSpace as isWhitespace } from '../boilerplate/chars.js';
import { lineStartMatches } from './line-starts.js';

const MAX_DESTINATION = 4096;
const MAX_TITLE = 1024;
const MAX_OPEN_BRACKETS = 64;
const MAX_ANCHOR = 8000;

const isSpace = (code: number) => code === 32 || code === 9;

/** Parses `(dest "title")` starting at the `(`; returns the index after `)` or -1. */
export function parseDestination(text: string, open: number): number {
  let j = open + 1;
  const skipSpace = () => {
    let newlines = 0;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (isSpace(c) || c === 13) j++;
      else if (c === 10 && newlines === 0) {
        newlines++;
        j++;
      } else break;
    }
  };
  skipSpace();
  if (text[j] === '<') {
    const close = text.indexOf('>', j);
    const lineEnd = text.indexOf('\n', j);
    if (close === -1 || (lineEnd !== -1 && lineEnd < close) || close - j > MAX_DESTINATION) return -1;
    j = close + 1;
  } else {
    let depth = 0;
    const start = j;
    while (j < text.length && j - start < MAX_DESTINATION) {
      const c = text.charCodeAt(j);
      if (c === 92) {
        j += 2;
        continue;
      }
      if (c <= 32) break;
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      j++;
    }
    if (j - start >= MAX_DESTINATION) return -1;
  }
  skipSpace();
  const quote = text[j];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closer = quote === '(' ? ')' : quote;
    let k = j + 1;
    while (k < text.length && k - j < MAX_TITLE && text[k] !== closer) k += text[k] === '\\' ? 2 : 1;
    if (text[k] !== closer) return -1;
    j = k + 1;
    skipSpace();
  }
  return text[j] === ')' ? j + 1 : -1;
}

interface OpenBracket {
  at: number;
  image: boolean;
}

/** `text.slice(from, to).trim().replace(/\\/g, '') === ''`, read in place: spaces, then backslashes, then spaces. */
function isBlankOrBackslashes(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && isWhitespace(text.charCodeAt(k))) k++;
  while (k < to && text.charCodeAt(k) === 92) k++;
  while (k < to && isWhitespace(text.charCodeAt(k))) k++;
  return k === to;
}

/** Whether the anchor `text[from, to)` holds nothing but the artifacts in `skip` (found from `first` on), spaces and backslashes. */
function isBlankBetween(text: string, from: number, to: number, skip: readonly Artifact[], first: number): boolean {
  let k = from;
  for (let n = first; n < skip.length; n++) {
    const artifact = skip[n];
    if (artifact.start < from || artifact.end > to) continue;
    if (!isBlankOrBackslashes(text, k, Math.max(k, artifact.start))) return false;
    k = Math.max(k, artifact.end);
  }
  return isBlankOrBackslashes(text, k, Math.max(k, to));
}

/** The characters the link scan acts on: `\\`, a backtick, `[` and `]`; the engine skips the rest faster than a loop. */
const LINK_SYNTAX = /[\\`[\]]/g;

export function scanMarkdownLinks(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  const stack: OpenBracket[] = [];
  for (let i = -1; ; ) {
    LINK_SYNTAX.lastIndex = i + 1;
    if (!LINK_SYNTAX.test(text)) break;
    i = LINK_SYNTAX.lastIndex - 1;
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
    if (open.image || isBlankBetween(text, open.at + 1, i, found, firstInner)) {
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

const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]{1,200}\]:[ \t]{0,8}<?(?:[a-z][a-z0-9+.-]{1,20}:|\/|#|www\.)[^\n]{0,4096}$/gim;
const REFERENCE_DEFINITION_AT = new RegExp(REFERENCE_DEFINITION.source, 'yim');
const mayStartDefinition = (code: number) => code === 32 || code === 91;

/** The matches of REFERENCE_DEFINITION: each holds a `]:`, after its start on the same line. */
function referenceDefinitions(text: string): Iterable<RegExpExecArray> {
  return lineStartMatches(text, REFERENCE_DEFINITION_AT, (from) => text.indexOf(']:', from), mayStartDefinition);
}

export function scanReferenceDefinitions(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  for (const m of referenceDefinitions(text)) {
    const start = m.index;
    if (code.overlaps(start, start + m[0].length)) continue;
    found.push({ kind: 'reference', start, end: start + m[0].length, remove: [[start, start + m[0].length]] });
  }
  return found;
}
