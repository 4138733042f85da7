// Adversarial inputs for every rule: texts built to make regular expressions and scanners backtrack
// or go quadratic. Each rule sees each input at 25, 100 and 400 KB (the fastest of three runs); time
// should grow linearly, so the 400 KB / 100 KB ratio should stay near 4. Called by `npm run bench`.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (rel) => import(pathToFileURL(path.join(repoRoot, 'dist', rel)).href);

const repeatTo = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
export const ADVERSARIAL = {
  'open angle brackets': (n) => repeatTo('<', n),
  'unclosed tags': (n) => repeatTo('<div class="a', n),
  'unclosed comments': (n) => repeatTo('<!--corpuslint-enable x ', n),
  'chat-token shards': (n) => repeatTo('<|im_start', n),
  'entity fragments': (n) => repeatTo('&#x', n),
  'table pipes': (n) => repeatTo('-|-:\t', n),
  'spaces then junk': (n) => `${repeatTo(' ', n - 2)}\u0000x`,
  'blank lines': (n) => repeatTo('\n \n', n),
  'emphasis nesting': (n) => repeatTo('**_', n),
  'link nesting': (n) => repeatTo('[a](', n),
  'base64-like run': (n) => repeatTo('QUJD', n),
  'zero-width run': (n) => repeatTo('a\u200b', n),
  'imperative run-on': (n) => repeatTo('ignore ', n),
  'one long word': (n) => repeatTo('x', n),
  'question marks and quotes': (n) => repeatTo('?" ', n),
};

export async function main() {
  const { Document } = await load('document/document.js');
  const { ruleRegistry } = await load('rules/index.js');
  const { lintDocument } = await load('engine/lint-document.js');
  const { withDefaults } = await load('config/options.js');
  const sizes = [25_000, 100_000, 400_000];
  const results = {};
  let worst = { ratio: 0 };
  for (const format of ['text', 'markdown', 'html']) {
    for (const [id, module] of ruleRegistry) {
      const active = [{ module, severity: 'error', options: withDefaults(module.meta, undefined) }];
      for (const [name, make] of Object.entries(ADVERSARIAL)) {
        const times = sizes.map((size) => {
          const text = make(size);
          const runs = [];
          for (let r = 0; r < 3; r++) {
            const t0 = performance.now();
            lintDocument(new Document({ text, format, path: 'adversarial' }), active);
            runs.push(performance.now() - t0);
          }
          return Math.min(...runs);
        });
        // Ratios of tiny times are timer and GC noise: below 50 ms at 400 KB, growth cannot hurt anyone.
        const ratio = times[2] < 50 ? 1 : times[2] / Math.max(times[1], 0.5);
        results[`${format}/${id}/${name}`] = { ms: times, ratio };
        if (ratio > worst.ratio) worst = { ratio, key: `${format}/${id}/${name}`, ms: times };
      }
    }
  }
  const over = Object.entries(results).filter(([, r]) => r.ratio > 8);
  console.log(`adversarial: ${Object.keys(results).length} (format, rule, input) cases at 25/100/400 KB`);
  console.log(`  worst growth 400 KB / 100 KB: ${worst.ratio.toFixed(1)}x (${worst.key}: ${worst.ms.map((t) => t.toFixed(1)).join(' / ')} ms); linear is 4x`);
  for (const [key, r] of over) console.log(`  SUPERLINEAR ${key}: ${r.ms.map((t) => t.toFixed(1)).join(' / ')} ms (${r.ratio.toFixed(1)}x)`);
  if (over.length === 0) console.log('  no case grows faster than 8x from 100 to 400 KB');
  return { cases: Object.keys(results).length, worst, superlinear: over.map(([key]) => key) };
}
