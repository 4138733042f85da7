// Every file generated from the registry, with its expected content: gen-docs writes them and
// the tests compare them with what is committed.
import type { RuleModule } from '../types.js';
import { configJsonSchema } from './config-schema.js';
import { renderRuleDoc, renderRulesIndex } from './rule-docs.js';

export const RULE_DOCS_DIR = 'docs/rules';
export const SCHEMA_PATH = 'schema/corpuslintrc.schema.json';

export interface GeneratedFile {
  /** Repo-relative, posix. */
  path: string;
  content: string;
}

export function renderConfigSchema(registry: ReadonlyMap<string, RuleModule>): string {
  return `${JSON.stringify(configJsonSchema(registry), null, 2)}\n`;
}

export function generatedFiles(registry: ReadonlyMap<string, RuleModule>): GeneratedFile[] {
  const files: GeneratedFile[] = [...registry.values()].map((rule) => ({ path: `${RULE_DOCS_DIR}/${rule.meta.id}.md`, content: renderRuleDoc(rule) }));
  files.push({ path: `${RULE_DOCS_DIR}/README.md`, content: renderRulesIndex(registry) });
  files.push({ path: SCHEMA_PATH, content: renderConfigSchema(registry) });
  return files;
}
