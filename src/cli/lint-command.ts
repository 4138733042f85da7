// The main command: discover inputs, lint (and fix) them, print the report, choose the exit code.
import fs from 'node:fs';
import path from 'node:path';
import { ruleRegistry } from '../rules/index.js';
import { loadConfig, resolveConfig, type LoadedConfig } from '../config/load.js';
import { ConfigError } from '../config/error.js';
import { discover, toPosix } from '../inputs/discover.js';
import { formatOf } from '../inputs/formats.js';
import { run, summarize, type Concurrency, type FixMode, type RunInput } from '../engine/run.js';
import { chunkFormatters, getFormatter, formatters } from '../reporters/index.js';
import type { FileResult, RuleModule } from '../types.js';
import type { Formatter } from '../reporters/types.js';
import { VERSION } from '../version.js';
import { parseArgs, renderHelp, UsageError, type ParsedArgs } from './args.js';
import { shouldColor } from './color.js';
import { unifiedDiff } from './diff.js';
import { HELP_SECTIONS, LINT_FLAGS, USAGE } from './options.js';
import { readStdin, writeOut, writeOutChunks } from './io.js';
import { initCommand } from '../init/command.js';
import { prepareHtmlData, type HtmlReportContext } from '../reporters/html/data.js';
import { parseConcurrency, parseShard, selectShard, sizeOf, SHARD_SPLIT_BYTES } from './scale.js';
import { createProgress } from './progress.js';
import { DEFAULT_CACHE_LOCATION } from '../cache/lint-cache.js';
import { checkSuppressionFlags, handleSuppressions, reportUnusedSuppressions, suppressionsPath } from '../suppressions/cli.js';
import { countFindings } from '../engine/counts.js';
import { attachFindings, disposeSpools, findingsOf, isSpooled, spooledFixableErrors } from '../engine/finding-spool.js';

export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean | undefined;
  registry?: ReadonlyMap<string, RuleModule>;
}

function fixModeOf(flags: ParsedArgs['flags']): FixMode {
  const stdin = Boolean(flags.stdin);
  if (flags['fix-stdout']) {
    if (!stdin) throw new UsageError('--fix-stdout works only with --stdin.');
    return 'stdout';
  }
  if (flags.diff) return 'diff';
  if (flags['fix-dry-run']) return 'dry-run';
  if (flags['out-dir'] !== undefined && !flags.fix) throw new UsageError('--out-dir goes with --fix.');
  if (flags.fix) {
    if (stdin) throw new UsageError('--fix cannot rewrite <STDIN>; use --fix-stdout, --fix-dry-run or --diff with --stdin.');
    return flags['out-dir'] !== undefined ? 'out-dir' : 'write';
  }
  if (flags['unsafe-fixes']) throw new UsageError('--unsafe-fixes goes with --fix, --fix-dry-run, --diff or --fix-stdout.');
  return 'none';
}

/** Applies `--rule id[:severity]`: only those rules run, switched on even if the config has them off. */
function applyRuleFlags(loaded: LoadedConfig, specs: string[] | undefined, registry: ReadonlyMap<string, RuleModule>): Set<string> | undefined {
  if (!specs || specs.length === 0) return undefined;
  const only = new Set<string>();
  const rules = { ...(loaded.config.rules ?? {}) };
  for (const spec of specs) {
    for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [id, severity] = part.split(':').map((s) => s.trim());
      const rule = registry.get(id);
      if (!rule) throw new UsageError(`--rule: unknown rule "${id}". Known rules: ${[...registry.keys()].sort().join(', ')}`);
      if (severity !== undefined && !['warn', 'error', 'off'].includes(severity)) throw new UsageError(`--rule: bad severity "${severity}" for ${id} (use warn, error or off).`);
      only.add(id);
      const current = rules[id];
      const currentSeverity = Array.isArray(current) ? current[0] : current;
      if (severity) rules[id] = Array.isArray(current) && current[1] ? [severity as 'warn', current[1]] : (severity as 'warn');
      else if (currentSeverity === undefined || currentSeverity === 'off') rules[id] = rule.meta.defaultSeverity;
    }
  }
  loaded.config = { ...loaded.config, rules };
  return only;
}

function outPathFor(relative: string, absolute: string, base: string): string {
  if (!relative.startsWith('../') && !path.isAbsolute(relative)) return relative;
  return toPosix(path.relative(base, absolute));
}

