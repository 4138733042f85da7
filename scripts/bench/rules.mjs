// Per-rule cost on real prose, against the sentence splitter on the same text, and the built-in QA
// generator's throughput. In-process, one thread, medians over repetitions; called by `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (rel) => import(pathToFileURL(path.join(repoRoot, 'dist', rel)).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn, reps) {
  const runs = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

export async function main({ reps = 3 } = {}) {
  const { Document } = await load('document/document.js');
  const { splitSentences } = await load('document/sentences.js');
  const { ruleRegistry } = await load('rules/index.js');
  const { lintDocument } = await load('engine/lint-document.js');
  const { withDefaults } = await load('config/options.js');
  const { builtinDrafts } = await load('generate/builtin.js');
  const dir = path.resolve(repoRoot, '..', 'shared', 'data', 'markup-dev');
  if (!fs.existsSync(dir)) throw new Error(`${dir} is missing: the benchmark prose is markup-dev's clean.txt ground truth`);
  // Plain prose: the ground-truth article texts; "no <, [ or |" prose is what the spoof fast path is for.
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.clean.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const fresh = () => texts.map((text, i) => new Document({ text, format: 'text', path: `doc-${i}` }));
  const mb = bytes / (1024 * 1024);
  const split = time(() => {
    for (const d of fresh()) splitSentences(d.text);
  }, reps);
  const result = { proseMB: mb, sentenceSplitMs: split, rules: {} };
  console.log(`prose: ${texts.length} documents, ${mb.toFixed(2)} MB; sentence split ${split.toFixed(0)} ms (${(mb / (split / 1000)).toFixed(1)} MB/s)`);
  console.log('rule                   ms      MB/s    x sentence split');
  for (const [id, module] of ruleRegistry) {
    const active = [{ module, severity: 'error', options: withDefaults(module.meta, undefined) }];
    // Each repetition builds fresh documents, so shared views (sentences, normalised text) are paid for.
    const ms = time(() => {
      for (const d of fresh()) lintDocument(d, active);
    }, reps);
    result.rules[id] = { ms, mbPerSecond: mb / (ms / 1000), ratioToSplit: ms / split };
    console.log(`${id.padEnd(22)} ${ms.toFixed(0).padStart(6)}  ${(mb / (ms / 1000)).toFixed(1).padStart(6)}   ${(ms / split).toFixed(2)}`);
  }
  // The built-in generator on every sentence of the prose: targets per second, one core.
  const targets = [];
  for (const text of texts) for (const [index, s] of splitSentences(text).entries()) targets.push({ text, target: { index, start: s.start, end: s.end } });
  const genMs = time(() => {
    for (const { text, target } of targets) builtinDrafts(text, target).next();
  }, reps);
  result.generator = { targets: targets.length, ms: genMs, targetsPerSecond: targets.length / (genMs / 1000) };
  console.log(`built-in generator: ${targets.length} target sentences in ${genMs.toFixed(0)} ms = ${Math.round(targets.length / (genMs / 1000))} targets/s (first draft per target)`);
  return result;
}
