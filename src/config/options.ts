// Validates rule options against the schema in rule meta and fills in defaults.
import type { OptionSchema, RuleMeta } from '../types.js';

type SchemaLike = Omit<OptionSchema, 'default' | 'description'> & { description?: string };

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Returns an error message, or undefined when the value fits the schema. */
export function checkValue(schema: SchemaLike, value: unknown): string | undefined {
  switch (schema.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || Number.isNaN(value)) return `expected a number, got ${describe(value)}`;
      if (schema.type === 'integer' && !Number.isInteger(value)) return `expected an integer, got ${describe(value)}`;
      if (schema.minimum !== undefined && value < schema.minimum) return `must be >= ${schema.minimum}, got ${value}`;
      if (schema.maximum !== undefined && value > schema.maximum) return `must be <= ${schema.maximum}, got ${value}`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `expected true or false, got ${describe(value)}`;
      break;
    case 'string':
      if (typeof value !== 'string') return `expected a string, got ${describe(value)}`;
      break;
    case 'array':
      if (!Array.isArray(value)) return `expected an array, got ${describe(value)}`;
      if (schema.items) {
        for (let i = 0; i < value.length; i++) {
          const problem = checkValue(schema.items, value[i]);
          if (problem) return `[${i}]: ${problem}`;
        }
      }
      return undefined;
    case 'object':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return `expected an object, got ${describe(value)}`;
      if (schema.properties) {
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
          const sub = schema.properties[key];
          if (!sub) return `unknown key "${key}" (allowed: ${Object.keys(schema.properties).join(', ')})`;
          const problem = checkValue(sub, inner);
          if (problem) return `.${key}: ${problem}`;
        }
      }
      return undefined;
  }
  if (schema.enum && !schema.enum.includes(value as string | number)) return `must be one of ${schema.enum.map((v) => describe(v)).join(', ')}, got ${describe(value)}`;
  return undefined;
}

export interface OptionProblem {
  key: string;
  message: string;
}

/** Checks user options for a rule; returns the problems found, each with its option key. */
export function validateRuleOptions(meta: RuleMeta, options: unknown): OptionProblem[] {
  if (options === undefined) return [];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return [{ key: '', message: `options must be an object, got ${describe(options)}` }];
  const problems: OptionProblem[] = [];
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    const schema = meta.options[key];
    if (!schema) {
      const known = Object.keys(meta.options);
      problems.push({ key, message: `unknown option "${key}" for rule ${meta.id}${known.length ? ` (known: ${known.join(', ')})` : ' (it takes no options)'}` });
      continue;
    }
    const problem = checkValue(schema, value);
    if (problem) problems.push({ key, message: problem });
  }
  return problems;
}

export function defaultOptions(meta: RuleMeta): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(meta.options)) defaults[key] = structuredClone(schema.default);
  return defaults;
}

export function withDefaults(meta: RuleMeta, options: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...defaultOptions(meta), ...(options ?? {}) };
}
