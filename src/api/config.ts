// How the programmatic API finds its config: an object passed in, a LoadedConfig from loadConfig(),
// an explicit file, or the same lookup the CLI does from `cwd`.
import path from 'node:path';
import { loadConfig as loadConfigFile, type LoadedConfig } from '../config/load.js';
import { validateConfig } from '../config/validate.js';
import type { UserConfig } from '../config/types.js';
import { ruleRegistry } from '../rules/index.js';
import type { RuleModule } from '../types.js';

export interface ConfigOptions {
  /** Where config lookup starts and what relative paths are relative to. Default: process.cwd(). */
  cwd?: string;
  /**
   * The config to use: a config object (validated, no file lookup) or the result of `loadConfig()`.
   * When absent, the config file is found as the CLI finds it.
   */
  config?: UserConfig | LoadedConfig;
  /** Use this config file instead of looking one up. */
  configFile?: string;
  /** `false` skips config files (the CLI's `--no-config-lookup`); the recommended preset applies. */
  configLookup?: boolean;
  /** The rules to run; defaults to the built-in registry (`rules`). */
  registry?: ReadonlyMap<string, RuleModule>;
}

export interface ResolvedApiConfig {
  cwd: string;
  loaded: LoadedConfig;
  registry: ReadonlyMap<string, RuleModule>;
}

function isLoaded(config: UserConfig | LoadedConfig): config is LoadedConfig {
  return typeof (config as LoadedConfig).baseDir === 'string' && typeof (config as LoadedConfig).config === 'object';
}

export async function resolveApiConfig(options: ConfigOptions = {}): Promise<ResolvedApiConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const registry = options.registry ?? ruleRegistry;
  let loaded: LoadedConfig;
  if (options.config && isLoaded(options.config)) {
    // Copied: the CLI's --rule handling mutates LoadedConfig, and a caller may reuse theirs.
    loaded = { ...options.config, config: { ...options.config.config } };
  } else if (options.config) {
    loaded = { file: undefined, config: validateConfig(options.config, '<config object>', registry), baseDir: cwd };
  } else {
    loaded = await loadConfigFile({ cwd, configFile: options.configFile, noLookup: options.configLookup === false, registry });
  }
  return { cwd, loaded, registry };
}

/** Finds, loads and validates the config the way the CLI does. */
export async function loadConfig(options: Omit<ConfigOptions, 'config'> = {}): Promise<LoadedConfig> {
  return (await resolveApiConfig(options)).loaded;
}
