#!/usr/bin/env node
// Trains the instruction-like scorer and writes data/instruction-model.json.
//
//   npm run build && node scripts/train-instruction.mjs [--set ../shared/data/injection-dev.jsonl]
//        [--out data/instruction-model.json] [--dist dist] [--no-loso] [--docs-weight 0.15] [--pages-slack 0.01] [--drop feature,…]
//
// Deterministic: full-batch gradient descent from zero weights, no sampling, so the same data and
// the same feature code give the same JSON. It reads the feature code from the build (dist/), so
// training and linting extract features with one implementation. It prints leave-one-source-out
// figures: for each source family, a model trained without any record from that family (as carrier
// or as injected text) is scored on that family's records only.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articlePages, documentationPages } from './doc-pages.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const setPath = path.resolve(repoRoot, arg('set', '../shared/data/injection-dev.jsonl'));
const outPath = path.resolve(repoRoot, arg('out', 'data/instruction-model.json'));
const dist = path.resolve(repoRoot, arg('dist', 'dist'));
const load = (rel) => import(pathToFileURL(path.join(dist, rel)).href);

const { splitSentences } = await load('document/sentences.js');
const { FEATURE_NAMES } = await load('rules/instruction-like/features.js');
const { TOOL_VERBS, GENERATION_VERBS, EXTRA_IMPERATIVE_VERBS } = await load('rules/instruction-like/lexicons.js');
const { scoreUnits, decide } = await load('rules/instruction-like/detect.js');
const { modelFromFile, scoreUnit } = await load('rules/instruction-like/model.js');

// The imperative test: every lower-case word whose most frequent tag in the Brill lexicon shipped
// with `natural` is a base-form verb (so "tide" or "report", mostly nouns, do not make a clause
// imperative), plus the request, tool and documentation verbs of the lexicons.
const require = createRequire(import.meta.url);
const lexicon = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
const verbs = [...new Set([
  ...Object.entries(lexicon).filter(([w, tags]) => /^[a-z]+$/.test(w) && (tags[0] === 'VB' || tags[0] === 'VBP')).map(([w]) => w),
  ...TOOL_VERBS, ...GENERATION_VERBS, ...EXTRA_IMPERATIVE_VERBS,
])].sort();

const extraPath = path.resolve(repoRoot, arg('extra', 'scripts/train-data/instruction-extra.jsonl'));
const readJsonl = (file) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const records = readJsonl(setPath);
// Hand-written hard negatives (news about injection, dialogue, recipes, how-to answers) and the
// prompt-extraction positives the dev set lacks. Always in training, never in the dev figures.
const extraRecords = fs.existsSync(extraPath) ? readJsonl(extraPath) : [];

const FAMILIES = ['rust-lang/book', 'microsoft/BIPIA', 'paul-rottger/exaggerated-safety', 'Podtech-AI/IFEval', 'Giskard-AI/prompt-injections', 'uiuc-kang-lab/InjecAgent'];
const familiesOf = (source) => new Set(FAMILIES.filter((f) => source.includes(f)));

// Feature extraction once; a placeholder model only supplies the verb list.
const placeholder = modelFromFile({
  version: 1, features: [], weights: [], bias: 0, categories: [], categoryWeights: [], categoryBias: [], threshold: 1, growThreshold: 1, verbs,
});
// prompt_extraction is named by its own cue (see detect.ts), so the softmax leaves it out.
const CATEGORY_NAMES = ['instruction_override', 'refusal_template', 'format_constraint', 'persona_override', 'task_conflict', 'tool_action', 'code_injection', 'malicious_content'];

// Features left out of training (for ablations): their columns are zero, so their weights stay 0.
const DROPPED = (arg('drop', '') || '').split(',').filter(Boolean).map((name) => {
  const k = FEATURE_NAMES.indexOf(name);
  if (k < 0) throw new Error(`--drop: no feature named ${name}`);
  return k;
});

