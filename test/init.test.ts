import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inferJsonlSettings } from '../src/init/infer.js';
import { loadConfig } from '../src/config/load.js';
import { ruleRegistry } from '../src/rules/index.js';
import { runLint } from './support/cli.js';
import { tmpTree } from './support/tmp.js';

const sentence = (n: number) => `Sentence ${n} of a document about river deltas, sediment and the tides that shape them. `;
const longText = (n: number) => Array.from({ length: 6 + (n % 3) }, (_, i) => sentence(i)).join('');

function jsonl(records: object[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

describe('inferJsonlSettings', () => {
  it('picks the string field with the longest average value', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ uid: `u${i}`, url: `https://example.org/articles/${i}`, title: `Title ${i}`, passage_body: longText(i), lang: 'en' }));
    const guess = inferJsonlSettings(records)!;
    expect(guess.textField).toBe('passage_body');
    expect(guess.idField).toBe('uid');
    expect(guess.why).toContain('longest string field');
  });

  it('prefers a conventional name when it is nearly as long, but not a short label', () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ id: i, text: longText(i), raw_html: `<div class="page">${longText(i).repeat(3)}</div>` }));
    expect(inferJsonlSettings(records)!.textField).toBe('text');
    const labels = Array.from({ length: 10 }, (_, i) => ({ text: 'spam', document_body: longText(i) }));
    expect(inferJsonlSettings(labels)!.textField).toBe('document_body');
  });

  it('ignores fields that few records carry and non-string values', () => {
    const records = [
      ...Array.from({ length: 9 }, (_, i) => ({ content: longText(i), meta: { long: 'x'.repeat(5000) } })),
      { content: 'short', rare: 'y'.repeat(100_000) },
    ];
    expect(inferJsonlSettings(records)!.textField).toBe('content');
  });

  it('sets the format only when most texts are clearly HTML or Markdown', () => {
    const html = Array.from({ length: 10 }, (_, i) => ({ text: `<div><p>${longText(i)}</p></div>` }));
    expect(inferJsonlSettings(html)!.format).toBe('html');
    const markdown = Array.from({ length: 10 }, (_, i) => ({ text: `# Heading ${i}\n\n${longText(i)}\n\n- a point\n` }));
    expect(inferJsonlSettings(markdown)!.format).toBe('markdown');
    const plain = Array.from({ length: 10 }, (_, i) => ({ text: longText(i) }));
    expect(inferJsonlSettings(plain)!.format).toBeUndefined();
  });

  it('returns undefined when no record has a string field', () => {
    expect(inferJsonlSettings([{ n: 1 }, { n: 2 }])).toBeUndefined();
  });
});

describe('corpuslint --init', () => {
  it('writes a valid starter config with the text field sampled from the given files', async () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ doc_id: `d${i}`, url: `https://example.org/${i}`, content: longText(i) }));
    const dir = tmpTree({ 'data/part-1.jsonl': jsonl(records.slice(0, 20)), 'notes.md': '# Notes\n' });
    fs.writeFileSync(path.join(dir, 'data', 'part-2.jsonl.gz'), zlib.gzipSync(jsonl(records.slice(20))));
    const run = await runLint(['--init', 'data/'], dir, ruleRegistry);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('JSONL text field: "content"');
    expect(run.stdout).toContain('sampled 40 records from 2 files');
    const written = JSON.parse(fs.readFileSync(path.join(dir, '.corpuslintrc.json'), 'utf8'));
    expect(written).toEqual({ extends: 'corpuslint:recommended', jsonl: { textField: 'content', idField: 'doc_id', format: 'text' } });
    // The written file is a config corpuslint accepts, and the lint run then reads the records' text.
    const loaded = await loadConfig({ cwd: dir, registry: ruleRegistry });
    expect(loaded.file).toBe(path.join(dir, '.corpuslintrc.json'));
    const lint = await runLint(['data/part-1.jsonl', '--format', 'json'], dir, ruleRegistry);
    const report = JSON.parse(lint.stdout);
    expect(report.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'parse-error')).toEqual([]);
  });

  it('writes the recommended preset alone when there is no JSONL to sample', async () => {
    const dir = tmpTree({ 'a.md': '# A\n\nText.\n' });
    const run = await runLint(['--init'], dir, ruleRegistry);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.corpuslintrc.json'), 'utf8'))).toEqual({ extends: 'corpuslint:recommended' });
  });

  it('never overwrites an existing config', async () => {
    const dir = tmpTree({ '.corpuslintrc.yaml': 'extends: corpuslint:strict\n', 'a.jsonl': jsonl([{ text: longText(1) }]) });
    const run = await runLint(['--init', 'a.jsonl'], dir, ruleRegistry);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.corpuslintrc.yaml already exists');
    expect(fs.existsSync(path.join(dir, '.corpuslintrc.json'))).toBe(false);
  });
});
