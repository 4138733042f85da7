// `corpuslint stats [paths]`: where a free-running question generator would look. For each document,
// its units, salience skew and expected coverage under salience-proportional, uniform and targeted
// generation; for the corpus, the distribution of those figures and the documents that cover worst.
// The figures come from the same salience model, and the same config options, as the salience-skew rule.
import { parseArgs } from 'node:util';
import { Chalk } from 'chalk';
import { loadConfig, resolveConfig } from '../config/load.js';
import { ConfigError } from '../config/error.js';
import { discover } from '../inputs/discover.js';
import { readDocuments } from '../inputs/read-documents.js';
import { ruleRegistry } from '../rules/index.js';
import { shouldColor } from '../cli/color.js';
import { documentStats, summariseCorpus, type CorpusStats, type Distribution, type DocumentStats } from '../salience/corpus.js';
import { salienceOptions } from '../salience/options.js';

const RULE_ID = 'salience-skew';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'no-ignore': { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  top: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: corpuslint stats [paths...] [options]

Where a free-running question generator would look: for each document, its units, salience skew
(Gini, low-content hotspot share) and expected coverage of k = n questions under salience-
proportional, uniform and targeted generation; then the corpus distribution and the worst documents.
The salience weights and thresholds are the options of the salience-skew rule in your config.

Options:
  -f, --format text|json     Output format (default: text)
  -c, --config FILE          Use this config file
      --no-ignore            Disable .corpuslintignore and ignore patterns
      --ignore-pattern PAT   Extra gitignore-style pattern to skip (repeatable)
      --top N                How many worst-covered documents to list (default: 10)
      --color, --no-color    Force or disable colour
  -h, --help                 Show this help
`;

export interface StatsEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean | undefined;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface StatsReport {
  version: 1;
  /** The modelled generator asks as many questions as the document has units. */
  questions: 'k = n';
  documents: DocumentStats[];
  corpus: CorpusStats;
  skipped: { path: string; message: string }[];
}

class StatsUsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  return statsCommand(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  });
}

export async function statsCommand(argv: string[], environment: StatsEnvironment): Promise<number> {
  try {
    return await run(argv, environment);
  } catch (error) {
    if (error instanceof StatsUsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      environment.stderr(`corpuslint stats: ${(error as Error).message}\nRun "corpuslint stats --help" for the options.\n`);
      return 2;
    }
    throw error;
  }
}

async function run(argv: string[], environment: StatsEnvironment): Promise<number> {
  const { values: flags, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (flags.help) {
    environment.stdout(HELP);
    return 0;
  }
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new StatsUsageError(`Unknown format "${format}"; stats prints text or json.`);
  const top = flags.top === undefined ? 10 : Number(flags.top);
  if (!Number.isInteger(top) || top < 0) throw new StatsUsageError(`--top needs a whole number, got "${flags.top}".`);
  if (flags.color && flags['no-color']) throw new StatsUsageError('--color and --no-color contradict each other.');

  const cwd = environment.cwd;
  const loaded = await loadConfig({ cwd, configFile: flags.config, registry: ruleRegistry });
  const ignoreEnabled = !flags['no-ignore'];
  const { files, missing } = discover(positionals.length > 0 ? positionals : ['.'], {
    cwd,
    ignorePatterns: [...(loaded.config.ignorePatterns ?? []), ...(flags['ignore-pattern'] ?? [])],
    useIgnoreFile: ignoreEnabled,
    ignoreEnabled,
  });
  if (missing.length > 0) throw new StatsUsageError(`No files matching ${missing.map((m) => `"${m}"`).join(', ')} were found.`);

  const documents: DocumentStats[] = [];
  const skipped: StatsReport['skipped'] = [];
  for (const file of files) {
    const effective = resolveConfig(loaded, file.absolute, ruleRegistry);
    const options = salienceOptions(effective.rules[RULE_ID]?.options);
    const source = { path: file.relative, absolute: file.absolute, kind: file.kind, gzip: file.gzip };
    for await (const event of readDocuments(source, effective.jsonl)) {
      if (event.type === 'skipped') skipped.push({ path: file.relative, message: event.finding.message });
      if (event.type !== 'document') continue;
      if (event.document.text.length > effective.limits.maxDocumentLength) {
        skipped.push({ path: file.relative, message: `document of ${event.document.text.length} characters is over the size limit; not analysed` });
        continue;
      }
      documents.push(documentStats(event.document, options));
    }
  }
  const report: StatsReport = { version: 1, questions: 'k = n', documents, corpus: summariseCorpus(documents, top), skipped };
  if (format === 'json') environment.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const colorFlag = flags.color ? true : flags['no-color'] ? false : undefined;
    environment.stdout(renderText(report, shouldColor(colorFlag, environment.env, environment.stdoutIsTTY)));
  }
  for (const skip of skipped) environment.stderr(`corpuslint stats: skipped ${skip.path}: ${skip.message}\n`);
  return 0;
}

function label(d: DocumentStats): string {
  if (!d.record) return d.path;
  return `${d.path}#${d.record.line}${d.record.id !== undefined ? ` (${d.record.id})` : ''}`;
}

