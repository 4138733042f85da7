import type { FlagSpecs } from './args.js';

export const LINT_FLAGS: FlagSpecs = {
  config: { type: 'string', alias: 'c', valueName: 'path::String', description: 'Use this configuration file, overriding config lookup' },
  'config-lookup': { type: 'boolean', negatable: true, description: 'Look for config files (--no-config-lookup ignores them, for untrusted checkouts)' },
  'print-config': { type: 'string', valueName: 'path::String', description: 'Print the configuration that applies to the given file' },
  'ignore-pattern': { type: 'string', multiple: true, valueName: 'Pattern', description: 'Pattern of files to ignore (in addition to .corpuslintignore)' },
  ignore: { type: 'boolean', negatable: true, description: 'Disable use of ignore files and patterns (--no-ignore)' },
  stdin: { type: 'boolean', description: 'Lint text provided on <STDIN>' },
  'stdin-filename': { type: 'string', valueName: 'String', description: 'Name of the file read from STDIN; its extension decides the format' },
  format: { type: 'string', alias: 'f', valueName: 'String', description: 'Output format: stylish, json, sarif, github, junit, compact, html' },
  'output-file': { type: 'string', alias: 'o', valueName: 'path::String', description: 'Write the report to this file' },
  'report-qa': { type: 'string', multiple: true, valueName: 'path::String', description: 'With --format html: the QA JSONL and/or JSON summary of `corpuslint generate`, for QA coverage' },
  init: { type: 'boolean', description: 'Write a starter .corpuslintrc.json, picking the JSONL text field by sampling the given files' },
  quiet: { type: 'boolean', description: 'Report errors only' },
  'max-warnings': { type: 'number', valueName: 'Int', description: 'Number of warnings to trigger nonzero exit code' },
  color: { type: 'boolean', negatable: true, description: 'Force enabling/disabling of color' },
  fix: { type: 'boolean', description: 'Remove flagged spans in place (safe fixes only)' },
  'fix-dry-run': { type: 'boolean', description: 'Compute fixes without writing them; json output includes the fixed text' },
  diff: { type: 'boolean', description: 'Print a unified diff of the fixes instead of writing them' },
  'out-dir': { type: 'string', valueName: 'path::String', description: 'With --fix: write fixed copies under this directory, leaving inputs untouched' },
  'unsafe-fixes': { type: 'boolean', description: 'Also apply fixes that rules mark unsafe' },
  'fix-stdout': { type: 'boolean', description: 'With --stdin: write the fixed text to stdout (the report goes to --output-file only)' },
  'exit-non-zero-on-fix': { type: 'boolean', description: 'Exit with 1 when --fix changed any file' },
  'suppress-all': { type: 'boolean', description: 'Suppress all current error findings in the suppressions file' },
  'suppress-rule': { type: 'string', multiple: true, valueName: 'id', description: 'Suppress current error findings of this rule (repeatable)' },
  'suppressions-location': { type: 'string', valueName: 'path::String', description: 'Suppressions file (default: corpuslint-suppressions.json)' },
  'prune-suppressions': { type: 'boolean', description: 'Remove suppressions that no longer match any finding' },
  'pass-on-unpruned-suppressions': { type: 'boolean', description: 'Do not exit 2 when unused suppressions remain' },
  concurrency: { type: 'string', valueName: 'off|auto|N', description: 'Worker threads: auto (default: all cores when the input is large enough to pay, 50 files or 10 MB), off, or a number' },
  cache: { type: 'boolean', description: 'Only lint files that changed since the last run (keyed by content, config and version)' },
  'cache-location': { type: 'string', valueName: 'path::String', description: 'Where the cache lives (default: .corpuslintcache)' },
  progress: { type: 'boolean', negatable: true, description: 'Progress bar on stderr for long runs (only when stderr is a terminal)' },
  shard: { type: 'string', valueName: 'K/N', description: 'Lint only the K-th of N deterministic partitions of the inputs (1-based)' },
  rule: { type: 'string', multiple: true, valueName: 'id[:severity]', description: 'Run only these rules (repeatable), at the given severity or their configured one' },
  help: { type: 'boolean', alias: 'h', description: 'Show help' },
  version: { type: 'boolean', alias: 'v', description: 'Output the version number' },
};

export const HELP_SECTIONS: Record<string, string[]> = {
  'Basic configuration': ['config', 'config-lookup', 'print-config', 'rule'],
  'Ignoring files': ['ignore-pattern', 'ignore'],
  Input: ['stdin', 'stdin-filename'],
  Output: ['format', 'output-file', 'color', 'report-qa'],
  'Handling warnings': ['quiet', 'max-warnings'],
  Fixing: ['fix', 'fix-dry-run', 'diff', 'out-dir', 'unsafe-fixes', 'fix-stdout', 'exit-non-zero-on-fix'],
  Suppressions: ['suppress-all', 'suppress-rule', 'suppressions-location', 'prune-suppressions', 'pass-on-unpruned-suppressions'],
  Scale: ['concurrency', 'cache', 'cache-location', 'progress', 'shard'],
  Miscellaneous: ['init', 'help', 'version'],
};

export const USAGE = `corpuslint [options] [file|dir|glob]*
corpuslint stats [options] [file|dir|glob]*
corpuslint generate [options] [file|dir|glob]* --out qa.jsonl

Lints LLM training corpora (Markdown, HTML, text, JSONL; also .gz) for instruction-like spans,
spoofed chat-template tokens, leftover markup, boilerplate and salience skew.
Exit codes: 0 clean, 1 problems found, 2 usage, configuration or internal error.`;
