// The lint command's side of bulk suppressions: flag checks, then suppress / prune / apply in
// ESLint's order, and the unused-suppressions verdict (exit 2 unless --pass-on-unpruned-suppressions).
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../cli/args.js';
import type { FileResult, RuleModule } from '../types.js';
import { escapeForTerminal } from '../reporters/escape.js';
import { loadSuppressions, saveSuppressions, SuppressionsFileError } from './file.js';
import { applySuppressions, countEntries, DEFAULT_SUPPRESSIONS_FILE, prune, suppress, type SuppressionTable } from './store.js';

type Flags = Record<string, string | number | boolean | string[] | undefined>;

export interface SuppressionOutcome {
  results: FileResult[];
  unused: SuppressionTable;
  /** Unused entries were found and not pruned or passed: the run exits 2. */
  failOnUnused: boolean;
}

function ruleList(flags: Flags): string[] | undefined {
  const raw = flags['suppress-rule'] as string[] | undefined;
  if (!raw || raw.length === 0) return undefined;
  return raw.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** Rejects flag combinations before anything is linted or fixed. */
export function checkSuppressionFlags(flags: Flags, registry: ReadonlyMap<string, RuleModule>): void {
  const all = Boolean(flags['suppress-all']);
  const rules = ruleList(flags);
  const pruning = Boolean(flags['prune-suppressions']);
  if (all && rules) throw new UsageError('The --suppress-all option and the --suppress-rule option cannot be used together.');
  if (all && pruning) throw new UsageError('The --suppress-all option and the --prune-suppressions option cannot be used together.');
  if (rules && pruning) throw new UsageError('The --suppress-rule option and the --prune-suppressions option cannot be used together.');
  if (flags.stdin && (all || rules || pruning)) throw new UsageError('The --suppress-all, --suppress-rule and --prune-suppressions options cannot be used with --stdin.');
  for (const id of rules ?? []) {
    if (!registry.has(id)) throw new UsageError(`--suppress-rule: unknown rule "${id}". Known rules: ${[...registry.keys()].sort().join(', ')}`);
  }
}

export function suppressionsPath(flags: Flags, cwd: string): string {
  const location = flags['suppressions-location'] as string | undefined;
  const target = path.resolve(cwd, location ?? DEFAULT_SUPPRESSIONS_FILE);
  try {
    if (fs.statSync(target).isDirectory()) return path.join(target, DEFAULT_SUPPRESSIONS_FILE);
  } catch {
    // not there yet
  }
  return target;
}

export function handleSuppressions(flags: Flags, results: FileResult[], context: { cwd: string; registry: ReadonlyMap<string, RuleModule> }): SuppressionOutcome {
  const none: SuppressionOutcome = { results, unused: {}, failOnUnused: false };
  if (flags.stdin) return none;
  const file = suppressionsPath(flags, context.cwd);
  const rules = ruleList(flags);
  const writing = Boolean(flags['suppress-all']) || rules !== undefined;
  const pruning = Boolean(flags['prune-suppressions']);
  const exists = fs.existsSync(file);
  if (flags['suppressions-location'] !== undefined && !exists && !writing) {
    throw new UsageError(`The suppressions file ${file} does not exist. Run with --suppress-all or --suppress-rule to create it.`);
  }
  if (!writing && !pruning && !exists) return none;

  const known = new Set(context.registry.keys());
  try {
    let table = loadSuppressions(file);
    if (writing) {
      table = suppress(table, results, known, rules ? new Set(rules) : undefined);
      saveSuppressions(file, table);
    }
    if (pruning) {
      const { unused } = applySuppressions(results, table, known);
      table = prune(table, unused, (entry) => fs.existsSync(path.resolve(context.cwd, entry)));
      saveSuppressions(file, table);
    }
    const applied = applySuppressions(results, table, known);
    const failOnUnused = countEntries(applied.unused) > 0 && !flags['pass-on-unpruned-suppressions'];
    return { results: applied.results, unused: applied.unused, failOnUnused };
  } catch (error) {
    if (error instanceof SuppressionsFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** Names every unused entry on stderr; paths come from the corpus tree, so they are escaped. */
export function reportUnusedSuppressions(outcome: SuppressionOutcome, write: (text: string) => void = (t) => process.stderr.write(t)): void {
  const lines: string[] = [];
  for (const file of Object.keys(outcome.unused).sort()) {
    for (const ruleId of Object.keys(outcome.unused[file]).sort()) {
      const count = outcome.unused[file][ruleId].count;
      lines.push(`corpuslint: unused suppression: ${escapeForTerminal(file)} ${ruleId} (${count} no longer found)\n`);
    }
  }
  if (lines.length === 0) return;
  write(lines.join(''));
  if (outcome.failOnUnused) write('corpuslint: There are suppressions left that do not occur anymore. Re-run with --prune-suppressions to remove them, or pass --pass-on-unpruned-suppressions.\n');
}
