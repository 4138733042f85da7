// Flags for large runs: worker threads, sharding across machines, progress.
import fs from 'node:fs';
import type { Concurrency, RunInput } from '../engine/run.js';
import { UsageError } from './args.js';

export function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes off, auto or a positive whole number, got '${value}'.`);
  return n === 1 ? 'off' : n;
}

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes K/N with 1 <= K <= N, got '${value}'.`);
  return { index, count };
}

export function sizeOf(input: RunInput): number {
  if (input.bytes) return input.bytes.length;
  try {
    return fs.statSync(input.absolute!).size;
  } catch {
    return 0;
  }
}

/** A JSONL file this large is split by byte range across shards instead of going to one shard whole. */
export const SHARD_SPLIT_BYTES = 64 * 1024 * 1024;

/**
 * The inputs of shard K of N. Files go whole to the shard with the fewest bytes so far, in path order,
 * which is deterministic for the same inputs; a large uncompressed JSONL file is cut into N byte ranges
 * on line boundaries and each shard takes its range.
 */
export function selectShard(inputs: readonly RunInput[], shard: Shard, splitBytes = SHARD_SPLIT_BYTES): RunInput[] {
  const loads = new Array<number>(shard.count).fill(0);
  const mine: RunInput[] = [];
  for (const input of inputs) {
    const size = sizeOf(input);
    if (input.kind === 'jsonl' && !input.gzip && input.absolute && size >= splitBytes && shard.count > 1) {
      const per = Math.ceil(size / shard.count);
      const start = per * (shard.index - 1);
      mine.push({ ...input, byteRange: [start, Math.min(size, start + per)] });
      for (let k = 0; k < shard.count; k++) loads[k] += per;
      continue;
    }
    let target = 0;
    for (let k = 1; k < shard.count; k++) if (loads[k] < loads[target]) target = k;
    loads[target] += size;
    if (target === shard.index - 1) mine.push(input);
  }
  return mine;
}
