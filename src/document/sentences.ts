// Sentence segmentation with offsets. Computed once per document and shared by the rules and the
// QA generator. Lines and blocks are split first (Markdown list items and headings are units of
// their own), then Intl.Segmenter splits prose, and a repair pass merges pieces that end in an
// abbreviation, an initial or a decimal point.
import type { Range } from '../types.js';

export interface Sentence {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'capt', 'lt', 'sgt', 'rev', 'hon', 'gov', 'sen', 'rep',
    'pres', 'supt', 'messrs', 'mme', 'mlle', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al', 'approx', 'ca', 'c', 'fig', 'figs', 'no', 'nos',
    'vol', 'vols', 'p', 'pp', 'ch', 'sec', 'ed', 'eds', 'est', 'dept', 'univ', 'inc', 'ltd', 'co', 'corp', 'assn', 'bros', 'jan', 'feb',
    'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'min', 'max',
    'hr', 'hrs', 'sq', 'ave', 'blvd', 'rd', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'ph.d', 'b.a', 'm.a', 'op', 'ibid', 'viz', 'resp',
  ],
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A line that is a unit on its own: a heading, a list item or a table row. */
const STANDALONE_LINE = /^[ \t]{0,3}(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|\|)/;

function lineRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      ranges.push([start, i]);
      start = i + 1;
    }
  }
  return ranges;
}

/** Splits text into blocks: blank-line paragraphs, with standalone lines as blocks of their own. */
function blocksOf(text: string): Range[] {
  const blocks: Range[] = [];
  let current: Range | null = null;
  for (const [start, end] of lineRanges(text)) {
    const line = text.slice(start, end);
    if (line.trim() === '') {
      if (current) blocks.push(current);
      current = null;
    } else if (STANDALONE_LINE.test(line)) {
      if (current) blocks.push(current);
      blocks.push([start, end]);
      current = null;
    } else if (current) {
      // A line without terminal punctuation followed by a line break ends a unit only when the
      // next line starts like a new sentence and the previous looks like a title.
      current[1] = end;
    } else current = [start, end];
  }
  if (current) blocks.push(current);
  return blocks;
}

function lastWord(piece: string): string {
  const match = /([A-Za-z][A-Za-z.]*)\.\s*["'”’)\]]*\s*$/.exec(piece);
  return match ? match[1].toLowerCase() : '';
}

function shouldMerge(previous: string, next: string): boolean {
  const trimmed = previous.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const word = lastWord(trimmed);
  const nextTrim = next.trimStart();
  if (!word) return /\d\.$/.test(trimmed) && /^\d/.test(nextTrim);
  // Single capital initials ("J. R. R. Tolkien") and known abbreviations do not end a sentence,
  // unless the abbreviation is sentence-final and a capitalised sentence follows ("... the U.S. In 2010").
  if (/^[a-z]$/i.test(word) && /^[A-Z]/.test(word)) return true;
  if (ABBREVIATIONS.has(word)) {
    if (/^(?:u\.s|u\.k|u\.n|etc|a\.m|p\.m|inc|ltd|co|corp)$/.test(word) && /^[A-Z]/.test(nextTrim)) {
      const firstWord = /^[A-Z][a-z]+/.exec(nextTrim)?.[0] ?? '';
      // A following function word that begins sentences is a strong hint of a boundary.
      if (/^(?:In|The|It|This|That|They|He|She|We|There|A|An|But|And|However|On|At|After|Before|When|Since)$/.test(firstWord)) return false;
    }
    return true;
  }
  if (word.includes('.') && /^[a-z](?:\.[a-z])+$/.test(word)) return !/^[A-Z]/.test(nextTrim);
  return false;
}

/** Sentence ranges of a text, trimmed of surrounding whitespace, in order. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const [blockStart, blockEnd] of blocksOf(text)) {
    const block = text.slice(blockStart, blockEnd);
    const pieces: Range[] = [];
    for (const segment of segmenter.segment(block)) {
      const start = blockStart + segment.index;
      const end = start + segment.segment.length;
      const previous = pieces[pieces.length - 1];
      if (previous && shouldMerge(text.slice(previous[0], previous[1]), segment.segment)) previous[1] = end;
      else pieces.push([start, end]);
    }
    for (const [start, end] of pieces) {
      let s = start;
      let e = end;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) sentences.push({ start: s, end: e });
    }
  }
  return sentences;
}
