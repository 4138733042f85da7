// Splits a document into the units the classifier judges: lines, since converters put one block
// per line, except wrapped prose paragraphs, code blocks and tables, which are judged whole.
import type { Document } from '../../document/document.js';
import { splitLines, type Line } from '../../document/markdown-scan.js';
import { codeBlockRanges } from '../leftover-markup/regions.js';
import { countWords, endsSentence, visibleLine } from './visible.js';

export type UnitKind = 'line' | 'paragraph' | 'heading' | 'code' | 'table';

export interface Unit {
  kind: UnitKind;
  start: number;
  end: number;
  visible: string;
  words: number;
  linkDensity: number;
  hadLinks: boolean;
  sentenceEnd: boolean;
  /** Part of the anchor of a link written across several lines. */
  insideLink?: boolean;
}

function makeUnit(kind: UnitKind, start: number, end: number, raw: string, document: Document): Unit {
  const parts = raw.split('\n').map((line) => visibleLine(line, document.format));
  const visible = parts.map((p) => p.text).filter(Boolean).join(' ');
  const linkChars = parts.reduce((sum, p) => sum + p.linkChars, 0);
  return {
    kind,
    start,
    end,
    visible,
    words: countWords(visible),
    linkDensity: visible.length === 0 ? (parts.some((p) => p.hadLinks) ? 1 : 0) : Math.min(1, linkChars / visible.length),
    hadLinks: parts.some((p) => p.hadLinks),
    sentenceEnd: endsSentence(visible),
  };
}

/** Hard-wrapped prose: every line but the last runs close to a common width. */
function isWrappedParagraph(lines: Line[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  return body.every((l) => l.text.trim().length >= 40 && l.text.trim().length <= 120) && body.filter((l) => !endsSentence(l.text.trim())).length >= body.length / 2;
}

export function splitUnits(document: Document): Unit[] {
  const { text } = document;
  const units: Unit[] = [];
  const realCode = new Set(document.format === 'markdown' ? codeBlockRanges(document.blocks).map(([start]) => start) : []);
  for (const block of document.blocks) {
    if (block.kind === 'blank') continue;
    const raw = text.slice(block.start, block.end);
    if (block.kind === 'indented-code' && realCode.has(block.start)) {
      units.push(makeUnit('code', block.start, block.end, '', document));
      continue;
    }
    if (block.kind === 'fence' || block.kind === 'table') {
      units.push(makeUnit(block.kind === 'fence' ? 'code' : 'table', block.start, block.end, block.kind === 'fence' ? '' : raw, document));
      continue;
    }
    if (block.kind === 'heading') {
      units.push(makeUnit('heading', block.start, block.end, raw, document));
      continue;
    }
    const lines = splitLines(raw).map((l) => ({ ...l, start: l.start + block.start, end: l.end + block.start }));
    if (block.kind === 'paragraph' && isWrappedParagraph(lines)) {
      units.push(makeUnit('paragraph', block.start, block.end, raw, document));
      continue;
    }
    for (const line of lines) if (line.text.trim() !== '') units.push(makeUnit('line', line.start, line.end, line.text, document));
  }
  if (document.format === 'markdown') markMultilineLinkAnchors(units, text);
  return units;
}

const MAX_ANCHOR_UNITS = 8;

/**
 * Converters wrap a block in a link as `[` / block / `](target)` on separate lines: every unit in
 * between is link text (a teaser heading in a related-articles list), whatever its own syntax says.
 */
function markMultilineLinkAnchors(units: Unit[], text: string): void {
  for (let i = 0; i < units.length; i++) {
    if (text.slice(units[i].start, units[i].end).trim() !== '[') continue;
    let j = i + 1;
    while (j < units.length && j - i <= MAX_ANCHOR_UNITS && !text.slice(units[j].start, units[j].end).trimStart().startsWith('](')) j++;
    if (j >= units.length || j - i > MAX_ANCHOR_UNITS) continue;
    for (let k = i + 1; k < j; k++) units[k] = { ...units[k], linkDensity: 1, hadLinks: true, insideLink: true };
    i = j;
  }
}
