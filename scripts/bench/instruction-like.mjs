// Micro benchmark: the instruction-like detector's cost against sentence splitting on the same
// texts (the injection dev set, markup-dev's clean article texts, and documentation pages of the
// benchmark corpus when it has been built), as medians over a few repetitions. The sentences are
// split once beforehand, as the rule reads them from the shared document view; the ratios are
// detector time / splitting time, against corpuslint's splitter and against Intl.Segmenter alone
// (the target is at most 2). Times are this process's CPU time, so
// that other processes on a shared machine do not enter the ratio.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuMs, median, repsOf } from './lib/measure.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared', 'data');
const load = (rel) => import(pathToFileURL(path.join(repoRoot, 'dist', rel)).href);

/** Documentation pages of the benchmark corpus (the first files, up to about 3 MB), if it was built. */
function documentationPages(mdDir) {
  if (!mdDir || !fs.existsSync(mdDir)) return [];
  const pages = [];
  let bytes = 0;
  for (const name of fs.readdirSync(mdDir).sort()) {
    if (bytes >= 3 * 1024 * 1024) break;
    const text = fs.readFileSync(path.join(mdDir, name), 'utf8');
    bytes += Buffer.byteLength(text);
    pages.push({ text, group: 'documentation pages' });
  }
  return pages;
}

/** The texts, each with its group: injected and clean dev records, clean article prose, documentation pages. */
function corpusTexts(mdDir) {
  const texts = [];
  const injection = path.join(shared, 'injection-dev.jsonl');
  if (fs.existsSync(injection)) {
    for (const line of fs.readFileSync(injection, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line);
      texts.push({ text: record.text, group: record.label === 'clean' ? 'clean dev records' : 'injected dev records' });
    }
  }
  const markup = path.join(shared, 'markup-dev');
  if (fs.existsSync(markup)) {
    for (const f of fs.readdirSync(markup).filter((n) => n.endsWith('.clean.txt')).sort()) {
      texts.push({ text: fs.readFileSync(path.join(markup, f), 'utf8'), group: 'clean article prose' });
    }
  }
  texts.push(...documentationPages(mdDir));
  return texts;
}

// The reference for "the cost of parsing the same text to sentences" that does not move when
// corpuslint's own splitter gets faster: the platform's UAX #29 segmentation, paragraph by paragraph
// (ICU slows down super-linearly on long runs of text, so a whole page at once would flatter the rule).
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const BLANK_LINE = /\n[ \t]*\n/;

/** Called by scripts/bench.mjs with `{ reps }`, or from the command line with `--reps N`. */
export async function main(options = {}) {
  const reps = repsOf(options);
  const { splitSentences } = await load('document/sentences.js');
  const { detect } = await load('rules/instruction-like/detect.js');
  const { loadModelFile, modelFromFile } = await load('rules/instruction-like/model.js');
  const model = modelFromFile(loadModelFile(pathToFileURL(path.join(repoRoot, 'data', 'instruction-model.json'))));
  const mdDir = !Array.isArray(options) && options.corpus ? options.corpus.mdDir : path.join(repoRoot, 'bench', 'corpus', 'md');
  const all = corpusTexts(mdDir);
  if (all.length === 0) {
    console.log('instruction-like micro bench: no texts under ../shared/data; skipped');
    return;
  }
  const measureGroup = (texts) => {
    const sentences = texts.map((t) => splitSentences(t));
    // Warm up both paths so the JIT has compiled them before timing.
    for (let i = 0; i < 2; i++) {
      for (const t of texts) splitSentences(t);
      texts.forEach((t, k) => detect(t, sentences[k], model));
    }
    const split = [];
    const icu = [];
    const rule = [];
    for (let r = 0; r < reps; r++) {
      split.push(cpuMs(() => { for (const t of texts) splitSentences(t); }));
      icu.push(cpuMs(() => { for (const t of texts) for (const paragraph of t.split(BLANK_LINE)) for (const segment of segmenter.segment(paragraph)) void segment; }));
      rule.push(cpuMs(() => { texts.forEach((t, k) => detect(t, sentences[k], model)); }));
    }
    return { texts: texts.length, chars: texts.reduce((n, t) => n + t.length, 0), splitMs: median(split), icuMs: median(icu), ruleMs: median(rule) };
  };
  const whole = measureGroup(all.map((t) => t.text));
  console.log(`instruction-like micro bench: ${whole.texts} texts, ${(whole.chars / 1e6).toFixed(2)} M chars, ${reps} reps (medians)`);
  console.log(`  splitSentences     ${whole.splitMs.toFixed(1).padStart(8)} ms CPU   (corpuslint's splitter, which the rule reads)`);
  console.log(`  Intl.Segmenter     ${whole.icuMs.toFixed(1).padStart(8)} ms CPU   (the platform's UAX #29 segmentation alone, per paragraph)`);
  console.log(`  instruction-like   ${whole.ruleMs.toFixed(1).padStart(8)} ms CPU`);
  console.log(`  ratio              ${(whole.ruleMs / whole.splitMs).toFixed(2).padStart(8)} x splitSentences, ${(whole.ruleMs / whole.icuMs).toFixed(2)} x Intl.Segmenter   (target <= 2; over the mix of all groups, which depends on the corpus: see each group)`);
  const groups = {};
  for (const name of [...new Set(all.map((t) => t.group))]) {
    const g = measureGroup(all.filter((t) => t.group === name).map((t) => t.text));
    groups[name] = { ...g, ratio: g.ruleMs / g.splitMs, icuRatio: g.ruleMs / g.icuMs };
    console.log(`    ${name.padEnd(22)} ${String(g.texts).padStart(5)} texts ${(g.chars / 1e6).toFixed(2)} M chars  ratio ${(g.ruleMs / g.splitMs).toFixed(2)} x splitSentences, ${(g.ruleMs / g.icuMs).toFixed(2)} x Intl.Segmenter`);
  }
  return { texts: whole.texts, chars: whole.chars, splitMs: whole.splitMs, icuMs: whole.icuMs, ruleMs: whole.ruleMs, ratio: whole.ruleMs / whole.splitMs, icuRatio: whole.ruleMs / whole.icuMs, groups };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
