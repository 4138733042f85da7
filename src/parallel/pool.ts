// A fixed pool of lint workers with a task queue. Results are matched to tasks by id, so the caller
// decides the order in which it uses them and output never depends on thread timing.
import { Worker } from 'node:worker_threads';
import type { BlockOutcome, JsonlBlock } from '../engine/jsonl-block.js';
import type { BlockRunner, FileRun, RunInput } from '../engine/run.js';
import { transferable, type WorkerReply, type WorkerSetup, type WorkerTask } from './protocol.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type TaskBody = { kind: 'file'; input: RunInput } | { kind: 'block'; input: RunInput; block: JsonlBlock };

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: WorkerTask[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly assigned = new Map<Worker, number>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(readonly size: number, setup: WorkerSetup) {
    const script = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup });
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(worker, new Error(`lint worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    this.assigned.delete(worker);
    const waiter = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(`lint worker failed: ${reply.error}`));
    this.idle.push(worker);
    this.pump();
  }

  private fail(worker: Worker, error: Error): void {
    this.failure ??= error;
    const id = this.assigned.get(worker);
    if (id !== undefined) {
      this.pending.get(id)?.reject(error);
      this.pending.delete(id);
    }
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.assigned.set(worker, task.id);
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

  blockRunner(): BlockRunner {
    return {
      inFlight: this.size * 2,
      runBlock: (block, input, spoolAt) => {
        // A worker needs only what resolves the config and names the file; streams and callbacks stay here.
        const { path, kind, gzip, configPath } = input;
        return this.submit<BlockOutcome>({ kind: 'block', input: { path, kind, gzip, configPath }, block, ...(spoolAt === undefined ? {} : { spoolAt }) });
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
