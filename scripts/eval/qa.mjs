// `npm run eval -- qa`: the QA generator's figures.
//   1. sentence-splitter F1 on ../shared/data/qa-splitter-cases.json (the synthetic cases; the
//      SQuAD references are pointers to Wikipedia text that is not vendored, so they are not scored);
//   2. coverage against k on a few markup-dev clean texts, for the targeted generator (through the
//      real sanitize-and-generate pipeline) and for a salience-proportional sampler;
//   3. grounding, duplicate and well-formedness rates of `corpuslint generate` over all
//      markup-dev clean texts (run through the CLI, with --emit-clean to check every offset);
//   4. sanitizer agreement: the recommended rules over the generated questions and answers.
// Options: --docs N (documents for section 2, default 5), --dist DIR (a build other than dist/).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { repoRoot, requireShared, requireBuild, tempDir, cli } from './_common.mjs';

function option(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

const normalizeGold = (s) => s.replace(/\s+/g, ' ').trim().replace(/^(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+)/, '').trim();

function splitterScore(cases, split) {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const misses = [];
  for (const c of cases) {
    const pred = split(c.text).map(normalizeGold).filter(Boolean);
    const want = c.gold.map(normalizeGold);
    const remaining = [...want];
    let hit = 0;
    for (const p of pred) {
      const i = remaining.indexOf(p);
      if (i >= 0) {
        remaining.splice(i, 1);
        hit++;
      }
    }
    if (hit !== pred.length || hit !== want.length) misses.push(c.id);
    tp += hit;
    predicted += pred.length;
    gold += want.length;
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, misses };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

export async function main(argv) {
  const dist = path.resolve(option(argv, 'dist', path.join(repoRoot, 'dist')));
  if (dist === path.join(repoRoot, 'dist')) requireBuild();
  const cliPath = dist === path.join(repoRoot, 'dist') ? cli : path.join(dist, 'cli.js');
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const { splitSentences } = await load('document/sentences.js');
  const { runGenerate, GUARD_IGNORED_RULES } = await load('generate/pipeline.js');
  const { builtinSource, builtinDrafts } = await load('generate/builtin.js');
  const { DEFAULT_ELIGIBILITY, eligibleUnits } = await load('generate/eligibility.js');
  const { salienceSample, coverage } = await load('generate/targets.js');
  const { wellFormedProblem } = await load('generate/wellformed.js');
  const { QuestionDeduper } = await load('generate/dedupe.js');
  const { segmentUnits } = await load('document/sentences.js');
  const { wordTokens } = await load('generate/tokens.js');
  const { ruleRegistry } = await load('rules/index.js');
  const { loadConfig, resolveConfig } = await load('config/load.js');
  const { activeRulesFor } = await load('engine/run.js');
  const { lintDocument } = await load('engine/lint-document.js');
  const { Document } = await load('document/document.js');

  // 1. Splitter.
  const cases = JSON.parse(fs.readFileSync(requireShared('qa-splitter-cases.json'), 'utf8'));
  const ours = splitterScore(cases.synthetic, (t) => splitSentences(t).map((s) => t.slice(s.start, s.end)));
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const plain = splitterScore(cases.synthetic, (t) => [...segmenter.segment(t)].map((s) => s.segment));
  console.log(`1. Sentence splitter on qa-splitter-cases.json: ${cases.synthetic.length} synthetic cases`);
  console.log(`   corpuslint splitSentences  P ${ours.precision.toFixed(3)}  R ${ours.recall.toFixed(3)}  F1 ${ours.f1.toFixed(3)}${ours.misses.length ? `  (missed: ${ours.misses.join(', ')})` : ''}`);
  console.log(`   Intl.Segmenter alone       P ${plain.precision.toFixed(3)}  R ${plain.recall.toFixed(3)}  F1 ${plain.f1.toFixed(3)}`);
  console.log(`   ${cases.squadRefs.length} SQuAD references are pointers to Wikipedia text (CC BY-SA) that is not vendored: not scored.`);

  // 2. Coverage against k.
  const markupDir = path.dirname(requireShared('markup-dev/manifest.json'));
  const allClean = fs.readdirSync(markupDir).filter((f) => f.endsWith('.clean.txt')).sort().map((f) => path.join(markupDir, f));
  const docCount = Number(option(argv, 'docs', '5'));
  const chosen = allClean.filter((f) => {
    const text = fs.readFileSync(f, 'utf8');
    const n = eligibleUnits(text, segmentUnits(text), DEFAULT_ELIGIBILITY).eligible.length;
    return n >= 20 && n <= 120;
  }).slice(0, docCount);
  const registry = ruleRegistry;
  const loaded = await loadConfig({ cwd: repoRoot, noLookup: true, registry });
  const inputs = chosen.map((f) => ({ path: path.relative(repoRoot, f), absolute: f, kind: 'text', gzip: false, configPath: f }));
  const cleanTexts = new Map();
  const eligibleCounts = new Map();
  const runWith = async (budget) => {
    const items = [];
    const summary = await runGenerate(inputs, {
      registry, loaded, sanitize: true, allowFindings: true, eligibility: DEFAULT_ELIGIBILITY, budget, seed: 7, source: builtinSource,
      onItem: (i) => items.push(i),
      onCleanDocument: (document) => cleanTexts.set(document.path, document.text),
      onPlan: (document, n, targets) => eligibleCounts.set(document.path, { n, all: targets }),
    });
    return { items, summary };
  };
  await runWith({ kind: 'all' });
  // n per document and its eligible sentences, as the pipeline planned them with k = n.
  const byPath = new Map(eligibleCounts);
  console.log(`\n2. Coverage against k on ${inputs.length} markup-dev clean texts (sanitized with the recommended rules, seed 7)`);
  console.log('   document                        n    k  targeted  min(1,k/n)  salience-proportional (mean of 20 seeds)');
  let exact = 0;
  let rows = 0;
  const ks = [1, 5, 10, 20, 40];
  const perK = new Map();
  for (const k of [...ks, 'n']) perK.set(k, await runWith(k === 'n' ? { kind: 'all' } : { kind: 'questions', perDocument: k }));
  for (const input of inputs) {
    const n = byPath.get(input.path).n;
    const text = cleanTexts.get(input.path);
    const weights = byPath.get(input.path).all.map((t) => {
      const tokens = wordTokens(text, t.start, t.end);
      const salient = tokens.filter((w) => /^[\p{Lu}\d]/u.test(w.text)).length;
      return tokens.length * (1 + salient);
    });
    for (const k of [...ks, 'n']) {
      const kk = k === 'n' ? n : k;
      const { items } = perK.get(k);
      const covered = new Set(items.filter((i) => i.source.path === input.path).map((i) => i.target.index)).size;
      const targeted = n ? covered / n : 0;
      const expected = Math.min(1, kk / n);
      rows++;
      if (Math.abs(targeted - expected) < 1e-12) exact++;
      let salience = 0;
      for (let s = 0; s < 20; s++) salience += coverage(salienceSample(weights, kk, 1000 + s)) / 20;
      console.log(`   ${path.basename(input.path).padEnd(30)} ${String(n).padStart(3)} ${String(kk).padStart(4)}  ${pct(targeted).padStart(8)}  ${pct(expected).padStart(10)}  ${pct(salience).padStart(8)}`);
    }
  }
  console.log(`   targeted coverage equals min(1, k/n) exactly in ${exact}/${rows} rows`);

  // 3. The CLI over every markup-dev clean text.
  const out = tempDir('qa');
  const qaFile = path.join(out, 'qa.jsonl');
  const summaryFile = path.join(out, 'summary.json');
  const cleanDir = path.join(out, 'clean');
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliPath, 'generate', `${path.relative(repoRoot, markupDir)}/*.clean.txt`, '--out', qaFile, '--summary-file', summaryFile, '--emit-clean', cleanDir, '--allow-findings', '--quiet'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`corpuslint generate exited ${result.status}: ${result.stderr}`);
  const cliSeconds = (performance.now() - started) / 1000;
  const items = fs.readFileSync(qaFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  let grounded = 0;
  let wellFormed = 0;
  const problems = {};
  const dedupe = new QuestionDeduper();
  let duplicates = 0;
  let wh = 0;
  for (const item of items) {
    const clean = fs.readFileSync(path.join(cleanDir, path.basename(item.source.path)), 'utf8');
    const inside = item.answerStart >= item.target.start && item.answerEnd <= item.target.end;
    if (inside && clean.slice(item.answerStart, item.answerEnd) === item.answer && clean.slice(item.target.start, item.target.end) === item.target.text) grounded++;
    const problem = wellFormedProblem(item.question);
    if (problem) problems[problem] = (problems[problem] ?? 0) + 1;
    else wellFormed++;
    if (dedupe.check(item.question)) duplicates++;
    dedupe.add(item.question);
    if (item.question.endsWith('?')) wh++;
  }
  console.log(`\n3. corpuslint generate over ${allClean.length} markup-dev clean texts: ${items.length} items from ${summary.eligible} eligible sentences (coverage ${pct(summary.coverage)}, ${summary.duplicatesDropped.exact + summary.duplicatesDropped.near} duplicates dropped, CLI ${cliSeconds.toFixed(1)} s)`);
  console.log(`   grounding rate     ${pct(items.length ? grounded / items.length : 0)}  (answer === clean.slice(answerStart, answerEnd) inside the target)`);
  console.log(`   duplicate rate     ${pct(items.length ? duplicates / items.length : 0)}  (exact or token Jaccard >= 0.8 with an earlier question)`);
  console.log(`   well-formed        ${pct(items.length ? wellFormed / items.length : 0)}${Object.keys(problems).length ? `  (problems: ${Object.entries(problems).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);
  console.log(`   wh-questions ${pct(items.length ? wh / items.length : 0)}, clozes ${pct(items.length ? 1 - wh / items.length : 0)}`);

  // 4. Sanitizer agreement: every question and every answer linted on its own.
  const effective = resolveConfig(loaded, path.join(repoRoot, 'qa.txt'), registry);
  const rules = activeRulesFor(effective, { registry });
  const byRule = {};
  let flagged = 0;
  let flaggedByContentRules = 0;
  for (const item of items) {
    for (const text of [item.question, item.answer]) {
      const findings = lintDocument(new Document({ text, format: 'text', path: 'qa.txt' }), rules).findings;
      if (findings.length > 0) flagged++;
      if (findings.some((f) => !GUARD_IGNORED_RULES.has(f.ruleId))) flaggedByContentRules++;
      for (const f of new Set(findings.map((x) => x.ruleId))) byRule[f] = (byRule[f] ?? 0) + 1;
    }
  }
  const ruleList = rules.map((r) => r.module.meta.id);
  console.log(`\n4. Sanitizer agreement: ${rules.length} recommended rules (${ruleList.join(', ')}) over ${items.length} questions and ${items.length} answers, each linted on its own`);
  console.log(`   texts with findings from the content rules: ${flaggedByContentRules}`);
  console.log(`   texts with findings from any rule: ${flagged}${flagged ? ` (${Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);
  if (ruleList.some((id) => GUARD_IGNORED_RULES.has(id))) console.log(`   (${[...GUARD_IGNORED_RULES].join(', ')} judges page structure: it flags any standalone short text, so the generator's guard ignores it)`);

  // A one-off speed figure (the benchmark measures it properly).
  const texts = allClean.map((f) => fs.readFileSync(f, 'utf8'));
  const targets = texts.map((t) => eligibleUnits(t, segmentUnits(t), DEFAULT_ELIGIBILITY).eligible.map((u, index) => ({ index, start: u.start, end: u.end })));
  let count = 0;
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    count = 0;
    texts.forEach((t, i) => {
      for (const target of targets[i]) {
        builtinDrafts(t, target).next();
        count++;
      }
    });
    best = Math.max(best, count / ((performance.now() - t0) / 1000));
  }
  fs.rmSync(out, { recursive: true, force: true });
  console.log(`\nSpeed (one-off, not a benchmark): built-in generator ${Math.round(best)} target sentences/s on ${count} targets`);
}
