// The bin must be executable for `npx corpuslint` straight after `npm install`.
import fs from 'node:fs';
const bin = new URL('../dist/cli.js', import.meta.url);
if (fs.existsSync(bin)) fs.chmodSync(bin, 0o755);
