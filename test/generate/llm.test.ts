import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { chatCompletion, DEFAULT_CLIENT_OPTIONS, LlmError, parseRetryAfter, type LlmClientOptions } from '../../src/generate/llm-client.js';
import { Limiter, LlmSource, type LlmSourceOptions } from '../../src/generate/llm-source.js';
import { parseReply } from '../../src/generate/llm-prompts.js';
import { groundAnswer } from '../../src/generate/grounding.js';
import type { CleanDocument } from '../../src/generate/pipeline.js';
import { groundedReply, startServer, targetOf, type TestServer } from './llm-server.js';
import { tmpTree } from '../support/tmp.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function clientOptions(baseUrl: string, waits: number[] = [], extra: Partial<LlmClientOptions> = {}): LlmClientOptions {
  // Backoff waits are recorded instead of slept, so the tests do not depend on the clock.
  return { ...DEFAULT_CLIENT_OPTIONS, baseUrl, timeoutMs: 5_000, random: () => 0.5, sleep: async (ms) => void waits.push(ms), ...extra };
}

const request = { model: 'test-model', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('chat-completions client against a local server', () => {
  it('retries a 429 and honours Retry-After', async () => {
    server = await startServer((_body, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '3' }, raw: '{"error":"slow down"}' } : { content: 'ok' }));
    const waits: number[] = [];
    const stats = { calls: 0, retries: 0 };
    expect(await chatCompletion(request, clientOptions(server.baseUrl, waits), stats)).toBe('ok');
    expect(server.requests.length).toBe(2);
    expect(waits).toEqual([3000]);
    expect(stats).toEqual({ calls: 2, retries: 1 });
  });

  it('retries 500 with jittered exponential backoff and gives up after maxRetries', async () => {
    server = await startServer(() => ({ status: 500, raw: 'internal error' }));
    const waits: number[] = [];
    const error = await chatCompletion(request, clientOptions(server.baseUrl, waits, { maxRetries: 3, backoffBaseMs: 100 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).reason).toBe('http-500');
    expect(server.requests.length).toBe(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('does not retry a 400', async () => {
    server = await startServer(() => ({ status: 400, raw: '{"error":"bad"}' }));
    const error = (await chatCompletion(request, clientOptions(server.baseUrl)).catch((e: unknown) => e)) as LlmError;
    expect(error.reason).toBe('http-400');
    expect(server.requests.length).toBe(1);
  });

  it('reports a response body that is not JSON', async () => {
    server = await startServer(() => ({ raw: '{"choices": [ {"message": ' }));
    const error = (await chatCompletion(request, clientOptions(server.baseUrl)).catch((e: unknown) => e)) as LlmError;
    expect(error.reason).toBe('malformed-response');
  });

  it('times out a slow response, retries it, and succeeds when the server speeds up', async () => {
    server = await startServer((_b, i) => (i === 0 ? { content: 'late', delayMs: 2_000 } : { content: 'fast' }));
    const waits: number[] = [];
    expect(await chatCompletion(request, clientOptions(server.baseUrl, waits, { timeoutMs: 150 }))).toBe('fast');
    expect(server.requests.length).toBe(2);
    expect(waits.length).toBe(1);
  });

  it('fails with reason timeout when every attempt is too slow', async () => {
    server = await startServer(() => ({ content: 'late', delayMs: 2_000 }));
    const error = (await chatCompletion(request, clientOptions(server.baseUrl, [], { timeoutMs: 100, maxRetries: 1 })).catch((e: unknown) => e)) as LlmError;
    expect(error.reason).toBe('timeout');
    expect(server.requests.length).toBe(2);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('replies and grounding', () => {
  it('parses JSON replies, fenced or bare, and rejects anything else', () => {
    expect(parseReply('{"question":"Q?","answer":"A"}')).toEqual({ question: 'Q?', answer: 'A' });
    expect(parseReply('```json\n{"question":"Q?","answer":"A"}\n```')).toEqual({ question: 'Q?', answer: 'A' });
    expect(parseReply('Here are some questions: ...')).toBeUndefined();
    expect(parseReply('{"question":"Q?"}')).toBeUndefined();
    expect(parseReply('{"question":"  ","answer":"A"}')).toBeUndefined();
  });

  it('grounds answers exactly or by normalised tokens, and rejects the rest', () => {
    const text = 'Intro. The “Aswan High Dam” was completed in 1970.';
    const start = 7;
    expect(groundAnswer(text, start, text.length, 'completed in 1970')).toMatchObject({ grounded: true, how: 'exact' });
    const loose = groundAnswer(text, start, text.length, 'aswan  high dam.');
    expect(loose).toMatchObject({ grounded: true, how: 'normalized' });
    if (loose.grounded) expect(text.slice(loose.start, loose.end)).toBe('Aswan High Dam');
    expect(groundAnswer(text, start, text.length, 'Intro')).toEqual({ grounded: false, reason: 'not-in-target' });
    expect(groundAnswer(text, start, text.length, '   ')).toEqual({ grounded: false, reason: 'empty-answer' });
  });
});

const DOC: CleanDocument = { path: 'doc.txt', text: 'The Nile flows north. It crosses eleven countries. Cairo lies on its banks.' };
const targets = [
  { index: 0, start: 0, end: 21 },
  { index: 1, start: 22, end: 50 },
  { index: 2, start: 51, end: 76 },
];

function sourceOptions(baseUrl: string, extra: Partial<LlmSourceOptions> = {}): LlmSourceOptions {
  return { client: clientOptions(baseUrl), model: 'test-model', seed: 1, temperature: 0, maxReasks: 1, variantsPerTarget: 1, concurrency: 2, maxDocumentChars: 4000, ...extra };
}

async function collect(source: LlmSource, target = targets[0]) {
  const out = [];
  for await (const d of source.drafts(DOC, target)) out.push(d);
  return out;
}

describe('LLM draft source', () => {
  it('re-asks after malformed JSON and accepts the corrected reply', async () => {
    server = await startServer((body, i) => (i === 0 ? { content: 'Sure! Here is a question about the Nile.' } : { content: groundedReply(body) }));
    const [draft] = await collect(new LlmSource(sourceOptions(server.baseUrl)));
    expect(draft).toMatchObject({ kind: 'wh', question: 'Which word ends the sentence "The Nile flows …"?' });
    expect(DOC.text.slice((draft as { answerStart: number }).answerStart, (draft as { answerEnd: number }).answerEnd)).toBe('north');
    expect(server.requests[1].messages.at(-1)!.content).toMatch(/not a JSON object/);
  });

  it('rejects an ungrounded answer with its reason after the bounded re-asks', async () => {
    server = await startServer(() => ({ content: JSON.stringify({ question: 'Where does the Amazon flow?', answer: 'Brazil' }) }));
    const drafts = await collect(new LlmSource(sourceOptions(server.baseUrl, { maxReasks: 2 })));
    expect(drafts).toEqual([{ rejected: 'ungrounded-not-in-target' }]);
    expect(server.requests.length).toBe(3);
  });

  it('rejects an answer that the question gives away', async () => {
    server = await startServer(() => ({ content: JSON.stringify({ question: 'Does the Nile flow north?', answer: 'north' }) }));
    expect(await collect(new LlmSource(sourceOptions(server.baseUrl, { maxReasks: 0 })))).toEqual([{ rejected: 'answer-in-question' }]);
  });

  it('keeps every prompt on the target and varies the prompt between variants', async () => {
    server = await startServer((body) => ({ content: groundedReply(body) }));
    const source = new LlmSource(sourceOptions(server.baseUrl, { variantsPerTarget: 4 }));
    const variants = source.variantOrder(DOC, targets[1]);
    expect(new Set(variants).size).toBe(4);
    const prompts = variants.map((v) => source.request(DOC, targets[1], v).messages[1].content);
    expect(new Set(prompts).size).toBe(4);
    for (const p of prompts) expect(p).toContain('TARGET sentence:\n<<<\nIt crosses eleven countries.\n>>>');
    await collect(source, targets[1]);
    expect(targetOf(server.requests[0])).toBe('It crosses eleven countries.');
  });

  it('never runs more requests at once than the concurrency limit', async () => {
    let inFlight = 0;
    let peak = 0;
    server = await startServer((body) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => inFlight--, 30);
      return { content: groundedReply(body), delayMs: 30 };
    });
    const source = new LlmSource(sourceOptions(server.baseUrl, { concurrency: 2 }));
    await source.prepare([{ document: DOC, targets }]);
    expect(server.requests.length).toBe(3);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('caches only grounded replies, on disk, and serves them without a request', async () => {
    const dir = tmpTree();
    const cacheDir = path.join(dir, 'cache');
    server = await startServer((body) => (targetOf(body).startsWith('Cairo') ? { content: '{"question":"Q?","answer":"Alexandria"}' } : { content: groundedReply(body) }));
    const first = new LlmSource(sourceOptions(server.baseUrl, { cacheDir, maxReasks: 0 }));
    await first.prepare([{ document: DOC, targets }]);
    const files = fs.readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(files.length).toBe(2);
    const before = server.requests.length;
    const second = new LlmSource(sourceOptions(server.baseUrl, { cacheDir, maxReasks: 0 }));
    expect(second.isCached(DOC, targets[0])).toBe(true);
    expect(second.isCached(DOC, targets[2])).toBe(false);
    await second.prepare([{ document: DOC, targets }]);
    expect(server.requests.length - before).toBe(1);
    expect(second.stats()).toMatchObject({ cacheHits: 2 });
  });
});

describe('Limiter', () => {
  it('never lets a newcomer exceed the limit when a task hands over its slot', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setImmediate(r));
      active--;
    };
    const runs: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) runs.push(limiter.run(task));
    // Newcomers arrive while the first tasks finish and wake the waiters.
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 4; i++) runs.push(limiter.run(task));
    await Promise.all(runs);
    expect(peak).toBe(2);
  });
});
