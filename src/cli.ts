#!/usr/bin/env node
// corpuslint's executable. It sets V8's compiler budget before any other module is loaded (static
// imports would be compiled first), then runs the command line (src/cli/main.ts).
import { setFlagsFromString } from 'node:v8';

// TurboFan inlines up to 920 bytes of bytecode into each optimised function by default. The
// rules' large scanning functions make it compile long: on a 20 MB JSONL run, V8's background
// compiler threads used about 6 s of CPU beside 10.6 s on the main thread, and with two lint
// threads (two isolates, each compiling everything) 10 s beside 12.8 s. A budget of 200 cuts
// that compile time by about a third with no loss on the lint threads (scripts/bench.mjs, and the
// note of the commit that set it). The flag is process-wide, so worker threads share it.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

await import('./cli/main.js');
