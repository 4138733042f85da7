// The lint run: for each input, resolve its config, read its documents, lint them, fix them when
// asked, and stream the output to its sink. Files are independent, so a worker can run one alone.
import fs from 'node:fs';
import path from 'node:path';
import { Document } from '../document/document.js';
import type { FileResult, Finding, LintSummary, RuleModule } from '../types.js';
import { resolveConfig, type LoadedConfig } from '../config/load.js';
import type { EffectiveConfig } from '../config/types.js';
import { readDocuments, type InputSource } from '../inputs/read-documents.js';
import { spliceTextField } from '../inputs/jsonl.js';
import { fixLoop } from '../fix/fix-loop.js';
import { isFixable, type FixSelection } from '../fix/apply.js';
import { AtomicFileSink, MemorySink, type Sink } from '../fix/sink.js';
import { lintDocument, type ActiveRule } from './lint-document.js';
import { runCorpusPasses, type CorpusStates } from './corpus.js';

export type FixMode = 'none' | 'write' | 'dry-run' | 'diff' | 'out-dir' | 'stdout';

export interface RunInput extends InputSource {
  /** Absolute path for config resolution (the `--stdin-filename` for stdin). */
  configPath: string;
  /** Path under `--out-dir` that mirrors this input. */
  outPath?: string;
}

export interface RunOptions {
  registry: ReadonlyMap<string, RuleModule>;
  loaded: LoadedConfig;
  fixMode: FixMode;
  outDir?: string;
  selection: FixSelection;
  /** Keep each file's source text on its result (for diffs and the HTML report). */
  keepSource?: boolean;
  /** Only these rules run, when given (`--rule`). */
  onlyRules?: ReadonlySet<string>;
}

export interface FileRun {
  result: FileResult;
  /** A read error or a crashed rule: the run exits 2. */
  fatal: boolean;
  /** The file's content changed under the fix. */
  changed: boolean;
  /** Fixed bytes, for `--fix-stdout`. */
  stdout?: Buffer;
}

export function activeRulesFor(effective: EffectiveConfig, options: Pick<RunOptions, 'registry' | 'onlyRules'>, corpus?: CorpusStates): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const [id, module] of options.registry) {
    const setting = effective.rules[id];
    if (!setting || setting.severity === 'off') continue;
    if (options.onlyRules && !options.onlyRules.has(id)) continue;
    active.push({ module, severity: setting.severity === 'error' ? 'error' : 'warning', options: setting.options, corpus: corpus?.get(id) });
  }
  return active;
}

function fixing(mode: FixMode): boolean {
  return mode !== 'none';
}

function sinkFor(input: RunInput, options: RunOptions): Sink | undefined {
  switch (options.fixMode) {
    case 'none':
      return undefined;
    case 'write':
      return input.absolute ? new AtomicFileSink(input.absolute, input.gzip) : new MemorySink();
    case 'out-dir':
      return new AtomicFileSink(path.join(options.outDir!, input.outPath ?? path.basename(input.path)), input.gzip);
    default:
      return new MemorySink();
  }
}

function withLineBreak(raw: { bytes: Buffer; terminator: string }): Buffer {
  return raw.terminator ? Buffer.concat([raw.bytes, Buffer.from(raw.terminator)]) : raw.bytes;
}

function rewriteRecordLine(lineText: string, textField: string, text: string): string {
  // A BOM before the first record is kept, and the splice works on the JSON after it.
  if (lineText.charCodeAt(0) === 0xfeff) return `\ufeff${spliceTextField(lineText.slice(1), textField, text)}`;
  return spliceTextField(lineText, textField, text);
}

