// Input discovery: files, directories and globs, filtered by ignore files and patterns. Ignored
// directories are pruned, never walked.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';
import { formatOf, type InputKind } from './formats.js';
import { isTempFile } from '../fix/atomic-write.js';

export interface InputFile {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the working directory, with forward slashes, for reports and matching. */
  relative: string;
  kind: InputKind;
  gzip: boolean;
  /** The directory the file was found from (the directory or glob base given, or the file's own), for mirroring. */
  base: string;
}

export interface DiscoveryOptions {
  cwd: string;
  /** Gitignore-style patterns, relative to cwd. */
  ignorePatterns: string[];
  /** Read `.corpuslintignore` from cwd. */
  useIgnoreFile: boolean;
  /** When false, no ignore applies at all (`--no-ignore`). */
  ignoreEnabled: boolean;
}

export interface Discovery {
  files: InputFile[];
  /** Patterns that matched no file and no directory. */
  missing: string[];
}

const ALWAYS_PRUNED = new Set(['.git', 'node_modules', '.hg', '.svn']);
export const IGNORE_FILE = '.corpuslintignore';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function buildIgnore(options: DiscoveryOptions): Ignore | null {
  if (!options.ignoreEnabled) return null;
  const matcher = ignore();
  if (options.useIgnoreFile) {
    const file = path.join(options.cwd, IGNORE_FILE);
    if (fs.existsSync(file)) matcher.add(fs.readFileSync(file, 'utf8'));
  }
  matcher.add(options.ignorePatterns);
  return matcher;
}

function isIgnored(matcher: Ignore | null, relative: string, isDirectory: boolean): boolean {
  if (!matcher || relative === '' || relative === '.' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return matcher.ignores(isDirectory ? `${relative}/` : relative);
}

function globBase(pattern: string): string {
  const parts = toPosix(pattern).split('/');
  const base: string[] = [];
  for (const part of parts) {
    if (picomatch.scan(part).isGlob) break;
    base.push(part);
  }
  return base.join('/') || '.';
}

export function discover(patterns: string[], options: DiscoveryOptions): Discovery {
  const matcher = buildIgnore(options);
  const found = new Map<string, InputFile>();
  const missing: string[] = [];
  const relativeOf = (absolute: string) => toPosix(path.relative(options.cwd, absolute)) || '.';

  const addFile = (absolute: string, explicit: boolean, base: string) => {
    if (isTempFile(absolute)) return;
    const relative = relativeOf(absolute);
    if (isIgnored(matcher, relative, false)) return;
    const format = formatOf(absolute);
    // An explicitly named file of an unknown kind is read as plain text, as linters do.
    if (!format && !explicit) return;
    if (!found.has(absolute)) found.set(absolute, { absolute, relative, kind: format?.kind ?? 'text', gzip: format?.gzip ?? false, base });
  };

  const walk = (directory: string, accept: (relative: string) => boolean, base: string) => {
    const stack = [directory];
    while (stack.length > 0) {
      const current = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(current, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      for (const entry of entries) {
        const absolute = path.join(current, entry.name);
        const relative = relativeOf(absolute);
        if (entry.isDirectory()) {
          if (ALWAYS_PRUNED.has(entry.name) || isIgnored(matcher, relative, true)) continue;
          stack.push(absolute);
        } else if (entry.isFile() && accept(relative)) addFile(absolute, false, base);
      }
    }
  };

  for (const pattern of patterns) {
    const absolute = path.resolve(options.cwd, pattern);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) addFile(absolute, true, path.dirname(absolute));
    else if (stat?.isDirectory()) {
      if (!isIgnored(matcher, relativeOf(absolute), true) || relativeOf(absolute) === '.') walk(absolute, () => true, absolute);
    } else if (picomatch.scan(pattern).isGlob) {
      const before = found.size;
      const base = path.resolve(options.cwd, globBase(pattern));
      const isMatch = picomatch(toPosix(path.relative(options.cwd, path.resolve(options.cwd, pattern))), { dot: false });
      if (fs.existsSync(base)) walk(base, (relative) => isMatch(relative), base);
      if (found.size === before) missing.push(pattern);
    } else missing.push(pattern);
  }
  return { files: [...found.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)), missing };
}
