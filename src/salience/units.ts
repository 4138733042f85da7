// Splits a document into the units a question generator can target: sentences, list items, table
// cells, headings, code and HTML blocks. Markdown comes from the fast block scan (no mdast), plain
// text from its paragraphs, HTML from its prose view.
import type { Document } from '../document/document.js';
import { scanPlainText, splitLines, type Block } from '../document/markdown-scan.js';
import { splitSentences, type Sentence } from '../document/sentences.js';
import type { Range } from '../types.js';
import { htmlMarks } from './html-features.js';

export type UnitKind = 'heading' | 'list-item' | 'table-cell' | 'sentence' | 'code' | 'markup';
export type GroupKind = 'heading' | 'list' | 'table' | 'paragraph' | 'blockquote' | 'code block' | 'html block';

export interface RawUnit {
  kind: UnitKind;
  /** Source range of the unit, for reports. */
  start: number;
  end: number;
  /** The text features and content are read from (the prose for HTML). */
  text: string;
  /** Source offset of `text[0]` when `text` is a verbatim slice of the source, else undefined. */
  textOffset: number | undefined;
  group: number;
  headingLevel?: number;
  tableHeader?: boolean;
  /** Inline features known from elements (HTML), on top of what the text itself shows. */
  inline?: { bold: boolean; italic: boolean; link: boolean; code: boolean };
  /** Share of the unit inside link text, when elements say so (HTML). */
  linkShare?: number;
}

export interface RawGroup {
  kind: GroupKind;
  start: number;
  end: number;
  /** For tables: the delimiter row and every cell-separating pipe, the table's decoration. */
  tableDecoration?: Range[];
}

export interface UnitSplit {
  units: RawUnit[];
  groups: RawGroup[];
}

const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

/** The characters of the regex class \s, which String.prototype.trim removes too. */
export const isWhitespace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

function trimRange(text: string, start: number, end: number): Range {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

class UnitCollector {
  readonly units: RawUnit[] = [];
  readonly groups: RawGroup[] = [];
  constructor(private readonly source: string) {}

  openGroup(kind: GroupKind, start: number, end: number): number {
    this.groups.push({ kind, start, end });
    return this.groups.length - 1;
  }

  add(kind: UnitKind, start: number, end: number, group: number, extra?: Partial<RawUnit>): void {
    const source = this.source;
    while (start < end && isWhitespace(source.charCodeAt(start))) start++;
    while (end > start && isWhitespace(source.charCodeAt(end - 1))) end--;
    if (end <= start) return;
    const unit: RawUnit = { kind, start, end, text: source.slice(start, end), textOffset: start, group };
    this.units.push(extra ? Object.assign(unit, extra) : unit);
  }

  sentences(start: number, end: number, group: number): void {
    for (const sentence of splitSentences(this.source.slice(start, end))) this.add('sentence', start + sentence.start, start + sentence.end, group);
  }
}

/** Drops an ATX heading's closing sequence (`## Title ##`), scanning back instead of with a regex. */
function withoutClosingHashes(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  let hashes = i;
  while (hashes > start && text[hashes - 1] === '#') hashes--;
  if (hashes === i) return end;
  if (hashes === start) return start;
  return text[hashes - 1] === ' ' || text[hashes - 1] === '\t' ? hashes : end;
}

function headingContent(text: string, block: Block): Range {
  let start = block.contentStart ?? block.start;
  let end = block.end;
  const body = text.slice(block.start, block.end);
  const lastBreak = body.lastIndexOf('\n');
  if (lastBreak !== -1) end = block.start + lastBreak; // a setext heading: drop the underline
  else {
    end = withoutClosingHashes(text, start, end);
  }
  if (end < start) end = start;
  [start, end] = trimRange(text, start, end);
  return [start, end];
}

function listItems(collector: UnitCollector, text: string, block: Block, group: number): void {
  // Nested items the scan folds into one block ("-   -   [x](y)", deeper-indented lines) are units of their own.
  let itemStart = -1;
  let itemEnd = -1;
  const flush = () => {
    if (itemStart >= 0) collector.add('list-item', itemStart, itemEnd, group);
    itemStart = -1;
  };
  for (const line of splitLines(text.slice(block.start, block.end))) {
    const lineStart = block.start + line.start;
    const lineEnd = block.start + line.end;
    let content = lineStart;
    let stripped = false;
    for (let depth = 0; depth < 8; depth++) {
      const marker = LIST_MARKER.exec(text.slice(content, lineEnd));
      if (!marker || marker[0].length === 0) break;
      content += marker[0].length;
      stripped = true;
    }
    if (stripped) {
      flush();
      itemStart = content;
      itemEnd = lineEnd;
    } else if (itemStart >= 0) itemEnd = lineEnd;
    else {
      itemStart = lineStart;
      itemEnd = lineEnd;
    }
  }
  flush();
}

/** Offsets of the pipes that separate cells, skipping escaped pipes and pipes inside code spans. */
export function cellPipes(line: string): number[] {
  const pipes: number[] = [];
  let inCode = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '`') inCode = !inCode;
    else if (c === '|' && !inCode) pipes.push(i);
  }
  return pipes;
}

