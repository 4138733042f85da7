import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/reporters/github.js';
import { contextFor, fileResult, finding, sampleResults } from './fixtures.js';

describe('github formatter', () => {
  it('writes one workflow command per finding with its location and rule as title', () => {
    const results = sampleResults();
    const lines = github(results, contextFor(results)).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=docs/page one.md,line=2,col=3,endLine=2,endColumn=18,title=test-injection::Instruction-like span "Ignore previous".');
    expect(lines[1]).toMatch(/^::warning file=docs\/page one\.md,line=4,col=1,endLine=4,endColumn=6,title=test-markup::Leftover tag <div>\.$/);
    // JSONL columns are within the text field, so only the record's line is given.
    expect(lines[3]).toBe('::error file=data/set.jsonl,line=3,endLine=3,title=test-injection::[record rec-7] Instruction-like span "Disregard".');
    expect(lines[4]).toBe('::error file=data/set.jsonl,line=5,endLine=5,title=parse-error::[record #4] Line 5 is not valid JSON.');
    expect(lines[5]).toBe('corpuslint: 3 errors, 2 warnings in 2 files');
    expect(lines).toHaveLength(6);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const results = [fileResult('we,ird:name.md', [finding({ ruleId: 'test-injection', message: 'say "::error::pwned"\n::warning::x 50%' })])];
    const out = github(results, contextFor(results));
    const [line] = out.split('\n');
    expect(line).toBe('::error file=we%2Cird%3Aname.md,line=1,col=1,endLine=1,endColumn=6,title=test-injection::say "::error::pwned"%0A::warning::x 50%25');
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
  });

  it('shows other control characters instead of passing them to the log', () => {
    const results = [fileResult('a.md', [finding({ ruleId: 'test-injection', message: 'x\u001b[2Jy\u0007' })])];
    const out = github(results, contextFor(results));
    expect(out).not.toMatch(/[\u0007\u001b]/);
    expect(out).toContain('x\\u001b[2Jy\\u0007');
  });

  it('says when GitHub will not show every annotation', () => {
    const many = Array.from({ length: 12 }, (_, i) => finding({ ruleId: 'test-injection', message: `m${i}`, line: i + 1, endLine: i + 1 }));
    const results = [fileResult('a.md', many), fileResult('b.md', [])];
    const last = github(results, contextFor(results)).trimEnd().split('\n').at(-1);
    expect(last).toBe('corpuslint: 12 errors, 0 warnings in 1 file (12 annotations; GitHub shows at most 10 errors and 10 warnings per step, see the job log)');
  });

  it('reports a clean run in one line', () => {
    const results = [fileResult('a.md', [])];
    expect(github(results, contextFor(results))).toBe('corpuslint: no problems in 1 file\n');
  });
});
