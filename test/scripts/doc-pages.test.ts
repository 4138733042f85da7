import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module script without type declarations
import { articlePages, documentationPages } from '../../scripts/doc-pages.mjs';

interface Page {
  rel: string;
  package: string;
  half: 'train' | 'test';
  text: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The instruction-like scorer trains on one half of these pages and is evaluated on the other, so
// the split must hold whole packages on one side: a README and its changelog are one author's text.
describe('documentation pages of the installed packages', () => {
  const pages = documentationPages(repoRoot) as Page[];

  it('are found, in both halves', () => {
    expect(pages.filter((p) => p.half === 'train').length).toBeGreaterThan(50);
    expect(pages.filter((p) => p.half === 'test').length).toBeGreaterThan(50);
  });

  it('keep every package on one side of the split', () => {
    const halves = new Map<string, Set<string>>();
    for (const p of pages) halves.set(p.package, (halves.get(p.package) ?? new Set()).add(p.half));
    for (const [name, sides] of halves) expect(sides.size, name).toBe(1);
  });

  it('name nested and scoped packages by their own name', () => {
    for (const p of pages) {
      const inner = p.rel.split('/node_modules/').pop()!;
      expect(inner.startsWith(`${p.package}/`), p.rel).toBe(true);
      if (p.package.startsWith('@')) expect(p.package.split('/')).toHaveLength(2);
    }
  });

  it('leave out the injection detector that quotes injections and agent skill files', () => {
    expect(pages.some((p) => p.rel.startsWith('@andersmyrmel/vard/'))).toBe(false);
    expect(pages.some((p) => p.rel.includes('/skills/'))).toBe(false);
    expect(pages.every((p) => p.text.trim() !== '')).toBe(true);
  });
});

// The held-out web prose of the injection eval: only the ground-truth article texts, each once, by id.
describe('article texts of markup-dev', () => {
  it('are the .clean.txt files of ../shared/data/markup-dev, sorted, named by page id', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpuslint-articles-'));
    const repo = path.join(root, 'repo');
    const dir = path.join(root, 'shared', 'data', 'markup-dev');
    fs.mkdirSync(repo);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'sh-b.clean.txt'), 'Second article.');
    fs.writeFileSync(path.join(dir, 'sh-a.clean.txt'), 'First article.');
    fs.writeFileSync(path.join(dir, 'sh-a.poor.md'), '# Menu\n\nFirst article.');
    fs.writeFileSync(path.join(dir, 'sh-a.html'), '<p>First article.</p>');
    const pages = articlePages(repo) as { id: string; file: string; text: string }[];
    expect(pages.map((p) => [p.id, p.text])).toEqual([['sh-a', 'First article.'], ['sh-b', 'Second article.']]);
    expect(pages[0].file).toBe(path.join(dir, 'sh-a.clean.txt'));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('are none when ../shared is not beside the repository', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpuslint-articles-'));
    expect(articlePages(path.join(root, 'repo'))).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
