// API reference pages describe each function, option and event in the imperative ("Write a raw
// 32-bit unsigned integer.", "Generate V8 profiler output.", "Return a list of the entries."), in
// the paragraph under a heading that names it in code, or in a list item that names a parameter.
// Such a clause defines the thing named, it does not address the reader's model: it may join a
// span that another clause starts, but not start one (detect.ts).

/** How far back, in lines, the search for the section's heading goes. */
const MAX_LINES_BACK = 40;

/** An ATX heading that names code: a code span in its text ("### `fs.writev(fd, buffers)`", "### Event: `'online'`"). */
const CODE_HEADING = /^ {0,3}#{1,6}[ \t][^`\n]*`[^`\n]+`/;
/** A list item whose text opens with a code span: a parameter, property or option defined by the item ("* `value` {integer} …"). */
const CODE_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+`[^`\n]+`/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** The line that holds `offset`, as [start, end) offsets into `text`. */
function lineAround(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return [start, newline === -1 ? text.length : newline];
}

/** The line before the one that starts at `lineStart`, or undefined at the start of the text. */
function lineBefore(text: string, lineStart: number): [number, number] | undefined {
  return lineStart === 0 ? undefined : lineAround(text, lineStart - 1);
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * Whether the clause starting at `offset` defines what a heading or a list item names in code:
 * it lies in a list item that opens with a code span, or in the first paragraph after a heading
 * with a code span, with nothing between them but blank lines, HTML comments (a page's version
 * metadata), block quotes (a stability note) and list items (the parameters).
 */
export function definesCode(text: string, offset: number): boolean {
  let [start, end] = lineAround(text, offset);
  const first = text.slice(start, end);
  // The clause's own list item: its first line, reached over lines indented past the marker.
  if (LIST_ITEM.test(first)) return CODE_ITEM.test(first);
  let line: [number, number] | undefined = [start, end];
  let inParagraph = first.trim() !== '';
  let inComment = false;
  for (let steps = 0; steps < MAX_LINES_BACK; steps++) {
    line = lineBefore(text, line[0]);
    if (!line) return false;
    [start, end] = line;
    const content = text.slice(start, end);
    const trimmed = content.trim();
    if (inComment) {
      if (trimmed.startsWith('<!--')) inComment = false;
      continue;
    }
    if (trimmed === '') {
      inParagraph = false;
      continue;
    }
    if (HEADING.test(content)) return CODE_HEADING.test(content);
    if (trimmed.endsWith('-->')) {
      inComment = !trimmed.startsWith('<!--');
      continue;
    }
    if (inParagraph) {
      // Still the clause's own paragraph: a wrapped line, or the item it continues.
      if (LIST_ITEM.test(content)) return CODE_ITEM.test(content);
      continue;
    }
    if (trimmed.startsWith('>') || LIST_ITEM.test(content) || indentOf(content) >= 2) continue;
    // Another paragraph of prose before the clause's: the clause is not the section's first.
    return false;
  }
  return false;
}
