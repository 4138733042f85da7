import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/error.js';
import { testRegistry } from '../support/test-rules.js';
import { tmpTree } from '../support/tmp.js';

const registry = testRegistry;

async function expectConfigError(cwd: string, file: RegExp, key: string) {
  try {
    await loadConfig({ cwd, registry });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toMatch(file);
    expect((error as ConfigError).keyPath).toBe(key);
    expect((error as Error).message).toContain(key);
    return;
  }
  throw new Error('expected a ConfigError');
}

describe('config loading', () => {
  it('uses the recommended preset when no config exists', async () => {
    const dir = tmpTree({});
    const loaded = await loadConfig({ cwd: dir, registry, noLookup: true });
    const effective = resolveConfig(loaded, path.join(dir, 'a.md'), registry);
    expect(effective.rules['test-banned-word'].severity).toBe('error');
    expect(effective.rules['test-recurring'].severity).toBe('off');
    expect(effective.jsonl).toEqual({ textField: 'text', idField: 'id', format: 'text' });
    expect(effective.allowInlineConfig).toBe(false);
  });

  it.each([
    ['.corpuslintrc', '{"rules": {"test-banned-word": "warn"}}'],
    ['.corpuslintrc', 'rules:\n  test-banned-word: warn\n'],
    ['.corpuslintrc.json', '{"rules": {"test-banned-word": "warn"}}'],
    ['.corpuslintrc.yaml', 'rules:\n  test-banned-word: warn\n'],
    ['.corpuslintrc.yml', 'rules:\n  test-banned-word: warn\n'],
    ['.corpuslintrc.cjs', 'module.exports = { rules: { "test-banned-word": "warn" } };'],
    ['.corpuslintrc.mjs', 'export default { rules: { "test-banned-word": "warn" } };'],
    ['corpuslint.config.mjs', 'export default { rules: { "test-banned-word": "warn" } };'],
    ['package.json', '{"name":"x","corpuslint":{"rules":{"test-banned-word":"warn"}}}'],
  ])('finds %s', async (name, content) => {
    const dir = tmpTree({ [name]: content });
    const loaded = await loadConfig({ cwd: path.join(dir), registry });
    expect(loaded.file).toBe(path.join(dir, name));
    expect(resolveConfig(loaded, path.join(dir, 'x.md'), registry).rules['test-banned-word'].severity).toBe('warn');
  });

  it('finds a config in a parent directory', async () => {
    const dir = tmpTree({ '.corpuslintrc.json': '{"rules":{"test-banned-word":"warn"}}', 'sub/deeper/.keep': '' });
    expect((await loadConfig({ cwd: path.join(dir, 'sub/deeper'), registry })).file).toBe(path.join(dir, '.corpuslintrc.json'));
  });

  it('applies presets, options and overrides in order', async () => {
    const dir = tmpTree({
      '.corpuslintrc.json': JSON.stringify({
        extends: 'corpuslint:strict',
        rules: { 'test-banned-word': ['warn', { word: 'NOPE' }] },
        overrides: [{ files: ['data/**/*.jsonl'], rules: { 'test-banned-word': 'off' }, jsonl: { textField: 'content' } }],
      }),
    });
    const loaded = await loadConfig({ cwd: dir, registry });
    const md = resolveConfig(loaded, path.join(dir, 'a.md'), registry);
    expect(md.rules['test-banned-word']).toEqual({ severity: 'warn', options: { word: 'NOPE' } });
    expect(md.rules['test-recurring'].severity).toBe('error');
    const jsonl = resolveConfig(loaded, path.join(dir, 'data/x/y.jsonl'), registry);
    expect(jsonl.rules['test-banned-word'].severity).toBe('off');
    expect(jsonl.jsonl.textField).toBe('content');
  });

  it.each([
    ['{"rules":{"no-such-rule":"error"}}', 'rules["no-such-rule"]'],
    ['{"rules":{"test-banned-word":"loud"}}', 'rules["test-banned-word"]'],
    ['{"rules":{"test-banned-word":["error",{"word":3}]}}', 'rules["test-banned-word"][1].word'],
    ['{"rules":{"test-banned-word":["error",{"nope":true}]}}', 'rules["test-banned-word"][1].nope'],
    ['{"extends":"corpuslint:everything"}', 'extends'],
    ['{"jsonl":{"format":"pdf"}}', 'jsonl.format'],
    ['{"overrides":[{"files":"*.md","rules":{"x":"off"}}]}', 'overrides[0].rules["x"]'],
    ['{"colour":true}', 'colour'],
  ])('rejects %s at %s', async (content, key) => {
    const dir = tmpTree({ '.corpuslintrc.json': content });
    await expectConfigError(dir, /\.corpuslintrc\.json$/, key);
  });

  it('names the file when it cannot be parsed', async () => {
    const dir = tmpTree({ '.corpuslintrc.json': '{"rules": ' });
    await expect(loadConfig({ cwd: dir, registry })).rejects.toThrow(/\.corpuslintrc\.json.*cannot be parsed/);
  });

  it('--no-config-lookup ignores config files', async () => {
    const dir = tmpTree({ '.corpuslintrc.json': '{"rules":{"no-such-rule":"error"}}' });
    expect((await loadConfig({ cwd: dir, registry, noLookup: true })).file).toBeUndefined();
  });
});
