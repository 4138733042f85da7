// JSONL records: a chunked line splitter with bounded memory, and a splice that rewrites only the
// text field of a record so that its other keys keep their order, spelling and values.
import type { Readable } from 'node:stream';

export interface RawLine {
  /** 1-based line number. */
  line: number;
  /** The line's bytes without its terminator. */
  bytes: Buffer;
  /** '\n', '\r\n' or '' for a last line without one. */
  terminator: string;
}

/** Splits a byte stream into lines. Memory stays bounded by the longest line. */
export async function* splitLines(stream: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<RawLine> {
  let pending: Buffer | null = null;
  let lineNumber = 0;
  for await (const raw of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let buffer: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    let from = 0;
    for (;;) {
      const newline = buffer.indexOf(10, from);
      if (newline === -1) break;
      const carriage = newline > from && buffer[newline - 1] === 13;
      lineNumber++;
      yield { line: lineNumber, bytes: buffer.subarray(from, carriage ? newline - 1 : newline), terminator: carriage ? '\r\n' : '\n' };
      from = newline + 1;
    }
    // Copy the tail so the chunk it came from can be collected.
    pending = from < buffer.length ? Buffer.from(buffer.subarray(from)) : null;
    buffer = Buffer.alloc(0);
  }
  if (pending && pending.length > 0) {
    lineNumber++;
    yield { line: lineNumber, bytes: pending, terminator: '' };
  }
}

export type ParsedRecord =
  | { ok: true; value: Record<string, unknown>; text: string; id?: string }
  | { ok: false; reason: string };

export function parseRecord(line: string, textField: string, idField: string): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `invalid JSON (${(error as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'the line is not a JSON object' };
  const record = value as Record<string, unknown>;
  const text = record[textField];
  if (typeof text !== 'string') {
    return { ok: false, reason: text === undefined ? `no "${textField}" field` : `field "${textField}" is not a string` };
  }
  const rawId = record[idField];
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  return { ok: true, value: record, text, ...(id !== undefined ? { id } : {}) };
}

function skipWhitespace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

function skipString(s: string, i: number): number {
  // s[i] is the opening quote; returns the index after the closing quote.
  i++;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  throw new Error('unterminated string');
}

function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    while (i < s.length) {
      const d = s[i];
      if (d === '"') {
        i = skipString(s, i);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new Error('unterminated container');
  }
  while (i < s.length && !/[,}\]\s]/.test(s[i])) i++;
  return i;
}

/** Where the value of a top-level key sits in a JSON object line (the last one, as JSON.parse reads it). */
export function findTopLevelValue(line: string, key: string): [number, number] | undefined {
  let i = skipWhitespace(line, 0);
  if (line[i] !== '{') return undefined;
  i = skipWhitespace(line, i + 1);
  let found: [number, number] | undefined;
  while (i < line.length && line[i] !== '}') {
    if (line[i] !== '"') return undefined;
    const keyEnd = skipString(line, i);
    const name = JSON.parse(line.slice(i, keyEnd)) as string;
    i = skipWhitespace(line, keyEnd);
    if (line[i] !== ':') return undefined;
    i = skipWhitespace(line, i + 1);
    const valueEnd = skipValue(line, i);
    if (name === key) found = [i, valueEnd];
    i = skipWhitespace(line, valueEnd);
    if (line[i] === ',') i = skipWhitespace(line, i + 1);
  }
  return found;
}

/** The record line with only the text field's value replaced. */
export function spliceTextField(line: string, textField: string, newText: string): string {
  const at = findTopLevelValue(line, textField);
  if (!at) throw new Error(`cannot locate field "${textField}" in record`);
  return line.slice(0, at[0]) + JSON.stringify(newText) + line.slice(at[1]);
}
