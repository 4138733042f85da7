// Where real code lives in a document. In Markdown, code that the author fenced (inside list items
// too) or indented is content; the same characters in running text are leftovers. The fast scan
// calls every indented run "indented-code", but converters indent list continuations by four
// spaces, so an indented run that follows a list item belongs to the list and is prose. Plain text
// may be reStructuredText or a manual, whose literal blocks and indented examples hold code.
import type { Block } from '../../document/markdown-scan.js';
import type { Document } from '../../document/document.js';
import type { Range } from '../../types.js';
import { isSpace } from '../boilerplate/chars.js';

export function codeBlockRanges(blocks: readonly Block[]): Range[] {
  const ranges: Range[] = [];
  let previous: Block | undefined;
  let continuingList = false;
  for (const block of blocks) {
    if (block.kind === 'blank') continue;
    if (block.kind === 'fence') ranges.push([block.start, block.end]);
    else if (block.kind === 'list-item' && block.fences) ranges.push(...block.fences);
    else if (block.kind === 'indented-code') {
      const inList: boolean = previous !== undefined && (previous.kind === 'list-item' || (previous.kind === 'indented-code' && continuingList));
      continuingList = inList;
      if (!inList) ranges.push([block.start, block.end]);
    }
    previous = block;
  }
  return ranges;
}

/** Inline code spans (`code`, ``co`de``) on one line, outside the given block ranges. */
export function inlineCodeRanges(text: string, blockRanges: readonly Range[]): Range[] {
  const ranges: Range[] = [];
  let blockIndex = 0;
  let i = text.indexOf('`');
  while (i !== -1 && i < text.length) {
    while (blockIndex < blockRanges.length && blockRanges[blockIndex][1] <= i) blockIndex++;
    if (blockIndex < blockRanges.length && blockRanges[blockIndex][0] <= i) {
      i = text.indexOf('`', blockRanges[blockIndex][1]);
      continue;
    }
    let run = 1;
    while (text.charCodeAt(i + run) === 96 && run < 16) run++;
    const lineEnd = text.indexOf('\n', i);
    const limit = Math.min(lineEnd === -1 ? text.length : lineEnd, i + 4000);
    const fence = '`'.repeat(run);
    let close = text.indexOf(fence, i + run);
    while (close !== -1 && close < limit && text.charCodeAt(close + run) === 96) close = text.indexOf(fence, close + run + 1);
    if (close !== -1 && close < limit) {
      ranges.push([i, close + run]);
      i = text.indexOf('`', close + run);
    } else i = text.indexOf('`', i + run);
  }
  return ranges;
}

/** Whether the line text[line, stop), indented by `indent`, holds nothing but spaces, tabs and a final `\r`. */
function isBlankLine(text: string, line: number, stop: number, indent: number): boolean {
  return line + indent >= stop || (text.charCodeAt(line + indent) === 13 && line + indent + 1 >= stop);
}

/** Columns of leading spaces and tabs (a tab counts as one: only deeper or not deeper matters). */
function indentAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i - lineStart;
}

/** A directive whose content is code (".. code-block:: python", ".. doctest::"): its indented block is literal too. */
const CODE_DIRECTIVE = /^[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode|doctest|testcode|parsed-literal|ipython|highlight)::/;

/**
 * reStructuredText literal blocks in plain text, from the line that ends in "::" or opens a code
 * directive through the lines indented deeper than it (a directive's options, blank lines, the
 * content), up to the first non-blank line that is not. Sphinx and docutils sources (Python
 * packages' descriptions, the AWS CLI's examples) hold their commands, code and output there.
 */
export function literalBlockRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (let marker = text.indexOf('::'); marker !== -1; marker = text.indexOf('::', marker + 2)) {
    const markerLineStart = text.lastIndexOf('\n', marker - 1) + 1;
    let lineEnd = text.indexOf('\n', marker);
    if (lineEnd === -1) lineEnd = text.length;
    let last = lineEnd;
    while (last > marker + 2 && isSpace(text.charCodeAt(last - 1))) last--;
    if (last !== marker + 2 && !CODE_DIRECTIVE.test(text.slice(markerLineStart, lineEnd))) continue;
    const depth = indentAt(text, markerLineStart);
    let start = -1;
    let end = -1;
    let line = lineEnd + 1;
    while (line < text.length) {
      const next = text.indexOf('\n', line);
      const stop = next === -1 ? text.length : next;
      const indent = indentAt(text, line);
      const blank = isBlankLine(text, line, stop, indent);
      if (!blank) {
        if (indent <= depth) break;
        if (start === -1) start = line;
        end = stop;
      }
      line = stop + 1;
    }
    // The marker's line goes with its block: removing it ("Output::", ".. code-block:: python") would
    // leave the block unmarked, and the next fix pass would judge the code as text.
    if (start !== -1) {
      ranges.push([markerLineStart, end]);
      marker = end;
    }
  }
  return ranges;
}

const NO_RANGES: readonly Range[] = [];

/**
 * The document's literal blocks (literalBlockRanges): none in Markdown or without a "::", else
 * found once and shared by the rules that keep out of them (leftover-markup and boilerplate).
 */
export function documentLiteralBlocks(document: Document): readonly Range[] {
  if (document.format === 'markdown' || !document.text.includes('::')) return NO_RANGES;
  return document.shared('literal-blocks', () => literalBlockRanges(document.text));
}

/**
 * Indented paragraphs in plain text: after a blank line, lines that all start with a space or a tab.
 * Plain-text manuals, reStructuredText and POD show their examples so (POD after any paragraph,
 * not only after "::"), and a line there that reads as code is an example, not leaked script. Only
 * the script judge is kept out of them: a tag or an entity there is still residue.
 */
export function indentedParagraphRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let line = 0;
  let previousBlank = true;
  let start = -1;
  let end = -1;
  while (line <= text.length) {
    const next = text.indexOf('\n', line);
    const stop = next === -1 ? text.length : next;
    const indent = indentAt(text, line);
    const blank = isBlankLine(text, line, stop, indent);
    if (blank) {
      if (start !== -1) ranges.push([start, end]);
      start = -1;
      previousBlank = true;
    } else if (indent > 0 && (previousBlank || start !== -1)) {
      if (start === -1) start = line;
      end = stop;
      previousBlank = false;
    } else {
      start = -1;
      previousBlank = false;
    }
    if (next === -1) break;
    line = stop + 1;
  }
  if (start !== -1) ranges.push([start, end]);
  return ranges;
}
