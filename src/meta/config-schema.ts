// The JSON Schema (draft 2020-12) of `.corpuslintrc`, generated from the rule registry so editors
// complete rule names and option keys and flag what the loader (src/config/validate.ts) would reject.
import { PRESETS } from '../config/validate.js';
import { DEFAULT_JSONL, DEFAULT_LIMIT_SETTINGS } from '../config/types.js';
import type { OptionSchema, RuleModule } from '../types.js';
import { PROJECT_URL } from './rule-facts.js';

export type JsonSchema = Record<string, unknown>;

export const CONFIG_SCHEMA_ID = `${PROJECT_URL.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/main/schema/corpuslintrc.schema.json`;

type SchemaLike = Omit<OptionSchema, 'default' | 'description'> & { description?: string; default?: unknown };

/** One option schema from rule meta, in JSON Schema terms; mirrors checkValue in src/config/options.ts. */
export function optionJsonSchema(schema: SchemaLike): JsonSchema {
  const out: JsonSchema = { type: schema.type };
  if (schema.description !== undefined) out.description = schema.description;
  if (schema.default !== undefined) out.default = schema.default;
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  // checkValue applies `enum` to scalar options only.
  if (schema.enum && schema.type !== 'array' && schema.type !== 'object') out.enum = [...schema.enum];
  if (schema.type === 'array' && schema.items) out.items = optionJsonSchema(schema.items);
  if (schema.type === 'object' && schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, inner]) => [key, optionJsonSchema(inner)]));
    out.additionalProperties = false;
  }
  return out;
}

function ruleSettingSchema(rule: RuleModule): JsonSchema {
  const { meta } = rule;
  const options: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(Object.entries(meta.options).map(([key, schema]) => [key, optionJsonSchema(schema)])),
    additionalProperties: false,
  };
  const description = `${meta.description} Default: "${meta.defaultSeverity}"${meta.recommended ? ' (in corpuslint:recommended)' : ''}.`;
  return {
    description,
    markdownDescription: `${meta.description}\n\n[Documentation](${meta.docsUrl})`,
    oneOf: [
      { $ref: '#/$defs/severity' },
      { type: 'array', prefixItems: [{ $ref: '#/$defs/severity' }, options], minItems: 1, maxItems: 2, items: false },
    ],
  };
}

// The loader refuses an empty `files` (it would match nothing) but lets an empty `excludedFiles` pass.
const globs = (minLength: number): JsonSchema => ({
  oneOf: [
    { type: 'string', minLength },
    { type: 'array', items: { type: 'string' } },
  ],
});

export function configJsonSchema(registry: ReadonlyMap<string, RuleModule>): JsonSchema {
  const ids = [...registry.keys()].sort();
  const positive = { type: 'number', exclusiveMinimum: 0 };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title: 'corpuslint configuration',
    description: 'Configuration for corpuslint (.corpuslintrc, .corpuslintrc.json, .corpuslintrc.yaml, corpuslint.config.js, ...). Generated from the rule registry.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Presets to start from. Without extends, only the rules named in `rules` are on.',
        oneOf: [
          { $ref: '#/$defs/preset' },
          { type: 'array', items: { $ref: '#/$defs/preset' } },
        ],
      },
      rules: { $ref: '#/$defs/rules' },
      overrides: {
        description: 'Settings for the files matching `files` (and not `excludedFiles`); later entries win.',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            files: { ...globs(1), description: 'Globs the override applies to.' },
            excludedFiles: { ...globs(0), description: 'Globs excluded from the override.' },
            rules: { $ref: '#/$defs/rules' },
            jsonl: { $ref: '#/$defs/jsonl' },
          },
          required: ['files'],
          additionalProperties: false,
        },
      },
      ignorePatterns: { description: 'Gitignore-style patterns of files not to lint.', type: 'array', items: { type: 'string' } },
      jsonl: { $ref: '#/$defs/jsonl' },
      allowInlineConfig: {
        description: 'Honour `<!-- corpuslint-disable -->` comments in documents. Off by default: corpus text is untrusted and could switch off the rule that would catch it.',
        type: 'boolean',
      },
      limits: {
        type: 'object',
        properties: {
          maxDocumentLength: { ...positive, description: 'Documents longer than this many UTF-16 units are reported as too-large and not linted.', default: DEFAULT_LIMIT_SETTINGS.maxDocumentLength },
          timeoutMs: { ...positive, description: 'A document whose rules take longer than this is reported as timeout and not fixed.', default: DEFAULT_LIMIT_SETTINGS.timeoutMs },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    $defs: {
      preset: { enum: [...PRESETS] },
      severity: { enum: ['off', 'warn', 'error'] },
      jsonl: {
        description: 'How JSONL records are read.',
        type: 'object',
        properties: {
          textField: { type: 'string', minLength: 1, description: 'The field holding the document text.', default: DEFAULT_JSONL.textField },
          idField: { type: 'string', minLength: 1, description: 'The field holding the record id shown in reports.', default: DEFAULT_JSONL.idField },
          format: { enum: ['markdown', 'html', 'text'], description: 'How the text of each record is parsed.', default: DEFAULT_JSONL.format },
        },
        additionalProperties: false,
      },
      rules: {
        description: 'Rule settings: a severity, or [severity, options].',
        type: 'object',
        properties: Object.fromEntries(ids.map((id) => [id, ruleSettingSchema(registry.get(id)!)])),
        additionalProperties: false,
      },
    },
  };
}