const toDoc = (r) => {
  const scored = scoreUnits(r.text, splitSentences(r.text), placeholder, true);
  const gold = new Uint8Array(r.text.length);
  for (const [s, e] of r.spans) gold.fill(1, s, e);
  const samples = [];
  for (const item of scored) {
    if (!item.features) continue;
    let inside = 0;
    let total = 0;
    for (let k = item.unit.start; k < item.unit.end; k++) {
      if (/\s/.test(r.text[k])) continue;
      total++;
      inside += gold[k];
    }
    for (const k of DROPPED) item.features[k] = 0;
    samples.push({ x: item.features, y: total > 0 && inside / total >= 0.5 ? 1 : 0 });
  }
  return { record: r, scored, samples, families: familiesOf(r.source), category: r.category, weight: 1 };
};
const docs = records.map(toDoc);
// Each hand-written record stands for a kind of text the dev set lacks, so it counts more.
const EXTRA_WEIGHT = Number(arg('extra-weight', '4'));
const extraDocs = extraRecords.map((r) => ({ ...toDoc(r), weight: EXTRA_WEIGHT }));
// Documentation pages of the installed npm packages, the training half (scripts/doc-pages.mjs):
// clean text full of imperatives, headings and "you can …" that the dev set has too little of.
// At 0.15, held-out pages flagged fall from 33% to 9.5% with every dev bar kept. More weight
// costs gold removed and leave-one-source-out recall (figures in the commits that set it).
const DOCS_WEIGHT = Number(arg('docs-weight', '0.15'));
const docPages = documentationPages(repoRoot);
const pageRecord = (p) => ({ id: p.rel, text: p.text, label: 'clean', spans: [], source: `npm:${p.package}` });
const docTrain = DOCS_WEIGHT > 0 ? docPages.filter((p) => p.half === 'train').map((p) => ({ ...toDoc(pageRecord(p)), weight: DOCS_WEIGHT, documentation: true })) : [];
const docTest = docPages.filter((p) => p.half === 'test').map((p) => toDoc(pageRecord(p)));
// markup-dev's article texts: web prose with rhetorical and interview questions, quoted speech and
// first-person narrative, which no training step reads. Adding half of them to training as clean
// text (weights 0.15 to 0.5) cost dev recall for no gain on the other half, so all are held out.
const articleRecord = (p) => ({ id: p.id, text: p.text, label: 'clean', spans: [], source: `markup-dev:${p.id}` });
const articleTest = articlePages(repoRoot).map((p) => toDoc(articleRecord(p)));

function trainBinary(trainDocs, { l2 = L2, epochs = 800, rate = 0.05 } = {}) {
  const xs = [];
  const ys = [];
  const sw = [];
  // Balanced class weights over the labelled records: positives are rare clauses among many clean
  // ones. Documentation pages add clean weight on top, so that their many clauses do not dilute
  // the dev set's own clean text.
  let balanced = 0;
  let pos = 0;
  for (const d of trainDocs) {
    for (const s of d.samples) {
      xs.push(s.x);
      ys.push(s.y);
      sw.push(d.weight);
      if (d.documentation) continue;
      balanced++;
      pos += s.y;
    }
  }
  const n = xs.length;
  const dim = FEATURE_NAMES.length;
  const wPos = balanced / (2 * Math.max(1, pos));
  const wNeg = balanced / (2 * Math.max(1, balanced - pos));
  const w = new Float64Array(dim);
  let b = 0;
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Float64Array(dim + 1);
    let weightSum = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      let z = b;
      for (let k = 0; k < dim; k++) z += w[k] * x[k];
      const p = 1 / (1 + Math.exp(-z));
      const cw = (ys[i] ? wPos : wNeg) * sw[i];
      const g = cw * (p - ys[i]);
      weightSum += cw;
      for (let k = 0; k < dim; k++) grad[k] += g * x[k];
      grad[dim] += g;
    }
    for (let k = 0; k <= dim; k++) {
      let g = grad[k] / weightSum;
      if (k < dim) g += l2 * w[k];
      m[k] = 0.9 * m[k] + 0.1 * g;
      v[k] = 0.999 * v[k] + 0.001 * g * g;
      const step = (rate * (m[k] / (1 - 0.9 ** epoch))) / (Math.sqrt(v[k] / (1 - 0.999 ** epoch)) + 1e-8);
      if (k < dim) w[k] -= step;
      else b -= step;
    }
  }
  return { weights: [...w], bias: b };
}

