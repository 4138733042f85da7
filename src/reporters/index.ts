// The output formats by name, for `--format`.
import { compact, compactChunks } from './compact.js';
import { github, githubChunks } from './github.js';
import { html } from './html.js';
import { json, jsonReportChunks } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish, stylishChunks } from './stylish.js';
import type { ChunkFormatter, Formatter, FormatterName } from './types.js';

export type { ChunkFormatter, Formatter, FormatterName, ReportContext } from './types.js';

export const formatters: Record<FormatterName, Formatter> = { stylish, json, sarif, github, junit, compact, html };

/**
 * Formats whose report can be written as it is produced, reading spooled findings back from disk.
 * SARIF (fingerprints over a file's findings), JUnit (counts in each suite's opening tag) and HTML
 * (whole documents beside their findings) are built whole, so their runs keep findings in memory.
 */
export const chunkFormatters: Partial<Record<FormatterName, ChunkFormatter>> = {
  json: (results, context) => jsonReportChunks(results, context.summary),
  stylish: stylishChunks,
  compact: compactChunks,
  github: githubChunks,
};

export const formatterNames = Object.keys(formatters) as FormatterName[];

export function getFormatter(name: string): Formatter | undefined {
  return Object.prototype.hasOwnProperty.call(formatters, name) ? formatters[name as FormatterName] : undefined;
}