function fitLeft(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `…${text.slice(text.length - width + 1)}`;
}

const fixed = (x: number) => x.toFixed(2);
const percent = (x: number) => `${Math.round(x * 100)}%`;
const REASONS: Record<DocumentStats['flagged'][number], string> = { coverage: 'low coverage', 'low-content-hotspots': 'low-content hotspots' };

export function renderText(report: StatsReport, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  const { documents, corpus } = report;
  const width = Math.min(60, Math.max(8, ...documents.map((d) => label(d).length)));
  lines.push(c.bold('Salience and expected coverage (k = n questions per document)'), '');
  const header = `${'document'.padEnd(width)}  ${'units'.padStart(6)}  ${'gini'.padStart(5)}  ${'low-content'.padStart(11)}  ${'salience'.padStart(8)}  ${'content'.padStart(7)}  ${'uniform'.padStart(7)}  ${'targeted'.padStart(8)}  flagged`;
  lines.push(c.dim(header));
  for (const d of documents) {
    const flag = d.flagged.length > 0 ? c.yellow(d.flagged.map((r) => REASONS[r]).join(', ')) : '';
    lines.push(
      `${fitLeft(label(d), width)}  ${String(d.units).padStart(6)}  ${fixed(d.gini).padStart(5)}  ${percent(d.lowContentHotspotShare).padStart(11)}  ${fixed(d.coverage.salience).padStart(8)}  ${fixed(d.coverage.content).padStart(7)}  ${fixed(d.coverage.uniform).padStart(7)}  ${fixed(d.coverage.targeted).padStart(8)}  ${flag}`.trimEnd(),
    );
  }
  lines.push(c.dim('low-content: share of the salience mass on low-content hotspots; salience, uniform, targeted: expected share of units covered; content: expected share of content weight covered'), '');
  const flaggedShare = corpus.documents > 0 ? ` (${percent(corpus.flagged / corpus.documents)})` : '';
  lines.push(c.bold(`Corpus: ${corpus.documents} document${corpus.documents === 1 ? '' : 's'}, ${corpus.flagged} flagged by salience-skew${flaggedShare}`));
  lines.push(`Mean expected coverage: salience ${fixed(corpus.meanCoverage.salience)} (content ${fixed(corpus.meanCoverage.content)}), uniform ${fixed(corpus.meanCoverage.uniform)}, targeted ${fixed(corpus.meanCoverage.targeted)}`);
  if (corpus.documents > 0) {
    lines.push('');
    const columns: (keyof Distribution)[] = ['min', 'p10', 'p25', 'median', 'p75', 'p90', 'max', 'mean'];
    lines.push(c.dim(`${''.padEnd(22)}${columns.map((k) => k.padStart(8)).join('')}`));
    const row = (name: string, dist: Distribution, show: (x: number) => string) => lines.push(`${name.padEnd(22)}${columns.map((k) => show(dist[k]).padStart(8)).join('')}`);
    row('units', corpus.distribution.units, (x) => String(Math.round(x)));
    row('coverage (salience)', corpus.distribution.coverage, fixed);
    row('coverage / uniform', corpus.distribution.relativeCoverage, fixed);
    row('content coverage', corpus.distribution.contentCoverage, fixed);
    row('gini', corpus.distribution.gini, fixed);
    row('low-content hotspots', corpus.distribution.lowContentHotspotShare, percent);
  }
  if (corpus.worst.length > 0) {
    lines.push('', c.bold('Worst covered (salience coverage relative to uniform):'));
    corpus.worst.forEach((d, i) => {
      const where = `${String(i + 1).padStart(3)}. ${label(d)}`;
      lines.push(`${where}  ${fixed(d.coverage.salience)} of ${fixed(d.coverage.uniform)} (${percent(d.relativeCoverage)})`);
      for (const hotspot of d.hotspots) lines.push(`       ${c.dim(hotspot)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
