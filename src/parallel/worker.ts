// A lint worker: loads the built-in rules once, then runs whole files and JSONL blocks on request.
import { parentPort, workerData } from 'node:worker_threads';
import { ruleRegistry } from '../rules/index.js';
import { runWholeFile, localBlockRunner, type RunOptions } from '../engine/run.js';
import { spooledOutcome, type BlockOutcome } from '../engine/jsonl-block.js';
import type { FileRun } from '../engine/run.js';
import { transferable, type WorkerReply, type WorkerSetup, type WorkerTask } from './protocol.js';

const setup = workerData as WorkerSetup;
const options: RunOptions = {
  registry: ruleRegistry,
  loaded: setup.loaded,
  fixMode: setup.fixMode,
  outDir: setup.outDir,
  selection: setup.selection,
  keepSource: setup.keepSource,
  onlyRules: setup.onlyRules ? new Set(setup.onlyRules) : undefined,
};
const corpus = new Map(setup.corpus);
const blocks = localBlockRunner(options, corpus);

parentPort!.on('message', (task: WorkerTask) => {
  const work: Promise<FileRun | BlockOutcome> =
    task.kind === 'file'
      ? runWholeFile(task.input, options, corpus)
      : blocks.runBlock(task.block, task.input).then((outcome) => (task.spoolAt === undefined ? outcome : spooledOutcome(outcome, task.spoolAt)));
  work.then(
    (value) => {
      // A block's output and spool lines are moved to the main thread, not copied.
      const moved = task.kind === 'block' ? transferable([(value as BlockOutcome).output, (value as BlockOutcome).spooled?.bytes]) : [];
      parentPort!.postMessage({ id: task.id, ok: true, value } satisfies WorkerReply, moved);
    },
    (error: unknown) => parentPort!.postMessage({ id: task.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  );
});
