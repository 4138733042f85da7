// What the in-process micro benchmarks share: a median, this process's CPU time for a call, and
// the repetition count from scripts/bench.mjs's options or from `--reps N` on the command line.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds of CPU time (user and system) that `fn` took in this process: other processes on a shared machine do not count. */
export function cpuMs(fn) {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** At least 3 repetitions: `options.reps` when scripts/bench.mjs passes an object, `--reps N` when `options` is argv, else 5. */
export function repsOf(options) {
  const argv = Array.isArray(options) ? options : [];
  const at = argv.indexOf('--reps');
  const asked = !Array.isArray(options) && options.reps ? options.reps : at >= 0 ? argv[at + 1] : 5;
  return Math.max(3, Number(asked) || 5);
}
