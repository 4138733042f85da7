// docs/api.md is executable: every ```ts block in it runs here as written, with only the package
// specifier 'corpuslint' pointed at src/index.ts. The blocks carry their own assertions, so a
// change that breaks the documented behaviour fails this test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import * as api from '../src/index.js';

const docsFile = path.join(repoRoot, 'docs', 'api.md');
const entry = path.join(repoRoot, 'src', 'index.ts');

interface Block {
  heading: string;
  code: string;
  line: number;
}

function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let heading = '(top)';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('#')) heading = lines[i].replace(/^#+\s*/, '');
    if (lines[i].trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    blocks.push({ heading, code: lines.slice(start, end).join('\n'), line: start + 1 });
    i = end;
  }
  return blocks;
}

const blocks = codeBlocks(fs.readFileSync(docsFile, 'utf8'));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpuslint-api-docs-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('docs/api.md', () => {
  it('documents every exported function with runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    const allCode = blocks.map((b) => b.code).join('\n');
    for (const name of ['lint', 'fix', 'generate', 'loadConfig', 'rules']) {
      expect(typeof (api as Record<string, unknown>)[name], `${name} is exported`).not.toBe('undefined');
      expect(allCode, `an example uses ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it.each(blocks.map((b, i) => [`${i + 1}: ${b.heading} (line ${b.line})`, b] as const))('example %s runs as documented', async (_name, block) => {
    expect(block.code).toMatch(/from 'corpuslint'/);
    const file = path.join(scratch, `example-${block.line}.ts`);
    fs.writeFileSync(file, block.code.replaceAll("from 'corpuslint'", `from ${JSON.stringify(entry)}`));
    const log = console.log;
    console.log = () => {};
    try {
      await import(pathToFileURL(file).href);
    } finally {
      console.log = log;
    }
  }, 60_000);
});
