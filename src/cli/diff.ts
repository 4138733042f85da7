// Unified diffs for `--diff`: Myers' O(ND) line diff, grouped into hunks with three lines of context.

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitKeepingEnds(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  const last = lines.pop()!;
  const out = lines.map((l) => `${l}\n`);
  if (last !== '') out.push(last);
  return out;
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, max, d);
    }
  }
  return [];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], max: number, dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
    const prevX = v[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x] });
    y--;
  }
  return ops.reverse();
}

function render(op: Op): string {
  const body = op.line.endsWith('\n') ? op.line : `${op.line}\n\\ No newline at end of file\n`;
  return `${op.kind}${body}`;
}

/** A unified diff of two texts, or '' when they are equal. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitKeepingEnds(oldText);
  const b = splitKeepingEnds(newText);
  // Trim the common prefix and suffix first: fixes touch few lines of large files.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  const ops: Op[] = [...a.slice(0, prefix).map((line) => ({ kind: ' ' as const, line })), ...middle, ...a.slice(a.length - suffix).map((line) => ({ kind: ' ' as const, line }))];
  const out = [`--- ${oldName}\n`, `+++ ${newName}\n`];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      oldLine++;
      newLine++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    let lastChange = i;
    while (end < ops.length && end - lastChange <= 2 * context) {
      if (ops[end].kind !== ' ') lastChange = end;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    const lead = i - start;
    const hunkOldStart = oldLine - lead;
    const hunkNewStart = newLine - lead;
    let oldCount = 0;
    let newCount = 0;
    const body: string[] = [];
    for (let k = start; k < end; k++) {
      const op = ops[k];
      if (op.kind !== '+') oldCount++;
      if (op.kind !== '-') newCount++;
      body.push(render(op));
    }
    for (let k = i; k < end; k++) {
      if (ops[k].kind !== '+') oldLine++;
      if (ops[k].kind !== '-') newLine++;
    }
    out.push(`@@ -${oldCount === 0 ? hunkOldStart - 1 : hunkOldStart},${oldCount} +${newCount === 0 ? hunkNewStart - 1 : hunkNewStart},${newCount} @@\n`, ...body);
    i = end;
  }
  return out.join('');
}
