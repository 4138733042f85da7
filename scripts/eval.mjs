#!/usr/bin/env node
// `npm run eval -- <name>`: runs one detector's evaluation on ../shared/data and prints its figures.
// Each evaluation lives in scripts/eval/<name>.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs.readdirSync(path.join(here, 'eval')).filter((f) => f.endsWith('.mjs') && !f.startsWith('_')).map((f) => f.slice(0, -4)).sort();
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run eval -- <${available.join('|')}> [options]`);
  process.exit(2);
}
const mod = await import(pathToFileURL(path.join(here, 'eval', `${name}.mjs`)).href);
await mod.main(process.argv.slice(3));
