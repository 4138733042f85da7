// The prose view: the text a reader sees, with a map back to source offsets. For Markdown and
// plain text the prose is the source itself. For HTML it is the visible text of the DOM, so that
// rules which read prose do not trip over tags, and their ranges still point into the HTML source.
import type { Root, Element, RootContent } from 'hast';
import type { Range } from '../types.js';

/** One run of prose characters that maps one-to-one onto source characters. */
interface Segment {
  proseStart: number;
  sourceStart: number;
  length: number;
  /** False when the source differs from the prose (decoded entities): the run maps as a whole. */
  exact: boolean;
  sourceEnd: number;
}

export interface ProseView {
  text: string;
  /** The source range covering a prose range. */
  toSource(start: number, end: number): Range;
  /** Only the source characters that carry the prose range's text, never the tags between them. */
  toSourceRanges(start: number, end: number): Range[];
}

export function identityProse(text: string): ProseView {
  return {
    text,
    toSource: (start, end) => [start, end],
    toSourceRanges: (start, end) => (end > start ? [[start, end]] : []),
  };
}

const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object']);
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);

export function isHiddenElement(node: Element): boolean {
  if (HIDDEN_ELEMENTS.has(node.tagName)) return true;
  const props = node.properties ?? {};
  if (props.hidden !== undefined && props.hidden !== false) return true;
  if (String(props.ariaHidden) === 'true') return true;
  const style = typeof props.style === 'string' ? props.style.replace(/\s+/g, '').toLowerCase() : '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

export function htmlProse(source: string, tree: Root): ProseView {
  const segments: Segment[] = [];
  let text = '';
  // Whether the text so far ends in a line break, kept beside it: asking the growing string
  // (text.endsWith) flattens it each time, which made a page of many blocks quadratic.
  let endsInBreak = true;
  const separate = () => {
    if (!endsInBreak) {
      text += '\n';
      endsInBreak = true;
    }
  };
  // An explicit stack instead of recursion: hostile documents nest elements 100,000 deep.
  const stack: (RootContent | { close: true })[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('close' in node) {
      separate();
      continue;
    }
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || node.value.length === 0) continue;
      const exact = end - start === node.value.length && source.slice(start, end) === node.value;
      segments.push({ proseStart: text.length, sourceStart: start, length: node.value.length, exact, sourceEnd: end });
      text += node.value;
      endsInBreak = node.value.charCodeAt(node.value.length - 1) === 10;
    } else if (node.type === 'element') {
      if (isHiddenElement(node)) continue;
      const block = BLOCK_ELEMENTS.has(node.tagName);
      if (block) {
        separate();
        stack.push({ close: true });
      }
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
    }
  }
  const findSegment = (offset: number): number => {
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (segments[mid].proseStart <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const mapPoint = (offset: number, isEnd: boolean): number => {
    if (segments.length === 0) return 0;
    const seg = segments[findSegment(isEnd ? Math.max(0, offset - 1) : offset)];
    const within = Math.max(0, Math.min(offset - seg.proseStart, seg.length));
    if (seg.exact) return seg.sourceStart + within;
    return isEnd ? seg.sourceEnd : seg.sourceStart;
  };
  const toSourceRanges = (start: number, end: number): Range[] => {
    if (end <= start || segments.length === 0) return [];
    const ranges: Range[] = [];
    for (let k = findSegment(start); k < segments.length && segments[k].proseStart < end; k++) {
      const seg = segments[k];
      const from = Math.max(start, seg.proseStart) - seg.proseStart;
      const to = Math.min(end, seg.proseStart + seg.length) - seg.proseStart;
      if (to <= from) continue;
      if (seg.exact) ranges.push([seg.sourceStart + from, seg.sourceStart + to]);
      else ranges.push([seg.sourceStart, seg.sourceEnd]);
    }
    return ranges;
  };
  return {
    text,
    toSource: (start, end) => [mapPoint(start, false), Math.max(mapPoint(start, false), mapPoint(end, true))],
    toSourceRanges,
  };
}
