// corpuslint's command line, run by src/cli.ts. Subcommands (`stats`, `generate`, `merge`) live in
// src/commands/; the default command lints. Exit codes: 0 clean, 1 problems, 2 usage, config or
// internal error.
import { lintCommand } from './lint-command.js';
import { UsageError } from './args.js';
import { ConfigError } from '../config/error.js';
import { flushStdout } from './io.js';

const SUBCOMMANDS = new Set(['stats', 'generate', 'merge']);

async function main(argv: string[]): Promise<number> {
  if (argv.length > 0 && SUBCOMMANDS.has(argv[0])) {
    const command = (await import(`../commands/${argv[0]}.js`)) as { main(args: string[]): Promise<number> };
    return command.main(argv.slice(1));
  }
  return lintCommand(argv, { cwd: process.cwd(), env: process.env, stdoutIsTTY: process.stdout.isTTY });
}

main(process.argv.slice(2))
  .then(async (code) => {
    await flushStdout();
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    await flushStdout();
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`corpuslint: ${error.message}\n`);
    } else {
      process.stderr.write(`corpuslint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 2;
  });
