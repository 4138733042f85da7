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
  /** For list items: the fenced code blocks inside the item, from the opening fence line to the closing one. */
  fences?: [number, number][];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const TABLE_DELIMITER_CELL = /^:?-+:?$/;

/** A GFM table delimiter row (`| --- | :-: |`), checked cell by cell to stay linear on hostile lines. */
function isTableDelimiter(line: string): boolean {
  if (indentWidth(line) > 3) return false;
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  const cells = row.split('|');
  return cells.length > 0 && cells.every((cell) => TABLE_DELIMITER_CELL.test(cell.trim()));
}
// CommonMark's HTML block kinds: each has its own end condition, and only some may interrupt a paragraph.
const HTML_RAW_START = /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_RAW_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML_SPECIAL: [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const HTML_BLOCK_TAG_START = new RegExp(`^ {0,3}</?(?:${HTML_BLOCK_TAGS})(?:[\\s/>]|$)`, 'i');
/** A complete open or closing tag alone on its line (CommonMark's kind 7); it cannot interrupt a paragraph. */
const HTML_LONE_TAG = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** Where an HTML block that starts on this line ends: 'blank', a closing pattern, or null when it is no HTML block. */
function htmlBlockEnd(line: string, inParagraph: boolean): RegExp | 'blank' | null {
  if (HTML_RAW_START.test(line)) return HTML_RAW_END;
  for (const [start, end] of HTML_SPECIAL) if (start.test(line)) return end;
  if (HTML_BLOCK_TAG_START.test(line)) return 'blank';
  if (!inParagraph && HTML_LONE_TAG.test(line)) return 'blank';
  return null;
}

/** The column reached after a prefix, with tabs advancing to the next multiple of four. */
function columnAfter(prefix: string): number {
  let column = 0;
  for (const ch of prefix) column = ch === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

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

function lastContentKind(blocks: readonly Block[]): BlockKind | undefined {
  for (let k = blocks.length - 1; k >= 0; k--) if (blocks[k].kind !== 'blank') return blocks[k].kind;
  return undefined;
}

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
    // A byte order mark is not part of the first line's Markdown.
    const value = i === 0 && line.text.charCodeAt(0) === 0xfeff ? line.text.slice(1) : line.text;
    if (isBlank(value)) {
      closeParagraph();
      blocks.push({ kind: 'blank', start: line.start, end: line.end });
      i++;
      continue;
    }
    const fence = fenceMarker(text, value === line.text ? line.start : line.start + 1, line.end);
    if (fence) {
      closeParagraph();
      let j = i + 1;
      while (j < lines.length && !closesFence(text, lines[j].start, lines[j].end, fence)) j++;
      const last = Math.min(j, lines.length - 1);
      // An unclosed fence runs to the end of the document, as in CommonMark.
      blocks.push({ kind: 'fence', start: line.start, end: j >= lines.length ? text.length : lines[last].end, level: fence.length });
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
      // micromark (and so remark) keeps a whitespace line indented four or more as code content, but
      // the first indented code right after a list item ends at its first blank line.
      const afterList = lastContentKind(blocks) === 'list-item';
      let j = i;
      let lastCode = i;
      while (j < lines.length && (/^(?: {4}|\t)/.test(lines[j].text) || isBlank(lines[j].text))) {
        const text = lines[j].text;
        if (afterList && isBlank(text)) break;
        if (!isBlank(text) || indentWidth(text) >= 4) lastCode = j;
        j++;
      }
      blocks.push({ kind: 'indented-code', start: line.start, end: lines[lastCode].end });
      i = lastCode + 1;
      continue;
    }
    const item = LIST_ITEM.exec(value);
    if (item && !(paragraph && isBlank(value.slice(item[0].length)))) {
      closeParagraph();
      // The item owns lines indented to its content column, blank lines between them, and lazy
      // continuation lines of its paragraph; a fence inside it is the item's, not a top-level block.
      const contentColumn = isBlank(value.slice(item[0].length)) ? indentWidth(value) + item[0].trim().length + 1 : columnAfter(item[0]);
      let j = i + 1;
      let last = i;
      let openFence: RegExp | null = null;
      let fenceStart = -1;
      const fences: [number, number][] = [];
      while (j < lines.length) {
        const next = lines[j].text;
        if (openFence) {
          if (openFence.test(next)) {
            openFence = null;
            fences.push([fenceStart, lines[j].end]);
          }
          last = j;
          j++;
          continue;
        }
        if (isBlank(next)) {
          j++;
          continue;
        }
        const indented = indentWidth(next) >= contentColumn;
        const afterBlank = j > last + 1;
        if (indented) {
          const innerFence = FENCE_OPEN.exec(next.trimStart());
          if (innerFence) {
            openFence = new RegExp(`^\\s*${innerFence[1][0] === '`' ? '`' : '~'}{${innerFence[1].length},}[ \\t]*$`);
            fenceStart = lines[j].start;
          }
        } else if (afterBlank || LIST_ITEM.test(next) || ATX_HEADING.test(next) || FENCE_OPEN.test(next) || THEMATIC_BREAK.test(next) || /^ {0,3}>/.test(next) || htmlBlockEnd(next, true)) break;
        last = j;
        j++;
      }
      // An unclosed fence runs to the end of the item.
      if (openFence) fences.push([fenceStart, lines[last].end]);
      const listItem: Block = { kind: 'list-item', start: line.start, end: lines[last].end, contentStart: line.start + item[0].length };
      if (fences.length > 0) listItem.fences = fences;
      blocks.push(listItem);
      i = last + 1;
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
    if (hasPipe(value) && i + 1 < lines.length && isTableDelimiter(lines[i + 1].text) && hasPipe(lines[i + 1].text)) {
      closeParagraph();
      let j = i + 2;
      while (j < lines.length && !isBlank(lines[j].text) && hasPipe(lines[j].text)) j++;
      blocks.push({ kind: 'table', start: line.start, end: lines[j - 1].end });
      i = j;
      continue;
    }
    const htmlEnd = htmlBlockEnd(value, paragraph !== null);
    if (htmlEnd) {
      closeParagraph();
      let j = i;
      if (htmlEnd === 'blank') {
        j = i + 1;
        while (j < lines.length && !isBlank(lines[j].text)) j++;
        j--;
      } else {
        while (j < lines.length && !htmlEnd.test(j === i ? value.replace(/^ {0,3}<!?-?-?/, '') : lines[j].text)) j++;
        j = Math.min(j, lines.length - 1);
      }
      blocks.push({ kind: 'html', start: line.start, end: lines[j].end });
      i = j + 1;
      continue;
    }
    if (paragraph) paragraph.end = line.end;
    else paragraph = { kind: 'paragraph', start: line.start, end: line.end };
    i++;
  }
  closeParagraph();
  return blocks;
}

/** The characters String.prototype.trim removes (the regex class \s): what a blank line may hold. */
const isSpace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/**
 * A fence line in text[start, end): at most three spaces, then three or more backticks or tildes.
 * Returns the marker's character code and length, or 0 when the line opens no fence. As in
 * CommonMark, a backtick fence's info string may not hold a backtick (that is inline code).
 * The Markdown and the plain-text scan both read fences with this and closesFence.
 */
function fenceMarker(text: string, start: number, end: number): { char: number; length: number } | 0 {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  const char = text.charCodeAt(i);
  if (char !== 96 && char !== 126) return 0;
  let length = 0;
  while (i + length < end && text.charCodeAt(i + length) === char) length++;
  if (length < 3) return 0;
  if (char === 96) {
    const backtick = text.indexOf('`', i + length);
    if (backtick !== -1 && backtick < end) return 0;
  }
  return { char, length };
}

/** Whether text[start, end) closes a fence of `marker`: the same character, at least as many, then only spaces or tabs. */
function closesFence(text: string, start: number, end: number, marker: { char: number; length: number }): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  let length = 0;
  while (i < end && text.charCodeAt(i) === marker.char) {
    i++;
    length++;
  }
  if (length < marker.length) return false;
  for (; i < end; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return false;
  return true;
}

/** The end of the line at `start` (a \r before its break left out) and the index of its \n (or the text's length). */
function lineEndAt(text: string, start: number): [end: number, newline: number] {
  let newline = text.indexOf('\n', start);
  if (newline === -1) newline = text.length;
  return [newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline, newline];
}

/**
 * Blocks of plain text: paragraphs separated by blank lines, and fenced code. Text records are
 * often Markdown (READMEs, forum answers), and a fence there holds code that no rule may treat as
 * leftover markup or page furniture; an unclosed fence runs to the end, as in CommonMark. Lines are
 * those of splitLines (broken at \n, a \r before it left out), read in place: no line objects or slices.
 */
export function scanPlainText(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Block | null = null;
  const length = text.length;
  const mayHaveFence = text.includes('```') || text.includes('~~~');
  // Line by line with indexOf: only a line's leading whitespace is read character by character.
  let start = 0;
  while (start < length) {
    let newline = text.indexOf('\n', start);
    if (newline === -1) newline = length;
    let firstVisible = start;
    while (firstVisible < newline && isSpace(text.charCodeAt(firstVisible))) firstVisible++;
    const blank = firstVisible === newline;
    const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    const fence = mayHaveFence && !blank && firstVisible - start <= 3 ? fenceMarker(text, start, end) : 0;
    if (fence) {
      if (paragraph) blocks.push(paragraph);
      paragraph = null;
      let closeEnd = length;
      let closeNewline = length;
      for (let line = newline + 1; line < length; ) {
        const [lineEnd, next] = lineEndAt(text, line);
        if (closesFence(text, line, lineEnd, fence)) {
          closeEnd = lineEnd;
          closeNewline = next;
          break;
        }
        line = next + 1;
      }
      blocks.push({ kind: 'fence', start, end: closeEnd, level: fence.length });
      start = closeNewline + 1;
      continue;
    }
    if (blank) {
      if (paragraph) blocks.push(paragraph);
      paragraph = null;
      blocks.push({ kind: 'blank', start, end });
    } else if (paragraph) paragraph.end = end;
    else paragraph = { kind: 'paragraph', start, end };
    start = newline + 1;
  }
  if (paragraph) blocks.push(paragraph);
  return blocks;
}

export { splitLines };
export type { Line };