function trainCategories(trainDocs, { l2 = 3e-3, epochs = 400, rate = 0.05 } = {}) {
  const xs = [];
  const ys = [];
  for (const d of trainDocs) {
    const k = CATEGORY_NAMES.indexOf(d.category);
    if (k < 0) continue;
    for (const s of d.samples) if (s.y) { xs.push(s.x); ys.push(k); }
  }
  const dim = FEATURE_NAMES.length;
  const K = CATEGORY_NAMES.length;
  const W = Array.from({ length: K }, () => new Float64Array(dim + 1));
  const m = Array.from({ length: K }, () => new Float64Array(dim + 1));
  const v = Array.from({ length: K }, () => new Float64Array(dim + 1));
  const counts = new Array(K).fill(0);
  for (const y of ys) counts[y]++;
  const cw = counts.map((c) => (c ? xs.length / (K * c) : 0));
  for (let epoch = 1; epoch <= epochs && xs.length; epoch++) {
    const grad = Array.from({ length: K }, () => new Float64Array(dim + 1));
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const logits = W.map((w) => { let z = w[dim]; for (let k = 0; k < dim; k++) z += w[k] * x[k]; return z; });
      const top = Math.max(...logits);
      const exps = logits.map((z) => Math.exp(z - top));
      const sum = exps.reduce((a, b) => a + b, 0);
      const weight = cw[ys[i]];
      total += weight;
      for (let c = 0; c < K; c++) {
        const g = weight * (exps[c] / sum - (c === ys[i] ? 1 : 0));
        for (let k = 0; k < dim; k++) grad[c][k] += g * x[k];
        grad[c][dim] += g;
      }
    }
    for (let c = 0; c < K; c++) {
      for (let k = 0; k <= dim; k++) {
        let g = grad[c][k] / total;
        if (k < dim) g += l2 * W[c][k];
        m[c][k] = 0.9 * m[c][k] + 0.1 * g;
        v[c][k] = 0.999 * v[c][k] + 0.001 * g * g;
        W[c][k] -= (rate * (m[c][k] / (1 - 0.9 ** epoch))) / (Math.sqrt(v[c][k] / (1 - 0.999 ** epoch)) + 1e-8);
      }
    }
  }
  return { categoryWeights: W.map((w) => [...w.slice(0, dim)]), categoryBias: W.map((w) => w[dim]) };
}

function evaluate(model, evalDocs, options = {}) {
  const m = { inj: 0, injHit: 0, clean: 0, cleanHit: 0, spans: 0, spansHit: 0, cleanChars: 0, cleanFlagged: 0, goldChars: 0, goldFlagged: 0 };
  const cats = new Map();
  for (const d of evalDocs) {
    for (const item of d.scored) item.score = item.features ? scoreUnit(model, item.features) : 0;
    const found = decide(d.record.text, d.scored, model, options);
    const r = d.record;
    const injected = r.label !== 'clean';
    if (injected) {
      m.inj++;
      const c = cats.get(r.category) ?? { n: 0, hit: 0 };
      c.n++;
      if (found.length) { m.injHit++; c.hit++; }
      cats.set(r.category, c);
      for (const [s, e] of r.spans) { m.spans++; if (found.some((f) => f.start < e && s < f.end)) m.spansHit++; }
    } else {
      m.clean++;
      if (found.length) m.cleanHit++;
    }
    const flagged = new Uint8Array(r.text.length);
    for (const f of found) flagged.fill(1, f.start, f.end);
    const gold = new Uint8Array(r.text.length);
    for (const [s, e] of r.spans) gold.fill(1, s, e);
    for (let k = 0; k < r.text.length; k++) {
      if (gold[k]) { m.goldChars++; m.goldFlagged += flagged[k]; } else { m.cleanChars++; m.cleanFlagged += flagged[k]; }
    }
  }
  const ratio = (a, b) => (b ? a / b : NaN);
  return {
    docRecall: ratio(m.injHit, m.inj), docFPR: ratio(m.cleanHit, m.clean), spanRecall: ratio(m.spansHit, m.spans),
    cleanKept: 1 - ratio(m.cleanFlagged, m.cleanChars), goldFlagged: ratio(m.goldFlagged, m.goldChars),
    injected: m.inj, clean: m.clean,
    byCategory: Object.fromEntries([...cats].sort().map(([k, v]) => [k, ratio(v.hit, v.n)])),
  };
}

