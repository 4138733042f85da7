// Where fixed content goes: nowhere, memory (dry run, diff, stdout), or an atomic file write,
// gzipped when the input was. A sink that is aborted leaves its target untouched.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { tempPathFor } from './atomic-write.js';

export interface Sink {
  write(chunk: Buffer | string): void;
  commit(): Promise<void>;
  abort(): void;
}

export class MemorySink implements Sink {
  private chunks: Buffer[] = [];
  write(chunk: Buffer | string): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  }
  async commit(): Promise<void> {}
  abort(): void {
    this.chunks = [];
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Streams into a temporary file beside the target and renames it over the target on commit. */
export class AtomicFileSink implements Sink {
  private readonly temp: string;
  private readonly fd: number;
  private readonly mode: number | undefined;
  private readonly gzip: zlib.Gzip | undefined;
  private gzipDone: Promise<void> | undefined;
  private finished = false;

  constructor(private readonly target: string, gzip: boolean) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    this.temp = tempPathFor(target);
    try {
      this.mode = fs.statSync(target).mode & 0o7777;
    } catch {
      this.mode = undefined;
    }
    this.fd = fs.openSync(this.temp, 'wx', this.mode ?? 0o644);
    if (gzip) {
      this.gzip = zlib.createGzip();
      this.gzip.on('data', (data: Buffer) => fs.writeSync(this.fd, data));
      this.gzipDone = new Promise((resolve, reject) => {
        this.gzip!.on('end', resolve);
        this.gzip!.on('error', reject);
      });
    }
  }

  write(chunk: Buffer | string): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (this.gzip) this.gzip.write(data);
    else fs.writeSync(this.fd, data);
  }

  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      if (this.gzip) {
        this.gzip.end();
        await this.gzipDone;
      }
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
      if (this.mode !== undefined) fs.chmodSync(this.temp, this.mode);
      fs.renameSync(this.temp, this.target);
    } catch (error) {
      fs.rmSync(this.temp, { force: true });
      throw error;
    }
  }

  abort(): void {
    if (this.finished) return;
    this.finished = true;
    this.gzip?.destroy();
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.temp, { force: true });
  }
}

/** Writes straight through to a stream (stdout as a pipeline filter); nothing to commit or undo. */
export class PassThroughSink implements Sink {
  constructor(private readonly writeChunk: (chunk: Buffer | string) => void) {}
  write(chunk: Buffer | string): void {
    this.writeChunk(chunk);
  }
  async commit(): Promise<void> {}
  abort(): void {}
}
