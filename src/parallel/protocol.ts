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
  | { id: number; kind: 'block'; input: RunInput; block: JsonlBlock };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
