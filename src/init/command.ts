// `corpuslint --init [files...]`: writes a starter .corpuslintrc.json. When the inputs hold JSONL,
// records are sampled (the first records of each file, within a byte budget) to pick the text field.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { discover } from '../inputs/discover.js';
import { splitLines } from '../inputs/jsonl.js';
import { SEARCH_PLACES } from '../config/load.js';
import { DEFAULT_JSONL } from '../config/types.js';
import type { UserConfig } from '../config/types.js';
import { inferJsonlSettings, type JsonlGuess } from './infer.js';

export const CONFIG_FILE = '.corpuslintrc.json';
export const SAMPLE_RECORDS_PER_FILE = 200;
export const SAMPLE_FILES = 20;
const SAMPLE_BYTES_PER_FILE = 16 << 20;

export interface InitResult {
  file: string;
  config: UserConfig;
  guess?: JsonlGuess;
  sampledFiles: string[];
}

/** The first records of a JSONL file (plain or .gz), stopping at a record or byte budget. */
export async function sampleRecords(file: string, gzip: boolean, limit = SAMPLE_RECORDS_PER_FILE): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const stream: Readable = gzip ? raw.pipe(zlib.createGunzip()) : raw;
  let bytes = 0;
  try {
    for await (const line of splitLines(stream)) {
      bytes += line.bytes.length;
      if (bytes > SAMPLE_BYTES_PER_FILE || records.length >= limit) break;
      try {
        const value: unknown = JSON.parse(line.bytes.toString('utf8'));
        if (value && typeof value === 'object' && !Array.isArray(value)) records.push(value as Record<string, unknown>);
      } catch {
        // A bad line says nothing about the field names; the linter reports it later.
      }
    }
  } finally {
    raw.destroy();
  }
  return records;
}

function existingConfig(cwd: string): string | undefined {
  for (const name of SEARCH_PLACES) {
    const file = path.join(cwd, name);
    if (!fs.existsSync(file)) continue;
    if (name !== 'package.json') return name;
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>).corpuslint !== undefined) return name;
    } catch {
      // An unreadable package.json holds no corpuslint config.
    }
  }
  return undefined;
}

/** Builds the starter config from samples of the given paths (files, directories, globs). */
export async function buildStarterConfig(patterns: string[], cwd: string): Promise<Omit<InitResult, 'file'>> {
  const { files } = discover(patterns.length > 0 ? patterns : ['.'], { cwd, ignorePatterns: [], useIgnoreFile: true, ignoreEnabled: true });
  const jsonlFiles = files.filter((f) => f.kind === 'jsonl').slice(0, SAMPLE_FILES);
  const records: Record<string, unknown>[] = [];
  for (const file of jsonlFiles) records.push(...(await sampleRecords(file.absolute, file.gzip)));
  const config: UserConfig = { extends: 'corpuslint:recommended' };
  const guess = records.length > 0 ? inferJsonlSettings(records) : undefined;
  if (guess) {
    config.jsonl = { textField: guess.textField, idField: guess.idField ?? DEFAULT_JSONL.idField, format: guess.format ?? DEFAULT_JSONL.format };
  }
  return { config, ...(guess ? { guess } : {}), sampledFiles: jsonlFiles.map((f) => f.relative) };
}

export interface InitCommandIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** Runs `--init`. Exit code 0 when the file was written, 2 when a config already exists. */
export async function initCommand(patterns: string[], io: InitCommandIo): Promise<number> {
  const existing = existingConfig(io.cwd);
  if (existing) {
    io.err(`corpuslint: ${existing} already exists in ${io.cwd}; --init does not overwrite a config.\n`);
    return 2;
  }
  const { config, guess, sampledFiles } = await buildStarterConfig(patterns, io.cwd);
  const target = path.join(io.cwd, CONFIG_FILE);
  fs.writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  io.out(`Wrote ${CONFIG_FILE} (extends corpuslint:recommended).\n`);
  if (guess) {
    io.out(`JSONL text field: "${guess.textField}", ${guess.why}; sampled ${guess.records} records from ${sampledFiles.length} file${sampledFiles.length === 1 ? '' : 's'}.\n`);
    if (guess.idField) io.out(`JSONL id field: "${guess.idField}".\n`);
    if (guess.format) io.out(`JSONL records look like ${guess.format}: jsonl.format is "${guess.format}".\n`);
  } else if (sampledFiles.length > 0) io.out('No JSON object records could be read from the JSONL files; the default text field "text" is kept.\n');
  io.out('Run `corpuslint --print-config <file>` to see the rules and options in force.\n');
  return 0;
}
