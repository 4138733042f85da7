import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module script without type declarations
import { documentationPages } from '../../scripts/doc-pages.mjs';

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
