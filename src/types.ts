// Shared contracts between the stages: discovery → document → rules → findings → fixes → reporters.
import type { Document } from './document/document.js';

/** A half-open range [start, end) of UTF-16 indices into a document's text. */
export type Range = [start: number, end: number];

export type DocumentFormat = 'markdown' | 'html' | 'text';

/** Severity as written in config. */
export type ConfigSeverity = 'off' | 'warn' | 'error';
/** Severity as reported. */
export type FindingSeverity = 'error' | 'warning';

/**
 * What a rule needs from the document. The engine builds only what the active rules ask for,
 * so a run whose rules need `text` never parses Markdown or HTML.
 */
export type RuleInput = 'text' | 'blocks' | 'mdast' | 'hast' | 'prose' | 'sentences';

/** A JSON-Schema subset, enough to validate rule options and to generate the config schema. */
export interface OptionSchema {
  type: 'number' | 'integer' | 'boolean' | 'string' | 'array' | 'object';
  description: string;
  default: unknown;
  minimum?: number;
  maximum?: number;
  enum?: readonly (string | number)[];
  items?: Omit<OptionSchema, 'default' | 'description'> & { description?: string };
  /** For `object` options: allowed keys; absent means any key. */
  properties?: Record<string, Omit<OptionSchema, 'default'> & { default?: unknown }>;
}

export interface RuleExample {
  /** Document text. */
  text: string;
  format?: DocumentFormat;
  options?: Record<string, unknown>;
  /** For invalid examples: the text after `--fix` (and `--unsafe-fixes` when the rule is unsafe). */
  output?: string;
  /** For invalid examples: how many findings the rule reports; at least one when omitted. */
  findings?: number;
}

export interface RuleMeta {
  id: string;
  description: string;
  /** Why the rule matters, for the generated docs page. */
  rationale: string;
  docsUrl: string;
  /** Message templates by id, with `{{name}}` placeholders filled from the report's data. */
  messages: Record<string, string>;
  defaultSeverity: 'warn' | 'error';
  /** On in `corpuslint:recommended`. Every rule is on in `corpuslint:strict`. */
  recommended: boolean;
  options: Record<string, OptionSchema>;
  fix?: { safety: 'safe' | 'unsafe' };
  needs: readonly RuleInput[];
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  start: number;
  end: number;
  score?: number;
  /** Ranges to remove. The fix is applied whole or not at all. */
  remove?: Range[];
  /** Overrides the rule's severity for this finding (e.g. a lone token vs a full turn). */
  severity?: FindingSeverity;
  /** Overrides the rule's fix safety for this finding. */
  fixSafety?: 'safe' | 'unsafe';
}

export interface RuleContext<Options = Record<string, unknown>, CorpusState = unknown> {
  readonly document: Document;
  readonly options: Options;
  /** State built by the rule's corpus pass over every document of the run, when it has one. */
  readonly corpus: CorpusState | undefined;
  report(descriptor: ReportDescriptor): void;
}

/**
 * A rule may look at the whole corpus before checking documents (for example, lines that recur
 * across many documents). The engine runs `collect` on every document first, then `check`.
 */
export interface CorpusPass<Options = Record<string, unknown>, State = unknown> {
  init(options: Options): State;
  collect(state: State, document: Document, options: Options): void;
  /** Turns the collected state into what `check` reads; runs once after the last collect. */
  finish?(state: State, documentCount: number, options: Options): State;
}

export interface RuleModule<Options = any, CorpusState = any> {
  meta: RuleMeta;
  check(context: RuleContext<Options, CorpusState>): void;
  corpus?: CorpusPass<Options, CorpusState>;
}

export interface FindingFix {
  safety: 'safe' | 'unsafe';
  remove: Range[];
}

export interface RecordRef {
  /** 0-based record index in the file. */
  index: number;
  /** 1-based line in the file. */
  line: number;
  id?: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: FindingSeverity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  record?: RecordRef;
  score?: number;
  fix?: FindingFix;
  /** The flagged text, for fingerprints and excerpts; not part of the JSON contract. */
  excerpt?: string;
}

export interface FileResult {
  /** Path as given or discovered, relative to the working directory where possible. */
  path: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  records?: number;
  /** The fixed content when a fix changed the file (set in dry-run and diff modes). */
  output?: string;
  /** The original content, when reporters need it (diff, html). */
  source?: string;
}

export interface LintSummary {
  files: number;
  records: number;
  errorCount: number;
  warningCount: number;
  fixableCount: number;
}
