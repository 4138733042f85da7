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
