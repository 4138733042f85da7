// `corpuslint merge report-*.json`: combines the JSON reports of sharded runs into one report, in any
// format. Findings of a file split across shards by byte range are merged and put back in order.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, UsageError, renderHelp, type FlagSpecs } from '../cli/args.js';
import { shouldColor } from '../cli/color.js';
import { writeOut } from '../cli/io.js';
import { compareFindings } from '../engine/lint-document.js';
import { summarize } from '../engine/run.js';
import { getFormatter, formatters } from '../reporters/index.js';
import { ruleRegistry } from '../rules/index.js';
import type { FileResult, Finding } from '../types.js';
import { VERSION } from '../version.js';
import { countFindings } from '../engine/counts.js';

const FLAGS: FlagSpecs = {
  format: { type: 'string', alias: 'f', valueName: 'String', description: 'Output format of the merged report (default: json)' },
  'output-file': { type: 'string', alias: 'o', valueName: 'path::String', description: 'Write the merged report to this file' },
  color: { type: 'boolean', negatable: true, description: 'Force enabling/disabling of color' },
  help: { type: 'boolean', alias: 'h', description: 'Show help' },
};

interface JsonReport {
  version: number;
  files: (FileResult & { records?: number })[];
}

function readReport(file: string): JsonReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not a readable corpuslint JSON report (${(error as Error).message}).`);
  }
  const report = parsed as Partial<JsonReport>;
  if (report.version !== 1 || !Array.isArray(report.files)) throw new UsageError(`${file}: not a corpuslint JSON report (expected "version": 1 and a "files" array).`);
  return report as JsonReport;
}

export function mergeReports(reports: readonly JsonReport[]): FileResult[] {
  const byPath = new Map<string, FileResult>();
  for (const report of reports) {
    for (const file of report.files) {
      const existing = byPath.get(file.path);
      if (!existing) {
        byPath.set(file.path, { ...file, findings: [...file.findings] });
        continue;
      }
      existing.findings.push(...file.findings);
      if (file.records !== undefined) existing.records = (existing.records ?? 0) + file.records;
    }
  }
  const merged = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of merged) {
    file.findings.sort((a: Finding, b: Finding) => compareFindings(a, b));
    Object.assign(file, countFindings(file.findings));
  }
  return merged;
}

export async function main(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, FLAGS);
  if (flags.help) {
    writeOut(renderHelp('corpuslint merge [options] report.json...\n\nCombines JSON reports of sharded runs (corpuslint --shard K/N --format json) into one.', FLAGS));
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('merge needs at least one JSON report.');
  const formatName = (flags.format as string | undefined) ?? 'json';
  const formatter = getFormatter(formatName);
  if (!formatter) throw new UsageError(`Unknown format "${formatName}". Available formats: ${Object.keys(formatters).join(', ')}.`);
  const results = mergeReports(positionals.map((file) => readReport(path.resolve(file))));
  const summary = summarize(results);
  const color = shouldColor(flags.color as boolean | undefined, process.env, process.stdout.isTTY);
  const report = formatter(results, { cwd: process.cwd(), color, rules: ruleRegistry, summary, toolVersion: VERSION });
  if (flags['output-file']) fs.writeFileSync(path.resolve(flags['output-file'] as string), report);
  else if (report) writeOut(report.endsWith('\n') ? report : `${report}\n`);
  return summary.errorCount > 0 ? 1 : 0;
}