async function collectInputs(args: ParsedArgs, loaded: LoadedConfig, cwd: string): Promise<RunInput[]> {
  const flags = args.flags;
  if (flags.stdin) {
    if (args.positionals.length > 0) throw new UsageError('--stdin takes no file arguments; name the input with --stdin-filename.');
    const name = (flags['stdin-filename'] as string | undefined) ?? '<stdin>.txt';
    const format = formatOf(name);
    const display = flags['stdin-filename'] ? toPosix(path.relative(cwd, path.resolve(cwd, name))) : '<stdin>';
    const base = { path: display, kind: format?.kind ?? 'text', gzip: format?.gzip ?? false, configPath: path.resolve(cwd, name) } as const;
    // JSONL on stdin is a streaming filter: records flow through in bounded memory (Spark's pipe, Ray Data).
    if (base.kind === 'jsonl') return [{ ...base, stream: process.stdin as AsyncIterable<Buffer>, writeThrough: writeOut }];
    return [{ ...base, bytes: await readStdin() }];
  }
  const patterns = args.positionals.length > 0 ? args.positionals : ['.'];
  const ignoreEnabled = flags.ignore !== false;
  const { files, missing } = discover(patterns, {
    cwd,
    ignorePatterns: [...(loaded.config.ignorePatterns ?? []), ...((flags['ignore-pattern'] as string[] | undefined) ?? [])],
    useIgnoreFile: ignoreEnabled,
    ignoreEnabled,
  });
  if (missing.length > 0) throw new UsageError(`No files matching the pattern${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length > 1 ? 'were' : 'was'} found.`);
  return files.map((file) => ({
    path: file.relative,
    absolute: file.absolute,
    kind: file.kind,
    gzip: file.gzip,
    configPath: file.absolute,
    outPath: outPathFor(file.relative, file.absolute, file.base),
  }));
}

type Report = string | Iterable<string>;

async function writeReport(report: Report, outputFile: string | undefined, cwd: string): Promise<void> {
  if (typeof report !== 'string') {
    if (outputFile) writeChunksToFile(report, path.resolve(cwd, outputFile));
    else await writeOutChunks(report);
    return;
  }
  if (outputFile) {
    const target = path.resolve(cwd, outputFile);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, report);
  } else if (report) writeOut(report.endsWith('\n') ? report : `${report}\n`);
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset);
}

/** Writes a report in pieces of about a megabyte, so that the whole text never sits in memory. */
function writeChunksToFile(chunks: Iterable<string>, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const fd = fs.openSync(target, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        writeAll(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    if (pending.length) writeAll(fd, pending.join(''));
  } finally {
    fs.closeSync(fd);
  }
}

/** Suppressions match and drop findings across the whole run, so a run that applies them keeps findings in memory. */
function suppressionsInPlay(flags: ParsedArgs['flags'], cwd: string): boolean {
  if (flags.stdin) return false;
  if (flags['suppress-all'] || flags['suppress-rule'] !== undefined || flags['prune-suppressions'] || flags['suppressions-location'] !== undefined) return true;
  return fs.existsSync(suppressionsPath(flags, cwd));
}

/** `--quiet`: errors only. A spooled result is filtered as it is read back, so its findings stay on disk. */
function errorsOnly(result: FileResult): FileResult {
  if (!isSpooled(result)) {
    const findings = result.findings.filter((f) => f.severity === 'error');
    return { ...result, findings, ...countFindings(findings) };
  }
  const errors = function* () {
    for (const finding of findingsOf(result)) if (finding.severity === 'error') yield finding;
  };
  // The spool counted its fixable errors as they came in, so the findings are read only to report them.
  const fixableCount = spooledFixableErrors(result)!;
  return attachFindings({ ...result, findings: [], warningCount: 0, fixableCount }, { read: errors, fixableErrors: fixableCount });
}

export async function lintCommand(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const registry = environment.registry ?? ruleRegistry;
  const args = parseArgs(argv, LINT_FLAGS);
  const flags = args.flags;
  if (flags.help) {
    writeOut(renderHelp(USAGE, LINT_FLAGS, HELP_SECTIONS));
    return 0;
  }
  if (flags.version) {
    writeOut(`v${VERSION}\n`);
    return 0;
  }
  if (flags.init) return initCommand(args.positionals, { cwd: environment.cwd, out: writeOut, err: (text) => process.stderr.write(text) });
  const cwd = environment.cwd;
  const formatName = (flags.format as string | undefined) ?? 'stylish';
  const formatter = getFormatter(formatName);
  if (!formatter) throw new UsageError(`Unknown format "${formatName}". Available formats: ${Object.keys(formatters).join(', ')}.`);
  const fixMode = fixModeOf(flags);
  checkSuppressionFlags(flags, registry);
  const maxWarnings = flags['max-warnings'] as number | undefined;
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < -1)) throw new UsageError('--max-warnings needs a whole number (-1 for no limit).');

  const loaded = await loadConfig({ cwd, configFile: flags.config as string | undefined, noLookup: flags['config-lookup'] === false, registry });
  const onlyRules = applyRuleFlags(loaded, flags.rule as string[] | undefined, registry);
  if (flags['print-config'] !== undefined) {
    const target = path.resolve(cwd, flags['print-config'] as string);
    const effective = resolveConfig(loaded, target, registry);
    writeOut(`${JSON.stringify({ configFile: loaded.file ?? null, ...effective }, null, 2)}\n`);
    return 0;
  }

  const concurrency = parseConcurrency(flags.concurrency as string | undefined);
  const shard = parseShard(flags.shard as string | undefined);
  const discovered = await collectInputs(args, loaded, cwd);
  // Byte-range shards are lint-only: a fix must rewrite a file whole, on one machine.
  const inputs = shard ? selectShard(discovered, shard, fixMode === 'none' ? SHARD_SPLIT_BYTES : Infinity) : discovered;
  try {
    return await lintAndReport(args, environment, { registry, formatter, formatName, fixMode, maxWarnings, loaded, onlyRules, inputs, concurrency });
  } finally {
    disposeSpools();
  }
}

