// The output formats by name, for `--format`.
import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter, FormatterName } from './types.js';

export type { Formatter, FormatterName, ReportContext } from './types.js';

export const formatters: Record<FormatterName, Formatter> = { stylish, json, sarif, github, junit, compact, html };

export const formatterNames = Object.keys(formatters) as FormatterName[];

export function getFormatter(name: string): Formatter | undefined {
  return Object.prototype.hasOwnProperty.call(formatters, name) ? formatters[name as FormatterName] : undefined;
}
