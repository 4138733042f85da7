// Message templates are few and findings many: each template is split into its literal pieces and
// placeholder names once, so filling one is a join, not a regex replace with a callback.
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

interface CompiledTemplate {
  /** Literal text around the placeholders: one more piece than there are names. */
  pieces: string[];
  names: string[];
  /** Each placeholder as written, kept when its value is missing. */
  wholes: string[];
}

const compiled = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  const result: CompiledTemplate = { pieces: [], names: [], wholes: [] };
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    result.pieces.push(template.slice(last, match.index));
    result.names.push(match[1]);
    result.wholes.push(match[0]);
    last = match.index + match[0].length;
  }
  result.pieces.push(template.slice(last));
  return result;
}

/** Fills `{{name}}` placeholders in a message template; a placeholder without a value stays as written. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = compile(template);
    // Templates come from rule metadata; a bound keeps a rule that builds them dynamically from growing the map.
    if (compiled.size < 10_000) compiled.set(template, parts);
  }
  if (parts.names.length === 0) return template;
  let out = parts.pieces[0];
  for (let i = 0; i < parts.names.length; i++) {
    const name = parts.names[i];
    out += (data && name in data ? String(data[name]) : parts.wholes[i]) + parts.pieces[i + 1];
  }
  return out;
}
