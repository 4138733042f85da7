// The single rule registry. The CLI, the config schema, the rule docs and SARIF all read it.
import type { RuleModule } from '../types.js';
import * as instructionLike from './instruction-like.js';
import * as salienceSkew from './salience-skew.js';
import * as spoofedSystemToken from './spoofed-system-token.js';
import * as invisibleUnicode from './invisible-unicode.js';
import * as leftoverMarkup from './leftover-markup.js';
import * as boilerplate from './boilerplate.js';

export const builtinRules: readonly RuleModule[] = [instructionLike, salienceSkew, spoofedSystemToken, invisibleUnicode, leftoverMarkup, boilerplate];

export const ruleRegistry: ReadonlyMap<string, RuleModule> = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));
