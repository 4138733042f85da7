import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run, type FixMode, type RunInput } from '../../src/engine/run.js';
import type { LoadedConfig } from '../../src/config/load.js';
import type { UserConfig } from '../../src/config/types.js';
import { testRegistry } from '../support/test-rules.js';
import { tmpTree } from '../support/tmp.js';

function loaded(dir: string, config: UserConfig = { rules: { 'test-banned-word': 'error' } }): LoadedConfig {
  return { file: undefined, config, baseDir: dir };
}

function input(dir: string, name: string): RunInput {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const kind = base.endsWith('.jsonl') ? 'jsonl' : base.endsWith('.md') ? 'markdown' : base.endsWith('.html') ? 'html' : 'text';
  const absolute = path.join(dir, name);
  return { path: name, absolute, kind, gzip, configPath: absolute, outPath: name };
}

async function lint(dir: string, names: string[], fixMode: FixMode = 'none', config?: UserConfig, outDir?: string) {
  return run(names.map((n) => input(dir, n)), { registry: testRegistry, loaded: loaded(dir, config), fixMode, outDir, selection: { unsafe: false } });
}

const JSONL = [
  '{"id":"a","text":"clean record","score":1.0,"meta":{"x":"\\u00e9"}}',
  '{not json',
  '{"id":"b","text":"has BANNED here","n":1.50,"tags":["\\u00e9",null]}',
  '[1,2]',
  '{"id":"c","body":"no text field"}',
  '',
  '{"id":"d","text":"also clean"}',
].join('\r\n');

