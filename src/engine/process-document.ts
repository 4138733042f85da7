// Lints one document and, when fixing, runs the fix loop on it. Shared by whole files and JSONL blocks.
import { Document } from '../document/document.js';
import type { Finding } from '../types.js';
import { fixLoop } from '../fix/fix-loop.js';
import type { FixSelection } from '../fix/apply.js';
import { lintDocument, type ActiveRule, type LintDocumentOptions } from './lint-document.js';

export interface DocumentOutcome {
  findings: Finding[];
  /** The fixed text (the original when nothing changed or when not fixing). */
  output: string;
}

export function processDocument(document: Document, rules: readonly ActiveRule[], lintOptions: LintDocumentOptions, fix: FixSelection | undefined): DocumentOutcome {
  const lint = (text: string) =>
    lintDocument(text === document.text ? document : new Document({ text, format: document.format, path: document.path, record: document.record }), rules, lintOptions);
  const first = lint(document.text);
  if (!fix) return { findings: first.findings, output: document.text };
  const fixed = fixLoop(document.text, lint, fix, first);
  return { findings: fixed.findings, output: fixed.output };
}
