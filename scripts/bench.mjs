#!/usr/bin/env node
// `npm run bench`: whole-process speed and peak memory, as medians over alternating runs, with ratios
// against markdownlint-cli2 measured in the same run. Shared machines are noisy: compare the ratios.
//   --reps N (default 3)   --only markdown,jsonl,micro
//   --only jsonl-rss [--size MiB] [--fix] [--concurrency N]: peak RSS over one large JSONL (not in the default set)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './bench/corpus.mjs';
import { jsonlRss } from './bench/jsonl-rss.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const markdownlint = path.join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const reps = Number(option('reps', '3'));
const only = new Set(option('only', 'markdown,jsonl,micro').split(','));

if (!fs.existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first.');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs a command under /usr/bin/time; returns wall seconds, CPU seconds (user and system, all of
 * the process's threads: V8's compiler and GC threads work beside the lint threads) and peak RSS in MiB.
 */
function measure(command, commandArgs, cwd) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb, user, system] = last.split(' ').map(Number);
  if (!Number.isFinite(seconds)) throw new Error(`could not time ${command} ${commandArgs.join(' ')}: ${result.stderr.slice(-500)}`);
  return { seconds, cpuSeconds: user + system, rssMiB: kb / 1024, status: result.status };
}

const mb = (bytes) => bytes / (1024 * 1024);

/** A timed run that lints nothing measures nothing: check once that the report covers the corpus. */
function assertCovers(args, cwd, expect) {
  const out = path.join(repoRoot, 'bench', 'check.json');
  spawnSync(process.execPath, [cli, '--no-config-lookup', '--no-ignore', '--format', 'json', '--output-file', out, ...args], { cwd, encoding: 'utf8' });
  const summary = JSON.parse(fs.readFileSync(out, 'utf8')).summary;
  fs.rmSync(out, { force: true });
  for (const [key, want] of Object.entries(expect)) {
    if (summary[key] !== want) throw new Error(`bench: corpuslint ${args.join(' ')} reported ${key} ${summary[key]}, expected ${want}`);
  }
}
const results = {};
const corpus = buildCorpus(repoRoot);
console.log(`corpus: ${corpus.markdownFiles} Markdown files, ${mb(corpus.markdownBytes).toFixed(1)} MB; JSONL ${mb(corpus.jsonlBytes).toFixed(1)} MB, ${corpus.records} records`);

if (only.has('markdown')) {
  assertCovers(['md'], path.dirname(corpus.mdDir), { files: corpus.markdownFiles });
  const runs = { corpuslint: [], corpuslint1: [], markdownlint: [] };
  for (let rep = 0; rep < reps; rep++) {
    // Alternate the tools so drifting load on the machine hits both alike.
    runs.markdownlint.push(measure(process.execPath, [markdownlint, 'md/**/*.md'], path.dirname(corpus.mdDir)));
    runs.corpuslint.push(measure(process.execPath, [cli, '--no-config-lookup', '--no-ignore', '--format', 'json', '--output-file', '/dev/null', 'md'], path.dirname(corpus.mdDir)));
    runs.corpuslint1.push(measure(process.execPath, [cli, '--no-config-lookup', '--no-ignore', '--concurrency', 'off', '--format', 'json', '--output-file', '/dev/null', 'md'], path.dirname(corpus.mdDir)));
    console.log(`  rep ${rep + 1}: markdownlint-cli2 ${runs.markdownlint.at(-1).seconds}s, corpuslint ${runs.corpuslint.at(-1).seconds}s, corpuslint (1 thread) ${runs.corpuslint1.at(-1).seconds}s`);
  }
  const summary = Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, { seconds: median(list.map((r) => r.seconds)), rssMiB: median(list.map((r) => r.rssMiB)), mbPerSecond: mb(corpus.markdownBytes) / median(list.map((r) => r.seconds)) }]));
  results.markdown = { ...summary, ratio: summary.markdownlint.seconds / summary.corpuslint.seconds, ratioOneThread: summary.markdownlint.seconds / summary.corpuslint1.seconds };
  console.log('Markdown (median of %d):', reps);
  for (const [name, s] of Object.entries(summary)) console.log(`  ${name.padEnd(14)} ${s.seconds.toFixed(2)} s  ${s.mbPerSecond.toFixed(2)} MB/s  peak ${s.rssMiB.toFixed(0)} MiB`);
  console.log(`  corpuslint/markdownlint-cli2 throughput: ${results.markdown.ratio.toFixed(2)}x (all cores), ${results.markdown.ratioOneThread.toFixed(2)}x (one thread)`);
}

if (only.has('jsonl')) {
  assertCovers([corpus.jsonl], repoRoot, { records: corpus.records });
  const runs = { off: [], two: [] };
  for (let rep = 0; rep < reps; rep++) {
    runs.off.push(measure(process.execPath, [cli, '--no-config-lookup', '--no-ignore', '--concurrency', 'off', '--format', 'json', '--output-file', '/dev/null', corpus.jsonl], repoRoot));
    runs.two.push(measure(process.execPath, [cli, '--no-config-lookup', '--no-ignore', '--concurrency', '2', '--format', 'json', '--output-file', '/dev/null', corpus.jsonl], repoRoot));
    console.log(`  rep ${rep + 1}: JSONL 1 thread ${runs.off.at(-1).seconds}s, 2 threads ${runs.two.at(-1).seconds}s`);
  }
  // Throughput per core is the data over the CPU time the whole process used.
  const s = (list) => {
    const cpuSeconds = median(list.map((r) => r.cpuSeconds));
    return { seconds: median(list.map((r) => r.seconds)), cpuSeconds, rssMiB: median(list.map((r) => r.rssMiB)), mbPerSecond: mb(corpus.jsonlBytes) / median(list.map((r) => r.seconds)), mbPerCpuSecond: mb(corpus.jsonlBytes) / cpuSeconds };
  };
  results.jsonl = { oneThread: s(runs.off), twoThreads: s(runs.two) };
  console.log('JSONL, all default rules (median of %d):', reps);
  for (const [label, r] of [['1 thread ', results.jsonl.oneThread], ['2 threads', results.jsonl.twoThreads]]) {
    console.log(`  ${label}  ${r.seconds.toFixed(2)} s  ${r.mbPerSecond.toFixed(2)} MB/s  peak ${r.rssMiB.toFixed(0)} MiB;  CPU ${r.cpuSeconds.toFixed(1)} s, ${r.mbPerCpuSecond.toFixed(2)} MB per CPU second (per core; target 10)`);
  }
}

if (only.has('micro')) {
  // In-process micro benchmarks that other parts register under scripts/bench/*.mjs (each exports main()).
  for (const file of fs.readdirSync(path.join(repoRoot, 'scripts', 'bench')).filter((f) => f.endsWith('.mjs') && f !== 'corpus.mjs' && f !== 'jsonl-rss.mjs').sort()) {
    console.log(`\n== ${file}`);
    const mod = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'bench', file)).href);
    results[file.replace(/\.mjs$/, '')] = await mod.main({ corpus, reps });
  }
}

if (only.has('jsonl-rss')) {
  const fix = args.includes('--fix');
  const run = await jsonlRss({ repoRoot, sizeMiB: Number(option('size', '1024')), fix, concurrency: option('concurrency', 'off') });
  results.jsonlRss = { ...run, samples: run.samples.map(({ seconds, rss, read }) => [seconds, rss, read]) };
}

fs.mkdirSync(path.join(repoRoot, 'bench'), { recursive: true });
const resultsFile = path.join(repoRoot, 'bench', `results-${[...only].join('-')}.json`);
fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${path.relative(repoRoot, resultsFile)}`);