export async function runFile(input: RunInput, options: RunOptions, corpus?: CorpusStates): Promise<FileRun> {
  const effective = resolveConfig(options.loaded, input.configPath, options.registry);
  const rules = activeRulesFor(effective, options, corpus);
  const lintOptions = { limits: effective.limits, allowInlineConfig: effective.allowInlineConfig };
  const sink = sinkFor(input, options);
  const findings: Finding[] = [];
  let fatal = false;
  let changed = false;
  let records = 0;
  let wholeFileSkipped = false;
  let source: string | undefined;

  try {
    for await (const event of readDocuments(input, effective.jsonl)) {
      if (event.type === 'passthrough') {
        sink?.write(withLineBreak(event.raw));
      } else if (event.type === 'skipped') {
        findings.push(event.finding);
        if (event.finding.ruleId === 'rule-error') fatal = true;
        if (event.fatal) {
          fatal = true;
          sink?.abort();
          return finish();
        }
        if (event.raw) {
          records++;
          sink?.write(withLineBreak(event.raw));
        } else wholeFileSkipped = true;
      } else {
        const document = event.document;
        if (document.record) records++;
        else if (options.keepSource) source = document.text;
        const lint = (text: string) =>
          lintDocument(text === document.text ? document : new Document({ text, format: document.format, path: document.path, record: document.record }), rules, lintOptions);
        const first = lint(document.text);
        let docFindings = first.findings;
        let output = document.text;
        if (fixing(options.fixMode)) {
          const fixed = fixLoop(document.text, lint, options.selection, first);
          docFindings = fixed.findings;
          output = fixed.output;
        }
        if (docFindings.some((f) => f.ruleId === 'rule-error')) fatal = true;
        findings.push(...docFindings);
        if (!sink) continue;
        if (event.raw) {
          if (output === document.text) sink.write(withLineBreak(event.raw));
          else {
            changed = true;
            sink.write(rewriteRecordLine(event.lineText!, effective.jsonl.textField, output) + event.raw.terminator);
          }
        } else {
          if (output !== document.text) changed = true;
          sink.write(output);
        }
      }
    }
  } catch (error) {
    sink?.abort();
    throw error;
  }

  if (sink) {
    if (wholeFileSkipped) {
      // A file that could not be decoded is never rewritten; under --out-dir its bytes are copied as they are.
      sink.abort();
      if (options.fixMode === 'out-dir' && input.absolute) {
        const target = path.join(options.outDir!, input.outPath ?? path.basename(input.path));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(input.absolute, target);
      }
    } else if (options.fixMode === 'write' && !changed) sink.abort();
    else await sink.commit();
  }
  return finish();

  function finish(): FileRun {
    const result: FileResult = {
      path: input.path,
      findings,
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
      fixableCount: findings.filter((f) => isFixable(f, { unsafe: false })).length,
    };
    if (input.kind === 'jsonl') result.records = records;
    if (source !== undefined) result.source = source;
    const run: FileRun = { result, fatal, changed };
    if (sink instanceof MemorySink && !fatal) {
      const bytes = sink.bytes;
      if (options.fixMode === 'stdout') run.stdout = bytes;
      if (changed && (options.fixMode === 'dry-run' || options.fixMode === 'diff')) result.output = bytes.toString('utf8');
      if (changed && options.fixMode === 'diff' && source === undefined && input.kind === 'jsonl') result.source = (input.bytes ?? fs.readFileSync(input.absolute!)).toString('utf8');
    }
    return run;
  }
}

export interface RunOutcome {
  files: FileRun[];
  summary: LintSummary;
  fatal: boolean;
}

export function summarize(results: readonly FileResult[]): LintSummary {
  const summary: LintSummary = { files: results.length, records: 0, errorCount: 0, warningCount: 0, fixableCount: 0 };
  for (const r of results) {
    summary.records += r.records ?? 0;
    summary.errorCount += r.errorCount;
    summary.warningCount += r.warningCount;
    summary.fixableCount += r.fixableCount;
  }
  return summary;
}

/** Lints (and fixes) every input in order; results come back in input order. */
export async function run(inputs: readonly RunInput[], options: RunOptions, onFile?: (run: FileRun, input: RunInput) => void): Promise<RunOutcome> {
  const corpus = await runCorpusPasses(inputs, options);
  const files: FileRun[] = [];
  for (const input of inputs) {
    const fileRun = await runFile(input, options, corpus);
    files.push(fileRun);
    onFile?.(fileRun, input);
  }
  return { files, summary: summarize(files.map((f) => f.result)), fatal: files.some((f) => f.fatal) };
}

export { isFixable };