function tableCells(collector: UnitCollector, text: string, block: Block, group: number): void {
  const decoration: Range[] = [];
  splitLines(text.slice(block.start, block.end)).forEach((line, row) => {
    const lineStart = block.start + line.start;
    if (row === 1) {
      decoration.push([lineStart, block.start + line.end]);
      return;
    }
    const pipes = cellPipes(line.text);
    for (const p of pipes) decoration.push([lineStart + p, lineStart + p + 1]);
    const bounds = [-1, ...pipes, line.text.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      collector.add('table-cell', lineStart + bounds[k] + 1, lineStart + bounds[k + 1], group, row === 0 ? { tableHeader: true } : {});
    }
  });
  collector.groups[group].tableDecoration = decoration;
}

function markdownUnits(text: string, blocks: Block[]): UnitSplit {
  const collector = new UnitCollector(text);
  let openList = -1;
  for (const block of blocks) {
    if (block.kind === 'blank') continue;
    if (block.kind !== 'list-item') openList = -1;
    switch (block.kind) {
      case 'heading': {
        const [start, end] = headingContent(text, block);
        collector.add('heading', start, end, collector.openGroup('heading', block.start, block.end), { headingLevel: block.level ?? 1 });
        break;
      }
      case 'list-item':
        if (openList < 0) openList = collector.openGroup('list', block.start, block.end);
        collector.groups[openList].end = block.end;
        listItems(collector, text, block, openList);
        break;
      case 'table':
        tableCells(collector, text, block, collector.openGroup('table', block.start, block.end));
        break;
      case 'fence':
      case 'indented-code':
        collector.add('code', block.start, block.end, collector.openGroup('code block', block.start, block.end));
        break;
      case 'html':
        collector.add('markup', block.start, block.end, collector.openGroup('html block', block.start, block.end));
        break;
      case 'paragraph':
      case 'blockquote':
        collector.sentences(block.start, block.end, collector.openGroup(block.kind, block.start, block.end));
        break;
      default:
        break;
    }
  }
  return { units: collector.units, groups: collector.groups };
}

/**
 * Which regions (paragraphs and fences, in order) a sentence of the document's own view runs into or
 * out of (1 each), or undefined when a sentence lies outside every region.
 */
function crossedRegions(regions: readonly Block[], sentences: readonly Sentence[]): Uint8Array | undefined {
  const crossed = new Uint8Array(regions.length);
  let r = 0;
  for (const sentence of sentences) {
    while (r < regions.length && regions[r].end <= sentence.start) r++;
    if (r === regions.length || regions[r].start > sentence.start) return undefined;
    if (sentence.end <= regions[r].end) continue;
    for (let q = r; q < regions.length && regions[q].start < sentence.end; q++) crossed[q] = 1;
  }
  return crossed;
}