async function lintAndReport(
  args: ParsedArgs,
  environment: CliEnvironment,
  setup: { registry: ReadonlyMap<string, RuleModule>; formatter: Formatter; formatName: string; fixMode: FixMode; maxWarnings: number | undefined; loaded: LoadedConfig; onlyRules: Set<string> | undefined; inputs: RunInput[]; concurrency: Concurrency },
): Promise<number> {
  const { registry, formatter, formatName, fixMode, maxWarnings, loaded, onlyRules, inputs, concurrency } = setup;
  const flags = args.flags;
  const cwd = environment.cwd;
  const outDir = flags['out-dir'] !== undefined ? path.resolve(cwd, flags['out-dir'] as string) : undefined;
  const progress = createProgress(flags.progress !== false, process.stderr, inputs.length, inputs.reduce((sum, input) => sum + sizeOf(input), 0), sizeOf);
  const outcome = await run(
    inputs,
    {
      registry,
      loaded,
      fixMode,
      outDir,
      selection: { unsafe: Boolean(flags['unsafe-fixes']) },
      keepSource: fixMode === 'diff' || formatName === 'html',
      onlyRules,
      concurrency,
      cacheLocation: flags.cache ? path.resolve(cwd, (flags['cache-location'] as string | undefined) ?? DEFAULT_CACHE_LOCATION) : undefined,
      spoolFindings: chunkFormatters[formatName as keyof typeof chunkFormatters] !== undefined && !suppressionsInPlay(flags, cwd),
    },
    progress.onFile,
  );
  progress.done();

  const warningsBeforeQuiet = outcome.summary.warningCount;
  const suppressions = handleSuppressions(flags, outcome.files.map((f) => f.result), { cwd, registry });
  let results: FileResult[] = suppressions.results;
  if (flags.quiet) results = results.map(errorsOnly);
  const summary = summarize(results);
  const color = shouldColor(flags.color as boolean | undefined, environment.env, environment.stdoutIsTTY);
  const context: HtmlReportContext = { cwd, color, rules: registry, summary, toolVersion: VERSION, maxWarnings };
  if (formatName === 'html') context.html = await prepareHtmlData(results, { cwd, loaded, registry, qaFiles: flags['report-qa'] as string[] | undefined });
  // Formats that can be written as they are produced are (spooled findings are read back from disk);
  // the others are one string.
  const chunked = chunkFormatters[formatName as keyof typeof chunkFormatters];
  const report: Report = chunked ? chunked(results, context) : formatter(results, context);

  if (fixMode === 'diff') {
    const diffs = outcome.files
      .filter((f) => f.result.output !== undefined && f.result.source !== undefined)
      .map((f) => unifiedDiff(f.result.source!, f.result.output!, `a/${f.result.path}`, `b/${f.result.path}`))
      .join('');
    if (diffs) writeOut(diffs);
    if (flags['output-file']) await writeReport(report, flags['output-file'] as string, cwd);
  } else if (fixMode === 'stdout') {
    for (const f of outcome.files) if (f.stdout) writeOut(f.stdout);
    if (flags['output-file']) await writeReport(report, flags['output-file'] as string, cwd);
  } else await writeReport(report, flags['output-file'] as string | undefined, cwd);

  for (const f of outcome.files) for (const finding of f.ruleErrors ?? f.result.findings) if (finding.ruleId === 'rule-error') process.stderr.write(`corpuslint: ${f.result.path}: ${finding.message}\n`);

  reportUnusedSuppressions(suppressions);
  if (outcome.fatal || suppressions.failOnUnused) return 2;
  if (summary.errorCount > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warningsBeforeQuiet > maxWarnings) {
    process.stderr.write(`corpuslint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  if (fixMode === 'diff' && outcome.files.some((f) => f.changed)) return 1;
  if (flags['exit-non-zero-on-fix'] && outcome.files.some((f) => f.changed)) return 1;
  return 0;
}

export { ConfigError, UsageError };
