// A progress line on stderr for long runs. It draws only on a terminal, so it never appears in CI
// logs or piped output, and it redraws at most a few times a second.
import type { FileRun, RunInput } from '../engine/run.js';

export interface Progress {
  onFile(run: FileRun, input: RunInput): void;
  done(): void;
}

const NOOP: Progress = { onFile() {}, done() {} };

function human(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(2)} GB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream, totalFiles: number, totalBytes: number, sizeOf: (input: RunInput) => number): Progress {
  if (!enabled || !stream.isTTY) return NOOP;
  const started = Date.now();
  let files = 0;
  let records = 0;
  let bytes = 0;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < 200) return;
    lastDraw = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    const rate = bytes / seconds;
    const eta = rate > 0 && totalBytes > bytes ? Math.round((totalBytes - bytes) / rate) : 0;
    const width = 24;
    const filled = totalBytes > 0 ? Math.min(width, Math.round((bytes / totalBytes) * width)) : 0;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${files}/${totalFiles} files, ${records} records, ${human(bytes)}/${human(totalBytes)}, ${(rate / (1 << 20)).toFixed(1)} MB/s, ETA ${eta}s`;
    stream.write(`\r${line.slice(0, Math.max(20, (stream.columns ?? 100) - 1))}\x1b[K`);
  };
  return {
    onFile(run, input) {
      files++;
      records += run.result.records ?? 0;
      bytes += sizeOf(input);
      draw(false);
    },
    done() {
      if (files > 0) stream.write('\r\x1b[K');
    },
  };
}
