// Bulk suppressions through the lint command: written by --suppress-all / --suppress-rule, keyed
// by flagged content, pruned by --prune-suppressions, with ESLint's exit codes for unused entries.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleModule } from '../src/types.js';
import { runLint } from './support/cli.js';
import { bannedWord, decoration } from './support/test-rules.js';
import { tmpTree } from './support/tmp.js';
import { parseSuppressions, serializeSuppressions } from '../src/suppressions/file.js';
import { applySuppressions, findingHash, prune, suppress } from '../src/suppressions/store.js';
import type { FileResult, Finding } from '../src/types.js';

/** Flags `[[...]]` spans, so different findings of one rule carry different text. */
const bracket: RuleModule = {
  meta: {
    id: 'test-bracket',
    description: 'Flags [[...]] spans.',
    rationale: 'Test rule.',
    docsUrl: 'https://example.invalid/rule',
    messages: { bracket: 'Bracketed span.' },
    defaultSeverity: 'error',
    recommended: true,
    options: {},
    needs: ['text'],
    examples: { valid: [], invalid: [] },
  },
  check(context) {
    for (const match of context.document.text.matchAll(/\[\[[a-z0-9 ]{0,40}\]\]/g)) {
      context.report({ messageId: 'bracket', start: match.index, end: match.index + match[0].length });
    }
  },
};

const registry = new Map<string, RuleModule>([bracket, bannedWord, decoration].map((r) => [r.meta.id, r]));
const CONFIG = { '.corpuslintrc.json': JSON.stringify({ rules: { 'test-bracket': 'error', 'test-banned-word': 'error', 'test-decoration': 'warn' } }) };
const SUPPRESSIONS = 'corpuslint-suppressions.json';

