// Micro benchmark: the instruction-like detector's cost against sentence splitting on the same
// texts (the injection dev set and markup-dev's clean article texts), as medians over a few
// repetitions. The sentences are split once beforehand, as the rule reads them from the shared
// document view; the ratio is detector time / splitting time (the target is at most 2).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared', 'data');
const load = (rel) => import(pathToFileURL(path.join(repoRoot, 'dist', rel)).href);

function corpusTexts() {
  const texts = [];
  const injection = path.join(shared, 'injection-dev.jsonl');
  if (fs.existsSync(injection)) {
    for (const line of fs.readFileSync(injection, 'utf8').split('\n')) if (line.trim()) texts.push(JSON.parse(line).text);
  }
  const markup = path.join(shared, 'markup-dev');
  if (fs.existsSync(markup)) {
    for (const f of fs.readdirSync(markup).filter((n) => n.endsWith('.clean.txt')).sort()) texts.push(fs.readFileSync(path.join(markup, f), 'utf8'));
  }
  return texts;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Called by scripts/bench.mjs with `{ reps }`, or from the command line with `--reps N`. */
export async function main(options = {}) {
  const argv = Array.isArray(options) ? options : process.argv.slice(2);
  const at = argv.indexOf('--reps');
  const reps = Math.max(3, Number(!Array.isArray(options) && options.reps ? options.reps : at >= 0 ? argv[at + 1] : 5) || 5);
  const { splitSentences } = await load('document/sentences.js');
  const { detect } = await load('rules/instruction-like/detect.js');
  const { loadModelFile, modelFromFile } = await load('rules/instruction-like/model.js');
  const model = modelFromFile(loadModelFile(pathToFileURL(path.join(repoRoot, 'data', 'instruction-model.json'))));
  const texts = corpusTexts();
  if (texts.length === 0) {
    console.log('instruction-like micro bench: no texts under ../shared/data; skipped');
    return;
  }
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const sentences = texts.map((t) => splitSentences(t));
  // Warm up both paths so the JIT has compiled them before timing.
  for (let i = 0; i < 2; i++) {
    for (const t of texts) splitSentences(t);
    texts.forEach((t, k) => detect(t, sentences[k], model));
  }
  const split = [];
  const rule = [];
  for (let r = 0; r < reps; r++) {
    split.push(time(() => { for (const t of texts) splitSentences(t); }));
    rule.push(time(() => { texts.forEach((t, k) => detect(t, sentences[k], model)); }));
  }
  const s = median(split);
  const d = median(rule);
  console.log(`instruction-like micro bench: ${texts.length} texts, ${(chars / 1e6).toFixed(2)} M chars, ${reps} reps (medians)`);
  console.log(`  splitSentences     ${s.toFixed(1).padStart(8)} ms`);
  console.log(`  instruction-like   ${d.toFixed(1).padStart(8)} ms`);
  console.log(`  ratio              ${(d / s).toFixed(2).padStart(8)} x   (target <= 2)`);
  return { texts: texts.length, chars, splitMs: s, ruleMs: d, ratio: d / s };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
