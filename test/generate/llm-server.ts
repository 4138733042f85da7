// A chat-completions server on 127.0.0.1 for the LLM tests. Each request is answered by the
// test's handler, which sees the parsed body and returns what to send.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  seed?: number;
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; raw: string; delayMs?: number }
  | { content: string; delayMs?: number };

export interface TestServer {
  baseUrl: string;
  requests: ChatBody[];
  /** The Authorization header of each request ('' when absent). */
  authorizations: string[];
  close(): Promise<void>;
}

export async function startServer(handle: (body: ChatBody, index: number) => Reply): Promise<TestServer> {
  const requests: ChatBody[] = [];
  const authorizations: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end('not found');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
      const index = requests.push(body) - 1;
      authorizations.push(req.headers.authorization ?? '');
      const reply = handle(body, index);
      const send = () => {
        if ('content' in reply) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `r${index}`, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }] }));
        } else {
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
          res.end(reply.raw);
        }
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send();
        }, reply.delayMs);
        timers.add(timer);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The TARGET sentence quoted in a prompt. */
export function targetOf(body: ChatBody): string {
  const user = body.messages.find((m) => m.role === 'user')!.content;
  return /TARGET sentence:\n<<<\n([\s\S]*?)\n>>>/.exec(user)![1];
}

/** A grounded reply: asks about the last word of the target. */
export function groundedReply(body: ChatBody): string {
  const target = targetOf(body);
  const words = target.replace(/[.!?]$/, '').split(' ');
  const answer = words[words.length - 1];
  return JSON.stringify({ question: `Which word ends the sentence "${words.slice(0, -1).join(' ')} …"?`, answer });
}
