// Validates a user config against the rule registry. Every problem names its key path.
import type { RuleModule } from '../types.js';
import { ConfigError } from './error.js';
import { validateRuleOptions } from './options.js';
import type { UserConfig } from './types.js';

const TOP_LEVEL_KEYS = ['extends', 'rules', 'overrides', 'ignorePatterns', 'jsonl', 'allowInlineConfig', 'limits', '$schema'];
const SEVERITIES = ['off', 'warn', 'error'];
export const PRESETS = ['corpuslint:recommended', 'corpuslint:strict'];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

function validateRules(rules: unknown, base: string, file: string, registry: ReadonlyMap<string, RuleModule>): void {
  if (!isObject(rules)) throw new ConfigError(file, base, 'expected an object of rule settings');
  for (const [id, setting] of Object.entries(rules)) {
    const at = `${base}["${id}"]`;
    const rule = registry.get(id);
    if (!rule) {
      const known = [...registry.keys()].sort().join(', ');
      throw new ConfigError(file, at, `unknown rule "${id}" (known rules: ${known})`);
    }
    const entry = Array.isArray(setting) ? setting : [setting];
    if (entry.length === 0 || entry.length > 2) throw new ConfigError(file, at, 'expected "off" | "warn" | "error" or [severity, options]');
    if (!SEVERITIES.includes(entry[0] as string)) {
      throw new ConfigError(file, Array.isArray(setting) ? `${at}[0]` : at, `bad severity ${JSON.stringify(entry[0])} (use "off", "warn" or "error")`);
    }
    const problems = validateRuleOptions(rule.meta, entry[1]);
    if (problems.length > 0) {
      const first = problems[0];
      throw new ConfigError(file, `${at}[1]${first.key ? `.${first.key}` : ''}`, first.message);
    }
  }
}

function validateJsonl(value: unknown, at: string, file: string): void {
  if (!isObject(value)) throw new ConfigError(file, at, 'expected an object');
  for (const [key, v] of Object.entries(value)) {
    if (key === 'textField' || key === 'idField') {
      if (typeof v !== 'string' || v === '') throw new ConfigError(file, `${at}.${key}`, 'expected a non-empty string');
    } else if (key === 'format') {
      if (!['markdown', 'html', 'text'].includes(v as string)) throw new ConfigError(file, `${at}.format`, 'expected "markdown", "html" or "text"');
    } else throw new ConfigError(file, `${at}.${key}`, `unknown key (allowed: textField, idField, format)`);
  }
}

export function validateConfig(config: unknown, file: string, registry: ReadonlyMap<string, RuleModule>): UserConfig {
  if (!isObject(config)) throw new ConfigError(file, '', 'the config must be an object');
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL_KEYS.includes(key)) throw new ConfigError(file, key, `unknown key (allowed: ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  if (config.extends !== undefined) {
    if (!isStringList(config.extends)) throw new ConfigError(file, 'extends', 'expected a preset name or a list of them');
    for (const name of ([] as string[]).concat(config.extends as string | string[])) {
      if (!PRESETS.includes(name)) throw new ConfigError(file, 'extends', `unknown preset "${name}" (available: ${PRESETS.join(', ')})`);
    }
  }
  if (config.rules !== undefined) validateRules(config.rules, 'rules', file, registry);
  if (config.ignorePatterns !== undefined && !(Array.isArray(config.ignorePatterns) && config.ignorePatterns.every((p) => typeof p === 'string'))) {
    throw new ConfigError(file, 'ignorePatterns', 'expected a list of strings');
  }
  if (config.jsonl !== undefined) validateJsonl(config.jsonl, 'jsonl', file);
  if (config.allowInlineConfig !== undefined && typeof config.allowInlineConfig !== 'boolean') throw new ConfigError(file, 'allowInlineConfig', 'expected true or false');
  if (config.limits !== undefined) {
    if (!isObject(config.limits)) throw new ConfigError(file, 'limits', 'expected an object');
    for (const [key, v] of Object.entries(config.limits)) {
      if (key !== 'maxDocumentLength' && key !== 'timeoutMs') throw new ConfigError(file, `limits.${key}`, 'unknown key (allowed: maxDocumentLength, timeoutMs)');
      if (typeof v !== 'number' || !(v > 0)) throw new ConfigError(file, `limits.${key}`, 'expected a positive number');
    }
  }
  if (config.overrides !== undefined) {
    if (!Array.isArray(config.overrides)) throw new ConfigError(file, 'overrides', 'expected a list of {files, rules}');
    config.overrides.forEach((override, i) => {
      const at = `overrides[${i}]`;
      if (!isObject(override)) throw new ConfigError(file, at, 'expected an object');
      for (const key of Object.keys(override)) {
        if (!['files', 'excludedFiles', 'rules', 'jsonl'].includes(key)) throw new ConfigError(file, `${at}.${key}`, 'unknown key (allowed: files, excludedFiles, rules, jsonl)');
      }
      if (!isStringList(override.files) || override.files === '' ) throw new ConfigError(file, `${at}.files`, 'expected a glob or a list of globs');
      if (override.excludedFiles !== undefined && !isStringList(override.excludedFiles)) throw new ConfigError(file, `${at}.excludedFiles`, 'expected a glob or a list of globs');
      if (override.rules !== undefined) validateRules(override.rules, `${at}.rules`, file, registry);
      if (override.jsonl !== undefined) validateJsonl(override.jsonl, `${at}.jsonl`, file);
    });
  }
  return config as UserConfig;
}