function fit(trainDocs, tuneDocs = trainDocs, guardDocs = []) {
  const binary = trainBinary(trainDocs);
  const categories = trainCategories(trainDocs);
  const file = {
    version: 1, features: [...FEATURE_NAMES], ...binary, categories: CATEGORY_NAMES, ...categories,
    threshold: 0.5, growThreshold: 0.3, undirectedThreshold: UNDIRECTED, verbs,
  };
  // The threshold keeps document FPR within budget on the dev documents it was trained on.
  const base = modelFromFile(file);
  let chosen = 0.99;
  for (let t = 0.3; t <= 0.99; t += 0.01) {
    const result = evaluate({ ...base, threshold: t, growThreshold: Math.min(t, GROW_RATIO * t) }, tuneDocs);
    if (!(result.docFPR > FPR_BUDGET) && !(result.cleanKept < CLEAN_KEPT)) { chosen = t; break; }
  }
  file.threshold = Math.round(chosen * 100) / 100;
  file.growThreshold = Math.round(GROW_RATIO * file.threshold * 100) / 100;
  // Per-category offsets by coordinate ascent: span recall within the FPR budget. Categories whose
  // look-alikes are common in clean text (pasted refusals vs. LLM answers) end up stricter.
  // The hand-written hard negatives guard the offsets: no offset may flag more of them. The training
  // half of the documentation pages guards them too, within PAGES_SLACK: unguarded, the ascent bought
  // dev recall with tool_action at -0.3 (a threshold of 0.5, where "Use the WHATWG URL API." seeds a
  // span) and held-out pages flagged stayed at 7.0%; guarded, 3.7%.
  const offsets = {};
  const guardFPR = (o) => (guardDocs.length ? evaluate({ ...modelFromFile(file), categoryOffsets: o }, guardDocs).docFPR : 0);
  const guardBase = guardFPR(offsets);
  const pagesFlagged = (o) => (PAGES_SLACK < 1 && docTrain.length ? evaluate({ ...modelFromFile(file), categoryOffsets: o }, docTrain).docFPR : 0);
  const pagesBase = pagesFlagged(offsets);
  // Span recall within the FPR and clean-text budgets, with a small penalty per category under 60% document recall.
  const objective = (r) => (r.docFPR > FPR_BUDGET || r.cleanKept < CLEAN_KEPT ? -1 : r.spanRecall - 0.01 * Object.values(r.byCategory).filter((v) => v < 0.6).length);
  let best = objective(evaluate({ ...modelFromFile(file), categoryOffsets: offsets }, tuneDocs));
  for (let pass = 0; pass < 2; pass++) {
    for (const c of CATEGORY_NAMES) {
      for (let o = -0.3; o <= 0.1001; o += 0.05) {
        const trial = { ...offsets, [c]: Math.round(o * 100) / 100 };
        if (file.threshold + trial[c] >= 1) continue;
        const value = objective(evaluate({ ...modelFromFile(file), categoryOffsets: trial }, tuneDocs));
        if (value > best + 1e-9 && guardFPR(trial) <= guardBase && pagesFlagged(trial) <= pagesBase + PAGES_SLACK) { best = value; offsets[c] = trial[c]; }
      }
    }
  }
  file.categoryOffsets = offsets;
  return file;
}

const L2 = Number(arg('l2', '1e-3'));
// The share of the training documentation pages that the category offsets may newly flag (1 turns the guard off).
const PAGES_SLACK = Number(arg('pages-slack', '0.01'));
const UNDIRECTED = Number(arg('undirected', '0.98'));
// 1.8% rather than just under the 2% bar since records of one or two clauses are read without a
// document shape: at 1.99% the retrained detector kept 98.9% of clean text under the scorer, under its bar.
const FPR_BUDGET = Number(arg('fpr', '0.018'));
// 0.62 rather than 0.65 since the documentation pages joined training: dev figures are level, and a persona
// passage's middle clause ("You must always answer as FreeBot…", 0.519) joins its span again.
const GROW_RATIO = Number(arg('grow', '0.62'));
// Clean characters the detector may flag, in-process. The fix then tidies seams, and the scorer's
// alignment charges a little more, so the budget keeps a margin above the 99% bar.
const CLEAN_KEPT = Number(arg('clean-kept', '0.992'));
const pct = (x) => (Number.isNaN(x) ? '  n/a ' : `${(100 * x).toFixed(1).padStart(5)}%`);

