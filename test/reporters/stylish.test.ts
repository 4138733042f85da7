import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/reporters/stylish.js';
import { compact } from '../../src/reporters/compact.js';
import { formatters, getFormatter } from '../../src/reporters/index.js';
import { escapeForTerminal } from '../../src/reporters/escape.js';
import { contextFor, fileResult, finding, sampleResults } from './fixtures.js';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('stylish formatter', () => {
  it('groups findings under their file with aligned columns and totals', () => {
    const results = sampleResults();
    const out = stylish(results, contextFor(results));
    expect(out).toBe(
      [
        '',
        'docs/page one.md',
        '  2:3  error    Instruction-like span "Ignore previous".  test-injection',
        '  4:1  warning  Leftover tag <div>.                       test-markup',
        '  7:1  warning  Leftover tag <div>.                       test-markup',
        '',
        'data/set.jsonl',
        '  3:5  error  Instruction-like span "Disregard".  test-injection  (record rec-7)',
        '  5:1  error  Line 5 is not valid JSON.           parse-error',
        '',
        '\u2716 5 problems (3 errors, 2 warnings)',
        '  0 errors and 2 warnings potentially fixable with the `--fix` option.',
        '  1 more potentially fixable with `--fix --unsafe-fixes`.',
        '',
      ].join('\n'),
    );
    expect(out).not.toContain('clean.txt');
  });

  it('prints nothing when there are no findings', () => {
    const results = [fileResult('a.md', []), fileResult('b.md', [])];
    expect(stylish(results, contextFor(results))).toBe('');
  });

  it('colours with ANSI only when asked', () => {
    const results = sampleResults();
    const plain = stylish(results, contextFor(results, { color: false }));
    const coloured = stylish(results, contextFor(results, { color: true }));
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[4mdocs/page one.md\u001b[24m');
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('never lets ESC, BEL or CR from a message or path reach the output', () => {
    const message = 'quoted \u001b[2J\u001b]0;owned\u0007 text\rover\u009b1m \u202eevil';
    const results = [fileResult('bad\u001b[31m\r.md', [finding({ ruleId: 'test-injection', message, record: { index: 0, line: 1, id: 'id\u0007' } })])];
    for (const color of [false, true]) {
      const out = stylish(results, contextFor(results, { color }));
      // With colour on, only our own SGR codes may carry an ESC.
      const withoutOurColours = color ? out.replace(/\u001b\[\d+m/g, '') : out;
      expect(withoutOurColours).not.toMatch(RAW_CONTROL);
      expect(withoutOurColours).not.toContain('\u202e');
      expect(withoutOurColours).toContain('quoted \\u001b[2J\\u001b]0;owned\\u0007 text\\rover\\u009b1m \\u202eevil');
      expect(withoutOurColours).toContain('bad\\u001b[31m\\r.md');
      expect(withoutOurColours).toContain('(record id\\u0007)');
    }
  });
});

describe('escapeForTerminal', () => {
  it('keeps printable text, astral characters and pairs, and escapes lone surrogates', () => {
    expect(escapeForTerminal('héllo 😀 \u4e2d')).toBe('héllo 😀 \u4e2d');
    expect(escapeForTerminal('a\ud83db\udc00')).toBe('a\\ud83db\\udc00');
    expect(escapeForTerminal('a\nb\tc\u007f')).toBe('a\\nb\\tc\\u007f');
  });
});

describe('compact formatter', () => {
  it('prints one line per finding and a count', () => {
    const results = sampleResults();
    expect(compact(results, contextFor(results)).split('\n')).toEqual([
      'docs/page one.md:2:3: error - Instruction-like span "Ignore previous". (test-injection)',
      'docs/page one.md:4:1: warning - Leftover tag <div>. (test-markup)',
      'docs/page one.md:7:1: warning - Leftover tag <div>. (test-markup)',
      'data/set.jsonl:3:5: error - Instruction-like span "Disregard". (test-injection) [record rec-7]',
      'data/set.jsonl:5:1: error - Line 5 is not valid JSON. (parse-error)',
      '',
      '5 problems (3 errors, 2 warnings)',
      '',
    ]);
  });

  it('escapes control characters and prints nothing for a clean run', () => {
    const results = [fileResult('a.md', [finding({ ruleId: 'test-injection', message: 'x\u001by\r\nz' })])];
    const out = compact(results, contextFor(results));
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out.split('\n')[0]).toBe('a.md:1:1: error - x\\u001by\\r\\nz (test-injection)');
    expect(compact([fileResult('a.md', [])], contextFor([]))).toBe('');
  });
});

describe('formatter registry', () => {
  it('looks formatters up by name and rejects unknown or inherited names', () => {
    for (const name of ['compact', 'github', 'json', 'junit', 'sarif', 'stylish']) expect(typeof getFormatter(name), name).toBe('function');
    expect(Object.values(formatters).every((f) => typeof f === 'function')).toBe(true);
    expect(getFormatter('stylish')).toBe(stylish);
    expect(getFormatter('xml')).toBeUndefined();
    expect(getFormatter('toString')).toBeUndefined();
  });
});
