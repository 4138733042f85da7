import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import fs from 'node:fs';
import { runGenerate, type GenerateRunOptions } from '../../src/generate/pipeline.js';
import { builtinSource } from '../../src/generate/builtin.js';
import { DEFAULT_ELIGIBILITY } from '../../src/generate/eligibility.js';
import { LlmSource } from '../../src/generate/llm-source.js';
import { DEFAULT_CLIENT_OPTIONS } from '../../src/generate/llm-client.js';
import { loadConfig } from '../../src/config/load.js';
import type { RunInput } from '../../src/engine/run.js';
import type { QAItem } from '../../src/generate/types.js';
import type { RuleModule } from '../../src/types.js';
import { frontedQuestion, NILE, RIVERS, testRegistry } from './fixtures.js';
import { groundedReply, startServer, type TestServer } from './llm-server.js';
import { tmpTree } from '../support/tmp.js';

function input(name: string, text: string): RunInput {
  return { path: name, bytes: Buffer.from(text), kind: name.endsWith('.jsonl') ? 'jsonl' : name.endsWith('.md') ? 'markdown' : 'text', gzip: false, configPath: path.resolve(name) };
}

async function generate(inputs: RunInput[], extra: Partial<GenerateRunOptions> = {}, registry: ReadonlyMap<string, RuleModule> = testRegistry) {
  const items: QAItem[] = [];
  const clean = new Map<string, string>();
  const loaded = await loadConfig({ cwd: tmpTree(), noLookup: true, registry });
  const summary = await runGenerate(inputs, {
    registry,
    loaded,
    sanitize: true,
    allowFindings: false,
    eligibility: DEFAULT_ELIGIBILITY,
    budget: { kind: 'all' },
    seed: 1,
    source: builtinSource,
    onItem: (item) => items.push(item),
    onCleanDocument: (document) => clean.set(`${document.path}#${document.record ?? ''}`, document.text),
    ...extra,
  });
  return { items, clean, summary };
}

function expectGrounded(items: QAItem[], clean: Map<string, string>) {
  for (const item of items) {
    const text = clean.get(`${item.source.path}#${item.source.record ?? ''}`)!;
    expect(text.slice(item.target.start, item.target.end)).toBe(item.target.text);
    expect(text.slice(item.answerStart, item.answerEnd)).toBe(item.answer);
    expect(item.answerStart).toBeGreaterThanOrEqual(item.target.start);
    expect(item.answerEnd).toBeLessThanOrEqual(item.target.end);
  }
}

