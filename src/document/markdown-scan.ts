// A fast line-level structural scan of Markdown. Parsing dominates Markdown linting, so rules read
// block structure from here and build an mdast only when they need what a scan cannot give.
// A differential test keeps its code-block, heading and table boundaries in line with remark-parse.

export type BlockKind =
  | 'blank'
  | 'heading'
  | 'fence'
  | 'indented-code'
  | 'html'
  | 'list-item'
  | 'table'
  | 'blockquote'
  | 'thematic-break'
  | 'paragraph';

export interface Block {
  kind: BlockKind;
  /** Offset of the block's first character. */
  start: number;
  /** Offset just past the block's last character (before the final line break). */
  end: number;
  /** Heading level, or fence length. */
  level?: number;
  /** For headings and list items: where the content starts after the marker. */
  contentStart?: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_BLOCK_START = /^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!--)/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code === 10 || i === text.length) {
      const end = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      if (i < text.length || start < text.length) lines.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return lines;
}

const isBlank = (line: string) => line.trim() === '';

function hasPipe(line: string): boolean {
  return line.includes('|');
}

/** Scans Markdown into a flat list of top-level blocks, in document order. */
export function scanMarkdown(text: string): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let i = 0;
  let paragraph: Block | null = null;
  const closeParagraph = () => {
    if (paragraph) blocks.push(paragraph);
    paragraph = null;
  };
  while (i < lines.length) {
    const line = lines[i];
    const value = line.text;
    if (isBlank(value)) {
      closeParagraph();
      blocks.push({ kind: 'blank', start: line.start, end: line.end });
      i++;
      continue;
    }
    const fence = FENCE_OPEN.exec(value);
    if (fence && !(fence[1][0] === '`' && value.slice(fence[0].length).includes('`'))) {
      closeParagraph();
      const marker = fence[1];
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      let j = i + 1;
      while (j < lines.length && !closing.test(lines[j].text)) j++;
      const last = Math.min(j, lines.length - 1);
      blocks.push({ kind: 'fence', start: line.start, end: lines[last].end, level: marker.length });
      i = last + 1;
      continue;
    }
    const heading = ATX_HEADING.exec(value);
    if (heading) {
      closeParagraph();
      blocks.push({ kind: 'heading', start: line.start, end: line.end, level: heading[1].length, contentStart: line.start + heading[0].length });
      i++;
      continue;
    }
    if (paragraph && SETEXT_UNDERLINE.test(value) && !LIST_ITEM.test(value)) {
      const p: Block = paragraph;
      paragraph = null;
      blocks.push({ kind: 'heading', start: p.start, end: line.end, level: value.trim()[0] === '=' ? 1 : 2, contentStart: p.start });
      i++;
      continue;
    }
    if (THEMATIC_BREAK.test(value)) {
      closeParagraph();
      blocks.push({ kind: 'thematic-break', start: line.start, end: line.end });
      i++;
      continue;
    }
    if (!paragraph && /^(?: {4}|\t)/.test(value)) {
      let j = i;
      let lastCode = i;
      while (j < lines.length && (/^(?: {4}|\t)/.test(lines[j].text) || isBlank(lines[j].text))) {
        if (!isBlank(lines[j].text)) lastCode = j;
        j++;
      }
      blocks.push({ kind: 'indented-code', start: line.start, end: lines[lastCode].end });
      i = lastCode + 1;
      continue;
    }
    const item = LIST_ITEM.exec(value);
    if (item) {
      closeParagraph();
      // Lazy continuation lines belong to the item until a blank line or a new block starts.
      let j = i + 1;
      while (j < lines.length && !isBlank(lines[j].text) && !LIST_ITEM.test(lines[j].text) && !ATX_HEADING.test(lines[j].text) && !FENCE_OPEN.test(lines[j].text)) j++;
      blocks.push({ kind: 'list-item', start: line.start, end: lines[j - 1].end, contentStart: line.start + item[0].length });
      i = j;
      continue;
    }
    if (/^ {0,3}>/.test(value)) {
      closeParagraph();
      let j = i + 1;
      while (j < lines.length && /^ {0,3}>/.test(lines[j].text)) j++;
      blocks.push({ kind: 'blockquote', start: line.start, end: lines[j - 1].end });
      i = j;
      continue;
    }
    if (hasPipe(value) && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1].text) && hasPipe(lines[i + 1].text)) {
      closeParagraph();
      let j = i + 2;
      while (j < lines.length && !isBlank(lines[j].text) && hasPipe(lines[j].text)) j++;
      blocks.push({ kind: 'table', start: line.start, end: lines[j - 1].end });
      i = j;
      continue;
    }
    if (!paragraph && HTML_BLOCK_START.test(value)) {
      let j = i + 1;
      while (j < lines.length && !isBlank(lines[j].text)) j++;
      blocks.push({ kind: 'html', start: line.start, end: lines[j - 1].end });
      i = j;
      continue;
    }
    if (paragraph) paragraph.end = line.end;
    else paragraph = { kind: 'paragraph', start: line.start, end: line.end };
    i++;
  }
  closeParagraph();
  return blocks;
}

/** Blocks of plain text: paragraphs separated by blank lines, nothing else. */
export function scanPlainText(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Block | null = null;
  for (const line of splitLines(text)) {
    if (isBlank(line.text)) {
      if (paragraph) blocks.push(paragraph);
      paragraph = null;
      blocks.push({ kind: 'blank', start: line.start, end: line.end });
    } else if (paragraph) paragraph.end = line.end;
    else paragraph = { kind: 'paragraph', start: line.start, end: line.end };
  }
  if (paragraph) blocks.push(paragraph);
  return blocks;
}

export { splitLines };
export type { Line };
