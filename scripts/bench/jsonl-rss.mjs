#!/usr/bin/env node
// Peak memory of linting (and fixing) one large JSONL file: the issue #8 check that RSS stays flat
// whatever the file's size. The file is built under the temporary directory by repeating the bench
// JSONL (never in the repository) and removed afterwards unless --keep.
//   node scripts/bench/jsonl-rss.mjs [--size MiB (1024)] [--fix] [--concurrency off|N] [--rule ids] [--keep]
//   npm run bench -- --only jsonl-rss --size 200
// Prints peak RSS (from /usr/bin/time), wall time and the RSS sampled every few seconds against the
// bytes read so far, so growth shows as a slope.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setInterval, clearInterval } from 'node:timers';

const mib = (bytes) => bytes / (1024 * 1024);

/** Repeats `source` until `size` bytes, whole lines only. */
function buildFile(source, target, size) {
  if (fs.existsSync(target) && fs.statSync(target).size >= size) return fs.statSync(target).size;
  const data = fs.readFileSync(source);
  const fd = fs.openSync(target, 'w');
  let written = 0;
  try {
    while (written < size) {
      const room = size - written;
      const piece = room >= data.length ? data : data.subarray(0, data.lastIndexOf(10, room - 1) + 1);
      if (piece.length === 0) break;
      fs.writeSync(fd, piece);
      written += piece.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

function readRss(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const io = fs.readFileSync(`/proc/${pid}/io`, 'utf8');
    return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024, read: Number(/rchar:\s+(\d+)/.exec(io)?.[1] ?? 0) };
  } catch {
    return undefined;
  }
}

/** Runs the CLI under /usr/bin/time, sampling the node process's RSS. */
function measure(cli, args, sampleMs) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data) => (stderr += data));
    const samples = [];
    const timer = setInterval(() => {
      // /usr/bin/time's child is node.
      let pid;
      try {
        pid = Number(fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
      } catch {
        return;
      }
      const sample = pid ? readRss(pid) : undefined;
      if (sample) samples.push({ seconds: (Date.now() - started) / 1000, ...sample });
    }, sampleMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const [seconds, kb] = (stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
      if (!Number.isFinite(seconds)) reject(new Error(`could not time the run: ${stderr.slice(-800)}`));
      else resolve({ status, seconds, peakMiB: kb / 1024, samples, stderr });
    });
  });
}

export async function jsonlRss(options) {
  const { repoRoot, sizeMiB = 1024, fix = false, concurrency = 'off', rules, keep = false, sampleMs = 5000, log = console.log } = options;
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const source = path.join(repoRoot, 'bench', 'corpus', 'records.jsonl');
  if (!fs.existsSync(source)) throw new Error(`jsonl-rss: ${source} is missing (npm run bench builds it)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpuslint-rss-'));
  const file = path.join(os.tmpdir(), `corpuslint-rss-${sizeMiB}.jsonl`);
  try {
    const bytes = buildFile(source, file, sizeMiB * 1024 * 1024);
    const args = ['--no-config-lookup', '--no-ignore', '--concurrency', String(concurrency), '--format', 'json', '--output-file', path.join(work, 'report.json')];
    if (rules) args.push('--rule', rules);
    if (fix) args.push('--fix', '--out-dir', path.join(work, 'out'));
    log(`jsonl-rss: ${mib(bytes).toFixed(0)} MiB JSONL, ${fix ? 'lint + fix (--out-dir)' : 'lint'}, concurrency ${concurrency}${rules ? `, rules ${rules}` : ''}`);
    const result = await measure(cli, [...args, file], sampleMs);
    if (result.status !== 0 && result.status !== 1) throw new Error(`jsonl-rss: corpuslint exited ${result.status}: ${result.stderr.slice(-800)}`);
    const report = fs.statSync(path.join(work, 'report.json')).size;
    for (const s of result.samples.filter((_, i, all) => i % Math.max(1, Math.ceil(all.length / 20)) === 0)) {
      log(`  ${s.seconds.toFixed(0).padStart(6)} s  read ${mib(s.read).toFixed(0).padStart(6)} MiB  rss ${mib(s.rss).toFixed(0).padStart(5)} MiB`);
    }
    // The file is read twice (the corpus pass, then linting): flatness is judged past the first 5% of
    // all reading and past the first 5% of the lint pass.
    for (const [label, from] of [['after 5% of reading', 0.05 * bytes], ['after 5% of the lint pass', 1.05 * bytes]]) {
      const rss = result.samples.filter((s) => s.read >= from).map((s) => mib(s.rss));
      if (rss.length > 0) log(`  RSS ${label}: min ${Math.min(...rss).toFixed(0)} MiB, max ${Math.max(...rss).toFixed(0)} MiB (${rss.length} samples)`);
    }
    log(`  peak RSS ${result.peakMiB.toFixed(0)} MiB, ${result.seconds.toFixed(1)} s (${(mib(bytes) / result.seconds).toFixed(2)} MiB/s), report ${mib(report).toFixed(0)} MiB`);
    return { bytes, fix, concurrency, seconds: result.seconds, peakMiB: result.peakMiB, reportBytes: report, samples: result.samples };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    if (!keep) fs.rmSync(file, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? fallback : args[at + 1];
  };
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  await jsonlRss({ repoRoot, sizeMiB: Number(option('size', '1024')), fix: args.includes('--fix'), concurrency: option('concurrency', 'off'), rules: option('rule', undefined), keep: args.includes('--keep') });
}
