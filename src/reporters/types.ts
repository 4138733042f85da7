// The contract between the CLI and the output formatters.
import type { FileResult, LintSummary, RuleModule } from '../types.js';

export interface ReportContext {
  /** Paths in results are already relative to cwd (posix), or absolute when outside it. */
  cwd: string;
  /** Decided by the CLI (NO_COLOR, FORCE_COLOR, --color, --no-color). */
  color: boolean;
  /** The rule registry, for meta and doc links. */
  rules: ReadonlyMap<string, RuleModule>;
  summary: LintSummary;
  toolVersion: string;
  maxWarnings?: number;
}

export type Formatter = (results: FileResult[], context: ReportContext) => string;

/** A formatter that yields its text in pieces whose concatenation is the Formatter's string. */
export type ChunkFormatter = (results: readonly FileResult[], context: ReportContext) => Iterable<string>;

export type FormatterName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit' | 'compact' | 'html';
