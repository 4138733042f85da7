// Facts about a rule derived from its meta, shared by the docs pages, the config schema and SARIF.
import { CORE_FINDINGS } from '../engine/lint-document.js';
import { DOCS_BASE } from '../rules/docs-url.js';
import type { OptionSchema, RuleModule } from '../types.js';

export const PROJECT_URL = DOCS_BASE.slice(0, DOCS_BASE.indexOf('/blob/') === -1 ? DOCS_BASE.length : DOCS_BASE.indexOf('/blob/'));
/** Core findings have no page of their own; the rules index documents them. */
export const CORE_FINDINGS_URL = `${DOCS_BASE}README.md#core-findings`;

export function isCoreFinding(ruleId: string): ruleId is keyof typeof CORE_FINDINGS {
  return Object.prototype.hasOwnProperty.call(CORE_FINDINGS, ruleId);
}

export function presetsOf(rule: RuleModule): string[] {
  return rule.meta.recommended ? ['corpuslint:recommended', 'corpuslint:strict'] : ['corpuslint:strict'];
}

export function reportedSeverity(rule: RuleModule): 'error' | 'warning' {
  return rule.meta.defaultSeverity === 'error' ? 'error' : 'warning';
}

type TypeLike = Pick<OptionSchema, 'type' | 'enum' | 'minimum' | 'maximum'> & { items?: TypeLike; properties?: Record<string, TypeLike> };

/** A short human type such as `integer (1–100)`, `"a" | "b"` or `string[]`. */
export function describeType(schema: TypeLike): string {
  if (schema.enum && schema.enum.length > 0) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.type === 'array') {
    const inner = schema.items ? describeType(schema.items) : 'any';
    return /[\s|]/.test(inner) ? `(${inner})[]` : `${inner}[]`;
  }
  if (schema.type === 'object' && schema.properties) return `{ ${Object.keys(schema.properties).join(', ')} }`;
  if (schema.type === 'number' || schema.type === 'integer') {
    const { minimum: min, maximum: max } = schema;
    if (min !== undefined && max !== undefined) return `${schema.type} (${min} to ${max})`;
    if (min !== undefined) return `${schema.type} (>= ${min})`;
    if (max !== undefined) return `${schema.type} (<= ${max})`;
  }
  return schema.type;
}

/** `leftover-markup` → `LeftoverMarkup`, the SARIF convention for rule names. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
