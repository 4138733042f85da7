// stdout carries only the report (or fixed text); everything else goes to stderr.

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`corpuslint ... | head`) is not an error of ours.
  if (error.code === 'EPIPE') stdoutClosed = true;
  else throw error;
});

export function writeOut(data: string | Uint8Array): void {
  if (!stdoutClosed) process.stdout.write(data);
}

/** Resolves once everything written to stdout has been handed to the OS, so exit() loses nothing. */
export function flushStdout(): Promise<void> {
  return new Promise((resolve) => {
    if (stdoutClosed || process.stdout.writableLength === 0) resolve();
    else process.stdout.write('', () => resolve());
  });
}

/**
 * Writes a report in pieces of about a megabyte, waiting whenever stdout's buffer is full: a pipe
 * to a slow reader would otherwise queue a multi-gigabyte report in memory.
 */
export async function writeOutChunks(chunks: Iterable<string>): Promise<void> {
  let pending: string[] = [];
  let size = 0;
  const send = async () => {
    const text = pending.join('');
    pending = [];
    size = 0;
    if (stdoutClosed || text.length === 0) return;
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => {
      const done = () => {
        process.stdout.off('drain', done);
        process.stdout.off('close', done);
        resolve();
      };
      process.stdout.on('drain', done);
      process.stdout.on('close', done);
    });
  };
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) await send();
  }
  await send();
}
