// Where real code lives in a Markdown document. Code that the author fenced or indented is
// content; the same characters in running text are leftovers. The fast scan calls every indented
// run "indented-code", but converters indent list continuations by four spaces, so an indented
// run that follows a list item belongs to the list and is prose.
import type { Block } from '../../document/markdown-scan.js';
import type { Range } from '../../types.js';

export function codeBlockRanges(blocks: readonly Block[]): Range[] {
  const ranges: Range[] = [];
  let previous: Block | undefined;
  let continuingList = false;
  for (const block of blocks) {
    if (block.kind === 'blank') continue;
    if (block.kind === 'fence') ranges.push([block.start, block.end]);
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
