// Reading and writing corpuslint-suppressions.json. The file is committed next to the corpus and
// may come from an untrusted checkout, so it is validated strictly and written atomically.
import fs from 'node:fs';
import { writeFileAtomic } from '../fix/atomic-write.js';
import { SUPPRESSIONS_VERSION, type SuppressionTable } from './store.js';

export class SuppressionsFileError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`Invalid suppressions file ${file}: ${detail}`);
    this.name = 'SuppressionsFileError';
  }
}

// Keys that would reach Object.prototype if a table were ever indexed without an own-property check.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const HASH = /^[0-9a-f]{16}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSuppressions(text: string, file: string): SuppressionTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SuppressionsFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw new SuppressionsFileError(file, 'expected an object');
  if (data.version !== SUPPRESSIONS_VERSION) throw new SuppressionsFileError(file, `unsupported version ${JSON.stringify(data.version)} (expected ${SUPPRESSIONS_VERSION})`);
  if (!isRecord(data.suppressions)) throw new SuppressionsFileError(file, '"suppressions" must be an object');
  const table: SuppressionTable = {};
  for (const [path, byRule] of Object.entries(data.suppressions)) {
    if (FORBIDDEN_KEYS.has(path)) throw new SuppressionsFileError(file, `forbidden file key "${path}"`);
    if (!isRecord(byRule)) throw new SuppressionsFileError(file, `suppressions["${path}"] must be an object`);
    table[path] = {};
    for (const [ruleId, entry] of Object.entries(byRule)) {
      const where = `suppressions["${path}"]["${ruleId}"]`;
      if (FORBIDDEN_KEYS.has(ruleId)) throw new SuppressionsFileError(file, `forbidden rule key at ${where}`);
      if (!isRecord(entry) || !isRecord(entry.hashes)) throw new SuppressionsFileError(file, `${where} needs "count" and "hashes"`);
      const hashes: Record<string, number> = {};
      let count = 0;
      for (const [hash, n] of Object.entries(entry.hashes)) {
        if (!HASH.test(hash)) throw new SuppressionsFileError(file, `${where}.hashes has a malformed hash "${hash}"`);
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new SuppressionsFileError(file, `${where}.hashes["${hash}"] must be a positive whole number`);
        hashes[hash] = n;
        count += n;
      }
      // The per-hash counts are what matching uses; a hand-edited total that disagrees would mislead.
      if (entry.count !== count) throw new SuppressionsFileError(file, `${where}.count is ${JSON.stringify(entry.count)} but its hashes add up to ${count}`);
      table[path][ruleId] = { count, hashes };
    }
  }
  return table;
}

/** Loads a suppressions file; a missing file is an empty table. */
export function loadSuppressions(file: string): SuppressionTable {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SuppressionsFileError(file, (error as Error).message);
  }
  return parseSuppressions(text, file);
}

/** Sorted keys, so the committed file diffs cleanly from run to run. */
export function serializeSuppressions(table: SuppressionTable): string {
  const sorted: SuppressionTable = {};
  for (const path of Object.keys(table).sort()) {
    sorted[path] = {};
    for (const ruleId of Object.keys(table[path]).sort()) {
      const entry = table[path][ruleId];
      const hashes: Record<string, number> = {};
      for (const hash of Object.keys(entry.hashes).sort()) hashes[hash] = entry.hashes[hash];
      sorted[path][ruleId] = { count: entry.count, hashes };
    }
  }
  return `${JSON.stringify({ version: SUPPRESSIONS_VERSION, suppressions: sorted }, null, 2)}\n`;
}

export function saveSuppressions(file: string, table: SuppressionTable): void {
  writeFileAtomic(file, serializeSuppressions(table));
}
