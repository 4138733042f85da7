// QA coverage for the HTML report, read from what `corpuslint generate` leaves behind: its JSON
// summary (per-document coverage), or the QA JSONL itself (questions and distinct target sentences
// per document, without a denominator).
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface QaDocumentCoverage {
  path: string;
  record?: number;
  docId?: string;
  questions: number;
  /** Distinct target sentences asked about. */
  targets: number;
  /** Eligible sentences in the document, when the summary gives them. */
  eligible?: number;
  /** Share of eligible sentences with at least one question, when known. */
  coverage?: number;
  /** The eligible count was estimated from the report's copy of the text, not taken from generate. */
  estimated?: boolean;
}

/** Corpus-level figures from a `corpuslint generate` summary. */
export interface QaRunFigures {
  documents: number;
  eligible: number;
  targets: number;
  questions: number;
  coverage: number;
  giniOverEligible?: number;
}

export interface QaCoverage {
  files: string[];
  documents: QaDocumentCoverage[];
  run?: QaRunFigures;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function qaKey(path: string, record: number | undefined): string {
  return record === undefined ? path : `${path}#${record}`;
}

function fromSummaryEntry(entry: Record<string, unknown>): QaDocumentCoverage | undefined {
  const source = isObject(entry.source) ? entry.source : entry;
  const path = str(source.path);
  if (path === undefined) return undefined;
  const record = num(source.record) ?? num(source.index);
  const docId = str(source.docId) ?? str(source.id);
  const questions = num(entry.questions) ?? num(entry.items) ?? 0;
  const targets = num(entry.targets) ?? num(entry.covered) ?? num(entry.targetsCovered) ?? 0;
  const eligible = num(entry.eligible) ?? num(entry.eligibleUnits) ?? num(entry.units);
  let coverage = num(entry.coverage);
  if (coverage === undefined && eligible !== undefined && eligible > 0) coverage = Math.min(1, targets / eligible);
  return { path, ...(record !== undefined ? { record } : {}), ...(docId !== undefined ? { docId } : {}), questions, targets, ...(eligible !== undefined ? { eligible } : {}), ...(coverage !== undefined ? { coverage } : {}) };
}

function fromQaItems(lines: string[]): QaDocumentCoverage[] {
  const byDocument = new Map<string, { entry: QaDocumentCoverage; targets: Set<number> }>();
  for (const line of lines) {
    if (line.trim() === '') continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isObject(item) || !isObject(item.source)) continue;
    const path = str(item.source.path);
    if (path === undefined) continue;
    const record = num(item.source.record);
    const key = qaKey(path, record);
    let slot = byDocument.get(key);
    if (!slot) {
      const docId = str(item.source.docId);
      slot = { entry: { path, ...(record !== undefined ? { record } : {}), ...(docId !== undefined ? { docId } : {}), questions: 0, targets: 0 }, targets: new Set() };
      byDocument.set(key, slot);
    }
    slot.entry.questions++;
    const target = isObject(item.target) ? num(item.target.index) : undefined;
    if (target !== undefined) slot.targets.add(target);
    slot.entry.targets = slot.targets.size;
  }
  return [...byDocument.values()].map((s) => s.entry);
}

function runFigures(value: Record<string, unknown>): QaRunFigures | undefined {
  const coverage = num(value.coverage);
  const questions = num(value.questions);
  if (coverage === undefined || questions === undefined) return undefined;
  const gini = num(value.giniOverEligible);
  return { documents: num(value.documents) ?? 0, eligible: num(value.eligible) ?? 0, targets: num(value.targets) ?? 0, questions, coverage, ...(gini !== undefined ? { giniOverEligible: gini } : {}) };
}

/**
 * Reads what `corpuslint generate` wrote: its QA JSONL (questions and target sentences per document)
 * and/or its JSON summary (run figures, and per-document figures when it lists `documents`).
 * Throws when a file cannot be read.
 */
export function readQaFiles(files: readonly string[]): QaCoverage {
  const coverage: QaCoverage = { files: [...files], documents: [] };
  for (const file of files) {
    let bytes = fs.readFileSync(file);
    if (file.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
    const text = bytes.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isObject(parsed) && !isObject(parsed.source)) {
      coverage.run = runFigures(parsed) ?? coverage.run;
      const list = Array.isArray(parsed.documents) ? parsed.documents : Array.isArray(parsed.perDocument) ? parsed.perDocument : [];
      coverage.documents.push(...list.filter(isObject).map(fromSummaryEntry).filter((d): d is QaDocumentCoverage => d !== undefined));
    } else coverage.documents.push(...fromQaItems(text.split('\n')));
  }
  return coverage;
}
