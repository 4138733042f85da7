// Small Markdown builders that stay correct whatever the rule text contains (backticks, pipes, line breaks).

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

export function inlineCode(text: string): string {
  const ticks = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

export function codeBlock(text: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${language}\n${body}${fence}`;
}

/** Rule text is Markdown already; only what would break the table row is escaped. */
export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// Characters a reader cannot see in a rendered page (controls, format characters such as
// zero-width spaces and bidi overrides), so examples that contain them are also shown escaped.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\udb40][\udc00-\udc7f]/;

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The text as a JSON string literal with every invisible character written as `\uXXXX`. */
export function visibleLiteral(text: string): string {
  const escapeUnits = (match: string) => Array.from({ length: match.length }, (_, i) => `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  return JSON.stringify(text).replace(new RegExp(INVISIBLE.source, 'g'), escapeUnits);
}
