// Where the text is code: fenced blocks and inline code spans (Markdown and plain text alike, since
// JSONL records written in Markdown are linted as text), indented blocks in Markdown, and
// <code>/<pre> elements in HTML. A token inside code is usually documentation, not an injection.
import type { Document } from '../../document/document.js';
import type { Range } from '../../types.js';

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})[^\n]*$/gm;
const BACKTICKS = /`+/g;
const HTML_CODE_OPEN = /<(code|pre|kbd|samp)\b[^<>]{0,200}>/gi;

function fencedBlocks(text: string): Range[] {
  const ranges: Range[] = [];
  FENCE_LINE.lastIndex = 0;
  let open: { start: number; marker: string } | undefined;
  let m: RegExpExecArray | null;
  while ((m = FENCE_LINE.exec(text)) !== null) {
    const marker = m[1];
    if (!open) open = { start: m.index, marker };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && m[0].trim() === marker) {
      ranges.push([open.start, m.index + m[0].length]);
      open = undefined;
    }
  }
  if (open) ranges.push([open.start, text.length]);
  return ranges;
}

function inlineCode(text: string, outside: readonly Range[]): Range[] {
  const ranges: Range[] = [];
  const runs: { at: number; length: number }[] = [];
  BACKTICKS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BACKTICKS.exec(text)) !== null) {
    if (!outside.some(([s, e]) => m!.index >= s && m!.index < e)) runs.push({ at: m.index, length: m[0].length });
  }
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    for (let j = i + 1; j < runs.length && j < i + 200; j++) {
      const between = text.slice(open.at + open.length, runs[j].at);
      if (/\n[ \t]*\n/.test(between)) break;
      if (runs[j].length === open.length) {
        ranges.push([open.at, runs[j].at + runs[j].length]);
        i = j;
        break;
      }
    }
  }
  return ranges;
}

/** Code ranges of a document, sorted. */
export function codeRanges(document: Document): Range[] {
  const text = document.text;
  if (document.format === 'html') {
    const ranges: Range[] = [];
    HTML_CODE_OPEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HTML_CODE_OPEN.exec(text)) !== null) {
      const closer = new RegExp(`</${m[1]}[ \\t\\n]{0,8}>`, 'gi');
      closer.lastIndex = HTML_CODE_OPEN.lastIndex;
      const close = closer.exec(text);
      const end = close ? close.index + close[0].length : text.length;
      ranges.push([m.index, end]);
      HTML_CODE_OPEN.lastIndex = end;
    }
    return ranges;
  }
  if (!text.includes('`') && !text.includes('~~~') && !(document.format === 'markdown' && /\n {4}/.test(text))) return [];
  const blocks = fencedBlocks(text);
  if (document.format === 'markdown') {
    for (const block of document.blocks) if (block.kind === 'indented-code' || block.kind === 'fence') blocks.push([block.start, block.end]);
  }
  return [...blocks, ...inlineCode(text, blocks)].sort((a, b) => a[0] - b[0]);
}

/** True when [start, end) lies inside one of `ranges` (sorted by start, not nested). */
export function insideAny(ranges: readonly Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] <= start) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Fenced and indented blocks from two sources may overlap; look back over a few.
  for (let k = best; k >= 0 && k > best - 4; k--) if (start >= ranges[k][0] && end <= ranges[k][1]) return true;
  return false;
}
