import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { vi } from 'vitest';
import { lintCommand } from '../../src/cli/lint-command.js';
import { UsageError } from '../../src/cli/args.js';
import { ConfigError } from '../../src/config/error.js';
import type { RuleModule } from '../../src/types.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const builtCli = path.join(repoRoot, 'dist', 'cli.js');

/** Runs the lint command in-process with a given registry, capturing stdout. */
export async function runLint(argv: string[], cwd: string, registry: ReadonlyMap<string, RuleModule>, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  let code: number;
  try {
    code = await lintCommand(argv, { cwd, env, stdoutIsTTY: false, registry });
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    stderr += `corpuslint: ${error.message}\n`;
    code = 2;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}

/** Runs the built CLI as a user would. Fails loudly when the build is missing. */
export function spawnCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) {
  if (!fs.existsSync(builtCli)) throw new Error(`${builtCli} is missing: run \`npm run build\` (npm test does it first)`);
  const result = spawnSync(process.execPath, [builtCli, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