describe('JSONL', () => {
  it('reports bad lines with their line numbers and keeps going', async () => {
    const dir = tmpTree({ 'c.jsonl': JSONL });
    const { files } = await lint(dir, ['c.jsonl']);
    const findings = files[0].result.findings;
    expect(findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.line)).toEqual([2, 4, 5]);
    const banned = findings.find((f) => f.ruleId === 'test-banned-word')!;
    expect(banned.record).toEqual({ index: 2, line: 3, id: 'b' });
    expect([banned.start, banned.end]).toEqual([4, 10]);
    expect(files[0].result.records).toBe(6);
  });

  it('--fix changes only the text field of fixed records and writes every other line byte for byte', async () => {
    const dir = tmpTree({ 'c.jsonl': JSONL });
    await lint(dir, ['c.jsonl'], 'write');
    const before = JSONL.split('\r\n');
    const after = fs.readFileSync(path.join(dir, 'c.jsonl'), 'utf8').split('\r\n');
    expect(after).toHaveLength(before.length);
    expect(after[2]).toBe('{"id":"b","text":"has here","n":1.50,"tags":["\\u00e9",null]}');
    for (const i of [0, 1, 3, 4, 5, 6]) expect(after[i]).toBe(before[i]);
  });

  it('writes gzipped input back gzipped', async () => {
    const dir = tmpTree({ 'c.jsonl.gz': zlib.gzipSync('{"text":"BANNED word"}\n{"text":"fine"}\n') });
    await lint(dir, ['c.jsonl.gz'], 'write');
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'c.jsonl.gz'))).toString()).toBe('{"text":"word"}\n{"text":"fine"}\n');
  });

  it('reports a truncated gzip as a fatal read error and leaves the file intact', async () => {
    const full = zlib.gzipSync('{"text":"BANNED"}\n'.repeat(2000));
    const truncated = full.subarray(0, Math.floor(full.length / 2));
    const dir = tmpTree({ 't.jsonl.gz': truncated });
    const outcome = await lint(dir, ['t.jsonl.gz'], 'write');
    expect(outcome.fatal).toBe(true);
    expect(outcome.files[0].result.findings.some((f) => f.ruleId === 'read-error' && /truncated/.test(f.message))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 't.jsonl.gz')).equals(truncated)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['t.jsonl.gz']);
  });

  it('reports a UTF-16 JSONL file once, not once per line, and leaves it as it was', async () => {
    const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"BANNED"}\n{"text":"x"}\n', 'utf16le')]);
    const dir = tmpTree({ 'w.jsonl': wide, 'w2.jsonl.gz': zlib.gzipSync(wide) });
    const { files } = await lint(dir, ['w.jsonl', 'w2.jsonl.gz'], 'write');
    expect(files[0].result.findings.map((f) => [f.ruleId, f.line])).toEqual([['encoding-error', 1]]);
    expect(files[0].result.findings[0].message).toMatch(/UTF-16LE text .* reads UTF-8 only/);
    // Through gzip the file is read as a stream: its first line gets the same message.
    expect(files[1].result.findings[0].message).toMatch(/UTF-16LE text/);
    expect(fs.readFileSync(path.join(dir, 'w.jsonl')).equals(wide)).toBe(true);
  });

  it('passes a line of invalid UTF-8 through unchanged', async () => {
    const bad = Buffer.concat([Buffer.from('{"text":"BANNED"}\n{"text":"x'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const dir = tmpTree({ 'u.jsonl': bad });
    const { files } = await lint(dir, ['u.jsonl'], 'write');
    expect(files[0].result.findings.map((f) => f.ruleId)).toEqual(['encoding-error']);
    const after = fs.readFileSync(path.join(dir, 'u.jsonl'));
    expect(after.equals(Buffer.concat([Buffer.from('{"text":""}\n{"text":"x'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]))).toBe(true);
  });
});

describe('whole files', () => {
  it('fixes in place atomically and keeps the file mode', async () => {
    const dir = tmpTree({ 'a.md': '# Title\n\nSome BANNED text.\n' });
    fs.chmodSync(path.join(dir, 'a.md'), 0o640);
    const { files } = await lint(dir, ['a.md'], 'write');
    expect(files[0].changed).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('# Title\n\nSome text.\n');
    expect(fs.statSync(path.join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
  });

  it('does not touch files that need no fix', async () => {
    const dir = tmpTree({ 'a.txt': 'fine\n' });
    const before = fs.statSync(path.join(dir, 'a.txt')).mtimeMs;
    await lint(dir, ['a.txt'], 'write');
    expect(fs.statSync(path.join(dir, 'a.txt')).mtimeMs).toBe(before);
  });

  it('--out-dir writes every input under the directory and leaves inputs untouched', async () => {
    const dir = tmpTree({ 'sub/a.txt': 'a BANNED b', 'b.txt': 'clean' });
    const out = path.join(dir, 'out');
    await lint(dir, ['sub/a.txt', 'b.txt'], 'out-dir', undefined, out);
    expect(fs.readFileSync(path.join(out, 'sub/a.txt'), 'utf8')).toBe('a b');
    expect(fs.readFileSync(path.join(out, 'b.txt'), 'utf8')).toBe('clean');
    expect(fs.readFileSync(path.join(dir, 'sub/a.txt'), 'utf8')).toBe('a BANNED b');
  });

  it('dry run returns the fixed text and writes nothing', async () => {
    const dir = tmpTree({ 'a.txt': 'x BANNED' });
    const { files } = await lint(dir, ['a.txt'], 'dry-run');
    expect(files[0].result.output).toBe('x');
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('x BANNED');
  });

  it('reports invalid UTF-8 with its byte offset and never rewrites the file', async () => {
    const bytes = Buffer.concat([Buffer.from('ok BANNED\nline two '), Buffer.from([0xc3, 0x28])]);
    const dir = tmpTree({ 'bad.txt': bytes });
    const { files } = await lint(dir, ['bad.txt'], 'write');
    const finding = files[0].result.findings[0];
    expect(finding.ruleId).toBe('encoding-error');
    expect(finding.message).toContain('byte offset 19');
    expect(finding.line).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'bad.txt')).equals(bytes)).toBe(true);
  });

  it('names a UTF-16 file as such, reports it as an error and never rewrites it', async () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a BANNED b\n', 'utf16le')]);
    const big = Buffer.from([0xfe, 0xff, 0x00, 0x42]);
    const dir = tmpTree({ 'le.txt': little, 'be.md': big });
    const { files } = await lint(dir, ['le.txt', 'be.md'], 'write');
    expect(files.map((f) => f.result.findings.map((x) => [x.ruleId, x.severity, x.line]))).toEqual([
      [['encoding-error', 'error', 1]],
      [['encoding-error', 'error', 1]],
    ]);
    expect(files[0].result.findings[0].message).toContain('le.txt is UTF-16LE text');
    expect(files[1].result.findings[0].message).toContain('be.md is UTF-16BE text');
    expect(fs.readFileSync(path.join(dir, 'le.txt')).equals(little)).toBe(true);
  });

  it('skips binary files with a warning', async () => {
    const dir = tmpTree({ 'b.txt': Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02]) });
    const { files } = await lint(dir, ['b.txt']);
    expect(files[0].result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['binary-file', 'warning']]);
  });

  it('contains a crashing rule to the document and marks the run fatal', async () => {
    const dir = tmpTree({ 'a.txt': 'CRASH', 'b.txt': 'BANNED' });
    const outcome = await lint(dir, ['a.txt', 'b.txt'], 'none', { rules: { 'test-crash': 'error', 'test-banned-word': 'error' } });
    expect(outcome.fatal).toBe(true);
    expect(outcome.files[0].result.findings[0]).toMatchObject({ ruleId: 'rule-error' });
    expect(outcome.files[1].result.findings[0]).toMatchObject({ ruleId: 'test-banned-word' });
  });

  it('reports a document over the size limit and leaves it unfixed', async () => {
    const dir = tmpTree({ 'a.txt': 'BANNED '.repeat(50) });
    const { files } = await lint(dir, ['a.txt'], 'write', { rules: { 'test-banned-word': 'error' }, limits: { maxDocumentLength: 100 } });
    expect(files[0].result.findings.map((f) => f.ruleId)).toEqual(['too-large']);
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('BANNED '.repeat(50));
  });
});

describe('corpus passes and directives', () => {
  it('gives a corpus rule the state of every document before checking', async () => {
    const dir = tmpTree({ 'a.txt': 'Home | About\nunique a', 'b.txt': 'Home | About\nunique b' });
    const { files } = await lint(dir, ['a.txt', 'b.txt'], 'none', { rules: { 'test-recurring': 'warn' } });
    expect(files.map((f) => f.result.findings.map((x) => x.message))).toEqual([['Line recurs in 2 documents.'], ['Line recurs in 2 documents.']]);
  });

  it('ignores inline directives by default and honours them under allowInlineConfig', async () => {
    const text = '<!-- corpuslint-disable test-banned-word -->\nBANNED\n';
    const dir = tmpTree({ 'a.md': text });
    const off = await lint(dir, ['a.md']);
    expect(off.files[0].result.errorCount).toBe(1);
    const on = await lint(dir, ['a.md'], 'none', { rules: { 'test-banned-word': 'error' }, allowInlineConfig: true });
    expect(on.files[0].result.errorCount).toBe(0);
  });
});
