// npm run eval -- injection
// Lints ../shared/data/injection-dev.jsonl with instruction-like alone through the CLI, fixes it
// into a temporary folder, and scores both with ../shared/scripts/score-spans.mjs. In the same run
// it scores @andersmyrmel/vard (moderate preset, threat positions as spans, the spans removed as
// its "fix") with the same scorer, and prints the two side by side, then the leave-one-source-out
// figures recorded in data/instruction-model.json by scripts/train-instruction.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, requireBuild, requireShared, runCli, runNode, sharedScripts, tempDir } from './_common.mjs';
import { articlePages, documentationPages } from '../doc-pages.mjs';

function findFile(dir, name) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = findFile(full, name);
      if (inner) return inner;
    } else if (entry.name === name) return full;
  }
  return undefined;
}

function removeRanges(text, ranges) {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of sorted) {
    if (e <= at) continue;
    out += text.slice(at, Math.max(at, s));
    at = Math.max(at, e);
  }
  return out + text.slice(at);
}

/** vard as the issue sets it up: the moderate preset, with no length limit in the way. */
let vardGuardPromise;
/** vard's moderate guard, built once for every figure that compares with it. */
function vardGuard() {
  vardGuardPromise ??= import('@andersmyrmel/vard').then(({ vard }) => vard.moderate().maxLength(1e7));
  return vardGuardPromise;
}

async function vardReport(records, dir) {
  const guard = await vardGuard();
  const findings = [];
  const fixed = [];
  records.forEach((record, index) => {
    const result = guard.safeParse(record.text);
    const spans = result.safe ? [] : (result.threats ?? []).map((t) => [t.position, Math.min(record.text.length, t.position + t.match.length)]);
    for (const [start, end] of spans) {
      findings.push({ ruleId: 'vard', messageId: 'threat', severity: 'error', message: 'vard threat', start, end, record: { index, line: index + 1 } });
    }
    fixed.push(JSON.stringify({ ...record, text: removeRanges(record.text, spans) }));
  });
  const report = path.join(dir, 'vard-report.json');
  fs.writeFileSync(report, JSON.stringify({ version: 1, files: [{ path: 'injection-dev.jsonl', findings }] }));
  const fixedPath = path.join(dir, 'vard-fixed.jsonl');
  fs.writeFileSync(fixedPath, `${fixed.join('\n')}\n`);
  return { report, fixedPath };
}

const pct = (x) => (x === null || x === undefined ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);

export async function main() {
  requireBuild();
  const set = requireShared('injection-dev.jsonl');
  const scorer = path.join(sharedScripts, 'score-spans.mjs');
  const dir = tempDir('injection');
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { 'instruction-like': 'error' } }));
  const report = path.join(dir, 'report.json');
  const outDir = path.join(dir, 'fixed');

  runCli(['--config', config, '--format', 'json', '--output-file', report, set], { cwd: repoRoot });
  runCli(['--config', config, '--fix', '--out-dir', outDir, set], { cwd: repoRoot });
  const fixed = findFile(outDir, path.basename(set));
  if (!fixed) throw new Error(`the fix wrote no ${path.basename(set)} under ${outDir}`);

  const oursJson = path.join(dir, 'ours.json');
  console.log('== corpuslint instruction-like ==');
  console.log(runNode(scorer, ['--set', set, '--report', report, '--rules', 'instruction-like', '--fixed', fixed, '--json', oursJson]));

  const records = fs.readFileSync(set, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const vard = await vardReport(records, dir);
  const vardJson = path.join(dir, 'vard.json');
  console.log('== @andersmyrmel/vard (moderate, maxLength 1e7; its spans removed as the fix) ==');
  console.log(runNode(scorer, ['--set', set, '--report', vard.report, '--rules', 'vard', '--fixed', vard.fixedPath, '--json', vardJson]));

  const ours = JSON.parse(fs.readFileSync(oursJson, 'utf8'));
  const theirs = JSON.parse(fs.readFileSync(vardJson, 'utf8'));
  const rows = [
    ['doc recall', 'docRecall'], ['doc FPR', 'docFPR'], ['span recall', 'spanRecall'], ['char recall', 'charRecall'],
    ['char precision', 'charPrecision'], ['clean retained', 'cleanRetained'], ['gold removed', 'goldRemoved'], ['spans neutralized', 'spansNeutralized'],
  ];
  console.log('== side by side ==');
  console.log(`  ${'metric'.padEnd(26)} instruction-like    vard`);
  for (const [label, key] of rows) console.log(`  ${label.padEnd(26)} ${pct(ours[key]).padStart(16)}  ${pct(theirs[key]).padStart(6)}`);
  const categories = [...new Set([...Object.keys(ours.byCategory), ...Object.keys(theirs.byCategory)])].sort();
  console.log('  doc recall by category');
  for (const c of categories) console.log(`    ${c.padEnd(24)} ${pct(ours.byCategory[c]).padStart(16)}  ${pct(theirs.byCategory[c]).padStart(6)}`);

  const bars = [
    ['span recall >= 85%', ours.spanRecall >= 0.85], ['doc FPR <= 2%', ours.docFPR <= 0.02],
    ['clean retained >= 99%', ours.cleanRetained >= 0.99], ['gold removed >= 85%', ours.goldRemoved >= 0.85],
    ['every category >= 60% doc recall', Object.values(ours.byCategory).every((v) => v >= 0.6)], ['fix is removal-only', ours.notRemoval === 0],
  ];
  console.log('== bars ==');
  for (const [label, ok] of bars) console.log(`  ${ok ? 'pass' : 'FAIL'}  ${label}`);

  const model = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'instruction-model.json'), 'utf8'));
  const loso = model.notes?.leaveOneSourceOut ?? [];
  if (loso.length) {
    console.log('== leave-one-source-out (recorded by scripts/train-instruction.mjs; in-process, same detector) ==');
    console.log(`  ${'held-out family'.padEnd(34)} doc-rec  doc-FPR  span-rec  clean-kept`);
    for (const r of loso) console.log(`  ${r.family.padEnd(34)} ${pct(r.docRecall)}  ${pct(r.docFPR)}   ${pct(r.spanRecall)}    ${pct(r.cleanKept)}`);
  }
  standaloneFigures(records, config, dir, await vardGuard());
  // Both held-out sets are read once: the clean figures and the injected-carrier figures share them.
  const pages = documentationPages(repoRoot).filter((p) => p.half === 'test');
  const articles = articlePages(repoRoot);
  await documentationFigures(pages, config, dir);
  await articleFigures(articles, config, dir);
  await unseenCarrierFigures(records, pages, articles, config, dir);
  console.log(`\nreports and fixed output in ${dir}`);
}

