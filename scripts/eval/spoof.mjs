// `npm run eval -- spoof`: spoofed-system-token and invisible-unicode on ../shared/data/spoof-dev.jsonl.
// Runs the built CLI twice with a temporary config that turns on only these two rules (a JSON
// report, then --fix --out-dir), scores both with ../shared/scripts/score-spans.mjs, and adds two
// tables of its own: recall by obfuscation kind (injected records) and false positives by
// look-alike kind (clean records), each with the rule that fired.
// Options: --set FILE (another set in the same format), --keep (leave the temp directory).
import fs from 'node:fs';
import path from 'node:path';
import { requireShared, requireBuild, tempDir, runCli, runNode, sharedScripts } from './_common.mjs';

const RULES = ['spoofed-system-token', 'invisible-unicode'];
const BARS = [
  ['docRecall', 'doc recall', '>=', 0.99],
  ['spanRecall', 'span recall', '>=', 0.99],
  ['docFPR', 'clean doc FPR', '<=', 0.01],
  ['goldRemoved', 'gold removed', '>=', 0.99],
  ['cleanRetained', 'clean retained', '>=', 0.998],
  ['notRemoval', 'not-removal', '<=', 0],
];

function option(argv, name) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

const readJsonl = (file) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

function table(title, rows) {
  console.log(`\n${title}`);
  for (const [name, n, hit, detail] of rows) console.log(`  ${name.padEnd(34)} ${pct(hit, n).padEnd(16)} ${detail}`);
}

export async function main(argv) {
  requireBuild();
  const set = option(argv, 'set') ? path.resolve(option(argv, 'set')) : requireShared('spoof-dev.jsonl');
  const dir = tempDir('spoof');
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ rules: Object.fromEntries(RULES.map((r) => [r, 'error'])) }));
  const report = path.join(dir, 'report.json');
  const outDir = path.join(dir, 'fixed');
  const base = ['--config', config, '--no-config-lookup', '--no-ignore'];

  const started = performance.now();
  runCli([...base, '--format', 'json', '--output-file', report, set]);
  const lintMs = performance.now() - started;
  runCli([...base, '--fix', '--out-dir', outDir, set]);
  const fixed = path.join(outDir, path.basename(set));
  if (!fs.existsSync(fixed)) throw new Error(`--fix --out-dir wrote no ${fixed}`);

  const scores = path.join(dir, 'scores.json');
  const scorer = path.join(sharedScripts, 'score-spans.mjs');
  console.log(runNode(scorer, ['--set', set, '--report', report, '--rules', RULES.join(','), '--fixed', fixed, '--json', scores]).trimEnd());

  const figures = JSON.parse(fs.readFileSync(scores, 'utf8'));
  console.log('\nbars (exact figures):');
  let failed = 0;
  for (const [key, label, op, bar] of BARS) {
    const value = figures[key];
    const ok = value !== null && (op === '>=' ? value >= bar : value <= bar);
    if (!ok) failed++;
    const shown = key === 'notRemoval' ? String(value) : `${(100 * value).toFixed(2)}%`;
    const want = key === 'notRemoval' ? String(bar) : `${(100 * bar).toFixed(1)}%`;
    console.log(`  ${label.padEnd(16)} ${shown.padEnd(9)} ${op} ${want.padEnd(7)} ${ok ? 'ok' : 'BELOW BAR'}`);
  }

  // Findings per record line, with the rules that produced them.
  const records = readJsonl(set);
  const byLine = new Map();
  for (const file of JSON.parse(fs.readFileSync(report, 'utf8')).files) {
    for (const f of file.findings) {
      if (!RULES.includes(f.ruleId) || !f.record) continue;
      const list = byLine.get(f.record.line) ?? [];
      list.push(f);
      byLine.set(f.record.line, list);
    }
  }
  const overlaps = (f, [s, e]) => f.start < e && s < f.end;
  const injected = new Map();
  const clean = new Map();
  records.forEach((r, i) => {
    const found = byLine.get(i + 1) ?? [];
    const kind = String(r.category).replace(/^(?:spoof|lookalike):/, '');
    const bucket = r.label === 'clean' ? clean : injected;
    const row = bucket.get(kind) ?? { n: 0, hit: 0, spans: 0, spansHit: 0, rules: new Map() };
    row.n++;
    if (found.length) row.hit++;
    for (const span of r.spans ?? []) {
      row.spans++;
      if (found.some((f) => overlaps(f, span))) row.spansHit++;
    }
    for (const f of found) row.rules.set(f.ruleId, (row.rules.get(f.ruleId) ?? 0) + 1);
    bucket.set(kind, row);
  });
  const ruleMix = (row) => [...row.rules].map(([id, n]) => `${id} ${n}`).join(', ');
  table('recall by obfuscation kind (injected records)          doc recall       span recall; findings by rule',
    [...injected].sort().map(([kind, row]) => [kind, row.n, row.hit, `spans ${pct(row.spansHit, row.spans)}; ${ruleMix(row)}`]));
  table('false positives by look-alike kind (clean records)     docs flagged',
    [...clean].sort().map(([kind, row]) => [kind, row.n, row.hit, ruleMix(row)]));
  console.log(`\nlint time through the CLI: ${(lintMs / 1000).toFixed(2)} s for ${records.length} records (process start included)`);
  if (argv.includes('--keep')) console.log(`kept: ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  if (failed) console.log(`${failed} bar(s) not met; see the exact figures above.`);
}
