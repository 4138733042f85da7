// `corpuslint generate [paths] --out qa.jsonl`: targeted QA pairs from the sanitized text.
// Flags are parsed with node:util parseArgs (Node 20 has no --no-x negation, so the negative
// flags are declared as they are spelled). Exit codes: 0 success, 1 when every LLM call failed,
// 2 usage or config error.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.js';
import { ConfigError } from '../config/error.js';
import { discover, toPosix } from '../inputs/discover.js';
import type { RunInput } from '../engine/run.js';
import { ruleRegistry } from '../rules/index.js';
import { AtomicStreamWriter } from '../fix/atomic-write.js';
import { DEFAULT_ELIGIBILITY, type EligibilityOptions } from '../generate/eligibility.js';
import type { TargetBudget } from '../generate/targets.js';
import { runGenerate, type CleanDocument, type DraftSource } from '../generate/pipeline.js';
import { builtinSource } from '../generate/builtin.js';
import { LlmSource } from '../generate/llm-source.js';
import { DEFAULT_CLIENT_OPTIONS } from '../generate/llm-client.js';
import { formatSummary } from '../generate/summary.js';
import type { RuleModule } from '../types.js';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-sanitize': { type: 'boolean' },
  'allow-findings': { type: 'boolean' },
  'no-guard': { type: 'boolean' },
  questions: { type: 'string' },
  ratio: { type: 'string' },
  seed: { type: 'string' },
  'min-tokens': { type: 'string' },
  'max-tokens': { type: 'string' },
  headings: { type: 'boolean' },
  tables: { type: 'boolean' },
  'list-items': { type: 'string' },
  'emit-clean': { type: 'string' },
  'summary-file': { type: 'string' },
  llm: { type: 'boolean' },
  'llm-base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key-env': { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  'max-reasks': { type: 'string' },
  variants: { type: 'string' },
  temperature: { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const GENERATE_HELP = `corpuslint generate [options] [file|dir|glob]*

Writes one question-answer pair per target sentence of the sanitized text, as JSONL.

Output:
  -o, --out FILE          Write the JSONL here (default: stdout)
  --summary-file FILE     Also write the summary as JSON
  --emit-clean DIR        Write the sanitized text the offsets point into
  -q, --quiet             No summary on stderr
Sanitizing:
  -c, --config FILE       Config file (default: looked up from the working directory)
  --no-sanitize           Generate from the raw text (items are marked "unsanitized": true)
  --allow-findings        Keep documents with error-level findings left after the safe fixes
  --no-guard              Do not lint targets, questions and answers on their own with the same
                          rules (the guard keeps the output clean under corpuslint; it costs one
                          lint per sentence and per item)
Targets:
  --questions N           N targets per document, spread over it (coverage min(1, N/n))
  --ratio R               round(R*n) targets per document (at least 1 when R > 0)
  --seed S                Seed for the target draw and the LLM (default 1)
  --min-tokens N          Shortest eligible sentence in word tokens (default ${DEFAULT_ELIGIBILITY.minTokens})
  --max-tokens N          Longest eligible sentence (default ${DEFAULT_ELIGIBILITY.maxTokens})
  --list-items MODE       sentences (items ending in . ! ?), all, none (default sentences)
  --headings, --tables    Also take headings / table rows as targets
LLM backend (any OpenAI-compatible chat-completions server):
  --llm                   Use the LLM backend instead of the built-in generator
  --llm-base-url URL      e.g. http://127.0.0.1:11434/v1 (default: $CORPUSLINT_LLM_BASE_URL)
  --model NAME            Model name (required with --llm)
  --api-key-env VAR       Environment variable holding the API key (default OPENAI_API_KEY)
  --concurrency N         Requests in flight (default 4)
  --timeout MS            Per-request timeout (default ${DEFAULT_CLIENT_OPTIONS.timeoutMs})
  --max-retries N         Retries on 408/429/5xx/timeouts (default ${DEFAULT_CLIENT_OPTIONS.maxRetries})
  --max-reasks N          Re-asks after an invalid or ungrounded reply (default 2)
  --variants N            Prompt variants tried per target (default 2)
  --temperature T         Sampling temperature (default 0.7)
  --cache-dir DIR         Response cache (default .corpuslint-llm-cache); --no-cache disables it
  --dry-run               Print the number of planned LLM calls and exit
`;

export class GenerateUsageError extends Error {}

function number(value: string | undefined, flag: string, check: (n: number) => boolean, what: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || !check(parsed)) throw new GenerateUsageError(`--${flag} expects ${what}, got "${value}"`);
  return parsed;
}

const isInt = (min: number) => (n: number) => Number.isInteger(n) && n >= min;

function mirrorPath(relative: string, absolute: string, base: string): string {
  if (!relative.startsWith('../') && !path.isAbsolute(relative)) return relative;
  return toPosix(path.relative(base, absolute)) || path.basename(absolute);
}

export interface GenerateEnvironment {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  registry?: ReadonlyMap<string, RuleModule>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export async function main(argv: string[], environment: GenerateEnvironment = {}): Promise<number> {
  const stderr = environment.stderr ?? ((t: string) => void process.stderr.write(t));
  const stdout = environment.stdout ?? ((t: string) => void process.stdout.write(t));
  try {
    return await generateCommand(argv, environment, stdout, stderr);
  } catch (error) {
    if (error instanceof GenerateUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      stderr(`corpuslint generate: ${(error as Error).message}\nRun "corpuslint generate --help" for the options.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      stderr(`corpuslint generate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function generateCommand(argv: string[], environment: GenerateEnvironment, stdout: (t: string) => void, stderr: (t: string) => void): Promise<number> {
  const cwd = environment.cwd ?? process.cwd();
  const env = environment.env ?? process.env;
  const registry = environment.registry ?? ruleRegistry;
  const { values: flags, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (flags.help) {
    stdout(GENERATE_HELP);
    return 0;
  }
  if (flags.questions !== undefined && flags.ratio !== undefined) throw new GenerateUsageError('--questions and --ratio cannot be combined');
  const questions = number(flags.questions, 'questions', isInt(0), 'a whole number >= 0');
  const ratio = number(flags.ratio, 'ratio', (n) => n >= 0 && n <= 1, 'a number between 0 and 1');
  const budget: TargetBudget = questions !== undefined ? { kind: 'questions', perDocument: questions } : ratio !== undefined ? { kind: 'ratio', ratio } : { kind: 'all' };
  const seed = number(flags.seed, 'seed', isInt(0), 'a whole number >= 0') ?? 1;
  const listItems = flags['list-items'] ?? DEFAULT_ELIGIBILITY.listItems;
  if (!['sentences', 'all', 'none'].includes(listItems)) throw new GenerateUsageError(`--list-items expects sentences, all or none, got "${listItems}"`);
  const eligibility: EligibilityOptions = {
    minTokens: number(flags['min-tokens'], 'min-tokens', isInt(1), 'a whole number >= 1') ?? DEFAULT_ELIGIBILITY.minTokens,
    maxTokens: number(flags['max-tokens'], 'max-tokens', isInt(1), 'a whole number >= 1') ?? DEFAULT_ELIGIBILITY.maxTokens,
    headings: Boolean(flags.headings),
    tables: Boolean(flags.tables),
    listItems: listItems as EligibilityOptions['listItems'],
  };
  const llmFlags = ['llm-base-url', 'model', 'api-key-env', 'concurrency', 'timeout', 'max-retries', 'max-reasks', 'variants', 'temperature', 'cache-dir', 'no-cache'] as const;
  const stray = llmFlags.filter((f) => flags[f] !== undefined);
  if (!flags.llm && stray.length > 0) throw new GenerateUsageError(`--${stray[0]} needs --llm`);

  let source: DraftSource = builtinSource;
  let llm: LlmSource | undefined;
  if (flags.llm) {
    const baseUrl = flags['llm-base-url'] ?? env.CORPUSLINT_LLM_BASE_URL;
    if (!baseUrl) throw new GenerateUsageError('--llm needs --llm-base-url (or CORPUSLINT_LLM_BASE_URL), e.g. http://127.0.0.1:11434/v1');
    if (!/^https?:\/\//.test(baseUrl)) throw new GenerateUsageError(`--llm-base-url must be an http(s) URL, got "${baseUrl}"`);
    if (!flags.model) throw new GenerateUsageError('--llm needs --model');
    const keyVariable = flags['api-key-env'] ?? 'OPENAI_API_KEY';
    llm = new LlmSource({
      client: {
        ...DEFAULT_CLIENT_OPTIONS,
        baseUrl,
        apiKey: env[keyVariable] || undefined,
        timeoutMs: number(flags.timeout, 'timeout', isInt(1), 'milliseconds >= 1') ?? DEFAULT_CLIENT_OPTIONS.timeoutMs,
        maxRetries: number(flags['max-retries'], 'max-retries', isInt(0), 'a whole number >= 0') ?? DEFAULT_CLIENT_OPTIONS.maxRetries,
      },
      model: flags.model,
      seed,
      temperature: number(flags.temperature, 'temperature', (n) => n >= 0 && n <= 2, 'a number between 0 and 2') ?? 0.7,
      maxReasks: number(flags['max-reasks'], 'max-reasks', isInt(0), 'a whole number >= 0') ?? 2,
      variantsPerTarget: number(flags.variants, 'variants', isInt(1), 'a whole number >= 1') ?? 2,
      concurrency: number(flags.concurrency, 'concurrency', isInt(1), 'a whole number >= 1') ?? 4,
      maxDocumentChars: 12_000,
      ...(flags['no-cache'] ? {} : { cacheDir: path.resolve(cwd, flags['cache-dir'] ?? '.corpuslint-llm-cache') }),
    });
    source = llm;
  }

  const loaded = await loadConfig({ cwd, configFile: flags.config, registry });
  const patterns = positionals.length > 0 ? positionals : ['.'];
  const { files, missing } = discover(patterns, { cwd, ignorePatterns: loaded.config.ignorePatterns ?? [], useIgnoreFile: true, ignoreEnabled: true });
  if (missing.length > 0) throw new GenerateUsageError(`no files match ${missing.map((m) => `"${m}"`).join(', ')}`);
  const outFile = flags.out && flags.out !== '-' ? path.resolve(cwd, flags.out) : undefined;
  const inputs: (RunInput & { mirror: string })[] = files
    .filter((f) => f.absolute !== outFile)
    .map((f) => ({ path: f.relative, absolute: f.absolute, kind: f.kind, gzip: f.gzip, configPath: f.absolute, mirror: mirrorPath(f.relative, f.absolute, f.base) }));

  if (flags['dry-run']) {
    let planned = 0;
    let cached = 0;
    const counting: DraftSource = {
      info: source.info,
      drafts(document: CleanDocument, target) {
        planned++;
        if (llm?.isCached(document, target)) cached++;
        return [];
      },
    };
    const summary = await runGenerate(inputs, { registry, loaded, sanitize: !flags['no-sanitize'], allowFindings: Boolean(flags['allow-findings']), guard: false, eligibility, budget, seed, source: counting, onItem: () => {} });
    stdout(
      flags.llm
        ? `planned LLM calls: ${planned} (${cached} already cached; re-asks, extra variants and retries not counted) for ${summary.targets} targets in ${summary.documents} documents\n`
        : `planned targets: ${planned} in ${summary.documents} documents (built-in generator, no calls)\n`,
    );
    return 0;
  }

  const writer = outFile ? new AtomicStreamWriter(outFile) : undefined;
  const cleanWriters = new Map<string, AtomicStreamWriter>();
  const emitDir = flags['emit-clean'] ? path.resolve(cwd, flags['emit-clean']) : undefined;
  const onSignal = () => {
    writer?.abort();
    for (const w of cleanWriters.values()) w.abort();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    const summary = await runGenerate(inputs, {
      registry,
      loaded,
      sanitize: !flags['no-sanitize'],
      allowFindings: Boolean(flags['allow-findings']),
      guard: !flags['no-sanitize'] && !flags['no-guard'],
      eligibility,
      budget,
      seed,
      source,
      onItem: (item) => {
        const line = `${JSON.stringify(item)}\n`;
        if (writer) writer.write(line);
        else stdout(line);
      },
      onCleanDocument: emitDir
        ? (document, input) => {
            const mirror = (input as RunInput & { mirror: string }).mirror.replace(/\.gz$/, '');
            let out = cleanWriters.get(mirror);
            if (!out) cleanWriters.set(mirror, (out = new AtomicStreamWriter(path.join(emitDir, mirror))));
            if (document.record !== undefined) out.write(`${JSON.stringify({ record: document.record, ...(document.docId !== undefined ? { id: document.docId } : {}), text: document.text })}\n`);
            else out.write(document.text);
          }
        : undefined,
    });
    writer?.commit();
    for (const w of cleanWriters.values()) w.commit();
    if (flags['summary-file']) {
      const file = path.resolve(cwd, flags['summary-file']);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    }
    if (!flags.quiet) stderr(formatSummary(summary));
    if (summary.llm && summary.targets > 0 && summary.questions === 0 && summary.llm.failures > 0) {
      stderr('corpuslint generate: every LLM request failed; check --llm-base-url, --model and the API key.\n');
      return 1;
    }
    return 0;
  } catch (error) {
    writer?.abort();
    for (const w of cleanWriters.values()) w.abort();
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
