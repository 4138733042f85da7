// Byte ranges of a JSONL file for sharding across machines. A line belongs to the range that holds
// its first byte, so the N ranges of a file cover every line exactly once.
import fs from 'node:fs';

export interface LineRange {
  /** First byte of the first line that starts in the range. */
  start: number;
  /** One past the last byte of the last line that starts in the range. */
  end: number;
  /** 1-based line number of the first line. */
  startLine: number;
  /** Records (non-blank lines) before the range, for global record indices. */
  recordsBefore: number;
}

const CHUNK = 1 << 20;

/** The first line start at or after `offset` (or the file size). */
function lineStartAtOrAfter(fd: number, offset: number, size: number): number {
  if (offset <= 0) return 0;
  const buffer = Buffer.alloc(CHUNK);
  // A line starts right after a newline at position >= offset - 1.
  for (let at = offset - 1; at < size; at += CHUNK) {
    const read = fs.readSync(fd, buffer, 0, Math.min(CHUNK, size - at), at);
    const newline = buffer.subarray(0, read).indexOf(10);
    if (newline !== -1) return at + newline + 1;
  }
  return size;
}

/** Counts lines and non-blank lines in [0, end). */
function countBefore(fd: number, end: number): { lines: number; records: number } {
  const buffer = Buffer.alloc(CHUNK);
  let lines = 0;
  let records = 0;
  let lineHasContent = false;
  for (let at = 0; at < end; at += CHUNK) {
    const read = fs.readSync(fd, buffer, 0, Math.min(CHUNK, end - at), at);
    for (let i = 0; i < read; i++) {
      const byte = buffer[i];
      if (byte === 10) {
        lines++;
        if (lineHasContent) records++;
        lineHasContent = false;
      } else if (byte !== 32 && byte !== 9 && byte !== 13) lineHasContent = true;
    }
  }
  return { lines, records };
}

export function resolveLineRange(file: string, range: [number, number]): LineRange {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const start = lineStartAtOrAfter(fd, range[0], size);
    const end = Math.max(start, lineStartAtOrAfter(fd, range[1], size));
    const before = countBefore(fd, start);
    return { start, end, startLine: before.lines + 1, recordsBefore: before.records };
  } finally {
    fs.closeSync(fd);
  }
}
