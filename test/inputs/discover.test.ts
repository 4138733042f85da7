import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/inputs/discover.js';
import { tmpTree } from '../support/tmp.js';

const tree = {
  'a.md': '',
  'b.html': '',
  'c.txt': '',
  'd.jsonl': '',
  'e.ndjson.gz': '',
  'f.markdown': '',
  'g.png': '',
  'notes.txt.gz': '',
  'node_modules/x.md': '',
  'vendor/skip.md': '',
  'sub/deep/h.md': '',
  '.a.md.corpuslint-tmp-1-ab': '',
  '.corpuslintignore': 'vendor/\n',
};

const names = (files: { relative: string }[]) => files.map((f) => f.relative);

describe('discover', () => {
  it('walks directories for supported formats, pruning ignored directories and temp files', () => {
    const cwd = tmpTree(tree);
    const found = discover(['.'], { cwd, ignorePatterns: [], useIgnoreFile: true, ignoreEnabled: true });
    expect(names(found.files)).toEqual(['a.md', 'b.html', 'c.txt', 'd.jsonl', 'e.ndjson.gz', 'f.markdown', 'notes.txt.gz', 'sub/deep/h.md']);
    expect(found.files.find((f) => f.relative === 'e.ndjson.gz')).toMatchObject({ kind: 'jsonl', gzip: true });
  });

  it('matches globs and reports patterns that match nothing', () => {
    const cwd = tmpTree(tree);
    const found = discover(['**/*.md', 'missing.md', 'nothing/*.txt'], { cwd, ignorePatterns: ['sub/deep/'], useIgnoreFile: true, ignoreEnabled: true });
    expect(names(found.files)).toEqual(['a.md']);
    expect(found.missing).toEqual(['missing.md', 'nothing/*.txt']);
  });

  it('--no-ignore lints what ignore files would skip', () => {
    const cwd = tmpTree(tree);
    const found = discover(['vendor'], { cwd, ignorePatterns: [], useIgnoreFile: false, ignoreEnabled: false });
    expect(names(found.files)).toEqual(['vendor/skip.md']);
  });

  it('keeps explicitly named ignored files quiet', () => {
    const cwd = tmpTree(tree);
    const found = discover(['vendor/skip.md'], { cwd, ignorePatterns: [], useIgnoreFile: true, ignoreEnabled: true });
    expect(found.files).toEqual([]);
    expect(found.missing).toEqual([]);
  });

  it('records the base a file was found from, for mirroring outside the working directory', () => {
    const root = tmpTree(tree);
    const cwd = path.join(root, 'sub');
    const found = discover(['../*.md'], { cwd, ignorePatterns: [], useIgnoreFile: true, ignoreEnabled: true });
    expect(found.files.map((f) => [f.relative, f.base])).toEqual([['../a.md', root]]);
  });
});
