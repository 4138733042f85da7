// The on-disk response cache. A request (endpoint and body, never the API key) hashes to a file
// <dir>/<2 hex>/<sha256>.json holding the validated reply. Entries are written atomically, and
// only for replies that passed validation and grounding, so an interrupted run resumes by
// replaying its finished requests from disk and sending only the rest.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fix/atomic-write.js';

export interface CacheEntry {
  content: string;
}

export function requestKey(url: string, body: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify({ url, body })).digest('hex');
}

export class ResponseCache {
  hits = 0;

  constructor(readonly directory: string) {}

  private fileFor(key: string): string {
    return path.join(this.directory, key.slice(0, 2), `${key}.json`);
  }

  has(key: string): boolean {
    return this.get(key, false) !== undefined;
  }

  get(key: string, countHit = true): CacheEntry | undefined {
    let raw: string;
    try {
      raw = fs.readFileSync(this.fileFor(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(raw) as CacheEntry;
      if (typeof entry.content !== 'string') return undefined;
      if (countHit) this.hits++;
      return entry;
    } catch {
      return undefined;
    }
  }

  set(key: string, entry: CacheEntry): void {
    const file = this.fileFor(key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, JSON.stringify(entry));
  }
}
