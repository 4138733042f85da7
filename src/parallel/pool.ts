// A fixed pool of lint workers with a task queue. Results are matched to tasks by id, so the caller
// decides the order in which it uses them and output never depends on thread timing.
import { Worker } from 'node:worker_threads';
import type { BlockOutcome, JsonlBlock } from '../engine/jsonl-block.js';
import type { BlockRunner, FileRun, RunInput } from '../engine/run.js';
import { transferable, type WorkerReply, type WorkerSetup, type WorkerTask } from './protocol.js';

const WORKER_YOUNG_GENERATION_MB = 16;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type TaskBody = { kind: 'file'; input: RunInput } | { kind: 'block'; input: RunInput; block: JsonlBlock };

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly queue: WorkerTask[] = [];
  private readonly pending = new Map<number, Pending>();
  /** The tasks each worker holds, at most `depth`. */
  private readonly assigned = new Map<Worker, Set<number>>();
  private nextId = 0;
  private failure: Error | undefined;

  /**
   * `depth` is how many tasks a worker may hold at once: more than one keeps a worker busy while the
   * main thread, linting a block of its own, cannot hand it the next.
   */
  constructor(
    readonly size: number,
    setup: WorkerSetup,
    private readonly depth = 1,
  ) {
    const script = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      // V8 sizes a worker's young generation for a large heap (48 MiB); a worker lints a block at a time,
      // and a smaller nursery kept a 200 MiB run at two threads 35-70 MiB lower in peak RSS with no CPU
      // cost that the A/B runs could see.
      const worker = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(worker, new Error(`lint worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.assigned.set(worker, new Set());
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    this.assigned.get(worker)!.delete(reply.id);
    const waiter = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(`lint worker failed: ${reply.error}`));
    this.pump();
  }

  private fail(worker: Worker, error: Error): void {
    this.failure ??= error;
    for (const id of this.assigned.get(worker)!) {
      this.pending.get(id)?.reject(error);
      this.pending.delete(id);
    }
    this.assigned.get(worker)!.clear();
  }

  /** The worker holding the fewest tasks, if it has room for another. */
  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    for (const worker of this.workers) if (!best || this.assigned.get(worker)!.size < this.assigned.get(best)!.size) best = worker;
    return best && this.assigned.get(best)!.size < this.depth ? best : undefined;
  }

  private pump(): void {
    for (let worker = this.leastBusy(); worker && this.queue.length > 0; worker = this.leastBusy()) {
      const task = this.queue.shift()!;
      this.assigned.get(worker)!.add(task.id);
      // A block's bytes are moved to the worker: the main thread has no further use for them.
      worker.postMessage(task, task.kind === 'block' ? transferable([task.block.bytes]) : []);
    }
  }

  private submit<T>(body: TaskBody): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.queue.push({ id, ...body } as WorkerTask);
      this.pump();
    });
  }

  runFile(input: RunInput): Promise<FileRun> {
    return this.submit<FileRun>({ kind: 'file', input });
  }

  /**
   * Runs blocks on the workers; with `local`, also on the calling thread whenever every worker is
   * full, so that the main thread lints instead of waiting (one heap fewer than a worker per core).
   */
  blockRunner(local?: BlockRunner): BlockRunner {
    const onWorker = (block: JsonlBlock, input: RunInput, spoolAt?: number) => {
      // A worker needs only what resolves the config and names the file; streams and callbacks stay here.
      const { path, kind, gzip, configPath } = input;
      return this.submit<BlockOutcome>({ kind: 'block', input: { path, kind, gzip, configPath }, block, ...(spoolAt === undefined ? {} : { spoolAt }) });
    };
    if (!local) return { inFlight: this.size * 2, runBlock: onWorker };
    return {
      inFlight: (this.size * this.depth + 1) * 2,
      runBlock: (block, input, spoolAt) => {
        if (this.failure || this.queue.length > 0 || this.leastBusy()) return onWorker(block, input, spoolAt);
        // On this thread the findings stay objects: the caller numbers and spools them as it does any block's.
        return local.runBlock(block, input);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
