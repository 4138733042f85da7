// Sanitize before generating: each document is fixed in memory with the active config's safe
// fixes (the same fix loop as `corpuslint --fix`), so the generator never sees the raw text.
// A document that still has error-level findings afterwards is skipped unless findings are allowed.
import { Document } from '../document/document.js';
import { lintDocument, type ActiveRule, type LintDocumentOptions } from '../engine/lint-document.js';
import { fixLoop } from '../fix/fix-loop.js';
import type { Finding } from '../types.js';

export type SanitizeOutcome =
  | { ok: true; text: string; fixCount: number; remainingErrors: number; findings: Finding[] }
  | { ok: false; reason: 'error-findings' | 'lint-incomplete' | 'rule-error'; findings: Finding[] };

export interface SanitizeOptions {
  rules: readonly ActiveRule[];
  lint?: LintDocumentOptions;
  /** Keep documents whose error-level findings survive the safe fixes (`--allow-findings`). */
  allowFindings: boolean;
}

export function sanitizeDocument(document: Document, options: SanitizeOptions): SanitizeOutcome {
  const lint = (text: string) =>
    lintDocument(text === document.text ? document : new Document({ text, format: document.format, path: document.path, record: document.record }), options.rules, options.lint);
  const result = fixLoop(document.text, lint, { unsafe: false });
  if (!result.fixed) return { ok: false, reason: 'lint-incomplete', findings: result.findings };
  if (result.findings.some((f) => f.ruleId === 'rule-error')) return { ok: false, reason: 'rule-error', findings: result.findings };
  const remainingErrors = result.findings.filter((f) => f.severity === 'error').length;
  if (remainingErrors > 0 && !options.allowFindings) return { ok: false, reason: 'error-findings', findings: result.findings };
  return { ok: true, text: result.output, fixCount: result.fixCount, remainingErrors, findings: result.findings };
}
