// Builds the benchmark corpus reproducibly: the documentation Markdown shipped inside the installed npm
// packages (real READMEs, changelogs and guides; the lockfile pins them) plus markup-dev's poor.md
// pages (../shared/data, poorly converted real web pages), copied in a fixed order until the corpus
// holds at least 30 MB; and a JSONL file of at least 200 MB whose records are those documents.
import fs from 'node:fs';
import path from 'node:path';
import { listMarkdown } from '../doc-pages.mjs';

export const MARKDOWN_TARGET = 30 * 1024 * 1024;
export const JSONL_TARGET = 200 * 1024 * 1024;

export function buildCorpus(repoRoot) {
  const root = path.join(repoRoot, 'bench', 'corpus');
  const mdDir = path.join(root, 'md');
  const jsonl = path.join(root, 'records.jsonl');
  const stamp = path.join(root, 'DONE');
  if (fs.existsSync(stamp)) return { mdDir, jsonl, ...JSON.parse(fs.readFileSync(stamp, 'utf8')) };
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(mdDir, { recursive: true });
  const sources = listMarkdown(path.join(repoRoot, 'node_modules'));
  const markupDev = path.resolve(repoRoot, '..', 'shared', 'data', 'markup-dev');
  if (fs.existsSync(markupDev)) sources.push(...fs.readdirSync(markupDev).filter((f) => f.endsWith('.poor.md')).sort().map((f) => path.join(markupDev, f)));
  const texts = sources.map((file) => fs.readFileSync(file, 'utf8')).filter((t) => t.trim().length > 0);
  let bytes = 0;
  let files = 0;
  for (let round = 0; bytes < MARKDOWN_TARGET; round++) {
    for (let i = 0; i < texts.length && bytes < MARKDOWN_TARGET; i++) {
      const name = `${String(round).padStart(2, '0')}-${String(i).padStart(5, '0')}.md`;
      fs.writeFileSync(path.join(mdDir, name), texts[i]);
      bytes += Buffer.byteLength(texts[i]);
      files++;
    }
  }
  const fd = fs.openSync(jsonl, 'w');
  let jsonlBytes = 0;
  let records = 0;
  for (let round = 0; jsonlBytes < JSONL_TARGET; round++) {
    for (let i = 0; i < texts.length && jsonlBytes < JSONL_TARGET; i++) {
      const line = `${JSON.stringify({ id: `doc-${round}-${i}`, text: texts[i] })}\n`;
      fs.writeSync(fd, line);
      jsonlBytes += Buffer.byteLength(line);
      records++;
    }
  }
  fs.closeSync(fd);
  const info = { markdownBytes: bytes, markdownFiles: files, jsonlBytes, records, sources: texts.length };
  fs.writeFileSync(stamp, JSON.stringify(info));
  return { mdDir, jsonl, ...info };
}
