// Messages and paths quote corpus text, which is untrusted: a raw ESC could recolour or rewrite the
// terminal, a CR could overwrite the line before it, a bidi override could reorder what a reviewer reads.

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, line/paragraph separators, BOM, lone surrogates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Renders every terminal-unsafe character as a visible escape (`\u001b`, `\n`, ...). */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Like escapeForTerminal, but keeps the characters in `keep` (e.g. newlines a format escapes its own way). */
export function escapeExcept(text: string, keep: string): string {
  return text.replace(UNSAFE, (char) => (keep.includes(char) ? char : visible(char)));
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
