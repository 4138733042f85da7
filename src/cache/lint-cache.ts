// `--cache`: a file's result is reused when its bytes, the config in force for it, the corpus-pass
// state and the corpuslint version are all unchanged. Entries are keyed by content, not by mtime, so
// a checkout or a touch does not invalidate them, and an edit always does.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult, RuleModule } from '../types.js';
import type { LoadedConfig } from '../config/load.js';
import { resolveConfig } from '../config/load.js';
import { writeFileAtomic } from '../fix/atomic-write.js';
import type { RunInput } from '../engine/run.js';
import type { CorpusStates } from '../engine/corpus.js';

export const DEFAULT_CACHE_LOCATION = '.corpuslintcache';
const FORMAT = 1;

interface CacheEntry {
  key: string;
  result: FileResult;
}

interface CacheFile {
  format: number;
  entries: Record<string, CacheEntry>;
}

function hash(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { __map: [...v.entries()].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)) };
    if (v instanceof Set) return { __set: [...v].sort() };
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}

export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private readonly corpusHash: string;
  hits = 0;

  constructor(
    readonly location: string,
    private readonly loaded: LoadedConfig,
    private readonly registry: ReadonlyMap<string, RuleModule>,
    private readonly version: string,
    corpus: CorpusStates,
    private readonly onlyRules: ReadonlySet<string> | undefined,
  ) {
    this.corpusHash = corpus.size > 0 ? hash(stableJson(corpus)) : '';
    try {
      const parsed = JSON.parse(fs.readFileSync(location, 'utf8')) as CacheFile;
      if (parsed.format === FORMAT && parsed.entries && typeof parsed.entries === 'object') this.entries = parsed.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty; it is rewritten at the end of the run.
    }
  }

  /** The key of an input: its bytes, its effective config, the corpus state and the version. */
  keyOf(input: RunInput): string | undefined {
    let bytes: Uint8Array;
    try {
      bytes = input.bytes ?? fs.readFileSync(input.absolute!);
    } catch {
      return undefined;
    }
    const effective = resolveConfig(this.loaded, input.configPath, this.registry);
    return hash(`${this.version}\0${FORMAT}\0${stableJson(effective)}\0${this.onlyRules ? [...this.onlyRules].sort().join(',') : ''}\0${this.corpusHash}\0${hash(bytes)}`);
  }

  lookup(input: RunInput, key: string | undefined): FileResult | undefined {
    if (!key || !input.absolute) return undefined;
    const entry = this.entries[input.absolute];
    if (!entry || entry.key !== key) return undefined;
    this.hits++;
    return { ...entry.result, path: input.path };
  }

  store(input: RunInput, key: string | undefined, result: FileResult): void {
    if (!key || !input.absolute) return;
    const { output: _output, source: _source, ...kept } = result;
    this.entries[input.absolute] = { key, result: kept };
  }

  forget(input: RunInput): void {
    if (input.absolute) delete this.entries[input.absolute];
  }

  save(): void {
    // Entries for files that no longer exist are dropped so the cache does not grow without bound.
    for (const file of Object.keys(this.entries)) if (!fs.existsSync(file)) delete this.entries[file];
    fs.mkdirSync(path.dirname(this.location), { recursive: true });
    writeFileAtomic(this.location, JSON.stringify({ format: FORMAT, entries: this.entries } satisfies CacheFile));
  }
}