/**
 * Plain text: the sentences of each blank-line paragraph, and each fenced code block as one code
 * unit (as in Markdown: text records often hold Markdown). The sentence splitter starts afresh after
 * every blank line, and its own reading of fences may differ from the block scan's, so a sentence
 * may run from one paragraph into the next. The document's own sentences (one split, shared with
 * other rules, instead of one per paragraph) are therefore the paragraph's sentences wherever no
 * sentence crosses a paragraph's edge; a paragraph one does cross is split on its own.
 */
function plainUnits(text: string, blocks: readonly Block[], documentSentences?: () => readonly Sentence[]): UnitSplit {
  const collector = new UnitCollector(text);
  const regions = blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'fence');
  const sentences = documentSentences?.();
  const crossed = sentences && crossedRegions(regions, sentences);
  let next = 0;
  regions.forEach((block, r) => {
    const fence = block.kind === 'fence';
    const group = collector.openGroup(fence ? 'code block' : 'paragraph', block.start, block.end);
    const own = !sentences || !crossed || crossed[r] === 1;
    if (fence) collector.add('code', block.start, block.end, group);
    else if (own) collector.sentences(block.start, block.end, group);
    // Every shared sentence that starts before this region ends lies inside it, unless the region is crossed.
    for (; sentences && next < sentences.length && sentences[next].start < block.end; next++) {
      if (!own && !fence) collector.add('sentence', sentences[next].start, sentences[next].end, group);
    }
  });
  return { units: collector.units, groups: collector.groups };
}

const GROUP_OF_KIND: Record<UnitKind, GroupKind> = { heading: 'heading', 'list-item': 'list', 'table-cell': 'table', sentence: 'paragraph', code: 'code block', markup: 'html block' };

/**
 * HTML: units are the sentences of each line of the prose view (every block element ends a line),
 * their kind and inline features come from the elements around them, and runs of units of one
 * kind form the groups (a menu's items, a table's cells).
 */
function htmlUnits(document: Document): UnitSplit {
  const prose = document.prose;
  const marks = htmlMarks(document.hast, document.text.length);
  const units: RawUnit[] = [];
  const groups: RawGroup[] = [];
  for (const line of splitLines(prose.text)) {
    for (const sentence of splitSentences(line.text)) {
      const proseStart = line.start + sentence.start;
      const proseEnd = line.start + sentence.end;
      const [start, end] = prose.toSource(proseStart, proseEnd);
      const level = marks.headingLevel(start);
      const kind: UnitKind = level > 0 ? 'heading' : marks.at(start, 'tableCell') ? 'table-cell' : marks.at(start, 'listItem') ? 'list-item' : 'sentence';
      const previous = units[units.length - 1];
      const sameRun = previous && previous.kind === kind && kind !== 'heading' && (kind !== 'sentence' || previous.group === groups.length - 1 && groups[groups.length - 1].end >= start - 1);
      if (!sameRun) groups.push({ kind: GROUP_OF_KIND[kind], start, end });
      const group = groups.length - 1;
      groups[group].end = Math.max(groups[group].end, end);
      units.push({
        kind,
        start,
        end,
        text: prose.text.slice(proseStart, proseEnd),
        textOffset: undefined,
        group,
        ...(level > 0 ? { headingLevel: level } : {}),
        ...(kind === 'table-cell' && marks.at(start, 'tableHeader') ? { tableHeader: true } : {}),
        linkShare: marks.at(start, 'link') && marks.at(end - 1, 'link') ? 1 : 0,
        inline: { bold: marks.any(start, end, 'bold'), italic: marks.any(start, end, 'italic'), link: marks.any(start, end, 'link'), code: marks.any(start, end, 'code') },
      });
    }
  }
  return { units, groups };
}

export function splitUnits(document: Document): UnitSplit {
  if (document.format === 'html') {
    try {
      return htmlUnits(document);
    } catch {
      // The HTML parser recurses and overflows the stack on very deep nesting; the source text,
      // tags and all, is still a fair picture of what a generator would be shown.
      return plainUnits(document.text, scanPlainText(document.text));
    }
  }
  if (document.format === 'markdown') return markdownUnits(document.text, document.blocks);
  // The document's blocks are its blank-line paragraphs for plain text (scanPlainText), shared with other rules.
  return plainUnits(document.text, document.blocks, () => document.sentences);
}
