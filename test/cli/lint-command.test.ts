import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint } from '../support/cli.js';
import { testRegistry } from '../support/test-rules.js';
import { tmpTree } from '../support/tmp.js';

const CONFIG = { '.corpuslintrc.json': JSON.stringify({ rules: { 'test-banned-word': 'error', 'test-decoration': 'warn' } }) };

describe('lint command', () => {
  it('exits 0 on a clean corpus and 1 with errors', async () => {
    const clean = tmpTree({ ...CONFIG, 'a.md': 'fine\n' });
    expect((await runLint(['.'], clean, testRegistry)).code).toBe(0);
    const dirty = tmpTree({ ...CONFIG, 'a.md': 'BANNED\n' });
    const result = await runLint(['.'], dirty, testRegistry);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a.md');
    expect(result.stdout).toContain('test-banned-word');
  });

  it('prints parseable JSON on stdout and nothing else', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'x BANNED ~~y~~\n', 'r.jsonl': '{"id":7,"text":"BANNED"}\n' });
    const { stdout, code } = await runLint(['--format', 'json', '.'], dir, testRegistry);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 2, records: 1, errorCount: 2, warningCount: 2, fixableCount: 2 });
    const jsonl = report.files.find((f: { path: string }) => f.path === 'r.jsonl');
    expect(jsonl.findings[0]).toMatchObject({ ruleId: 'test-banned-word', start: 0, end: 6, line: 1, record: { index: 0, line: 1, id: '7' }, fix: { safety: 'safe', remove: [[0, 6]] } });
  });

  it('writes a JSON report of more than a megabyte to --output-file piece by piece, the same as on stdout', async () => {
    const files: Record<string, string> = { ...CONFIG };
    for (let i = 0; i < 40; i++) files[`doc-${String(i).padStart(2, '0')}.md`] = 'BANNED word and ~~strike~~\n'.repeat(250);
    const dir = tmpTree(files);
    const onStdout = await runLint(['--format', 'json', '.'], dir, testRegistry);
    const toFile = await runLint(['--format', 'json', '--output-file', 'out/report.json', '.'], dir, testRegistry);
    expect(toFile.code).toBe(1);
    expect(toFile.stdout).toBe('');
    const written = fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8');
    expect(written.length).toBeGreaterThan(1 << 20);
    expect(written).toBe(onStdout.stdout);
    expect(JSON.parse(written).summary.errorCount).toBe(40 * 250);
  });

  it('--max-warnings turns too many warnings into exit 1, and --quiet hides warnings', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': '~~a~~\n' });
    expect((await runLint(['.'], dir, testRegistry)).code).toBe(0);
    expect((await runLint(['--max-warnings', '1', '.'], dir, testRegistry)).code).toBe(1);
    expect((await runLint(['--max-warnings', '2', '.'], dir, testRegistry)).code).toBe(0);
    expect((await runLint(['--quiet', '--format', 'json', '.'], dir, testRegistry)).stdout).not.toContain('test-decoration');
  });

  it('--fix applies safe fixes only; --unsafe-fixes applies the rest', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'a BANNED ~~b~~\n' });
    await runLint(['--fix', '.'], dir, testRegistry);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('a ~~b~~\n');
    await runLint(['--fix', '--unsafe-fixes', '.'], dir, testRegistry);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('a b\n');
  });

  it('--diff prints a unified diff, writes nothing and exits 1', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'one\nBANNED two\nthree\n' });
    const { stdout, code } = await runLint(['--diff', '.'], dir, testRegistry);
    expect(code).toBe(1);
    expect(stdout).toBe('--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n one\n-BANNED two\n+two\n three\n');
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('one\nBANNED two\nthree\n');
  });

  it('--exit-non-zero-on-fix fails when --fix changed files', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'BANNED ok\n' });
    expect((await runLint(['--fix', '--exit-non-zero-on-fix', '.'], dir, testRegistry)).code).toBe(1);
    expect((await runLint(['--fix', '--exit-non-zero-on-fix', '.'], dir, testRegistry)).code).toBe(0);
  });

  it('--rule runs only the named rules', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'BANNED ~~x~~\n' });
    const { stdout } = await runLint(['--rule', 'test-decoration', '--format', 'json', '.'], dir, testRegistry);
    expect(JSON.parse(stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['test-decoration', 'test-decoration']);
  });

  it('--print-config shows the config for a path', async () => {
    const dir = tmpTree(CONFIG);
    const { stdout, code } = await runLint(['--print-config', 'x.jsonl'], dir, testRegistry);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.rules['test-banned-word'].severity).toBe('error');
    expect(printed.configFile).toBe(path.join(dir, '.corpuslintrc.json'));
  });

  it('exits 2 with a clear message on usage and config errors', async () => {
    const dir = tmpTree({ '.corpuslintrc.json': '{"rules":{"test-banned-word":["error",{"word":1}]}}' });
    const bad = await runLint(['.'], dir, testRegistry);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.corpuslintrc.json');
    expect(bad.stderr).toContain('rules["test-banned-word"][1].word');
    const ok = tmpTree(CONFIG);
    for (const argv of [['--format', 'nope'], ['--bogus'], ['--out-dir', 'x'], ['nothing-here.md'], ['--max-warnings', 'many']]) {
      expect((await runLint(argv, ok, testRegistry)).code, argv.join(' ')).toBe(2);
    }
  });

  it('honours .corpuslintignore, --ignore-pattern and --no-ignore', async () => {
    const dir = tmpTree({ ...CONFIG, '.corpuslintignore': 'skip/\n', 'skip/a.md': 'BANNED', 'b.md': 'fine', 'c.md': 'BANNED' });
    expect((await runLint(['.', '--ignore-pattern', 'c.md'], dir, testRegistry)).code).toBe(0);
    expect((await runLint(['.', '--no-ignore', '--ignore-pattern', 'c.md'], dir, testRegistry)).code).toBe(1);
  });
});
