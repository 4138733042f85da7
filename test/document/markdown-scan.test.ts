// A differential test that keeps the fast structural scan honest: on every Markdown file of the
// benchmark corpus sources and of the tests, its top-level code-block, heading and table boundaries
// agree line for line with remark-parse's mdast.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { scanMarkdown } from '../../src/document/markdown-scan.js';
import { LineIndex } from '../../src/document/line-index.js';
import { repoRoot } from '../support/cli.js';

const parser = unified().use(remarkParse).use(remarkGfm);

function markdownFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // Tool caches under node_modules hold clones of other checkouts, not package documentation.
    if (entry.isDirectory()) {
      if (entry.name !== '.cache') markdownFiles(full, out);
    } else if (entry.name.toLowerCase().endsWith('.md')) out.push(full);
  }
  return out;
}


export function disagreements(text: string): { missing: string[]; extra: string[] } {
  const tree = parser.parse(text) as Root;
  const want = tree.children
    .filter((node) => node.type === 'heading' || node.type === 'code' || node.type === 'table')
    .map((node) => `${node.type}:${node.position!.start.line}-${node.position!.end.line}`);
  const lines = new LineIndex(text);
  const lineOf = (_text: string, offset: number) => lines.position(offset).line;
  const got = scanMarkdown(text)
    .filter((block) => block.kind === 'heading' || block.kind === 'fence' || block.kind === 'indented-code' || block.kind === 'table')
    .map((block) => `${block.kind === 'heading' || block.kind === 'table' ? block.kind : 'code'}:${lineOf(text, block.start)}-${lineOf(text, block.end)}`);
  const wanted = new Set(want);
  const found = new Set(got);
  return { missing: want.filter((x) => !found.has(x)), extra: got.filter((x) => !wanted.has(x)) };
}

describe('markdown scan agrees with remark-parse', () => {
  it.each([
    ['fence after a list item', '- item\n\n```js\ncode\n```\n'],
    ['fence inside a list item', '- item\n\n  ```js\n  code\n  ```\n\nafter\n'],
    ['setext heading', 'Title\n=====\n\ntext\n'],
    ['html comment then heading', '<!-- note -->\n## Heading\n'],
    ['inline html line then heading', '<a name="x"></a>\n## Heading\n'],
    ['table', '| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n'],
    ['indented code after paragraph break', 'text\n\n    code\n    more\n\ntext\n'],
    ['unclosed fence', 'text\n\n```\ncode\n'],
    ['indented code right after a list splits at blank lines', '-    x\n    \n    a\n    \n    -   b\n'],
  ])('%s', (_name, text) => {
    expect(disagreements(text)).toEqual({ missing: [], extra: [] });
  });

  it('on every Markdown file of the benchmark sources and the tests', () => {
    const files = [
      ...markdownFiles(path.join(repoRoot, 'node_modules')),
      ...markdownFiles(path.join(repoRoot, 'examples')),
      ...markdownFiles(path.join(repoRoot, 'test')),
      ...markdownFiles(path.resolve(repoRoot, '..', 'shared', 'data', 'markup-dev')).filter((f) => f.endsWith('.poor.md')),
    ];
    expect(files.length).toBeGreaterThan(500);
    const failures: string[] = [];
    for (const file of files) {
      const { missing, extra } = disagreements(fs.readFileSync(file, 'utf8'));
      if (missing.length || extra.length) failures.push(`${path.relative(repoRoot, file)}: missing ${missing.slice(0, 3).join(' ')} extra ${extra.slice(0, 3).join(' ')}`);
    }
    expect(failures.slice(0, 30), `${failures.length} of ${files.length} files disagree`).toEqual([]);
  });
});

describe('fences inside list items', () => {
  it('are the item\'s, and the item lists them, from the opening line to the closing one (or the item\'s end)', () => {
    const text = '- Build it:\n  ```sh\n  make\n  ```\n  then install.\n- Run it:\n  ~~~\n  ./app\n';
    const items = scanMarkdown(text).filter((block) => block.kind === 'list-item');
    expect(items.map((item) => (item.fences ?? []).map(([start, end]) => text.slice(start, end)))).toEqual([
      ['  ```sh\n  make\n  ```'],
      ['  ~~~\n  ./app'],
    ]);
    expect(scanMarkdown('- plain item\n- another\n').some((block) => block.fences !== undefined)).toBe(false);
  });
});