describe('generate pipeline', () => {
  it('generates from the sanitized text only, with offsets into it', async () => {
    const { items, clean, summary } = await generate([input('rivers.md', RIVERS)]);
    expect(clean.get('rivers.md#')).not.toContain('IGNORE PREVIOUS');
    expect(items.length).toBeGreaterThan(3);
    expect(items.some((i) => i.target.text.includes('Rhine rises'))).toBe(true);
    expectGrounded(items, clean);
    expect(summary).toMatchObject({ sanitized: true, coverage: 1, questions: items.length, eligible: items.length });
    expect(summary.ineligibleUnits).toMatchObject({ heading: 1, 'list-stub': 1 });
  });

  it('skips documents with error findings left after the fix, unless findings are allowed', async () => {
    const docs = [input('a.txt', NILE), input('b.txt', 'The Volga is the longest river in Europe. This line is FORBIDDEN forever.')];
    const strict = await generate(docs);
    expect(strict.summary.documentsSkipped).toEqual({ count: 1, reasons: { 'error-findings': 1 } });
    expect(new Set(strict.items.map((i) => i.source.path))).toEqual(new Set(['a.txt']));
    const lenient = await generate(docs, { allowFindings: true });
    expect(lenient.summary.documentsSkipped.count).toBe(0);
    expect(lenient.items.filter((i) => i.source.path === 'b.txt').map((i) => i.target.text)).toEqual(['The Volga is the longest river in Europe.']);
    expect(lenient.summary.ineligibleUnits['flagged']).toBe(1);
  });

  it('marks items made without sanitizing', async () => {
    const { items, clean, summary } = await generate([input('rivers.md', RIVERS)], { sanitize: false });
    expect(clean.get('rivers.md#')).toBe(RIVERS);
    expect(items.every((i) => i.unsanitized === true)).toBe(true);
    expect(summary.sanitized).toBe(false);
  });

  it('reads JSONL records and names them in the source', async () => {
    const jsonl = `${JSON.stringify({ id: 'n1', text: NILE })}\n${JSON.stringify({ id: 'n2', text: 'The Volga is the longest river in Europe. It flows into the Caspian Sea.' })}\n`;
    const { items, clean } = await generate([input('rivers.jsonl', jsonl)]);
    expect(items.find((i) => i.source.docId === 'n2')?.source).toEqual({ path: 'rivers.jsonl', record: 1, docId: 'n2' });
    expectGrounded(items, clean);
  });

  it('drops a sentence repeated across documents from eligibility instead of asking twice', async () => {
    const { items, summary } = await generate([input('a.txt', NILE), input('b.txt', NILE)]);
    expect(summary.ineligibleUnits.repeated).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.question)).size).toBe(items.length);
    expect(summary.coverage).toBe(1);
  });

  it('keeps questions that the sanitizer rules flag out of the output', async () => {
    const registry = new Map([...testRegistry, [frontedQuestion.meta.id, frontedQuestion]]);
    const text = 'Alice Walker wrote the novel. Bob Marley sang the song. Carl Sagan hosted the series.';
    const { items, summary } = await generate([input('people.txt', text)], {}, registry);
    expect(items.length).toBe(3);
    expect(items.some((i) => i.question.startsWith('Who'))).toBe(false);
    expect(summary.coverage).toBe(1);
  });

  it('covers exactly min(1, k/n) and grounds every answer, for any document and budget', async () => {
    const sentence = fc.constantFrom(
      'The Nile flows through 11 countries.',
      'Cairo was founded in 969 by the Fatimids.',
      'Dr. Jane Goodall studied chimpanzees in Tanzania.',
      'Roughly 95% of the people live near the river.',
      'The dam was completed in 1970 after a decade of work.',
      'Ships carried grain to Rome for centuries.',
      'The delta covers about 240 km of coastline.',
      'Farmers rely on floods to water crops.',
      'Short one.',
      '# A heading line',
      '- a list stub',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(sentence, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 99 }), async (sentences, k, seed) => {
        // Numbering the sentences keeps them distinct, so none is dropped as a repeat.
        const text = sentences.map((s, i) => (s.startsWith('#') || s.startsWith('-') ? `\n${s}\n` : `${s.replace(/\.$/, '')} in part ${i + 1}.`)).join(' ');
        const { items, clean, summary } = await generate([input('doc.md', text)], { budget: { kind: 'questions', perDocument: k }, seed }, new Map());
        expectGrounded(items, clean);
        const n = summary.eligible;
        expect(summary.coverage).toBe(n === 0 ? 0 : Math.min(1, k / n) === 1 ? 1 : Math.min(k, n) / n);
        expect(new Set(items.map((i) => i.target.index)).size).toBe(items.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('LLM run interrupted and resumed', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('replays finished requests from the cache and sends only the rest', async () => {
    server = await startServer((body) => ({ content: groundedReply(body) }));
    const cacheDir = path.join(tmpTree(), 'cache');
    const docs = [input('a.txt', NILE), input('b.txt', 'The Volga is the longest river in Europe. It flows into the Caspian Sea near Astrakhan.')];
    const source = () =>
      new LlmSource({
        client: { ...DEFAULT_CLIENT_OPTIONS, baseUrl: server!.baseUrl, timeoutMs: 5_000 },
        model: 'test-model',
        seed: 3,
        temperature: 0,
        maxReasks: 1,
        variantsPerTarget: 1,
        concurrency: 2,
        maxDocumentChars: 4000,
        cacheDir,
      });
    // The first run dies after its second item, as a killed process would.
    const firstItems: QAItem[] = [];
    const interrupted = generate(docs, {
      source: source(),
      batchTargets: 2,
      onItem: (item) => {
        firstItems.push(item);
        if (firstItems.length === 2) throw new Error('interrupted');
      },
    });
    await expect(interrupted).rejects.toThrow('interrupted');
    const sentBefore = server.requests.length;
    const cached = fs.readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.json')).length;
    expect(cached).toBe(sentBefore);

    const resumed = await generate(docs, { source: source(), batchTargets: 2 });
    const total = resumed.items.length;
    expect(total).toBe(resumed.summary.eligible);
    expect(server.requests.length - sentBefore).toBe(total - cached);
    expect(resumed.summary.llm).toMatchObject({ cacheHits: cached, failures: 0 });
    expect(resumed.items.slice(0, 2)).toEqual(firstItems);
    expectGrounded(resumed.items, resumed.clean);
  });
});
