// Messages between the main thread and lint workers. Everything is structured-cloneable.
import type { LoadedConfig } from '../config/load.js';
import type { FixSelection } from '../fix/apply.js';
import type { FixMode, RunInput } from '../engine/run.js';
import type { JsonlBlock } from '../engine/jsonl-block.js';

export interface WorkerSetup {
  loaded: LoadedConfig;
  onlyRules?: string[];
  fixMode: FixMode;
  outDir?: string;
  selection: FixSelection;
  keepSource?: boolean;
  corpus: [string, unknown][];
}

export type WorkerTask =
  | { id: number; kind: 'file'; input: RunInput }
  | { id: number; kind: 'block'; input: RunInput; block: JsonlBlock; spoolAt?: number };

/** The ArrayBuffers among `views` that can be moved to the other thread: those each view covers whole. */
export function transferable(views: readonly (Uint8Array | undefined)[]): ArrayBuffer[] {
  // A small Buffer may sit in Node's shared allocation pool, which must be copied, never moved.
  const buffers: ArrayBuffer[] = [];
  for (const view of views) {
    if (view && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer && !buffers.includes(view.buffer)) buffers.push(view.buffer);
  }
  return buffers;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
