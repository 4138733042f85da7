// A document's text as HTML: flagged spans coloured by rule (the title shows the messages), removals
// struck through as --fix would apply them, and the salience heatmap over the document's units.
import type { Finding, Range } from '../../types.js';
import type { SalienceUnit } from '../../salience/index.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element body or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

// Characters a reviewer cannot see but an attack can hide behind: controls, zero-width and bidi
// characters, the BOM, lone surrogates. They are drawn as visible code-point badges.
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text and turns hidden characters into badges. */
export function visibleHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    out += escapeHtml(text.slice(last, match.index));
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out += `<span class="cc" title="hidden character U+${code}">U+${code}</span>`;
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Cuts a text to at most `limit` UTF-16 units without splitting a surrogate pair. */
export function safeCut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

interface Removal {
  range: Range;
  unsafe: boolean;
}

function removalsOf(findings: readonly Finding[]): Removal[] {
  const removals: Removal[] = [];
  for (const finding of findings) for (const range of finding.fix?.remove ?? []) removals.push({ range, unsafe: finding.fix!.safety === 'unsafe' });
  return removals;
}

/**
 * Renders `text` with highlights. `ruleClass` maps a rule id to its colour class. Boundaries of all
 * spans and removals cut the text into segments; each segment is marked by the findings covering it.
 */
export function highlightedText(text: string, findings: readonly Finding[], ruleClass: (ruleId: string) => string): string {
  const spans = findings.filter((f) => f.end > f.start && f.start < text.length).map((f) => ({ finding: f, start: f.start, end: Math.min(f.end, text.length) }));
  const removals = removalsOf(findings).filter((r) => r.range[1] > r.range[0] && r.range[0] < text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const r of removals) cuts.add(r.range[0]).add(Math.min(r.range[1], text.length));
  const points = [...cuts].sort((a, b) => a - b);
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let next = 0;
  let active: typeof spans = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    active = active.filter((s) => s.end > from);
    while (next < spans.length && spans[next].start <= from) {
      if (spans[next].end > from) active.push(spans[next]);
      next++;
    }
    let body = visibleHtml(text.slice(from, to));
    const removal = removals.find((r) => r.range[0] <= from && r.range[1] >= to);
    if (removal) body = `<del class="${removal.unsafe ? 'fix unsafe' : 'fix'}" title="${removal.unsafe ? 'removed by --fix --unsafe-fixes' : 'removed by --fix'}">${body}</del>`;
    if (active.length > 0) {
      const ids = [...new Set(active.map((s) => s.finding.ruleId))];
      const title = active.map((s) => `${s.finding.ruleId}: ${s.finding.message}`).join('\n');
      body = `<mark class="hl ${ruleClass(ids[0])}" data-rule="${escapeHtml(ids[0])}" data-rules="${escapeHtml(ids.join(' '))}" title="${escapeHtml(title)}">${body}</mark>`;
    }
    parts.push(body);
  }
  return parts.join('');
}

export const HEAT_LEVELS = 10;

/** A unit this many times more likely than under uniform generation gets the darkest shade. */
export const HEAT_SATURATION = 3;

/**
 * The text with each salience unit shaded by how much more (or less) likely a question lands there
 * than under uniform generation, so a flat document looks flat and a skewed one shows its hotspots.
 */
export function salienceHeatmap(text: string, units: readonly SalienceUnit[]): string {
  const n = units.length || 1;
  const sorted = [...units].filter((u) => u.end > u.start && u.start < text.length).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const unit of sorted) {
    const start = Math.max(unit.start, at);
    const end = Math.min(unit.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(`<span class="gap">${visibleHtml(text.slice(at, start))}</span>`);
    const level = Math.min(HEAT_LEVELS - 1, Math.floor(((unit.probability * n) / HEAT_SATURATION) * HEAT_LEVELS));
    const facts = [`${unit.kind}`, `salience ${unit.salience.toFixed(2)}`, `p ${(unit.probability * 100).toFixed(1)}% (${(unit.probability * n).toFixed(2)}× uniform)`, `content ${unit.content.toFixed(2)}`];
    if (unit.features.length > 0) facts.push(unit.features.join(', '));
    if (unit.hotspot && unit.lowContent) facts.push('low-content hotspot');
    parts.push(`<span class="u h${level}${unit.hotspot && unit.lowContent ? ' weak' : ''}" title="${escapeHtml(facts.join(' · '))}">${visibleHtml(text.slice(start, end))}</span>`);
    at = end;
  }
  if (at < text.length) parts.push(`<span class="gap">${visibleHtml(text.slice(at))}</span>`);
  return parts.join('');
}
