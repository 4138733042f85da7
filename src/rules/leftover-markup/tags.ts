// HTML tags and comments that survived into text or Markdown. A tag scanner rather than one
// regex: leaked tags span lines, and the scan must stop at the first `<` or after a bounded length
// so that prose with a stray `<` costs nothing.
import { whole, type Artifact, type Protected } from './artifact.js';
import { lineStartMatches } from './line-starts.js';

const ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col colgroup data ' +
    'datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup ' +
    'hr html i iframe img input ins kbd label legend li link main map mark meta meter nav noscript object ol optgroup option output p ' +
    'param picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup svg ' +
    'table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr path g use symbol defs'
  ).split(' '),
);
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr', 'input', 'meta', 'link', 'source', 'embed', 'param', 'col', 'area', 'base', 'track']);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);
/** `</script` and `</style` in any case: a case-insensitive pattern without its `u` flag matches ASCII letters only by their case. */
const RAW_TEXT_CLOSERS = new Map([...RAW_TEXT_ELEMENTS].map((name) => [name, new RegExp(`</${name}`, 'gi')]));
const MAX_TAG = 2000;
const MAX_RAW_TEXT = 500_000;
const MAX_COMMENT = 50_000;

interface ParsedTag {
  name: string;
  closing: boolean;
  attributes: boolean;
  end: number;
}

function parseTag(text: string, at: number): ParsedTag | undefined {
  let j = at + 1;
  const closing = text[j] === '/';
  if (closing) j++;
  const nameStart = j;
  while (j < text.length && j - nameStart < 12 && /[A-Za-z0-9]/.test(text[j])) j++;
  const name = text.slice(nameStart, j).toLowerCase();
  if (!ELEMENTS.has(name)) return undefined;
  const after = text[j];
  if (after !== '>' && after !== '/' && after !== ' ' && after !== '\t' && after !== '\n' && after !== '\r') return undefined;
  let attributes = false;
  let quote = '';
  for (; j < text.length && j - at < MAX_TAG; j++) {
    const ch = text[j];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (!attributes) return undefined;
      quote = ch;
    } else if (ch === '>') return { name, closing, attributes, end: j + 1 };
    else if (ch === '<') return undefined;
    else if (/[A-Za-z]/.test(ch)) attributes = true;
  }
  return undefined;
}

/** Dangling attribute tails left when a converter cut a multi-line tag: `class="x" id="y">`. */
const ATTRIBUTE_TAIL = /^[ \t]*(?:[A-Za-z_:][A-Za-z0-9_:.-]{0,40}=(?:"[^"\n]{0,2000}"|'[^'\n]{0,2000}')[ \t]*){1,20}\/?>/gm;
const ATTRIBUTE_TAIL_AT = new RegExp(ATTRIBUTE_TAIL.source, 'ym');
const mayStartTail = (code: number) => code === 32 || code === 9 || code === 95 || code === 58 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** The matches of ATTRIBUTE_TAIL, in order. */
export function attributeTails(text: string): Iterable<RegExpExecArray> {
  // `="` or `='`, which every attribute tail holds after its start on the same line.
  const nextValue = (from: number) => {
    for (let at = text.indexOf('=', from); at !== -1; at = text.indexOf('=', at + 1)) {
      const quote = text.charCodeAt(at + 1);
      if (quote === 34 || quote === 39) return at;
    }
    return -1;
  };
  return lineStartMatches(text, ATTRIBUTE_TAIL_AT, nextValue, mayStartTail);
}

/**
 * Where `</name` first starts at or after `from`, as `text.toLowerCase().indexOf` finds it, without
 * lowering the whole text. Lowering lengthens one character alone, U+0130 (İ to i̇), and so moves
 * the lowered copy's offsets: a text that holds it reads the copy, so what it finds stays the same.
 */
export function rawTextCloser(text: string): (name: string, from: number) => number {
  if (text.includes('\u0130')) {
    const lower = text.toLowerCase();
    return (name, from) => lower.indexOf(`</${name}`, from);
  }
  return (name, from) => {
    const closer = RAW_TEXT_CLOSERS.get(name)!;
    closer.lastIndex = from;
    return closer.exec(text)?.index ?? -1;
  };
}

export function scanTags(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  const bareOpenings: { name: string; artifact: Artifact }[] = [];
  const closedNames = new Set<string>();
  let closerAt: ((name: string, from: number) => number) | undefined;
  let commentClose = -2;
  let i = text.indexOf('<');
  while (i !== -1) {
    const protectedEnd = code.endAt(i);
    if (protectedEnd !== -1) {
      i = text.indexOf('<', protectedEnd);
      continue;
    }
    if (text.startsWith('<!--', i)) {
      // The next `-->` only moves forward: searching again from every unclosed `<!--` is quadratic.
      if (commentClose !== -1 && commentClose < i + 4) commentClose = text.indexOf('-->', i + 4);
      const close = commentClose;
      if (close !== -1 && close - i < MAX_COMMENT) {
        found.push(whole('comment', i, close + 3));
        i = text.indexOf('<', close + 3);
        continue;
      }
    }
    if (text.startsWith('<![CDATA[', i)) {
      found.push(whole('comment', i, i + 9));
      i = text.indexOf('<', i + 9);
      continue;
    }
    const tag = parseTag(text, i);
    if (!tag) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    if (!tag.closing && RAW_TEXT_ELEMENTS.has(tag.name)) {
      closerAt ??= rawTextCloser(text);
      const closer = closerAt(tag.name, tag.end);
      const closeEnd = closer === -1 ? -1 : text.indexOf('>', closer);
      if (closeEnd !== -1 && closeEnd - i < MAX_RAW_TEXT) {
        found.push(whole('script', i, closeEnd + 1));
        i = text.indexOf('<', closeEnd + 1);
        continue;
      }
    }
    const artifact = whole('tag', i, tag.end);
    if (tag.closing) closedNames.add(tag.name);
    if (tag.closing || tag.attributes || VOID_ELEMENTS.has(tag.name)) found.push(artifact);
    else bareOpenings.push({ name: tag.name, artifact });
    i = text.indexOf('<', tag.end);
  }
  // A bare `<p>` with no `</p>` anywhere is a mention in an article about HTML, not a leak.
  for (const { name, artifact } of bareOpenings) if (closedNames.has(name)) found.push(artifact);
  for (const m of attributeTails(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].length;
    if (!code.overlaps(start, end)) found.push(whole('tag', start, end));
  }
  return found.sort((a, b) => a.start - b.start);
}
