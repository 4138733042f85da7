// SARIF reportingDescriptor objects (tool.driver.rules) built from rule meta, so code scanning
// shows the same description, rationale and docs link as the generated pages.
import { CORE_FINDINGS } from '../engine/lint-document.js';
import type { RuleModule } from '../types.js';
import { CORE_FINDINGS_URL, describeType, isCoreFinding, pascalCase, presetsOf, reportedSeverity } from './rule-facts.js';

export interface SarifRuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[]; precision?: string; 'problem.severity'?: string };
}

function helpText(rule: RuleModule): string {
  const { meta } = rule;
  const lines = [meta.description, '', meta.rationale];
  if (meta.fix) lines.push('', `Fix: removes the flagged text (${meta.fix.safety}).`);
  lines.push('', `Documentation: ${meta.docsUrl}`);
  return lines.join('\n');
}

function helpMarkdown(rule: RuleModule): string {
  const { meta } = rule;
  const lines = [meta.description, '', '**Why it matters.** ' + meta.rationale];
  if (meta.fix) lines.push('', `**Fix.** \`--fix\` removes the flagged text${meta.fix.safety === 'unsafe' ? ' (unsafe: only with `--unsafe-fixes`)' : ''}.`);
  const options = Object.entries(meta.options);
  if (options.length > 0) {
    lines.push('', '**Options.**', '');
    for (const [name, schema] of options) lines.push(`- \`${name}\` (${describeType(schema)}, default \`${JSON.stringify(schema.default)}\`): ${schema.description}`);
  }
  lines.push('', `[Documentation](${meta.docsUrl})`);
  return lines.join('\n');
}

export function sarifRuleDescriptor(rule: RuleModule): SarifRuleDescriptor {
  const { meta } = rule;
  const severity = reportedSeverity(rule);
  const tags = ['corpus-quality', ...presetsOf(rule).map((p) => p.replace('corpuslint:', '')), ...(meta.fix ? [`fix-${meta.fix.safety}`] : [])];
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale || meta.description },
    helpUri: meta.docsUrl,
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: severity },
    properties: { tags, 'problem.severity': severity },
  };
}

/** Findings of the engine itself (unreadable files, parse errors, crashed rules). */
export function sarifCoreDescriptor(ruleId: string): SarifRuleDescriptor {
  const description: string = isCoreFinding(ruleId) ? CORE_FINDINGS[ruleId] : `Finding reported by corpuslint under "${ruleId}".`;
  const text = `${description}\n\nThis is reported by corpuslint itself, not by a rule; it cannot be fixed or turned off in the config.\n\nDocumentation: ${CORE_FINDINGS_URL}`;
  return {
    id: ruleId,
    name: pascalCase(ruleId),
    shortDescription: { text: description },
    fullDescription: { text: description },
    helpUri: CORE_FINDINGS_URL,
    help: { text, markdown: `${description}\n\nReported by corpuslint itself, not by a rule. [Documentation](${CORE_FINDINGS_URL})` },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['corpuslint-core'], 'problem.severity': 'error' },
  };
}
