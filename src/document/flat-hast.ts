// A flat hast for HTML too deeply nested for the recursive converter (hostile pages nest elements
// 100,000 deep): text runs become root-level text nodes with exact positions, and the contents of
// script, style and other hidden elements stay inside their element so the prose view skips them.
import type { Root, RootContent, Element } from 'hast';

const RAW_TEXT = /^(?:script|style|noscript|template|textarea|title)$/i;

function position(text: string, start: number, end: number) {
  // Line and column are not used by corpuslint's views; offsets are what map back to the source.
  void text;
  return { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } };
}

export function flatHast(text: string): Root {
  const children: RootContent[] = [];
  let cursor = 0;
  const pushText = (start: number, end: number) => {
    if (end > start) children.push({ type: 'text', value: text.slice(start, end), position: position(text, start, end) });
  };
  while (cursor < text.length) {
    const open = text.indexOf('<', cursor);
    if (open === -1) break;
    const next = text.charCodeAt(open + 1);
    const isTag = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33;
    if (!isTag) {
      pushText(cursor, open + 1);
      cursor = open + 1;
      continue;
    }
    pushText(cursor, open);
    const close = text.indexOf('>', open);
    if (close === -1) {
      cursor = text.length;
      break;
    }
    const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(text.slice(open, Math.min(close, open + 40)))?.[1];
    cursor = close + 1;
    if (name && RAW_TEXT.test(name)) {
      const end = text.toLowerCase().indexOf(`</${name.toLowerCase()}`, cursor);
      const stop = end === -1 ? text.length : end;
      const element: Element = { type: 'element', tagName: name.toLowerCase(), properties: {}, children: [], position: position(text, open, stop) };
      if (stop > cursor) element.children.push({ type: 'text', value: text.slice(cursor, stop), position: position(text, cursor, stop) });
      children.push(element);
      const after = end === -1 ? -1 : text.indexOf('>', end);
      cursor = after === -1 ? text.length : after + 1;
    }
  }
  pushText(cursor, text.length);
  return { type: 'root', children, data: { flattened: true } as Root['data'] };
}
