// Presentation features of HTML units. The units come from the prose view, which drops the tags;
// here the hast says which source characters sit inside a heading, list item, table cell, bold,
// italic, link or code element, so an HTML menu is as salient as the same menu in Markdown.
import type { Element, Root, RootContent } from 'hast';
import { isHiddenElement } from '../document/prose.js';

export type HtmlMark = 'heading' | 'listItem' | 'tableCell' | 'tableHeader' | 'bold' | 'italic' | 'link' | 'code';

const TAG_MARKS: Record<string, HtmlMark[]> = {
  li: ['listItem'],
  dt: ['listItem'],
  td: ['tableCell'],
  th: ['tableCell', 'tableHeader'],
  b: ['bold'],
  strong: ['bold'],
  em: ['italic'],
  i: ['italic'],
  s: ['italic'],
  del: ['italic'],
  a: ['link'],
  code: ['code'],
  pre: ['code'],
  kbd: ['code'],
  samp: ['code'],
};
const HEADING = /^h([1-6])$/;

export interface HtmlMarks {
  /** Whether the source character at an offset sits inside an element with the mark. */
  at(offset: number, mark: HtmlMark): boolean;
  /** Whether any source character of the range sits inside an element with the mark. */
  any(start: number, end: number, mark: HtmlMark): boolean;
  /** Heading level at an offset, or 0. */
  headingLevel(offset: number): number;
}

interface Span {
  start: number;
  end: number;
  level: number;
}

/** The first span that ends after `offset`, by binary search over disjoint sorted spans. */
function firstEndingAfter(spans: readonly Span[], offset: number): Span | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return spans[low];
}

export function htmlMarks(tree: Root, length: number): HtmlMarks {
  const spans: Record<HtmlMark, Span[]> = { heading: [], listItem: [], tableCell: [], tableHeader: [], bold: [], italic: [], link: [], code: [] };
  // Elements come in document order, so a nested element of a kind already marked adds only what
  // lies past the furthest end seen: the spans of each kind stay disjoint and sorted.
  const mark = (kind: HtmlMark, start: number, end: number, level = 0) => {
    const list = spans[kind];
    const last = list[list.length - 1];
    const from = Math.max(start, last?.end ?? 0);
    const to = Math.min(end, length);
    if (to > from) list.push({ start: from, end: to, level });
  };
  const stack: RootContent[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    const element = node as Element;
    if (isHiddenElement(element)) continue;
    const start = element.position?.start.offset;
    const end = element.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      const heading = HEADING.exec(element.tagName);
      if (heading) mark('heading', start, end, Number(heading[1]));
      for (const kind of TAG_MARKS[element.tagName] ?? []) {
        if (kind === 'link' && element.properties?.href === undefined) continue;
        mark(kind, start, end);
      }
    }
    for (let k = element.children.length - 1; k >= 0; k--) stack.push(element.children[k]);
  }
  const spanAt = (offset: number, kind: HtmlMark) => {
    const span = firstEndingAfter(spans[kind], offset);
    return span && span.start <= offset ? span : undefined;
  };
  return {
    at: (offset, kind) => spanAt(offset, kind) !== undefined,
    any: (start, end, kind) => {
      const span = firstEndingAfter(spans[kind], start);
      return span !== undefined && span.start < end && end > start;
    },
    headingLevel: (offset) => spanAt(offset, 'heading')?.level ?? 0,
  };
}