function readTable(dir: string, file = SUPPRESSIONS) {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

async function jsonRun(argv: string[], dir: string) {
  const result = await runLint([...argv, '--format', 'json'], dir, registry);
  return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
}

describe('bulk suppressions', () => {
  it('--suppress-all records error findings per file and rule with content hashes, and later runs pass', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'one [[alpha]] two [[beta]]\nBANNED ~~x~~\n' });
    expect((await jsonRun(['.'], dir)).code).toBe(1);
    const first = await jsonRun(['--suppress-all', '.'], dir);
    expect(first.code).toBe(0);
    const table = readTable(dir);
    expect(table.version).toBe(1);
    expect(Object.keys(table.suppressions)).toEqual(['a.md']);
    expect(table.suppressions['a.md']['test-bracket'].count).toBe(2);
    expect(Object.keys(table.suppressions['a.md']['test-bracket'].hashes)).toHaveLength(2);
    expect(table.suppressions['a.md']['test-banned-word'].count).toBe(1);
    // Warnings are not suppressed, as in ESLint.
    expect(table.suppressions['a.md']['test-decoration']).toBeUndefined();

    const later = await jsonRun(['.'], dir);
    expect(later.code).toBe(0);
    expect(later.report.files[0].findings.map((f: Finding) => f.ruleId)).toEqual(['test-decoration', 'test-decoration']);
  });

  it('keeps matching after edits elsewhere in the file, and reports only new findings', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'intro\n[[alpha]] and BANNED\n' });
    await jsonRun(['--suppress-all', '.'], dir);
    fs.writeFileSync(path.join(dir, 'a.md'), 'a new first line\n\nmore text\nintro\n[[alpha]] and BANNED\ntail [[gamma]]\n');
    const run = await jsonRun(['.'], dir);
    expect(run.code).toBe(1);
    const findings = run.report.files[0].findings as Finding[];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'test-bracket', line: 6 });
  });

  it('counts repeated identical text: one more occurrence than suppressed is reported', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'BANNED BANNED\n' });
    await jsonRun(['--suppress-all', '.'], dir);
    expect(readTable(dir).suppressions['a.md']['test-banned-word'].count).toBe(2);
    fs.writeFileSync(path.join(dir, 'a.md'), 'BANNED BANNED BANNED\n');
    const run = await jsonRun(['.'], dir);
    expect(run.code).toBe(1);
    expect(run.report.summary.errorCount).toBe(1);
  });

  it('keys JSONL findings by content, so a moved record stays suppressed', async () => {
    const dir = tmpTree({ ...CONFIG, 'r.jsonl': '{"id":"a","text":"x [[one]]"}\n{"id":"b","text":"clean"}\n' });
    await jsonRun(['--suppress-all', '.'], dir);
    fs.writeFileSync(path.join(dir, 'r.jsonl'), '{"id":"c","text":"new clean"}\n{"id":"b","text":"clean"}\n{"id":"a","text":"x [[one]]"}\n');
    expect((await jsonRun(['.'], dir)).code).toBe(0);
  });

  it('an unused suppression is named on stderr and exits 2, unless --pass-on-unpruned-suppressions', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': '[[alpha]] [[beta]]\n' });
    await jsonRun(['--suppress-all', '.'], dir);
    fs.writeFileSync(path.join(dir, 'a.md'), '[[beta]]\n');
    const stale = await jsonRun(['.'], dir);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('unused suppression: a.md test-bracket (1 no longer found)');
    expect(stale.stderr).toContain('--prune-suppressions');
    expect(stale.report.summary.errorCount).toBe(0);

    const passed = await jsonRun(['--pass-on-unpruned-suppressions', '.'], dir);
    expect(passed.code).toBe(0);
    expect(passed.stderr).toContain('unused suppression');
  });

  it('an edited flagged span is new, and its old entry is unused', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': '[[alpha]]\n' });
    await jsonRun(['--suppress-all', '.'], dir);
    fs.writeFileSync(path.join(dir, 'a.md'), '[[alpha2]]\n');
    const run = await jsonRun(['--pass-on-unpruned-suppressions', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.report.files[0].findings[0].ruleId).toBe('test-bracket');
  });

  it('--prune-suppressions drops entries that no longer match and files that are gone', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': '[[alpha]] [[beta]] BANNED\n', 'b.md': '[[gone]]\n' });
    await jsonRun(['--suppress-all', '.'], dir);
    fs.writeFileSync(path.join(dir, 'a.md'), '[[beta]]\n');
    fs.rmSync(path.join(dir, 'b.md'));
    const run = await jsonRun(['--prune-suppressions', '.'], dir);
    expect(run.code).toBe(0);
    const table = readTable(dir);
    expect(Object.keys(table.suppressions)).toEqual(['a.md']);
    expect(Object.keys(table.suppressions['a.md'])).toEqual(['test-bracket']);
    expect(table.suppressions['a.md']['test-bracket'].count).toBe(1);
    expect((await jsonRun(['.'], dir)).code).toBe(0);
  });

  it('--suppress-rule records only that rule and keeps the other entries', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': '[[alpha]] BANNED\n' });
    const run = await jsonRun(['--suppress-rule', 'test-bracket', '.'], dir);
    expect(run.code).toBe(1);
    expect(Object.keys(readTable(dir).suppressions['a.md'])).toEqual(['test-bracket']);
    await jsonRun(['--suppress-rule', 'test-banned-word', '.'], dir);
    expect(Object.keys(readTable(dir).suppressions['a.md']).sort()).toEqual(['test-banned-word', 'test-bracket']);
    expect((await jsonRun(['.'], dir)).code).toBe(0);
  });

  it('--suppressions-location moves the file, and a missing one is an error unless it is being written', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': '[[alpha]]\n' });
    const missing = await runLint(['--suppressions-location', 'sup/s.json', '.'], dir, registry);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    fs.mkdirSync(path.join(dir, 'sup'));
    expect((await runLint(['--suppress-all', '--suppressions-location', 'sup/s.json', '.'], dir, registry)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, SUPPRESSIONS))).toBe(false);
    expect((await runLint(['--suppressions-location', 'sup/s.json', '.'], dir, registry)).code).toBe(0);
    // Without the location, the default file is used, which does not exist: the finding is back.
    expect((await runLint(['.'], dir, registry)).code).toBe(1);
  });

  it('rejects conflicting flags, unknown rules and --stdin, before anything is written', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'BANNED\n' });
    for (const argv of [
      ['--suppress-all', '--suppress-rule', 'test-bracket', '.'],
      ['--suppress-all', '--prune-suppressions', '.'],
      ['--suppress-rule', 'test-bracket', '--prune-suppressions', '.'],
      ['--suppress-rule', 'no-such-rule', '.'],
      ['--suppress-all', '--fix', '--stdin', '--stdin-filename', 'x.md'],
    ]) {
      const run = await runLint(argv, dir, registry);
      expect(run.code, argv.join(' ')).toBe(2);
    }
    expect(fs.existsSync(path.join(dir, SUPPRESSIONS))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('BANNED\n');
  });

  it('a malformed suppressions file is a clear exit-2 error', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'x\n', [SUPPRESSIONS]: '{"version":1,"suppressions":{"a.md":{"test-bracket":{"count":3,"hashes":{"0123456789abcdef":1}}}}}' });
    const run = await runLint(['.'], dir, registry);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hashes add up to 1');
  });

  it('with --fix, only what is left after fixing is suppressed', async () => {
    const dir = tmpTree({ ...CONFIG, 'a.md': 'keep BANNED [[alpha]]\n' });
    expect((await jsonRun(['--fix', '--suppress-all', '.'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('keep [[alpha]]\n');
    expect(Object.keys(readTable(dir).suppressions['a.md'])).toEqual(['test-bracket']);
  });
});

describe('suppression table', () => {
  const finding = (excerpt: string, extra: Partial<Finding> = {}): Finding => ({
    ruleId: 'test-bracket', messageId: 'bracket', severity: 'error', message: 'm', start: 0, end: excerpt.length,
    line: 1, column: 1, endLine: 1, endColumn: excerpt.length + 1, excerpt, ...extra,
  });
  const result = (p: string, findings: Finding[]): FileResult => ({ path: p, findings, errorCount: findings.length, warningCount: 0, fixableCount: 0 });
  const known = new Set(['test-bracket']);

  it('hashes ignore position but not text, message or span length', () => {
    const base = findingHash(finding('[[a]]'));
    expect(findingHash(finding('[[a]]', { start: 500, end: 505, line: 40 }))).toBe(base);
    expect(findingHash(finding('[[b]]'))).not.toBe(base);
    expect(findingHash(finding('[[a]]', { messageId: 'other' }))).not.toBe(base);
    expect(findingHash(finding('[[a]]', { end: 900 }))).not.toBe(base);
  });

  it('does not suppress engine findings such as encoding errors', () => {
    const table = suppress({}, [result('a.md', [finding('', { ruleId: 'encoding-error', messageId: 'encoding-error' })])], known);
    expect(table).toEqual({});
  });

  it('serializes with sorted keys and round-trips through the validator', () => {
    const table = suppress({}, [result('b.md', [finding('[[z]]')]), result('a.md', [finding('[[y]]'), finding('[[y]]')])], known);
    const text = serializeSuppressions(table);
    expect(text.indexOf('"a.md"')).toBeLessThan(text.indexOf('"b.md"'));
    expect(parseSuppressions(text, 'x')).toEqual(table);
  });

  it('rejects prototype keys and malformed hashes', () => {
    expect(() => parseSuppressions('{"version":1,"suppressions":{"__proto__":{}}}', 'x')).toThrow(/forbidden/);
    expect(() => parseSuppressions('{"version":1,"suppressions":{"a":{"r":{"count":1,"hashes":{"zz":1}}}}}', 'x')).toThrow(/malformed hash/);
    expect(() => parseSuppressions('{"version":2,"suppressions":{}}', 'x')).toThrow(/version/);
  });

  it('files not linted in this run are neither matched nor reported unused', () => {
    const table = suppress({}, [result('a.md', [finding('[[a]]')]), result('b.md', [finding('[[b]]')])], known);
    const applied = applySuppressions([result('a.md', [])], table, known);
    expect(Object.keys(applied.unused)).toEqual(['a.md']);
    expect(prune(table, applied.unused, () => true)).toEqual({ 'b.md': table['b.md'] });
  });
});