/**
 * The dev set's injections and clean text without carriers, one record each: every gold span as a
 * record of its own (a corpus of short records, such as instruction data, holds injections that
 * way), and every paragraph of a clean record (20 characters or more) as a record of its own.
 */
function standaloneFigures(records, config, dir, guard) {
  const injected = records.filter((r) => r.label !== 'clean').flatMap((r) => r.spans.map(([s, e]) => ({ text: r.text.slice(s, e), category: r.category })));
  const clean = records.filter((r) => r.label === 'clean').flatMap((r) => r.text.split(/\n[ \t]*\n/).filter((p) => p.trim().length >= 20).map((text) => ({ text })));
  const flagged = (list, name) => {
    const file = path.join(dir, `${name}.jsonl`);
    fs.writeFileSync(file, list.map((r) => JSON.stringify({ text: r.text })).join('\n') + '\n');
    const report = path.join(dir, `${name}-report.json`);
    runCli(['--config', config, '--format', 'json', '--output-file', report, file], { cwd: repoRoot });
    return new Set(JSON.parse(fs.readFileSync(report, 'utf8')).files[0].findings.map((f) => f.record.index));
  };
  const ours = flagged(injected, 'alone-injected');
  const oursClean = flagged(clean, 'alone-clean');
  const vardHit = (r) => !guard.safeParse(r.text).safe;
  console.log(`== without carriers (each injected span, or each clean paragraph, as a record of its own) ==`);
  console.log(`  ${'metric'.padEnd(26)} instruction-like    vard`);
  console.log(`  ${'injected spans flagged'.padEnd(26)} ${pct(ours.size / injected.length).padStart(16)}  ${pct(injected.filter(vardHit).length / injected.length).padStart(6)}   of ${injected.length}`);
  console.log(`  ${'clean paragraphs flagged'.padEnd(26)} ${pct(oursClean.size / clean.length).padStart(16)}  ${pct(clean.filter(vardHit).length / clean.length).padStart(6)}   of ${clean.length}`);
  for (const c of [...new Set(injected.map((r) => r.category))].sort()) {
    const of = injected.map((r, i) => [r, i]).filter(([r]) => r.category === c);
    console.log(`    ${c.padEnd(24)} ${pct(of.filter(([, i]) => ours.has(i)).length / of.length).padStart(16)}  ${pct(of.filter(([r]) => vardHit(r)).length / of.length).padStart(6)}`);
  }
}

/**
 * Clean documentation, held out from training: the npm packages' Markdown pages of the half the
 * trainer never reads (scripts/doc-pages.mjs), linted through the CLI as Markdown files. Every
 * flagged page is a false positive on imperative prose written for people.
 */
