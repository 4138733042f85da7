// Finds and loads the config with cosmiconfig, validates it, and resolves it for each file.
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import picomatch from 'picomatch';
import type { ConfigSeverity, RuleModule } from '../types.js';
import { ConfigError } from './error.js';
import { withDefaults } from './options.js';
import { validateConfig } from './validate.js';
import { DEFAULT_JSONL, DEFAULT_LIMIT_SETTINGS, type EffectiveConfig, type ResolvedRule, type RuleSetting, type UserConfig } from './types.js';

export const SEARCH_PLACES = [
  'package.json',
  '.corpuslintrc',
  '.corpuslintrc.json',
  '.corpuslintrc.yaml',
  '.corpuslintrc.yml',
  '.corpuslintrc.js',
  '.corpuslintrc.cjs',
  '.corpuslintrc.mjs',
  'corpuslint.config.js',
  'corpuslint.config.mjs',
  'corpuslint.config.cjs',
];

export interface LoadedConfig {
  /** The config file, or undefined when none was found and the defaults apply. */
  file: string | undefined;
  config: UserConfig;
  /** The directory that `overrides[].files` globs are relative to. */
  baseDir: string;
}

export interface LoadConfigOptions {
  cwd: string;
  /** An explicit config file (`--config`). */
  configFile?: string;
  /** Skip looking for config files (`--no-config-lookup`). */
  noLookup?: boolean;
  registry: ReadonlyMap<string, RuleModule>;
}

function explorer() {
  // The async explorer: the sync one cannot load ESM config files (.mjs, corpuslint.config.js in a module package).
  return cosmiconfig('corpuslint', { searchPlaces: SEARCH_PLACES, searchStrategy: 'project', cache: false });
}

/** Finds, loads and validates the config. JavaScript config files execute code: see --no-config-lookup. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  let result: { config: unknown; filepath: string; isEmpty?: boolean } | null = null;
  try {
    if (options.configFile) result = await explorer().load(path.resolve(options.cwd, options.configFile));
    else if (!options.noLookup) result = await explorer().search(options.cwd);
  } catch (error) {
    const file = options.configFile ? path.resolve(options.cwd, options.configFile) : (error as { filepath?: string }).filepath ?? 'config';
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError(file, '', 'file not found');
    throw new ConfigError(file, '', `cannot be parsed: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!result || result.isEmpty) {
    return { file: result?.filepath, config: { extends: 'corpuslint:recommended' }, baseDir: options.cwd };
  }
  const config = validateConfig(result.config ?? {}, result.filepath, options.registry);
  return { file: result.filepath, config, baseDir: path.dirname(result.filepath) };
}

function presetRules(name: string, registry: ReadonlyMap<string, RuleModule>): Record<string, ResolvedRule> {
  const rules: Record<string, ResolvedRule> = {};
  for (const [id, rule] of registry) {
    const on = name === 'corpuslint:strict' || rule.meta.recommended;
    const severity: ConfigSeverity = !on ? 'off' : name === 'corpuslint:strict' ? 'error' : rule.meta.defaultSeverity;
    rules[id] = { severity, options: withDefaults(rule.meta, undefined) };
  }
  return rules;
}

function applySettings(target: Record<string, ResolvedRule>, settings: Record<string, RuleSetting> | undefined, registry: ReadonlyMap<string, RuleModule>): void {
  for (const [id, setting] of Object.entries(settings ?? {})) {
    const rule = registry.get(id)!;
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    // Like ESLint: a bare severity keeps options set earlier; an options object replaces them.
    const previous = target[id]?.options;
    target[id] = { severity, options: options ? withDefaults(rule.meta, options) : previous ?? withDefaults(rule.meta, undefined) };
  }
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Which overrides apply to a file: files that match the same overrides share one effective config. */
function matchingOverrides(loaded: LoadedConfig, filePath: string): boolean[] {
  const relative = path.relative(loaded.baseDir, path.resolve(filePath)).split(path.sep).join('/');
  return (loaded.config.overrides ?? []).map((override) => {
    const matches = picomatch(asList(override.files), { dot: true, matchBase: !asList(override.files).some((g) => g.includes('/')) });
    const excluded = asList(override.excludedFiles);
    return matches(relative) && !(excluded.length > 0 && picomatch(excluded, { dot: true })(relative));
  });
}

const resolved = new WeakMap<LoadedConfig, { config: UserConfig; registry: ReadonlyMap<string, RuleModule>; byOverrides: Map<string, EffectiveConfig> }>();

/**
 * Resolves the user config for one file path (relative to the config's directory for overrides).
 * Resolution clones every rule's defaults, so results are shared between files that match the same
 * overrides; treat the result as read-only.
 */
export function resolveConfig(loaded: LoadedConfig, filePath: string, registry: ReadonlyMap<string, RuleModule>): EffectiveConfig {
  const applies = matchingOverrides(loaded, filePath);
  let memo = resolved.get(loaded);
  // The CLI replaces `loaded.config` for --rule; a replaced config or registry starts a new memo.
  if (!memo || memo.config !== loaded.config || memo.registry !== registry) {
    memo = { config: loaded.config, registry, byOverrides: new Map() };
    resolved.set(loaded, memo);
  }
  const key = applies.map((a) => (a ? '1' : '0')).join('');
  let effective = memo.byOverrides.get(key);
  if (!effective) {
    effective = computeConfig(loaded, applies, registry);
    memo.byOverrides.set(key, effective);
  }
  return effective;
}

function computeConfig(loaded: LoadedConfig, applies: readonly boolean[], registry: ReadonlyMap<string, RuleModule>): EffectiveConfig {
  const { config } = loaded;
  const presets = asList(config.extends);
  let rules: Record<string, ResolvedRule> = {};
  if (presets.length === 0) {
    // Without extends, only the rules named in the config are on.
    for (const [id, rule] of registry) rules[id] = { severity: 'off', options: withDefaults(rule.meta, undefined) };
  }
  for (const preset of presets) rules = { ...rules, ...presetRules(preset, registry) };
  applySettings(rules, config.rules, registry);
  let jsonl = { ...DEFAULT_JSONL, ...(config.jsonl ?? {}) };
  for (const [i, override] of (config.overrides ?? []).entries()) {
    if (!applies[i]) continue;
    applySettings(rules, override.rules, registry);
    jsonl = { ...jsonl, ...(override.jsonl ?? {}) };
  }
  return {
    rules,
    jsonl,
    allowInlineConfig: config.allowInlineConfig ?? false,
    limits: { ...DEFAULT_LIMIT_SETTINGS, ...(config.limits ?? {}) },
    ignorePatterns: config.ignorePatterns ?? [],
  };
}
