// npm run eval -- markup
// Fixes the poor.md, poor.txt and naive.txt variants of ../shared/data/markup-dev/ with
// leftover-markup and boilerplate alone, through the CLI (`--fix --out-dir`), and scores each
// output folder with ../shared/scripts/score-markup.mjs (word-level retained / removed).
// Options: --variants poor.md,poor.txt,naive.txt   --keep (leave the output folders in place)
import fs from 'node:fs';
import path from 'node:path';
import { requireBuild, requireShared, runCli, runNode, sharedScripts, tempDir } from './_common.mjs';

const BARS = {
  'poor.md': { retained: 0.95, removed: 0.8 },
  'poor.txt': { retained: 0.95, removed: 0.8 },
  'naive.txt': { retained: 0.93, removed: 0.8 },
};
const REFERENCES = 'poor.md references (same scorer): markdownlint with flagged lines dropped retained 0.98 / removed 0.11; C4 line rules retained 0.83 / removed 0.92';

function option(argv, name, fallback) {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : argv[at + 1];
}

export async function main(argv) {
  requireBuild();
  const set = requireShared('markup-dev');
  const variants = option(argv, 'variants', Object.keys(BARS).join(',')).split(',');
  const work = tempDir('markup');
  const config = path.join(work, 'corpuslint.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { 'leftover-markup': 'error', boilerplate: 'error' } }));
  const rows = [];
  for (const variant of variants) {
    const out = path.join(work, variant.replace('.', '-'));
    const glob = path.relative(process.cwd(), path.join(set, `*.${variant}`)).split(path.sep).join('/');
    const started = Date.now();
    runCli(['--config', config, '--format', 'json', '--output-file', path.join(work, `${variant}.report.json`), '--fix', '--out-dir', out, glob]);
    const seconds = (Date.now() - started) / 1000;
    const written = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith(`.${variant}`)).length : 0;
    const score = JSON.parse(runNode(path.join(sharedScripts, 'score-markup.mjs'), ['--set', set, '--variant', variant, '--outputs', out]));
    rows.push({ variant, score, seconds, written, bar: BARS[variant] });
  }
  console.log('markup-dev: leftover-markup + boilerplate, corpuslint --fix --out-dir, scored with score-markup.mjs (micro)');
  console.log('variant     retained  removed   bar (retained / removed)   docs  seconds');
  for (const { variant, score, seconds, written, bar } of rows) {
    const { retained, removed } = score.micro;
    const pass = bar ? (retained >= bar.retained && removed >= bar.removed ? 'pass' : 'FAIL') : '';
    const barText = bar ? `>= ${bar.retained.toFixed(2)} / >= ${bar.removed.toFixed(2)} ${pass}` : '';
    console.log(`${variant.padEnd(11)} ${retained.toFixed(4).padEnd(9)} ${removed.toFixed(4).padEnd(9)} ${barText.padEnd(26)} ${String(written).padEnd(5)} ${seconds.toFixed(1)}`);
  }
  console.log(REFERENCES);
  if (argv.includes('--keep')) console.log(`outputs kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
