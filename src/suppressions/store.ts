// Bulk suppressions, after ESLint's, but keyed by what was flagged rather than where: an entry for
// a file and a rule counts its findings by a hash of the flagged text, so adding or removing lines
// elsewhere in the file (or moving a JSONL record) does not invalidate it.
import crypto from 'node:crypto';
import type { FileResult, Finding } from '../types.js';
import { countFindings } from '../engine/counts.js';

export const DEFAULT_SUPPRESSIONS_FILE = 'corpuslint-suppressions.json';
export const SUPPRESSIONS_VERSION = 1;

export interface RuleSuppression {
  /** Findings suppressed for this rule in this file; the sum of `hashes`. */
  count: number;
  /** Content hash of each suppressed finding → how many findings carry it. */
  hashes: Record<string, number>;
}

/** file (POSIX, relative to the working directory) → rule id → suppression. */
export type SuppressionTable = Record<string, Record<string, RuleSuppression>>;

export interface SuppressionsFile {
  version: number;
  suppressions: SuppressionTable;
}

/**
 * What identifies a finding across edits: its rule, message, the flagged text and its length.
 * The excerpt is capped by the engine, so the length tells apart long spans that share a prefix.
 */
export function findingHash(finding: Finding): string {
  const key = [finding.ruleId, finding.messageId, String(finding.end - finding.start), finding.excerpt ?? ''].join('\u0000');
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

/** Only errors are suppressed (as in ESLint), and only those of registered rules, not engine findings. */
export function isSuppressible(finding: Finding, knownRules: ReadonlySet<string>): boolean {
  return finding.severity === 'error' && knownRules.has(finding.ruleId);
}

function addTo(table: SuppressionTable, file: string, ruleId: string, hash: string): void {
  const byRule = (table[file] ??= {});
  const entry = (byRule[ruleId] ??= { count: 0, hashes: {} });
  entry.count++;
  entry.hashes[hash] = (entry.hashes[hash] ?? 0) + 1;
}

/** Counts the suppressible findings of the given results, per file, rule and hash. */
export function tabulate(results: readonly FileResult[], knownRules: ReadonlySet<string>, onlyRules?: ReadonlySet<string>): SuppressionTable {
  const table: SuppressionTable = {};
  for (const result of results) {
    for (const finding of result.findings) {
      if (!isSuppressible(finding, knownRules)) continue;
      if (onlyRules && !onlyRules.has(finding.ruleId)) continue;
      addTo(table, result.path, finding.ruleId, findingHash(finding));
    }
  }
  return table;
}

/**
 * `--suppress-all` / `--suppress-rule`: the entries of each linted file for the chosen rules are
 * replaced by what this run found; everything else in the table is kept.
 */
export function suppress(existing: SuppressionTable, results: readonly FileResult[], knownRules: ReadonlySet<string>, onlyRules?: ReadonlySet<string>): SuppressionTable {
  const next = cloneTable(existing);
  const found = tabulate(results, knownRules, onlyRules);
  for (const result of results) {
    const byRule = next[result.path];
    if (!byRule) continue;
    for (const ruleId of Object.keys(byRule)) if (!onlyRules || onlyRules.has(ruleId)) delete byRule[ruleId];
  }
  for (const [file, byRule] of Object.entries(found)) next[file] = { ...(next[file] ?? {}), ...byRule };
  return dropEmpty(next);
}

export interface AppliedSuppressions {
  results: FileResult[];
  /** Entries (or parts of entries) that no finding of this run matched. */
  unused: SuppressionTable;
  suppressedCount: number;
}

/**
 * Drops every finding that an entry still has room for; the rest are new and stay reported.
 * Files of the table that this run did not lint are left out of `unused`: nothing was checked there.
 */
export function applySuppressions(results: readonly FileResult[], table: SuppressionTable, knownRules: ReadonlySet<string>): AppliedSuppressions {
  const unused: SuppressionTable = {};
  let suppressedCount = 0;
  const out = results.map((result) => {
    const entries = Object.hasOwn(table, result.path) ? table[result.path] : undefined;
    if (!entries) return result;
    const remaining = cloneTable({ f: entries }).f;
    const kept = result.findings.filter((finding) => {
      if (!isSuppressible(finding, knownRules)) return true;
      const entry = Object.hasOwn(remaining, finding.ruleId) ? remaining[finding.ruleId] : undefined;
      const hash = findingHash(finding);
      if (!entry || !Object.hasOwn(entry.hashes, hash) || entry.hashes[hash] <= 0) return true;
      entry.hashes[hash]--;
      entry.count--;
      suppressedCount++;
      return false;
    });
    for (const [ruleId, entry] of Object.entries(remaining)) {
      for (const [hash, count] of Object.entries(entry.hashes)) {
        if (count > 0) for (let i = 0; i < count; i++) addTo(unused, result.path, ruleId, hash);
      }
    }
    if (kept.length === result.findings.length) return result;
    return {
      ...result,
      findings: kept,
      ...countFindings(kept),
    };
  });
  return { results: out, unused, suppressedCount };
}

/**
 * `--prune-suppressions`: removes what no finding matched, and the entries of files that no longer
 * exist (`exists` decides, so tests need no disk).
 */
export function prune(table: SuppressionTable, unused: SuppressionTable, exists: (file: string) => boolean): SuppressionTable {
  const next = cloneTable(table);
  for (const [file, byRule] of Object.entries(unused)) {
    for (const [ruleId, stale] of Object.entries(byRule)) {
      const entry = next[file]?.[ruleId];
      if (!entry) continue;
      for (const [hash, count] of Object.entries(stale.hashes)) {
        const left = (entry.hashes[hash] ?? 0) - count;
        if (left > 0) entry.hashes[hash] = left;
        else delete entry.hashes[hash];
      }
      entry.count = Object.values(entry.hashes).reduce((a, b) => a + b, 0);
      if (entry.count === 0) delete next[file][ruleId];
    }
  }
  for (const file of Object.keys(next)) if (!exists(file)) delete next[file];
  return dropEmpty(next);
}

export function countEntries(table: SuppressionTable): number {
  let total = 0;
  for (const byRule of Object.values(table)) for (const entry of Object.values(byRule)) total += entry.count;
  return total;
}

function cloneTable(table: SuppressionTable): SuppressionTable {
  const copy: SuppressionTable = {};
  for (const [file, byRule] of Object.entries(table)) {
    copy[file] = {};
    for (const [ruleId, entry] of Object.entries(byRule)) copy[file][ruleId] = { count: entry.count, hashes: { ...entry.hashes } };
  }
  return copy;
}

function dropEmpty(table: SuppressionTable): SuppressionTable {
  for (const file of Object.keys(table)) {
    for (const ruleId of Object.keys(table[file])) if (table[file][ruleId].count <= 0) delete table[file][ruleId];
    if (Object.keys(table[file]).length === 0) delete table[file];
  }
  return table;
}
