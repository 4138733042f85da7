// The documentation Markdown that ships inside the installed npm packages (READMEs, changelogs,
// guides; the lockfile pins them), split into two fixed halves by package name. They are real
// documentation written for people: imperative steps, headings, "you can …", release notes. The
// instruction-like scorer trains on one half as clean text and is evaluated on the other, which no
// training step has seen. Left out: the docs of a prompt-injection detector (its README quotes
// injections on purpose) and agent skill files (instructions written for a coding agent to follow).
import fs from 'node:fs';
import path from 'node:path';

const EXCLUDED = [
  { test: (rel) => rel.startsWith('@andersmyrmel/vard/'), why: 'a prompt-injection detector whose README quotes injections' },
  { test: (rel) => rel.includes('/skills/'), why: 'agent skill files: instructions written for a coding agent' },
];

/** Every .md file under `dir`, sorted; tool caches (.cache) hold clones of other checkouts, not package docs. */
export function listMarkdown(dir) {
  const out = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.cache') stack.push(full);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(full);
    }
  }
  return out.sort();
}

/** The package a file under node_modules belongs to (the innermost one, scoped names kept whole). */
function packageOf(rel) {
  const parts = rel.split('/node_modules/').pop().split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** A stable half for a package: the parity of a 32-bit FNV-1a hash of its name. */
function halfOf(name) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 2 === 0 ? 'train' : 'test';
}

/** Every documentation page with its package and half; empty when node_modules is absent. */
export function documentationPages(repoRoot) {
  const root = path.join(repoRoot, 'node_modules');
  if (!fs.existsSync(root)) return [];
  const pages = [];
  for (const file of listMarkdown(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (EXCLUDED.some((e) => e.test(rel))) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim() === '') continue;
    const name = packageOf(rel);
    pages.push({ file, rel, package: name, half: halfOf(name), text });
  }
  return pages;
}

/**
 * The ground-truth article texts of markup-dev: news, blogs and shop pages, web prose with rhetorical
 * and interview questions, quoted speech and first-person narrative. No training step reads them, so
 * every one is held out. Empty when ../shared is not beside the repository.
 */
export function articlePages(repoRoot) {
  const dir = path.resolve(repoRoot, '..', 'shared', 'data', 'markup-dev');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.endsWith('.clean.txt')).sort().map((name) => ({
    file: path.join(dir, name), id: name.slice(0, -'.clean.txt'.length), text: fs.readFileSync(path.join(dir, name), 'utf8'),
  }));
}
