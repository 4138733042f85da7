import { describe, expect, it } from 'vitest';
import { json, jsonReport, jsonReportChunks } from '../../src/reporters/json.js';
import { contextFor, fileResult, finding, sampleResults } from './fixtures.js';

const FINDING_KEYS = ['ruleId', 'messageId', 'severity', 'message', 'start', 'end', 'line', 'column', 'endLine', 'endColumn', 'record', 'score', 'fix'];

describe('json formatter', () => {
  it('matches the report contract, key by key', () => {
    const results = sampleResults();
    const report = JSON.parse(json(results, contextFor(results)));
    expect(Object.keys(report)).toEqual(['version', 'files', 'summary']);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 3, records: 3, errorCount: 3, warningCount: 2, fixableCount: 2 });
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['docs/page one.md', 'data/set.jsonl', 'clean.txt']);
    for (const file of report.files) {
      // `records` is an addition to the contract for JSONL files, so merged shard reports keep their count.
      const keys = ['path', 'errorCount', 'warningCount', 'fixableCount', ...(file.path.endsWith('.jsonl') ? ['records'] : []), 'findings'];
      expect(Object.keys(file)).toEqual(keys);
      for (const f of file.findings) {
        for (const key of Object.keys(f)) expect(FINDING_KEYS).toContain(key);
        expect(['error', 'warning']).toContain(f.severity);
      }
    }
  });

  it('round-trips every contract field and drops internal ones', () => {
    const results = sampleResults();
    const report = JSON.parse(json(results, contextFor(results)));
    const [first] = report.files[0].findings;
    expect(first).toEqual({
      ruleId: 'test-injection', messageId: 'found', severity: 'error', message: 'Instruction-like span "Ignore previous".',
      start: 10, end: 25, line: 2, column: 3, endLine: 2, endColumn: 18, score: 0.91, fix: { safety: 'unsafe', remove: [[10, 26]] },
    });
    expect(first).not.toHaveProperty('excerpt');
    expect(report.files[0].findings[1]).not.toHaveProperty('record');
    expect(report.files[0].findings[1]).not.toHaveProperty('score');
    expect(report.files[1].findings[0].record).toEqual({ index: 2, line: 3, id: 'rec-7' });
    expect(report.files[1].findings[1].record).toEqual({ index: 4, line: 5 });
    expect(report.files[2].findings).toEqual([]);
  });

  it('includes a file output only when a fix dry run produced one', () => {
    const results = [fileResult('a.md', [], { output: 'fixed\n', source: 'original', records: 2 }), fileResult('b.md', [])];
    const report = JSON.parse(json(results, contextFor(results)));
    expect(report.files[0].output).toBe('fixed\n');
    expect(report.files[0]).not.toHaveProperty('source');
    expect(report.files[0].records).toBe(2);
    expect(report.files[1]).not.toHaveProperty('output');
  });

  it('keeps control characters of messages intact as JSON escapes', () => {
    const results = [fileResult('x.txt', [finding({ ruleId: 'test-injection', message: 'a\u001b[31mb\u0007' })])];
    const text = json(results, contextFor(results));
    expect(text).not.toContain('\u001b');
    expect(JSON.parse(text).files[0].findings[0].message).toBe('a\u001b[31mb\u0007');
  });

  it('writes, file by file, exactly the text of one JSON.stringify of the whole report', () => {
    const results = sampleResults();
    const { summary } = contextFor(results);
    const whole = `${JSON.stringify(jsonReport(results, summary))}\n`;
    expect([...jsonReportChunks(results, summary)].join('')).toBe(whole);
    expect(json(results, contextFor(results))).toBe(whole);
    expect([...jsonReportChunks([], summary)].join('')).toBe(`${JSON.stringify(jsonReport([], summary))}\n`);
    expect([...jsonReportChunks(results, summary)].length).toBe(results.length + 2);
  });
});
