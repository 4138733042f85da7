// Texts of the shared dev sets for differential tests of the instruction-like fast paths.
import fs from 'node:fs';
import path from 'node:path';

const shared = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

/**
 * A sample of the injection dev records and markup-dev's texts, about `limit` of them (to keep a
 * test quick). ../shared sits beside the repository; reading a missing set fails the test instead
 * of leaving it with nothing to compare.
 */
export function devTexts(limit: number): string[] {
  const texts: string[] = [];
  const injection = path.join(shared, 'injection-dev.jsonl');
  for (const line of fs.readFileSync(injection, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  const markup = path.join(shared, 'markup-dev');
  for (const f of fs.readdirSync(markup).filter((n) => n.endsWith('.txt')).sort()) texts.push(fs.readFileSync(path.join(markup, f), 'utf8'));
  return texts.filter((_, i) => i % Math.max(1, Math.ceil(texts.length / limit)) === 0);
}
