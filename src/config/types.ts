import type { ConfigSeverity, DocumentFormat } from '../types.js';

export type RuleSetting = ConfigSeverity | [ConfigSeverity] | [ConfigSeverity, Record<string, unknown>];

export interface JsonlSettings {
  textField: string;
  idField: string;
  format: DocumentFormat;
}

export interface LimitSettings {
  maxDocumentLength: number;
  timeoutMs: number;
}

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSetting>;
  jsonl?: Partial<JsonlSettings>;
}

/** The config as written by a user. */
export interface UserConfig {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  ignorePatterns?: string[];
  jsonl?: Partial<JsonlSettings>;
  allowInlineConfig?: boolean;
  limits?: Partial<LimitSettings>;
}

export interface ResolvedRule {
  severity: ConfigSeverity;
  options: Record<string, unknown>;
}

/** The config that applies to one file. */
export interface EffectiveConfig {
  rules: Record<string, ResolvedRule>;
  jsonl: JsonlSettings;
  allowInlineConfig: boolean;
  limits: LimitSettings;
  ignorePatterns: string[];
}

export const DEFAULT_JSONL: JsonlSettings = { textField: 'text', idField: 'id', format: 'text' };
export const DEFAULT_LIMIT_SETTINGS: LimitSettings = { maxDocumentLength: 20_000_000, timeoutMs: 30_000 };
