// Inline directives in Markdown and HTML comments. Corpus text is untrusted: a document could
// switch off the very rule that would catch it, so the engine calls this only under
// `allowInlineConfig: true`.
import type { Document } from '../document/document.js';
import type { Finding } from '../types.js';

const DIRECTIVE_BODY = /^[ \t\r\n]*corpuslint-(disable-next-line|disable|enable)\b/;

/** HTML comments found with indexOf, so hostile text with many unclosed comments stays linear. */
function* directives(text: string): Generator<{ kind: string; rest: string; index: number }> {
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', open + 4)) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return;
    const body = text.slice(open + 4, close);
    const match = DIRECTIVE_BODY.exec(body);
    if (match) yield { kind: match[1], rest: body.slice(match[0].length), index: open };
  }
}

interface Region {
  start: number;
  end: number;
  rules: Set<string> | null;
}

function parseRuleList(raw: string): Set<string> | null {
  const names = raw.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s && !s.startsWith('--'));
  return names.length > 0 ? new Set(names) : null;
}

export function directiveRegions(document: Document): Region[] {
  if (document.format === 'text' || !document.text.includes('corpuslint-')) return [];
  const text = document.text;
  const regions: Region[] = [];
  const open = new Map<string, number>();
  for (const directive of directives(text)) {
    const kind = directive.kind;
    const rules = parseRuleList(directive.rest);
    const at = directive.index;
    const key = rules ? [...rules].sort().join(',') : '*';
    if (kind === 'disable-next-line') {
      const lineEnd = text.indexOf('\n', at);
      const nextStart = lineEnd === -1 ? text.length : lineEnd + 1;
      const nextEnd = text.indexOf('\n', nextStart);
      regions.push({ start: nextStart, end: nextEnd === -1 ? text.length : nextEnd, rules });
    } else if (kind === 'disable') {
      if (!open.has(key)) open.set(key, at);
    } else {
      const matchingKeys = key === '*' ? [...open.keys()] : [key];
      for (const k of matchingKeys) {
        const from = open.get(k);
        if (from === undefined) continue;
        regions.push({ start: from, end: at, rules: k === '*' ? null : new Set(k.split(',')) });
        open.delete(k);
      }
    }
  }
  for (const [k, from] of open) regions.push({ start: from, end: text.length, rules: k === '*' ? null : new Set(k.split(',')) });
  return regions;
}

export function applyDirectives(document: Document, findings: Finding[]): Finding[] {
  const regions = directiveRegions(document);
  if (regions.length === 0) return findings;
  return findings.filter((f) => !regions.some((r) => f.start >= r.start && f.start <= r.end && (!r.rules || r.rules.has(f.ruleId))));
}
