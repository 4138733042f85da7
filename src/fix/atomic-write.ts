// Atomic writes: the new content goes to a temporary file beside the target, is flushed, takes the
// target's mode, and replaces it by rename. A crash at any moment leaves either the old file or the
// new one, and the temporary name is one that discovery never lints.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export const TEMP_MARKER = '.corpuslint-tmp-';

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}${TEMP_MARKER}${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
}

export function isTempFile(file: string): boolean {
  return path.basename(file).includes(TEMP_MARKER);
}

function modeOf(target: string): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch {
    return undefined;
  }
}

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const temp = tempPathFor(target);
  const mode = modeOf(target);
  const fd = fs.openSync(temp, 'wx', mode ?? 0o644);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** An atomic write fed in pieces, for streaming JSONL output. */
export class AtomicStreamWriter {
  private readonly temp: string;
  private readonly fd: number;
  private readonly mode: number | undefined;
  private done = false;

  constructor(private readonly target: string) {
    this.temp = tempPathFor(target);
    this.mode = modeOf(target);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    this.fd = fs.openSync(this.temp, 'wx', this.mode ?? 0o644);
  }

  write(chunk: string | Uint8Array): void {
    fs.writeSync(this.fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }

  commit(): void {
    if (this.done) return;
    this.done = true;
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    if (this.mode !== undefined) fs.chmodSync(this.temp, this.mode);
    fs.renameSync(this.temp, this.target);
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    try {
      fs.closeSync(this.fd);
    } finally {
      fs.rmSync(this.temp, { force: true });
    }
  }
}
