// Streams of JSONL records: parsed objects, or the bytes of a JSONL file (a fs or zlib stream,
// process.stdin). Records are linted one at a time, so memory stays bounded by the longest record.
import path from 'node:path';
import { Document } from '../document/document.js';
import { resolveConfig } from '../config/load.js';
import type { EffectiveConfig } from '../config/types.js';
import { activeRulesFor } from '../engine/run.js';
import { coreFinding, lintDocument } from '../engine/lint-document.js';
import type { CorpusStates } from '../engine/corpus.js';
import type { FixSelection } from '../fix/apply.js';
import { fixLoop } from '../fix/fix-loop.js';
import { decodeUtf8 } from '../inputs/decode.js';
import { parseRecord, spliceTextField, splitLines } from '../inputs/jsonl.js';
import type { Finding, RecordRef, RuleModule } from '../types.js';
import type { ResolvedApiConfig } from './config.js';
import { countFindings } from '../engine/counts.js';

export type JsonRecord = Record<string, unknown>;

/** Parsed records, or chunks of JSONL text (strings or bytes) as a file or stdin stream yields them. */
export type RecordSource = AsyncIterable<JsonRecord | string | Uint8Array> | Iterable<JsonRecord>;

export interface RecordResult {
  /** 0-based position among the stream's records (blank lines are not records). */
  index: number;
  /** 1-based line in the stream; for a stream of objects, index + 1. */
  line: number;
  id?: string;
  /** The record as read; undefined when its line is not valid JSON. */
  record: JsonRecord | undefined;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
}

export interface RecordFixResult extends RecordResult {
  /** The record's text after the fixes (the text as read when nothing changed or the line is bad). */
  output: string | undefined;
  changed: boolean;
  /** The record to write out: the input record with only its text field replaced. */
  fixedRecord: JsonRecord | undefined;
  /** The JSONL line to write out (without a line break): the input line with only the text value replaced. */
  json: string;
}

interface RawRecord {
  line: number;
  /** The JSON text of the line, when the source gave text. */
  lineText?: string;
  value?: JsonRecord;
  problem?: Finding;
}

function isChunk(item: unknown): item is string | Uint8Array {
  return typeof item === 'string' || item instanceof Uint8Array;
}