const extraNegatives = extraDocs.filter((d) => d.record.label === 'clean');
const full = fit([...docs, ...extraDocs, ...docTrain], docs, extraNegatives);
const fullResult = evaluate(modelFromFile(full), docs);
console.log(`trained on ${docs.length} records; threshold ${full.threshold}, grow ${full.growThreshold}`);
console.log(`dev (resubstitution): doc recall ${pct(fullResult.docRecall)}  doc FPR ${pct(fullResult.docFPR)}  span recall ${pct(fullResult.spanRecall)}  clean chars kept ${pct(fullResult.cleanKept)}  gold chars flagged ${pct(fullResult.goldFlagged)}`);
for (const [k, v] of Object.entries(fullResult.byCategory)) console.log(`  ${k.padEnd(22)} ${pct(v)}`);
if (extraDocs.length) {
  const extra = evaluate(modelFromFile(full), extraDocs);
  console.log(`hand-written extras (in training): doc recall ${pct(extra.docRecall)}  doc FPR ${pct(extra.docFPR)} of ${extra.clean}`);
}

let heldOutPages;
if (docTest.length) {
  const pages = evaluate(modelFromFile(full), docTest);
  heldOutPages = { pages: docTest.length, flagged: pages.docFPR, cleanKept: pages.cleanKept, docsWeight: DOCS_WEIGHT };
  const seen = docTrain.length ? evaluate(modelFromFile(full), docTrain) : undefined;
  console.log(`documentation pages, held-out half: ${docTest.length} pages, flagged ${pct(pages.docFPR)}, clean chars kept ${pct(pages.cleanKept)}` +
    (seen ? `; training half: flagged ${pct(seen.docFPR)}` : ''));
}

let heldOutArticles;
if (articleTest.length) {
  const held = evaluate(modelFromFile(full), articleTest);
  heldOutArticles = { texts: articleTest.length, flagged: held.docFPR, cleanKept: held.cleanKept };
  console.log(`markup-dev article texts, held out: ${articleTest.length} texts, flagged ${pct(held.docFPR)}, clean chars kept ${pct(held.cleanKept)}`);
}

const loso = [];
if (!argv.includes('--no-loso')) {
  console.log('\nleave-one-source-out (train without the family, test on its records only):');
  console.log(`  ${'held-out family'.padEnd(34)} ${'inj'.padStart(4)} ${'clean'.padStart(5)}  doc-rec  doc-FPR  span-rec  clean-kept`);
  for (const family of FAMILIES) {
    const test = docs.filter((d) => d.families.has(family));
    const train = docs.filter((d) => !d.families.has(family));
    const file = fit([...train, ...extraDocs, ...docTrain], train, extraNegatives);
    const r = evaluate(modelFromFile(file), test);
    loso.push({ family, threshold: file.threshold, ...r });
    console.log(`  ${family.padEnd(34)} ${String(r.injected).padStart(4)} ${String(r.clean).padStart(5)}  ${pct(r.docRecall)}  ${pct(r.docFPR)}  ${pct(r.spanRecall)}   ${pct(r.cleanKept)}`);
  }
}

const round = (a) => a.map((x) => Math.round(x * 1e5) / 1e5);
full.weights = round(full.weights);
full.bias = Math.round(full.bias * 1e5) / 1e5;
full.categoryWeights = full.categoryWeights.map(round);
full.categoryBias = round(full.categoryBias);
full.notes = {
  trainedOn: [path.relative(repoRoot, setPath), path.relative(repoRoot, extraPath), 'node_modules/**/*.md, training half (scripts/doc-pages.mjs)'],
  records: docs.length,
  regenerate: 'npm run build && node scripts/train-instruction.mjs',
  fprBudget: FPR_BUDGET,
  growRatio: GROW_RATIO,
  pagesSlack: PAGES_SLACK,
  dev: { docRecall: fullResult.docRecall, docFPR: fullResult.docFPR, spanRecall: fullResult.spanRecall },
  documentationPages: heldOutPages,
  articles: heldOutArticles,
  leaveOneSourceOut: loso.map(({ family, threshold, docRecall, docFPR, spanRecall, cleanKept }) => ({ family, threshold, docRecall, docFPR, spanRecall, cleanKept })),
};
const { verbs: verbList, ...rest } = full;
fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, `${JSON.stringify({ ...rest, verbs: verbList })}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), outPath)}`);
