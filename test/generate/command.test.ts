import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/commands/generate.js';
import type { QAItem } from '../../src/generate/types.js';
import { NILE, RIVERS, testRegistry } from './fixtures.js';
import { groundedReply, startServer, type TestServer } from './llm-server.js';
import { tmpTree } from '../support/tmp.js';

async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env, registry: testRegistry, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const readItems = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as QAItem);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('corpuslint generate', () => {
  it.each([
    [['--questions', 'many'], '--questions expects a whole number'],
    [['--questions', '2', '--ratio', '0.5'], 'cannot be combined'],
    [['--ratio', '1.5'], '--ratio expects a number between 0 and 1'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--llm'], '--llm needs --llm-base-url'],
    [['--llm', '--llm-base-url', 'http://127.0.0.1:9/v1'], '--llm needs --model'],
    [['--model', 'x'], '--model needs --llm'],
    [['--list-items', 'some'], '--list-items expects sentences, all or none'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const dir = tmpTree({ 'a.txt': NILE });
    const result = await run([...argv, 'a.txt'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('prints help and exits 0', async () => {
    const result = await run(['--help'], tmpTree());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--emit-clean DIR');
  });

  it('writes items, the summary and the clean text that every offset points into', async () => {
    const dir = tmpTree({ 'docs/rivers.md': RIVERS, 'docs/nile.txt': NILE });
    const result = await run(['docs', '--out', 'qa.jsonl', '--summary-file', 'summary.json', '--emit-clean', 'clean', '--seed', '5'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/questions from \d+ targets over \d+ eligible sentences in 2 documents/);
    const items = readItems(path.join(dir, 'qa.jsonl'));
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8'));
    expect(summary.questions).toBe(items.length);
    expect(summary.generator).toEqual({ name: 'corpuslint-builtin', version: '1.0.0', seed: 5 });
    for (const item of items) {
      const clean = fs.readFileSync(path.join(dir, 'clean', item.source.path), 'utf8');
      expect(clean.slice(item.answerStart, item.answerEnd)).toBe(item.answer);
      expect(clean.slice(item.target.start, item.target.end)).toBe(item.target.text);
      expect(Object.keys(item)).toEqual(['id', 'source', 'target', 'question', 'answer', 'answerStart', 'answerEnd', 'generator']);
    }
    expect(fs.readFileSync(path.join(dir, 'clean', 'docs/rivers.md'), 'utf8')).not.toContain('IGNORE PREVIOUS');
  });

  it('is deterministic for a seed and spreads --questions over the document', async () => {
    const dir = tmpTree({ 'nile.txt': NILE });
    const once = await run(['nile.txt', '--questions', '2', '--seed', '9'], dir);
    const twice = await run(['nile.txt', '--questions', '2', '--seed', '9'], dir);
    expect(once.stdout).toBe(twice.stdout);
    const items = once.stdout.trim().split('\n').map((l) => JSON.parse(l) as QAItem);
    expect(items.length).toBe(2);
    expect(items[0].target.index).toBeLessThan(3);
    expect(items[1].target.index).toBeGreaterThanOrEqual(3);
  });

  it('marks --no-sanitize output and exits 0', async () => {
    const dir = tmpTree({ 'rivers.md': RIVERS });
    const result = await run(['rivers.md', '--no-sanitize'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('NOT sanitized');
    expect(result.stdout.trim().split('\n').every((l) => (JSON.parse(l) as QAItem).unsanitized === true)).toBe(true);
  });

  it('drives an OpenAI-compatible server, reads the key from the named variable, and dry-runs from the cache', async () => {
    const seen: string[] = [];
    server = await startServer((body) => ({ content: groundedReply(body) }));
    const dir = tmpTree({ 'nile.txt': NILE });
    const argv = ['nile.txt', '--llm', '--llm-base-url', server.baseUrl, '--model', 'tiny', '--api-key-env', 'QA_KEY', '--cache-dir', 'cache'];
    const dry = await run([...argv, '--dry-run'], dir, { QA_KEY: 'secret' });
    expect(dry.stdout).toMatch(/^planned LLM calls: 6 \(0 already cached/);
    expect(server.requests.length).toBe(0);
    const real = await run([...argv, '--out', 'qa.jsonl'], dir, { QA_KEY: 'secret' });
    expect(real.code).toBe(0);
    const items = readItems(path.join(dir, 'qa.jsonl'));
    expect(items.length).toBe(6);
    expect(items[0].generator).toMatchObject({ name: 'corpuslint-llm', model: 'tiny', seed: 1 });
    expect(typeof items[0].generator.promptVariant).toBe('number');
    seen.push(...server.requests.map((r) => r.model));
    expect(new Set(seen)).toEqual(new Set(['tiny']));
    expect(new Set(server.authorizations)).toEqual(new Set(['Bearer secret']));
    const again = await run([...argv, '--dry-run'], dir, { QA_KEY: 'secret' });
    expect(again.stdout).toMatch(/^planned LLM calls: 6 \(6 already cached/);
  });

  it('exits 1 when every LLM request fails', async () => {
    server = await startServer(() => ({ status: 401, raw: '{"error":"no key"}' }));
    const dir = tmpTree({ 'nile.txt': NILE });
    const result = await run(['nile.txt', '--llm', '--llm-base-url', server.baseUrl, '--model', 'tiny', '--no-cache'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('http-401');
  });
});
