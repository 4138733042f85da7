// A small declarative argument parser. node:util parseArgs on Node 20 has no `--no-x` negation,
// and a linter's users expect ESLint's flags, so the CLI declares its own.

export interface FlagSpec {
  type: 'boolean' | 'string' | 'number';
  alias?: string;
  /** A string flag that may repeat; values collect into an array. */
  multiple?: boolean;
  /** A boolean whose `--no-<name>` form sets it false. */
  negatable?: boolean;
  description: string;
  valueName?: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

export interface ParsedArgs {
  flags: Record<string, string | number | boolean | string[] | undefined>;
  positionals: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[], specs: FlagSpecs): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  const byAlias = new Map(Object.entries(specs).filter(([, s]) => s.alias).map(([name, s]) => [s.alias!, name]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const alias = arg.slice(1);
      const resolved = byAlias.get(alias);
      if (!resolved) throw new UsageError(`Unknown option '${arg}'. Run with --help for the list of options.`);
      name = resolved;
    }
    let spec = specs[name];
    if (!spec && name.startsWith('no-') && specs[name.slice(3)]?.negatable) {
      if (inline !== undefined) throw new UsageError(`Option '--${name}' takes no value.`);
      flags[name.slice(3)] = false;
      continue;
    }
    if (!spec) throw new UsageError(`Unknown option '--${name}'. Run with --help for the list of options.`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`Option '--${name}' takes no value.`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`Option '--${name}' needs a value${spec.valueName ? ` (${spec.valueName})` : ''}.`);
    if (spec.type === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`Option '--${name}' needs a number, got '${value}'.`);
      flags[name] = n;
    } else if (spec.multiple) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(value);
      flags[name] = list;
    } else flags[name] = value;
    spec = specs[name];
  }
  return { flags, positionals };
}

export function renderHelp(usage: string, specs: FlagSpecs, sections?: Record<string, string[]>): string {
  const lines = [usage, ''];
  const groups = sections ?? { Options: Object.keys(specs) };
  for (const [title, names] of Object.entries(groups)) {
    lines.push(`${title}:`);
    for (const name of names) {
      const spec = specs[name];
      if (!spec) continue;
      const value = spec.type === 'boolean' ? '' : ` ${spec.valueName ?? (spec.type === 'number' ? 'Int' : 'String')}`;
      const left = `  ${spec.alias ? `-${spec.alias}, ` : ''}--${spec.negatable ? `[no-]` : ''}${name}${value}`;
      lines.push(`${left.padEnd(38)} ${spec.description}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
