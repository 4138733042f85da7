import type { DocumentFormat } from '../types.js';

export type InputKind = DocumentFormat | 'jsonl';

const EXTENSIONS: Record<string, InputKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export interface FormatInfo {
  kind: InputKind;
  gzip: boolean;
}

/** The input kind of a file name, or undefined when corpuslint does not read that kind. */
export function formatOf(fileName: string): FormatInfo | undefined {
  const lower = fileName.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const dot = base.lastIndexOf('.');
  if (dot === -1) return undefined;
  const kind = EXTENSIONS[base.slice(dot)];
  return kind ? { kind, gzip } : undefined;
}

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);
