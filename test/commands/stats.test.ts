import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsCommand, type StatsReport } from '../../src/commands/stats.js';
import { Document } from '../../src/document/document.js';
import { analyseSalience, salienceOptions } from '../../src/salience/index.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'salience');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpuslint-stats-'));
  for (const name of ['clean-article.md', 'article-with-table.md', 'article-with-bold-nav.md']) fs.copyFileSync(path.join(fixtures, name), path.join(dir, name));
  const records = [
    { id: 'a', text: 'The ferry to Skye sails twice a day from Mallaig. It carries 200 passengers and 40 cars.' },
    { id: 'b', text: 'Home | News | Sport' },
  ];
  fs.writeFileSync(path.join(dir, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function stats(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await statsCommand(argv, { cwd: dir, env: {}, stdoutIsTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('corpuslint stats', () => {
  it('emits per-document and corpus figures as JSON, computed by the salience model', async () => {
    const { code, stdout, stderr } = await stats(['--format', 'json', '.']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as StatsReport;
    expect(report.documents.map((d) => d.path)).toEqual(['article-with-bold-nav.md', 'article-with-table.md', 'clean-article.md', 'records.jsonl', 'records.jsonl']);
    const table = report.documents.find((d) => d.path === 'article-with-table.md')!;
    const text = fs.readFileSync(path.join(dir, 'article-with-table.md'), 'utf8');
    const direct = analyseSalience(new Document({ text, format: 'markdown', path: 'x' }), salienceOptions({})).figures;
    expect(table).toMatchObject({ units: direct.units, gini: direct.gini, coverage: direct.coverage, flagged: direct.reasons, lowContentHotspotShare: direct.lowContentHotspotShare });
    expect(table.hotspots[0]).toMatch(/^table \(40 cells/);
    expect(report.documents.filter((d) => d.record).map((d) => d.record!.id)).toEqual(['a', 'b']);
    expect(report.corpus.documents).toBe(5);
    expect(report.corpus.flagged).toBe(2);
    expect(report.corpus.distribution.coverage.min).toBeLessThanOrEqual(report.corpus.distribution.coverage.median);
    expect(report.corpus.worst.length).toBe(5);
    const relatives = report.corpus.worst.map((d) => d.relativeCoverage);
    expect(relatives).toEqual([...relatives].sort((a, b) => a - b));
  });

  it('prints a text report with the per-document table, the distribution and the worst documents', async () => {
    const { code, stdout } = await stats(['article-with-bold-nav.md', 'clean-article.md', '--top', '1', '--no-color']);
    expect(code).toBe(0);
    expect(stdout).toContain('article-with-bold-nav.md');
    expect(stdout).toMatch(/article-with-bold-nav\.md\s+32\s/);
    expect(stdout).toContain('low-content hotspots');
    expect(stdout).toContain('Corpus: 2 documents, 1 flagged by salience-skew (50%)');
    expect(stdout).toContain('coverage / uniform');
    expect(stdout).toMatch(/Worst covered[^\n]*\n {2}1\. article-with-bold-nav\.md/);
    expect(stdout).not.toMatch(/ {2}2\. /);
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours only when asked', async () => {
    expect((await stats(['clean-article.md', '--color'])).stdout).toContain('\u001b[');
  });

  it('reads the rule options from the config', async () => {
    const config = path.join(dir, 'lenient.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'salience-skew': ['warn', { maxLowContentShare: 1, minCoverage: 0 }] } }));
    const { code, stdout } = await stats(['--format', 'json', '--config', config, 'article-with-table.md']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as StatsReport).corpus.flagged).toBe(0);
  });

  it('honours --ignore-pattern', async () => {
    const { stdout } = await stats(['--format', 'json', '--ignore-pattern', '*.jsonl', '--ignore-pattern', 'article-*', '.']);
    expect((JSON.parse(stdout) as StatsReport).documents.map((d) => d.path)).toEqual(['clean-article.md']);
  });

  it('exits 2 with a message on usage errors', async () => {
    for (const argv of [['--format', 'xml'], ['--top', '-1'], ['--top', 'many'], ['--bogus'], ['missing.md'], ['--config', 'nope.json', '.'], ['--color', '--no-color']]) {
      const { code, stdout, stderr } = await stats(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^corpuslint stats: /);
    }
  });

  it('prints help', async () => {
    const { code, stdout } = await stats(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: corpuslint stats');
  });
});
