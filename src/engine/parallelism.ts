// How many worker threads a run uses: a pool costs a start-up, so only large inputs get one.
import fs from 'node:fs';
import os from 'node:os';
import type { RunInput } from './run.js';

/** Inputs this large pay for starting worker threads (measured in `npm run bench`). */
export const AUTO_PARALLEL_FILES = 50;
export const AUTO_PARALLEL_BYTES = 10 * 1024 * 1024;

export type Concurrency = 'off' | 'auto' | number;

function inputBytes(input: RunInput): number {
  if (input.bytes) return input.bytes.length;
  try {
    // Compressed text is typically four or more times larger once inflated.
    return fs.statSync(input.absolute!).size * (input.gzip ? 4 : 1);
  } catch {
    return 0;
  }
}

export function chooseParallelism(inputs: readonly RunInput[], setting: Concurrency | undefined): number {
  if (setting === undefined || setting === 'off') return 1;
  if (typeof setting === 'number') return Math.max(1, Math.floor(setting));
  const cores = os.availableParallelism();
  if (cores < 2) return 1;
  if (inputs.length >= AUTO_PARALLEL_FILES) return cores;
  let bytes = 0;
  for (const input of inputs) {
    bytes += inputBytes(input);
    if (bytes >= AUTO_PARALLEL_BYTES) return cores;
  }
  return 1;
}
