// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { FileResult, Finding, RuleModule } from '../types.js';
import { sarifCoreDescriptor, sarifRuleDescriptor, type SarifRuleDescriptor } from '../meta/sarif-rules.js';
import { PROJECT_URL } from '../meta/rule-facts.js';
import type { Formatter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;

function encodeSegments(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A result path as a SARIF artifact location: repo-relative under %SRCROOT%, or a file: URI when absolute. */
export function artifactLocation(path: string): ArtifactLocation {
  const posix = path.replace(/\\/g, '/');
  if (WINDOWS_ABSOLUTE.test(path)) return { uri: `file:///${posix.slice(0, 2)}${encodeSegments(posix.slice(2))}` };
  if (posix.startsWith('/')) return { uri: `file://${encodeSegments(posix)}` };
  return { uri: encodeSegments(posix.replace(/^(\.\/)+/, '')), uriBaseId: SRCROOT };
}

function textHash(ruleId: string, text: string): string {
  const normalized = text.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\u0000${normalized}`).digest('hex').slice(0, 16);
}

/**
 * Fingerprints from the rule and the flagged text, not the line, so an alert survives edits above
 * it; identical text in one file is told apart by a `:N` occurrence suffix, as GitHub does.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = textHash(finding.ruleId, finding.excerpt ?? finding.message);
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return `${hash}:${count}`;
  });
}

function region(finding: Finding): Record<string, unknown> {
  if (finding.record) {
    // Columns of a JSONL finding count within the record's text field, not the physical line.
    return { startLine: finding.record.line, endLine: finding.record.line };
  }
  if (finding.start === finding.end && finding.line === finding.endLine && finding.column === finding.endColumn) return { startLine: finding.line };
  return { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
}

class RuleTable {
  readonly descriptors: SarifRuleDescriptor[] = [];
  private readonly index = new Map<string, number>();

  constructor(registry: ReadonlyMap<string, RuleModule>) {
    for (const id of [...registry.keys()].sort()) this.add(sarifRuleDescriptor(registry.get(id)!));
  }

  private add(descriptor: SarifRuleDescriptor): number {
    this.index.set(descriptor.id, this.descriptors.length);
    this.descriptors.push(descriptor);
    return this.descriptors.length - 1;
  }

  indexOf(ruleId: string): number {
    return this.index.get(ruleId) ?? this.add(sarifCoreDescriptor(ruleId));
  }
}

function sarifResult(path: string, finding: Finding, ruleIndex: number, fingerprint: string): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity,
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(path), region: region(finding) } }],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
  };
  const properties: Record<string, unknown> = {};
  if (finding.record) {
    properties.record = { index: finding.record.index, line: finding.record.line, ...(finding.record.id !== undefined ? { id: finding.record.id } : {}) };
    properties.textFieldRange = { start: finding.start, end: finding.end, startColumn: finding.column, endColumn: finding.endColumn };
  }
  if (finding.score !== undefined) properties.score = finding.score;
  if (finding.fix) properties.fixSafety = finding.fix.safety;
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}

export function sarifLog(results: readonly FileResult[], context: { cwd: string; rules: ReadonlyMap<string, RuleModule>; toolVersion: string }): Record<string, unknown> {
  const table = new RuleTable(context.rules);
  const sarifResults: Record<string, unknown>[] = [];
  for (const file of results) {
    const prints = fingerprints(file.findings);
    file.findings.forEach((finding, i) => sarifResults.push(sarifResult(file.path, finding, table.indexOf(finding.ruleId), prints[i])));
  }
  const root = pathToFileURL(context.cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corpuslint',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: PROJECT_URL,
            rules: table.descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

export const sarif: Formatter = (results, context) => `${JSON.stringify(sarifLog(results, context), null, 2)}\n`;
