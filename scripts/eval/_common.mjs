// Shared helpers for the evaluation scripts: where things are, and how to run the built CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');
export const sharedScripts = path.resolve(repoRoot, '..', 'shared', 'scripts');
export const cli = path.join(repoRoot, 'dist', 'cli.js');

export function requireShared(file) {
  const full = path.join(sharedData, file);
  if (!fs.existsSync(full)) {
    console.error(`eval: ${full} is missing; the evaluation sets live in ../shared/data beside the repository.`);
    process.exit(2);
  }
  return full;
}

export function requireBuild() {
  if (!fs.existsSync(cli)) {
    console.error('eval: dist/cli.js is missing; run `npm run build` first.');
    process.exit(2);
  }
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `corpuslint-eval-${prefix}-`));
}

/** Runs the CLI; exit codes 0 and 1 are normal lint outcomes, anything else is a failure. */
export function runCli(args, options = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`corpuslint ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result;
}

export function runNode(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${path.basename(script)} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}
