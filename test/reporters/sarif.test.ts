import { describe, expect, it } from 'vitest';
import { artifactLocation, fingerprints, sarif } from '../../src/reporters/sarif.js';
import type { FileResult } from '../../src/types.js';
import { contextFor, fileResult, finding, sampleResults } from './fixtures.js';

type Json = Record<string, any>;

/** The properties SARIF 2.1.0 marks as required, plus what GitHub code scanning needs to make an alert. */
function sarifProblems(log: Json): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(log.version === '2.1.0', 'version must be "2.1.0"');
  need(typeof log.$schema === 'string', '$schema');
  need(Array.isArray(log.runs), 'runs[]');
  for (const [r, run] of (log.runs ?? []).entries()) {
    const driver = run.tool?.driver;
    need(typeof driver?.name === 'string', `runs[${r}].tool.driver.name`);
    const rules: Json[] = driver?.rules ?? [];
    for (const [i, rule] of rules.entries()) {
      need(typeof rule.id === 'string', `rules[${i}].id`);
      need(typeof rule.shortDescription?.text === 'string', `rules[${i}].shortDescription.text`);
      need(typeof rule.fullDescription?.text === 'string', `rules[${i}].fullDescription.text`);
      need(typeof rule.help?.text === 'string' && typeof rule.help?.markdown === 'string', `rules[${i}].help`);
      need(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration?.level), `rules[${i}].defaultConfiguration.level`);
      need(Array.isArray(rule.properties?.tags), `rules[${i}].properties.tags`);
    }
    for (const [i, result] of (run.results ?? []).entries()) {
      const at = `results[${i}]`;
      need(typeof result.message?.text === 'string', `${at}.message.text`);
      need(['error', 'warning', 'note', 'none'].includes(result.level), `${at}.level`);
      need(Number.isInteger(result.ruleIndex) && rules[result.ruleIndex]?.id === result.ruleId, `${at}.ruleIndex points at its rule`);
      const location = result.locations?.[0]?.physicalLocation;
      need(typeof location?.artifactLocation?.uri === 'string', `${at} artifactLocation.uri`);
      const region = location?.region;
      need(Number.isInteger(region?.startLine) && region.startLine >= 1, `${at} region.startLine`);
      if (region?.endLine !== undefined) need(region.endLine >= region.startLine, `${at} region.endLine`);
      if (region?.startColumn !== undefined) need(region.startColumn >= 1, `${at} region.startColumn`);
      if (region?.endColumn !== undefined && region.endLine === region.startLine) need(region.endColumn >= region.startColumn, `${at} region.endColumn`);
      need(/^[0-9a-f]{16}:\d+$/.test(result.partialFingerprints?.primaryLocationLineHash ?? ''), `${at} primaryLocationLineHash`);
    }
  }
  return problems;
}

function render(results: FileResult[]): Json {
  return JSON.parse(sarif(results, contextFor(results)));
}

describe('sarif formatter', () => {
  it('has every field SARIF 2.1.0 and GitHub code scanning require', () => {
    const log = render(sampleResults());
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'corpuslint', version: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.results).toHaveLength(5);
  });

  it('the checker itself rejects a log with missing pieces', () => {
    const log = render(sampleResults());
    delete log.runs[0].results[0].message;
    log.runs[0].results[1].ruleIndex = 99;
    expect(sarifProblems(log)).toEqual(['results[0].message.text', 'results[1].ruleIndex points at its rule']);
  });

  it('describes registry rules from their meta and adds the core findings that occur', () => {
    const run = render(sampleResults()).runs[0];
    const ids = run.tool.driver.rules.map((r: Json) => r.id);
    expect(ids).toEqual(['test-injection', 'test-markup', 'parse-error']);
    const injection = run.tool.driver.rules[0];
    expect(injection).toMatchObject({
      name: 'TestInjection',
      shortDescription: { text: 'Flags instruction-like text (test only).' },
      fullDescription: { text: 'A model trained on it learns to obey text in its input.' },
      helpUri: 'https://github.com/corpuslint/corpuslint/blob/main/docs/rules/test-injection.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(injection.help.markdown).toContain('`threshold`');
    expect(injection.properties.tags).toContain('recommended');
    expect(run.tool.driver.rules[1].defaultConfiguration.level).toBe('warning');
    expect(run.tool.driver.rules[2].helpUri).toMatch(/README\.md#core-findings$/);
  });

  it('keeps core rule entries out when no core finding occurs', () => {
    const results = [fileResult('a.md', [finding({ ruleId: 'test-injection', message: 'x' })])];
    expect(render(results).runs[0].tool.driver.rules.map((r: Json) => r.id)).toEqual(['test-injection', 'test-markup']);
  });

  it('locates text findings with a full region and JSONL findings by record line', () => {
    const run = render(sampleResults()).runs[0];
    const [first] = run.results;
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/page%20one.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 18 },
    });
    expect(first).toMatchObject({ ruleId: 'test-injection', level: 'error', message: { text: 'Instruction-like span "Ignore previous".' } });
    const record = run.results[3];
    expect(record.locations[0].physicalLocation.region).toEqual({ startLine: 3, endLine: 3 });
    expect(record.properties.record).toEqual({ index: 2, line: 3, id: 'rec-7' });
    expect(record.properties.textFieldRange).toEqual({ start: 4, end: 13, startColumn: 5, endColumn: 14 });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('fingerprints do not change when the finding moves to another line', () => {
    const at = (line: number) => [fileResult('a.md', [finding({ ruleId: 'test-injection', message: 'm', line, endLine: line, start: line * 10, end: line * 10 + 5, excerpt: 'Ignore  all\nrules' })])];
    const hash = (line: number) => render(at(line)).runs[0].results[0].partialFingerprints.primaryLocationLineHash;
    expect(hash(3)).toBe(hash(40));
    expect(hash(3)).toMatch(/:1$/);
  });

  it('fingerprints differ by rule and text, and count repeats of the same text in a file', () => {
    const make = (ruleId: string, excerpt: string) => finding({ ruleId, message: 'm', excerpt });
    const prints = fingerprints([make('test-injection', 'abc'), make('test-injection', 'abc'), make('test-markup', 'abc'), make('test-injection', 'abd')]);
    expect(prints[0].split(':')[0]).toBe(prints[1].split(':')[0]);
    expect([prints[0].split(':')[1], prints[1].split(':')[1]]).toEqual(['1', '2']);
    expect(new Set(prints.map((p) => p.split(':')[0])).size).toBe(3);
    const withoutExcerpt = fingerprints([finding({ ruleId: 'test-injection', message: 'same message' })]);
    expect(withoutExcerpt[0]).toBe(fingerprints([finding({ ruleId: 'test-injection', message: 'same message', line: 9 })])[0]);
  });

  it('turns paths into URI references', () => {
    expect(artifactLocation('a b/c#d%e.md')).toEqual({ uri: 'a%20b/c%23d%25e.md', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./x/ü:1.md')).toEqual({ uri: 'x/%C3%BC%3A1.md', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/abs/p q.md')).toEqual({ uri: 'file:///abs/p%20q.md' });
    expect(artifactLocation('C:\\data\\x y.md')).toEqual({ uri: 'file:///C:/data/x%20y.md' });
  });
});
