// Guesses the JSONL settings of a corpus from sampled records: the text field is the string field
// with the longest average value, unless a field with a conventional name is nearly as long (a
// long `url` or `title` list should not beat `text`); the id field is a conventional id-like key
// present in almost every record; the format is set only when most texts clearly are HTML or Markdown.
import type { DocumentFormat } from '../types.js';

export const TEXT_FIELD_NAMES = ['text', 'content', 'body', 'document', 'article', 'passage', 'markdown', 'html', 'raw_content', 'page_content'];
export const ID_FIELD_NAMES = ['id', 'doc_id', 'docid', 'document_id', 'uuid', '_id', 'uid', 'key', 'url'];

/** A conventional name wins when its average length is at least this share of the longest... */
export const PREFERRED_NAME_SHARE = 0.25;
/** ... and at least this many characters: a `text` field of one-word labels is not the document. */
export const PREFERRED_NAME_MIN_LENGTH = 20;

export interface FieldStats {
  field: string;
  /** Records in which the field is a string. */
  present: number;
  /** Average length over the records that have it as a string. */
  averageLength: number;
}

export interface JsonlGuess {
  textField: string;
  idField?: string;
  format?: DocumentFormat;
  records: number;
  fields: FieldStats[];
  why: string;
}

const HTML_HINT = /<\/(?:p|div|span|a|li|td|h[1-6]|body|html|section|article)>|<(?:br|p|div)\b[^<>]{0,200}>/i;
const MARKDOWN_HINT = /^(?:#{1,6}[ \t]\S|[-*+][ \t]\S|\d{1,9}\.[ \t]\S|```|>[ \t]?\S)|\]\([^()\s]{1,2000}\)/m;

export function fieldStats(records: readonly Record<string, unknown>[]): FieldStats[] {
  const totals = new Map<string, { present: number; length: number }>();
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (typeof value !== 'string') continue;
      const slot = totals.get(key) ?? { present: 0, length: 0 };
      slot.present++;
      slot.length += value.length;
      totals.set(key, slot);
    }
  }
  return [...totals].map(([field, t]) => ({ field, present: t.present, averageLength: t.length / t.present })).sort((a, b) => b.averageLength - a.averageLength || a.field.localeCompare(b.field));
}

function guessFormat(texts: readonly string[]): DocumentFormat | undefined {
  if (texts.length === 0) return undefined;
  const share = (pattern: RegExp) => texts.filter((t) => pattern.test(t.slice(0, 20_000))).length / texts.length;
  if (share(HTML_HINT) >= 0.5) return 'html';
  if (share(MARKDOWN_HINT) >= 0.5) return 'markdown';
  return undefined;
}

export function inferJsonlSettings(records: readonly Record<string, unknown>[]): JsonlGuess | undefined {
  const fields = fieldStats(records);
  // A field that only a few records carry is not the corpus's text field.
  const common = fields.filter((f) => f.present >= Math.max(1, records.length * 0.5));
  if (common.length === 0) return undefined;
  const longest = common[0];
  const preferred = TEXT_FIELD_NAMES.map((name) => common.find((f) => f.field.toLowerCase() === name)).find((f) => f !== undefined && f.averageLength >= PREFERRED_NAME_MIN_LENGTH && f.averageLength >= longest.averageLength * PREFERRED_NAME_SHARE);
  const chosen = preferred ?? longest;
  const why =
    chosen === longest
      ? `the longest string field on average (${Math.round(chosen.averageLength)} characters over ${chosen.present} of ${records.length} sampled records)`
      : `a conventional text field name with ${Math.round(chosen.averageLength)} characters on average (the longest field, "${longest.field}", has ${Math.round(longest.averageLength)})`;
  const idField = ID_FIELD_NAMES.find((name) => {
    const present = records.filter((r) => typeof r[name] === 'string' || typeof r[name] === 'number').length;
    return name !== chosen.field && present >= records.length * 0.9;
  });
  const texts = records.map((r) => r[chosen.field]).filter((t): t is string => typeof t === 'string');
  const format = guessFormat(texts);
  return { textField: chosen.field, ...(idField ? { idField } : {}), ...(format ? { format } : {}), records: records.length, fields, why };
}
