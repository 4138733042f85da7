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
  /** The corpus-pass state of the last run, by a key over every input's content and the config. */
  corpus?: { key: string; hash: string };
}

/**
 * A file's findings are kept in the cache only up to this many: a multi-gigabyte JSONL file can have
 * millions, which would have to stay in memory until the cache is written (and make the cache file
 * as big as the report). A file over the cap is linted again next time, its findings spooled to disk.
 */
export const MAX_CACHED_FINDINGS = 20_000;

function hash(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

const HASH_READ_BYTES = 1 << 20;

/** A file's SHA-256, read a megabyte at a time so that memory stays flat whatever its size. */
function hashFile(file: string): string {
  const digest = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(HASH_READ_BYTES);
    for (let got = fs.readSync(fd, buffer, 0, HASH_READ_BYTES, null); got > 0; got = fs.readSync(fd, buffer, 0, HASH_READ_BYTES, null)) {
      digest.update(buffer.subarray(0, got));
    }
  } finally {
    fs.closeSync(fd);
  }
  return digest.digest('hex');
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { __map: [...v.entries()].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)) };
    if (v instanceof Set) return { __set: [...v].sort() };
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return { __typed: Array.from(v as Uint32Array) };
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}

export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private corpus: CacheFile['corpus'];
  private corpusHash = '';
  private readonly contentHashes = new Map<string, string | undefined>();
  private readonly configJson = new WeakMap<object, string>();
  private dirty = false;
  hits = 0;

  constructor(
    readonly location: string,
    private readonly loaded: LoadedConfig,
    private readonly registry: ReadonlyMap<string, RuleModule>,
    private readonly version: string,
    private readonly onlyRules: ReadonlySet<string> | undefined,
  ) {
    try {
      const parsed = JSON.parse(fs.readFileSync(location, 'utf8')) as CacheFile;
      if (parsed.format === FORMAT && parsed.entries && typeof parsed.entries === 'object') {
        this.entries = parsed.entries;
        this.corpus = parsed.corpus;
      }
    } catch {
      // No cache yet, or an unreadable one: start empty; it is rewritten at the end of the run.
    }
  }

  private contentHash(input: RunInput): string | undefined {
    const id = input.absolute ?? input.path;
    if (!this.contentHashes.has(id)) {
      let digest: string | undefined;
      try {
        digest = input.bytes ? hash(input.bytes) : hashFile(input.absolute!);
      } catch {
        digest = undefined;
      }
      this.contentHashes.set(id, digest);
    }
    return this.contentHashes.get(id);
  }

  /** A key over every input's content and the config: equal keys mean equal corpus-pass state. */
  corpusKeyOf(inputs: readonly RunInput[]): string {
    const parts = inputs.map((input) => `${input.absolute ?? input.path}\0${this.contentHash(input) ?? ''}`).sort();
    return hash(`${this.version}\0${stableJson(this.loaded.config)}\0${this.onlyRules ? [...this.onlyRules].sort().join(',') : ''}\0${parts.join('\n')}`);
  }

  /** The stored corpus-state hash for that key, when the last run saw the same inputs. */
  knownCorpusHash(corpusKey: string): string | undefined {
    return this.corpus?.key === corpusKey ? this.corpus.hash : undefined;
  }

  useCorpus(corpusKey: string, corpusHash: string): void {
    this.corpusHash = corpusHash;
    if (this.corpus?.key !== corpusKey || this.corpus.hash !== corpusHash) this.dirty = true;
    this.corpus = { key: corpusKey, hash: corpusHash };
  }

  static hashCorpus(corpus: CorpusStates): string {
    return corpus.size > 0 ? hash(stableJson(corpus)) : '';
  }

  /** The key of an input: its bytes, its effective config, the corpus state and the version. */
  keyOf(input: RunInput): string | undefined {
    const content = this.contentHash(input);
    if (content === undefined) return undefined;
    const effective = resolveConfig(this.loaded, input.configPath, this.registry);
    // Files that match the same overrides share one effective config object: serialise it once.
    let json = this.configJson.get(effective);
    if (json === undefined) this.configJson.set(effective, (json = stableJson(effective)));
    return hash(`${this.version}\0${FORMAT}\0${json}\0${this.onlyRules ? [...this.onlyRules].sort().join(',') : ''}\0${this.corpusHash}\0${content}`);
  }

  /** After an in-place fix the bytes changed: the next key reads them again. */
  refresh(input: RunInput): void {
    this.contentHashes.delete(input.absolute ?? input.path);
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
    this.dirty = true;
  }

  forget(input: RunInput): void {
    if (input.absolute && input.absolute in this.entries) {
      delete this.entries[input.absolute];
      this.dirty = true;
    }
  }

  save(): void {
    // Entries for files that no longer exist are dropped so the cache does not grow without bound.
    for (const file of Object.keys(this.entries)) {
      if (!fs.existsSync(file)) {
        delete this.entries[file];
        this.dirty = true;
      }
    }
    // A run that only read the cache leaves it as it was: nothing to rewrite.
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.location), { recursive: true });
    writeFileAtomic(this.location, JSON.stringify({ format: FORMAT, entries: this.entries, ...(this.corpus ? { corpus: this.corpus } : {}) } satisfies CacheFile));
  }
}
