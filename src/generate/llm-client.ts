// A minimal client for OpenAI-compatible chat-completions servers (OpenAI, Ollama, vLLM,
// llama.cpp's llama-server). Each attempt has its own timeout (AbortController); 408, 429, 5xx,
// timeouts and connection errors are retried with full-jitter exponential backoff, waiting at
// least as long as a Retry-After header asks (capped). Other statuses fail at once.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  seed?: number;
  max_tokens?: number;
  response_format?: { type: 'json_object' };
}

export interface LlmClientOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Longest Retry-After honoured; a server asking for more gets this much. */
  maxRetryAfterMs: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_CLIENT_OPTIONS: Omit<LlmClientOptions, 'baseUrl'> = {
  timeoutMs: 60_000,
  maxRetries: 4,
  backoffBaseMs: 500,
  backoffMaxMs: 20_000,
  maxRetryAfterMs: 60_000,
};

export class LlmError extends Error {
  constructor(
    /** A short reason for summaries: `http-401`, `timeout`, `network`, `malformed-response`. */
    readonly reason: string,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface ClientStats {
  calls: number;
  retries: number;
}

export function chatCompletionsUrl(baseUrl: string): string {
  let trimmed = baseUrl;
  while (trimmed.endsWith('/')) trimmed = trimmed.slice(0, -1);
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}(?:\.\d{1,6})?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

async function attempt(url: string, request: ChatRequest, options: LlmClientOptions): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(request), signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw new LlmError('timeout', `no response within ${options.timeoutMs} ms`, true);
      throw new LlmError('network', `request failed: ${(error as Error).message}`, true);
    }
    let body: string;
    try {
      body = await response.text();
    } catch {
      if (controller.signal.aborted) throw new LlmError('timeout', `response not complete within ${options.timeoutMs} ms`, true);
      throw new LlmError('network', 'response body could not be read', true);
    }
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw new LlmError(`http-${response.status}`, `server answered ${response.status}: ${body.slice(0, 200)}`, RETRYABLE_STATUS(response.status), retryAfterMs);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new LlmError('malformed-response', 'response body is not JSON', false);
    }
    const content = (parsed as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new LlmError('malformed-response', 'response has no choices[0].message.content string', false);
    return content;
  } finally {
    clearTimeout(timer);
  }
}

/** Sends one chat-completions request, retrying transient failures; resolves to the message content. */
export async function chatCompletion(request: ChatRequest, options: LlmClientOptions, stats?: ClientStats): Promise<string> {
  const url = chatCompletionsUrl(options.baseUrl);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let retry = 0; ; retry++) {
    if (stats) stats.calls++;
    try {
      return await attempt(url, request, options);
    } catch (error) {
      if (!(error instanceof LlmError) || !error.retryable || retry >= options.maxRetries) throw error;
      const backoff = random() * Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** retry);
      const wait = Math.max(backoff, Math.min(error.retryAfterMs ?? 0, options.maxRetryAfterMs));
      if (stats) stats.retries++;
      await sleep(wait);
    }
  }
}
