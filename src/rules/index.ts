// The single rule registry. The CLI, the config schema, the rule docs and SARIF all read it.
import type { RuleModule } from '../types.js';

export const builtinRules: readonly RuleModule[] = [];

export const ruleRegistry: ReadonlyMap<string, RuleModule> = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));
