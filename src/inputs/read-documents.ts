// Turns an input file into documents: one per Markdown, HTML or text file, one per JSONL record.
// Lines that cannot be documents (bad JSON, bad UTF-8) become findings and pass through untouched.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { Document } from '../document/document.js';
import type { Finding } from '../types.js';
import type { JsonlSettings } from '../config/types.js';
import { coreFinding } from '../engine/lint-document.js';
import { decodeUtf8, lineOfByte, looksBinary, wideEncodingMessage, wideEncodingOf, type WideEncoding } from './decode.js';
import { parseRecord, splitLines, type RawLine } from './jsonl.js';
import type { InputKind } from './formats.js';

export interface InputSource {
  /** Path used in reports. */
  path: string;
  /** File to read, unless bytes are given (stdin). */
  absolute?: string;
  bytes?: Buffer;
  /** A one-pass stream (stdin as a pipeline filter); read once, never re-read. */
  stream?: AsyncIterable<Buffer>;
  kind: InputKind;
  gzip: boolean;
}

export type InputEvent =
  | { type: 'document'; document: Document; raw?: RawLine; lineText?: string }
  | { type: 'skipped'; finding: Finding; raw?: RawLine; fatal?: boolean }
  | { type: 'passthrough'; raw: RawLine };

function readError(message: string): InputEvent {
  return { type: 'skipped', finding: coreFinding('read-error', message, { line: 1 }), fatal: true };
}

/** The one finding for a file in UTF-16 or UTF-32 (wideEncodingOf), at its first line. */
export function wideEncodingFinding(path: string, encoding: WideEncoding, record?: Finding['record']): Finding {
  return coreFinding('encoding-error', wideEncodingMessage(path, encoding), { line: 1, ...(record ? { record } : {}) });
}

function readWholeBytes(source: InputSource): Buffer {
  const bytes = source.bytes ?? fs.readFileSync(source.absolute!);
  return source.gzip ? zlib.gunzipSync(bytes) : bytes;
}

export function byteStream(source: InputSource): AsyncIterable<Buffer> {
  if (source.stream) return source.gzip ? Readable.from(source.stream).pipe(zlib.createGunzip({ chunkSize: 1 << 20 })) : source.stream;
  const raw: Readable = source.bytes ? Readable.from([source.bytes]) : fs.createReadStream(source.absolute!, { highWaterMark: 1 << 20 });
  return source.gzip ? raw.pipe(zlib.createGunzip({ chunkSize: 1 << 20 })) : raw;
}

export async function* readDocuments(source: InputSource, jsonl: JsonlSettings): AsyncGenerator<InputEvent> {
  if (source.kind !== 'jsonl') {
    let bytes: Buffer;
    try {
      bytes = readWholeBytes(source);
    } catch (error) {
      yield readError(`Cannot read ${source.path}: ${(error as Error).message}`);
      return;
    }
    const wide = wideEncodingOf(bytes);
    if (wide) {
      yield { type: 'skipped', finding: wideEncodingFinding(source.path, wide) };
      return;
    }
    if (looksBinary(bytes)) {
      yield { type: 'skipped', finding: coreFinding('binary-file', `${source.path} looks like a binary file (it contains NUL bytes); skipped.`, { line: 1 }, 'warning') };
      return;
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      const line = lineOfByte(bytes, decoded.byteOffset);
      yield {
        type: 'skipped',
        finding: coreFinding('encoding-error', `${source.path} is not valid UTF-8: invalid byte 0x${bytes[decoded.byteOffset].toString(16).padStart(2, '0')} at byte offset ${decoded.byteOffset} (line ${line}); the file is not linted or fixed.`, { line }),
      };
      return;
    }
    yield { type: 'document', document: new Document({ text: decoded.text, format: source.kind, path: source.path }) };
    return;
  }
  let index = 0;
  try {
    for await (const raw of splitLines(byteStream(source))) {
      const event = recordEvent(raw, index, jsonl, source.path);
      if (event.type !== 'passthrough') index++;
      yield event;
    }
  } catch (error) {
    yield readError(`Cannot read ${source.path}: ${(error as Error).message} (the file may be truncated); lines before this point were processed, the file is not rewritten.`);
  }
}

const BLANK = /^[ \t\r]*$/;

/** A JSONL line (without its terminator) that is passed through rather than read as a record. */
export function isBlankLine(bytes: Buffer): boolean {
  return bytes.length === 0 || (bytes.length < 64 && BLANK.test(bytes.toString('latin1')));
}

/** The event for one JSONL line: a record document, a finding for a bad line, or a blank line to pass through. */
export function recordEvent(raw: RawLine, recordIndex: number, jsonl: JsonlSettings, path: string): InputEvent {
  if (isBlankLine(raw.bytes)) return { type: 'passthrough', raw };
  const wide = raw.line === 1 ? wideEncodingOf(raw.bytes) : undefined;
  if (wide) return { type: 'skipped', raw, finding: wideEncodingFinding(path, wide, { index: recordIndex, line: 1 }) };
  const decoded = decodeUtf8(raw.bytes);
  if (!decoded.ok) {
    const record = { index: recordIndex, line: raw.line };
    return { type: 'skipped', raw, finding: coreFinding('encoding-error', `Line ${raw.line} is not valid UTF-8 (invalid byte at byte offset ${decoded.byteOffset} of the line); it is written back unchanged.`, { line: raw.line, record }) };
  }
  const lineText = decoded.text.charCodeAt(0) === 0xfeff && raw.line === 1 ? decoded.text.slice(1) : decoded.text;
  const parsed = parseRecord(lineText, jsonl.textField, jsonl.idField);
  if (!parsed.ok) {
    const record = { index: recordIndex, line: raw.line };
    return { type: 'skipped', raw, finding: coreFinding('parse-error', `Line ${raw.line}: ${parsed.reason}; the line is written back unchanged.`, { line: raw.line, record }) };
  }
  const record = { index: recordIndex, line: raw.line, ...(parsed.id !== undefined ? { id: parsed.id } : {}) };
  return { type: 'document', raw, lineText: decoded.text, document: new Document({ text: parsed.text, format: jsonl.format, path, record }) };
}