async function* rawRecords(source: RecordSource, effective: EffectiveConfig): AsyncGenerator<RawRecord> {
  const iterator = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<JsonRecord>)[Symbol.iterator]()) as AsyncIterator<unknown> | Iterator<unknown>;
  const first = await iterator.next();
  if (first.done) return;
  if (!isChunk(first.value)) {
    let line = 0;
    for (let step: IteratorResult<unknown> = first; !step.done; step = await iterator.next()) {
      line++;
      const value = step.value;
      if (value === null || typeof value !== 'object' || Array.isArray(value) || isChunk(value)) {
        yield { line, problem: coreFinding('parse-error', `Record ${line}: not a JSON object.`, { line }) };
      } else yield { line, value: value as JsonRecord };
    }
    return;
  }
  async function* chunks(): AsyncGenerator<Buffer | string> {
    for (let step: IteratorResult<unknown> = first; !step.done; step = await iterator.next()) {
      const chunk = step.value;
      if (!isChunk(chunk)) throw new TypeError('A record stream must yield either objects or JSONL text chunks, not both.');
      yield typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  for await (const raw of splitLines(chunks())) {
    if (raw.bytes.toString('latin1').trim() === '') continue;
    const decoded = decodeUtf8(raw.bytes);
    if (!decoded.ok) {
      yield { line: raw.line, problem: coreFinding('encoding-error', `Line ${raw.line} is not valid UTF-8.`, { line: raw.line }) };
      continue;
    }
    const lineText = raw.line === 1 && decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
    const parsed = parseRecord(lineText, effective.jsonl.textField, effective.jsonl.idField);
    if (!parsed.ok) yield { line: raw.line, lineText, problem: coreFinding('parse-error', `Line ${raw.line}: ${parsed.reason}.`, { line: raw.line }) };
    else yield { line: raw.line, lineText, value: parsed.value };
  }
}

function counts(findings: Finding[]): Pick<RecordResult, 'errorCount' | 'warningCount' | 'fixableCount'> {
  return countFindings(findings);
}

/** Runs every active rule's corpus pass over documents already in memory. */
export function corpusStatesFor(documents: readonly Document[], effective: EffectiveConfig, registry: ReadonlyMap<string, RuleModule>): CorpusStates {
  const states: CorpusStates = new Map();
  for (const [id, rule] of registry) {
    const setting = effective.rules[id];
    if (!rule.corpus || !setting || setting.severity === 'off') continue;
    let state = rule.corpus.init(setting.options);
    for (const document of documents) rule.corpus.collect(state, document, setting.options);
    if (rule.corpus.finish) state = rule.corpus.finish(state, documents.length, setting.options);
    states.set(id, state);
  }
  return states;
}

export interface RecordStreamOptions {
  /** A name for the stream: config overrides match it. Default `records.jsonl`. */
  filePath?: string;
}

/**
 * Lints (and, with a selection, fixes) each record as it arrives. Corpus passes need every document
 * first, so they run only when the source is an array; on a true stream those rules see no corpus state.
 */
export async function* processRecords(source: RecordSource, resolved: ResolvedApiConfig, options: RecordStreamOptions, selection?: FixSelection): AsyncGenerator<RecordFixResult> {
  const filePath = options.filePath ?? 'records.jsonl';
  const effective = resolveConfig(resolved.loaded, path.resolve(resolved.cwd, filePath), resolved.registry);
  const { textField, idField, format } = effective.jsonl;
  let corpus: CorpusStates | undefined;
  if (Array.isArray(source)) {
    const documents = source.flatMap((value, i) => {
      const text = value && typeof value === 'object' ? (value as JsonRecord)[textField] : undefined;
      return typeof text === 'string' ? [new Document({ text, format, path: filePath, record: { index: i, line: i + 1 } })] : [];
    });
    corpus = corpusStatesFor(documents, effective, resolved.registry);
  }
  const rules = activeRulesFor(effective, { registry: resolved.registry }, corpus);
  const lintOptions = { limits: effective.limits, allowInlineConfig: effective.allowInlineConfig };
  let index = 0;
  for await (const raw of rawRecords(source, effective)) {
    const recordIndex = index++;
    const base = { index: recordIndex, line: raw.line };
    const json = raw.lineText ?? JSON.stringify(raw.value ?? null);
    const text = raw.value?.[textField];
    if (raw.problem || typeof text !== 'string') {
      const problem =
        raw.problem ?? coreFinding('parse-error', `Record ${raw.line}: ${text === undefined ? `no "${textField}" field` : `field "${textField}" is not a string`}.`, { line: raw.line });
      const finding = { ...problem, record: base };
      yield { ...base, record: raw.value, findings: [finding], ...counts([finding]), output: undefined, changed: false, fixedRecord: raw.value, json };
      continue;
    }
    const rawId = raw.value![idField];
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
    const record: RecordRef = { ...base, ...(id !== undefined ? { id } : {}) };
    const document = new Document({ text, format, path: filePath, record });
    const lint = (current: string) => lintDocument(current === text ? document : new Document({ text: current, format, path: filePath, record }), rules, lintOptions);
    const first = lint(text);
    let findings = first.findings;
    let output = text;
    if (selection) {
      const fixed = fixLoop(text, lint, selection, first);
      findings = fixed.findings;
      output = fixed.output;
    }
    const changed = output !== text;
    const fixedRecord = changed ? { ...raw.value!, [textField]: output } : raw.value;
    const fixedJson = !changed ? json : raw.lineText !== undefined ? spliceTextField(raw.lineText, textField, output) : JSON.stringify(fixedRecord);
    yield { ...record, record: raw.value, findings, ...counts(findings), output, changed, fixedRecord, json: fixedJson };
  }
}
