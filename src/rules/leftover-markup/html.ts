// For HTML documents the markup is the format, so the rule looks at the DOM instead: content a
// reader never sees (script, style, templates, elements hidden by attribute or inline style) and
// comments. Each goes whole, tags included.
import type { Root, RootContent, Element } from 'hast';
import { whole, type Artifact } from './artifact.js';

const INVISIBLE_CONTENT = new Set(['script', 'style', 'noscript', 'template']);

function hiddenFromView(node: Element): boolean {
  const props = node.properties ?? {};
  if (props.hidden !== undefined && props.hidden !== false && props.hidden !== null) return true;
  const style = typeof props.style === 'string' ? props.style.replace(/\s+/g, '').toLowerCase() : '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

export function scanHtmlDom(tree: Root, length: number): Artifact[] {
  const found: Artifact[] = [];
  const stack: RootContent[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'comment') {
      if (start !== undefined && end !== undefined && end > start) found.push(whole('comment', start, Math.min(end, length)));
      continue;
    }
    if (node.type !== 'element') continue;
    const invisible = INVISIBLE_CONTENT.has(node.tagName);
    if ((invisible || hiddenFromView(node)) && start !== undefined && end !== undefined && end > start) {
      found.push(whole(invisible ? 'script' : 'hidden', start, Math.min(end, length)));
      continue;
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return found.sort((a, b) => a.start - b.start);
}
