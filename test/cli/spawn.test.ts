// The built binary, run as a user runs it.
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli.js';
import { tmpTree } from '../support/tmp.js';

describe('corpuslint binary', () => {
  it('prints help and version', () => {
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
    expect(spawnCli(['--version']).stdout).toMatch(/^v\d+\.\d+\.\d+\n$/);
  });

  it('lints stdin, taking the format from --stdin-filename', () => {
    const dir = tmpTree({});
    const result = spawnCli(['--stdin', '--stdin-filename', 'notes.md', '--format', 'json', '--no-config-lookup'], { cwd: dir, input: '# Title\n\nPlain text.\n' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files[0].path).toBe('notes.md');
  });

  it('--fix-stdout writes the fixed JSONL records to stdout, keeping clean lines byte for byte', () => {
    const dir = tmpTree({});
    const input = '{"text":"plain","k":1.0}\n{"text":"still plain"}\n';
    const result = spawnCli(['--stdin', '--stdin-filename', 'part.jsonl', '--fix-stdout', '--no-config-lookup'], { cwd: dir, input });
    expect(result.stdout).toBe(input);
  });

  it('exits 2 on a missing path, naming it on stderr, with nothing on stdout', () => {
    const result = spawnCli(['does-not-exist.md', '--format', 'json'], { cwd: tmpTree({}) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('does-not-exist.md');
  });

  it('exits 2 on a bad config, naming the file and the key', () => {
    const dir = tmpTree({ '.corpuslintrc.yaml': 'rules:\n  no-such-rule: error\n', 'a.md': 'x' });
    const result = spawnCli(['.', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\.corpuslintrc\.yaml at rules\["no-such-rule"\]/);
  });

  it('--format sarif prints parseable SARIF 2.1.0', () => {
    const dir = tmpTree({ 'a.md': '# Hello\n' });
    const result = spawnCli(['.', '--format', 'sarif'], { cwd: dir });
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('corpuslint');
  });
});
