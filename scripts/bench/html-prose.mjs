// Micro benchmark: the HTML prose view (visible text with a map back to the source) against
// rehype-parse on the same page, at two page sizes. The view must stay linear in the page: a page
// four times longer should cost about four times as much, as parsing does. (Node's 8 MB all.html
// once took 162 s here, when asking the growing text whether it ended in a line break copied it.)
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuMs, median, repsOf } from './lib/measure.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (rel) => import(pathToFileURL(path.join(repoRoot, 'dist', rel)).href);

/** A reference page of `sections` sections, each a heading, two paragraphs and a short list. */
function page(sections) {
  const parts = ['<!doctype html><html><head><title>Reference</title></head><body>'];
  for (let i = 0; i < sections; i++) {
    parts.push(
      `<h2 id="s${i}">Section ${i}</h2>`,
      `<p>The <code>open()</code> call number ${i} returns a handle &amp; an <em>error</em> when the path is missing.</p>`,
      `<div class="note"><p>See <a href="#s${i}">section ${i}</a> for the options it takes.</p></div>`,
      `<ul><li>flags</li><li>mode</li><li>signal</li></ul>`,
    );
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

/** Called by scripts/bench.mjs with `{ reps }`, or from the command line with `--reps N`. */
export async function main(options = {}) {
  const reps = repsOf(options);
  const { Document } = await load('document/document.js');
  const rows = [];
  for (const sections of [5000, 20000]) {
    const html = page(sections);
    const parse = [];
    const prose = [];
    for (let r = 0; r < reps; r++) {
      const document = new Document({ text: html, format: 'html', path: 'page.html' });
      parse.push(cpuMs(() => document.hast));
      prose.push(cpuMs(() => document.prose));
    }
    rows.push({ sections, mb: html.length / 1e6, parseMs: median(parse), proseMs: median(prose) });
  }
  console.log(`HTML prose view micro bench: ${reps} reps (medians of CPU time)`);
  for (const row of rows) {
    console.log(`  ${String(row.sections).padStart(6)} sections ${row.mb.toFixed(2).padStart(5)} MB   rehype-parse ${row.parseMs.toFixed(0).padStart(6)} ms   prose view ${row.proseMs.toFixed(0).padStart(6)} ms   (${(row.proseMs / row.parseMs).toFixed(2)} x parse)`);
  }
  const [small, large] = rows;
  const growth = large.proseMs / small.proseMs;
  console.log(`  prose view cost grows ${growth.toFixed(1)} x for a page ${(large.mb / small.mb).toFixed(1)} x longer (parse: ${(large.parseMs / small.parseMs).toFixed(1)} x)`);
  return { rows, growth, parseGrowth: large.parseMs / small.parseMs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
