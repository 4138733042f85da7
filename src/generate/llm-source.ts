// The LLM draft source. For each target it tries the prompt variants in an order seeded by the
// target, and for each variant sends the request with bounded re-asks: a reply that is not the
// expected JSON, or whose answer is not grounded in the target sentence, is answered with a
// correction and asked again, at most `maxReasks` times. A validated, grounded reply is cached
// on disk; failures never are. `prepare` runs the first variant of a batch of targets
// concurrently, bounded by `concurrency`.
import { chatCompletion, chatCompletionsUrl, LlmError, type ChatMessage, type ChatRequest, type ClientStats, type LlmClientOptions } from './llm-client.js';
import { requestKey, ResponseCache } from './llm-cache.js';
import { documentExcerpt, parseReply, PROMPT_VARIANTS, promptMessages, REASK_INVALID_JSON, REASK_UNGROUNDED } from './llm-prompts.js';
import { groundAnswer } from './grounding.js';
import { hash32 } from './tokens.js';
import { BLANK, containsAnswer } from './templates.js';
import type { CleanDocument, DraftSource, Rejection } from './pipeline.js';
import type { Draft, Target } from './types.js';

export const LLM_GENERATOR_VERSION = '1.0.0';

export interface LlmSourceOptions {
  client: LlmClientOptions;
  model: string;
  seed: number;
  temperature: number;
  /** Re-asks after an invalid or ungrounded reply, per variant. */
  maxReasks: number;
  /** Variants tried per target before giving up (each only when the previous one was unusable). */
  variantsPerTarget: number;
  concurrency: number;
  maxDocumentChars: number;
  cacheDir?: string;
}

type Outcome = Draft | Rejection;

/** Runs at most `limit` tasks at a time. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

export class LlmSource implements DraftSource {
  readonly info: { name: string; version: string; model: string };
  private readonly cache: ResponseCache | undefined;
  private readonly limiter: Limiter;
  private readonly clientStats: ClientStats = { calls: 0, retries: 0 };
  private failures = 0;
  private readonly pending = new Map<string, Promise<Outcome>>();

  constructor(private readonly options: LlmSourceOptions) {
    this.info = { name: 'corpuslint-llm', version: LLM_GENERATOR_VERSION, model: options.model };
    this.cache = options.cacheDir ? new ResponseCache(options.cacheDir) : undefined;
    this.limiter = new Limiter(Math.max(1, options.concurrency));
  }

  variantOrder(document: CleanDocument, target: Target): number[] {
    const first = hash32(`${this.options.seed}\u0000${document.path}\u0000${document.record ?? ''}\u0000${target.index}`) % PROMPT_VARIANTS;
    const count = Math.min(PROMPT_VARIANTS, Math.max(1, this.options.variantsPerTarget));
    return Array.from({ length: count }, (_, i) => (first + i) % PROMPT_VARIANTS);
  }

  request(document: CleanDocument, target: Target, variant: number, extra: ChatMessage[] = []): ChatRequest {
    const excerpt = documentExcerpt(document.text, target.start, target.end, this.options.maxDocumentChars);
    return {
      model: this.options.model,
      messages: [...promptMessages({ document: excerpt, target: document.text.slice(target.start, target.end) }, variant), ...extra],
      temperature: this.options.temperature,
      seed: this.options.seed + variant,
      response_format: { type: 'json_object' },
    };
  }

  /** Whether the first request of a target is already cached (for --dry-run). */
  isCached(document: CleanDocument, target: Target): boolean {
    if (!this.cache) return false;
    const request = this.request(document, target, this.variantOrder(document, target)[0]);
    return this.cache.has(requestKey(chatCompletionsUrl(this.options.client.baseUrl), request));
  }

  private async send(request: ChatRequest): Promise<{ content: string; key: string; cached: boolean }> {
    const key = requestKey(chatCompletionsUrl(this.options.client.baseUrl), request);
    const cached = this.cache?.get(key);
    if (cached) return { content: cached.content, key, cached: true };
    const content = await this.limiter.run(() => chatCompletion(request, this.options.client, this.clientStats));
    return { content, key, cached: false };
  }

  private async runVariant(document: CleanDocument, target: Target, variant: number): Promise<Outcome> {
    const extra: ChatMessage[] = [];
    let lastProblem = 'invalid-json';
    for (let ask = 0; ask <= this.options.maxReasks; ask++) {
      let reply: { content: string; key: string; cached: boolean };
      try {
        reply = await this.send(this.request(document, target, variant, extra));
      } catch (error) {
        this.failures++;
        return { rejected: error instanceof LlmError ? error.reason : 'llm-error' };
      }
      const parsed = parseReply(reply.content);
      if (!parsed) {
        lastProblem = 'invalid-json';
        extra.push({ role: 'assistant', content: reply.content }, { role: 'user', content: REASK_INVALID_JSON });
        continue;
      }
      const grounding = groundAnswer(document.text, target.start, target.end, parsed.answer);
      if (!grounding.grounded || containsAnswer(parsed.question, document.text.slice(grounding.start, grounding.end))) {
        lastProblem = grounding.grounded ? 'answer-in-question' : `ungrounded-${grounding.reason}`;
        extra.push({ role: 'assistant', content: reply.content }, { role: 'user', content: REASK_UNGROUNDED });
        continue;
      }
      if (!reply.cached) this.cache?.set(reply.key, { content: reply.content });
      const kind = parsed.question.includes(BLANK) ? 'cloze' : 'wh';
      return { question: parsed.question, answerStart: grounding.start, answerEnd: grounding.end, kind, promptVariant: variant };
    }
    return { rejected: lastProblem };
  }

  private outcome(document: CleanDocument, target: Target, variant: number): Promise<Outcome> {
    const key = `${document.path}\u0000${document.record ?? ''}\u0000${target.index}\u0000${variant}`;
    let promise = this.pending.get(key);
    if (!promise) {
      promise = this.runVariant(document, target, variant);
      this.pending.set(key, promise);
    }
    return promise;
  }

  async prepare(batch: readonly { document: CleanDocument; targets: readonly Target[] }[]): Promise<void> {
    const started: Promise<Outcome>[] = [];
    for (const { document, targets } of batch) for (const target of targets) started.push(this.outcome(document, target, this.variantOrder(document, target)[0]));
    await Promise.all(started);
  }

  async *drafts(document: CleanDocument, target: Target): AsyncGenerator<Outcome> {
    for (const variant of this.variantOrder(document, target)) {
      const key = `${document.path}\u0000${document.record ?? ''}\u0000${target.index}\u0000${variant}`;
      const result = await this.outcome(document, target, variant);
      this.pending.delete(key);
      yield result;
    }
  }

  stats() {
    return { calls: this.clientStats.calls, cacheHits: this.cache?.hits ?? 0, retries: this.clientStats.retries, failures: this.failures };
  }
}
