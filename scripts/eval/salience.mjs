// `npm run eval -- salience`: salience-skew on ../shared/data/markup-dev/ and on the constructed
// documents in test/fixtures/salience/. Runs the built CLI with a temporary config that turns on only
// salience-skew: the JSON lint report gives the share of documents flagged, `corpuslint stats
// --format json` gives the expected coverage (salience-proportional, uniform, targeted) of each set.
// Bars: at least 90% of the poor.md conversions flagged, at most 5% of the clean.txt ground truth.
// Options: --keep (leave the temp directory).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, requireBuild, requireShared, runCli, tempDir } from './_common.mjs';

const RULE = 'salience-skew';
const SETS = [
  { name: 'poor.md', glob: '*.poor.md', op: '>=', bar: 0.9 },
  { name: 'clean.txt', glob: '*.clean.txt', op: '<=', bar: 0.05 },
];
const CONSTRUCTED = ['clean-article.md', 'article-with-table.md', 'article-with-bold-nav.md'];

const fixed = (x, digits = 3) => x.toFixed(digits);
const pct = (x) => `${(100 * x).toFixed(1)}%`;

function flaggedPaths(reportText) {
  const flagged = new Set();
  const files = JSON.parse(reportText).files;
  for (const file of files) if (file.findings.some((f) => f.ruleId === RULE && f.messageId === 'skew')) flagged.add(file.path);
  return { flagged, files: files.length };
}

export async function main(argv) {
  requireBuild();
  const markup = requireShared('markup-dev');
  const dir = tempDir('salience');
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { [RULE]: 'warn' } }));
  const base = ['--config', config, '--no-ignore'];
  let failed = 0;

  console.log(`${RULE} on ${path.relative(repoRoot, markup)}/ (k = n questions per document)\n`);
  console.log(`  ${'set'.padEnd(10)} ${'docs'.padStart(5)} ${'flagged'.padStart(8)} ${'share'.padStart(7)}  ${'bar'.padEnd(7)} ${'result'.padEnd(9)} mean coverage: salience (content) / uniform / targeted`);
  for (const set of SETS) {
    const pattern = path.join(markup, set.glob);
    const lint = runCli([...base, '--format', 'json', pattern], { cwd: repoRoot });
    const { flagged, files } = flaggedPaths(lint.stdout);
    const stats = JSON.parse(runCli(['stats', ...base, '--format', 'json', pattern], { cwd: repoRoot }).stdout);
    if (stats.corpus.documents !== files) throw new Error(`lint saw ${files} ${set.name} files but stats saw ${stats.corpus.documents} documents`);
    const share = files === 0 ? 0 : flagged.size / files;
    const ok = set.op === '>=' ? share >= set.bar : share <= set.bar;
    if (!ok) failed++;
    const mean = stats.corpus.meanCoverage;
    console.log(
      `  ${set.name.padEnd(10)} ${String(files).padStart(5)} ${String(flagged.size).padStart(8)} ${pct(share).padStart(7)}  ${`${set.op} ${Math.round(set.bar * 100)}%`.padEnd(7)} ${(ok ? 'ok' : 'BELOW BAR').padEnd(9)} ${fixed(mean.salience)} (${fixed(mean.content)}) / ${fixed(mean.uniform)} / ${fixed(mean.targeted)}`,
    );
    const gini = stats.corpus.distribution.gini;
    const low = stats.corpus.distribution.lowContentHotspotShare;
    console.log(`  ${''.padEnd(10)} gini median ${fixed(gini.median, 2)}, low-content hotspot share median ${pct(low.median)} (p10 ${pct(low.p10)}, p90 ${pct(low.p90)})`);
  }

  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'salience');
  const files = CONSTRUCTED.map((name) => path.join(fixtures, name));
  const lint = runCli([...base, '--format', 'json', ...files], { cwd: repoRoot });
  const { flagged } = flaggedPaths(lint.stdout);
  const stats = JSON.parse(runCli(['stats', ...base, '--format', 'json', ...files], { cwd: repoRoot }).stdout);
  console.log(`\nconstructed documents (${path.relative(repoRoot, fixtures)}/)\n`);
  console.log(`  ${'document'.padEnd(26)} ${'expect'.padEnd(8)} ${'flagged'.padEnd(8)} ${'units'.padStart(5)} ${'gini'.padStart(6)} ${'low-content'.padStart(12)}  coverage: salience (content) / uniform / targeted`);
  for (const name of CONSTRUCTED) {
    const doc = stats.documents.find((d) => d.path.endsWith(`/${name}`));
    const isFlagged = [...flagged].some((p) => p.endsWith(`/${name}`));
    const expected = name !== 'clean-article.md';
    if (isFlagged !== expected) failed++;
    console.log(
      `  ${name.padEnd(26)} ${(expected ? 'flag' : 'pass').padEnd(8)} ${`${isFlagged ? 'yes' : 'no'}${isFlagged === expected ? '' : ' (!)'}`.padEnd(8)} ${String(doc.units).padStart(5)} ${fixed(doc.gini, 2).padStart(6)} ${pct(doc.lowContentHotspotShare).padStart(12)}  ${fixed(doc.coverage.salience)} (${fixed(doc.coverage.content)}) / ${fixed(doc.coverage.uniform)} / ${fixed(doc.coverage.targeted)}`,
    );
    for (const hotspot of doc.hotspots) console.log(`  ${''.padEnd(26)} ${hotspot}`);
  }
  console.log(failed === 0 ? '\nall bars met' : `\n${failed} bar(s) missed`);
  if (argv.includes('--keep')) console.log(`temp directory kept: ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  if (failed > 0) process.exitCode = 1;
}
