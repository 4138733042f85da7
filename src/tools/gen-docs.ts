// Writes the rule pages, the rules index and the config schema from the registry.
// `--check` writes nothing and exits 1 when a generated file is missing, stale or orphaned.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleRegistry } from '../rules/index.js';
import { GENERATED_MARKER } from '../meta/rule-docs.js';
import { generatedFiles, RULE_DOCS_DIR, type GeneratedFile } from '../meta/generated-files.js';

export interface DocsStatus {
  missing: string[];
  stale: string[];
  /** Generated rule pages whose rule is no longer in the registry. */
  orphaned: string[];
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function docsStatus(root: string, files: readonly GeneratedFile[]): DocsStatus {
  const status: DocsStatus = { missing: [], stale: [], orphaned: [] };
  for (const file of files) {
    const current = readIfExists(path.join(root, file.path));
    if (current === undefined) status.missing.push(file.path);
    else if (current !== file.content) status.stale.push(file.path);
  }
  const expected = new Set(files.map((f) => f.path));
  const dir = path.join(root, RULE_DOCS_DIR);
  const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.md')) : [];
  for (const name of present.sort()) {
    const rel = `${RULE_DOCS_DIR}/${name}`;
    // Only pages this tool wrote are ours to flag; hand-written pages next to them are left alone.
    if (!expected.has(rel) && readIfExists(path.join(root, rel))?.startsWith(GENERATED_MARKER)) status.orphaned.push(rel);
  }
  return status;
}

export function main(argv: readonly string[], root: string): number {
  const files = generatedFiles(ruleRegistry);
  const status = docsStatus(root, files);
  const problems = [...status.missing.map((p) => `missing: ${p}`), ...status.stale.map((p) => `stale:   ${p}`), ...status.orphaned.map((p) => `orphan:  ${p}`)];
  if (argv.includes('--check')) {
    if (problems.length === 0) {
      process.stdout.write(`gen-docs: ${files.length} generated files are up to date.\n`);
      return 0;
    }
    process.stderr.write(`gen-docs: generated files are out of date (run \`npm run build && npm run docs\`):\n${problems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  for (const file of files) {
    if (!status.missing.includes(file.path) && !status.stale.includes(file.path)) continue;
    const target = path.join(root, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  for (const orphan of status.orphaned) fs.rmSync(path.join(root, orphan));
  process.stdout.write(problems.length > 0 ? `gen-docs: updated ${problems.length} file(s):\n${problems.map((p) => `  ${p}\n`).join('')}` : `gen-docs: ${files.length} generated files were already up to date.\n`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // dist/tools/gen-docs.js → the repository root two levels up.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  process.exitCode = main(process.argv.slice(2), root);
}