async function documentationFigures(pages, config, dir) {
  if (pages.length === 0) {
    console.log('== documentation pages: none (node_modules is not installed) ==');
    return;
  }
  const report = path.join(dir, 'documentation-report.json');
  runCli(['--config', config, '--no-ignore', '--format', 'json', '--output-file', report, ...pages.map((p) => p.file)], { cwd: repoRoot });
  const files = JSON.parse(fs.readFileSync(report, 'utf8')).files;
  const flaggedFiles = files.filter((f) => f.findings.some((x) => x.ruleId === 'instruction-like'));
  let flaggedChars = 0;
  for (const f of flaggedFiles) for (const x of f.findings) if (x.ruleId === 'instruction-like') flaggedChars += x.end - x.start;
  const chars = pages.reduce((n, p) => n + p.text.length, 0);
  const guard = await vardGuard();
  const vardFlagged = pages.filter((p) => !guard.safeParse(p.text).safe).length;
  const packages = new Set(pages.map((p) => p.package)).size;
  console.log(`== documentation pages held out from training (${pages.length} Markdown pages of ${packages} npm packages, presumed clean) ==`);
  console.log(`  pages flagged              instruction-like ${pct(flaggedFiles.length / pages.length)}   vard ${pct(vardFlagged / pages.length)}`);
  console.log(`  characters flagged         instruction-like ${pct(flaggedChars / chars)}`);
}

/**
 * Web prose that no training step reads: markup-dev's ground-truth article texts (news, blogs, shop
 * pages), and the same pages whole through turndown (menus, link lists, forms), linted through the
 * CLI. Every flagged text is a false positive on rhetorical and interview questions, quoted speech,
 * first-person narrative or page furniture.
 */
async function articleFigures(articles, config, dir) {
  if (articles.length === 0) {
    console.log('== article texts: none (../shared/data/markup-dev is missing) ==');
    return;
  }
  const guard = await vardGuard();
  console.log(`== web pages held out from training (${articles.length} markup-dev pages, presumed clean) ==`);
  for (const [label, suffix] of [['article text (clean.txt)', '.clean.txt'], ['whole page (poor.md)', '.poor.md']]) {
    const files = articles.map((p) => p.file.slice(0, -'.clean.txt'.length) + suffix);
    const report = path.join(dir, `articles${suffix}-report.json`);
    runCli(['--config', config, '--no-ignore', '--format', 'json', '--output-file', report, ...files], { cwd: repoRoot });
    const flagged = JSON.parse(fs.readFileSync(report, 'utf8')).files.filter((f) => f.findings.some((x) => x.ruleId === 'instruction-like')).length;
    const vardFlagged = files.filter((file) => !guard.safeParse(fs.readFileSync(file, 'utf8')).safe).length;
    console.log(`  ${label.padEnd(26)} instruction-like ${pct(flagged / files.length)}   vard ${pct(vardFlagged / files.length)}`);
  }
}

/**
 * The dev set's injections in carriers that no training step reads: each injected span becomes a
 * paragraph of its own at the start, middle or end of a held-out text (a markup-dev article, or a
 * documentation page of the test half, in turn). The injection's words were seen in training; the
 * text around them was not, which is what a corpus from another source changes.
 */
async function unseenCarrierFigures(records, pages, articles, config, dir) {
  const carriers = [
    ...articles.map((p) => ({ kind: 'article', text: p.text })),
    ...pages.map((p) => ({ kind: 'documentation page', text: p.text })),
  ];
  if (carriers.length === 0) return;
  const spans = records.filter((r) => r.label !== 'clean').flatMap((r) => r.spans.map(([s, e]) => r.text.slice(s, e).trim())).filter(Boolean);
  const built = spans.map((span, i) => {
    const carrier = carriers[(i * 7) % carriers.length];
    const paragraphs = carrier.text.split(/\n[ \t]*\n/);
    const at = [0, paragraphs.length >> 1, paragraphs.length][i % 3];
    const before = paragraphs.slice(0, at).join('\n\n');
    const start = before.length + (at > 0 ? 2 : 0);
    const text = [...paragraphs.slice(0, at), span, ...paragraphs.slice(at)].join('\n\n');
    return { text, gold: [start, start + span.length], kind: carrier.kind };
  });
  const file = path.join(dir, 'unseen-carriers.jsonl');
  fs.writeFileSync(file, built.map((r) => JSON.stringify({ text: r.text })).join('\n') + '\n');
  const report = path.join(dir, 'unseen-carriers-report.json');
  runCli(['--config', config, '--format', 'json', '--output-file', report, file], { cwd: repoRoot });
  const found = built.map(() => false);
  const outside = built.map(() => false);
  for (const f of JSON.parse(fs.readFileSync(report, 'utf8')).files[0].findings) {
    const [s, e] = built[f.record.index].gold;
    if (f.start < e && s < f.end) found[f.record.index] = true;
    else outside[f.record.index] = true;
  }
  console.log(`== injections in held-out carriers (each of ${built.length} injected spans as a paragraph of an article or a documentation page) ==`);
  for (const kind of ['article', 'documentation page']) {
    const of = built.map((r, i) => [r, i]).filter(([r]) => r.kind === kind).map(([, i]) => i);
    if (of.length === 0) continue;
    const share = (flags) => pct(of.filter((i) => flags[i]).length / of.length);
    console.log(`  in ${`${kind}s`.padEnd(22)} span found ${share(found)}   carrier flagged elsewhere ${share(outside)}   (${of.length})`);
  }
}
