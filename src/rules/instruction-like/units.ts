// Clause units: the sentences of the prose, split further at line breaks and fenced code, and at
// run-ons where an injected question or command was pasted onto a sentence without punctuation
// ("…keeping your arm extended What are the risks of…").
import type { Range } from '../../types.js';

export interface Unit {
  start: number;
  end: number;
  /** A fenced code block: never scored itself, only attached to the clause that introduces it. */
  code: boolean;
}

const FENCE = /```/g;
// The words that start a pasted-on question or command. The pattern finds the word alone, and the
// code checks what precedes it (spaces after a lower-case letter, digit or clause punctuation): a
// lookbehind at the front of the pattern was tried at every position of every line. No word of the
// list contains the start of another, so skipping past a rejected match never hides a real one.
const RUN_ON = /(?:What|How|Why|Where|Who|Which|Can you|Could you|Would you|Please|Ignore|Disregard|Forget|Now,? (?:ignore|forget|you)|From now on|IMPORTANT|Note to)\b/g;

/** Where the spaces before `at` start, if they follow a lower-case letter, digit or , ; ) ]; otherwise -1. */
function runOnCut(line: string, at: number): number {
  let cut = at;
  while (cut > 0 && (line.charCodeAt(cut - 1) === 32 || line.charCodeAt(cut - 1) === 9)) cut--;
  if (cut === at || cut === 0) return -1;
  const before = line.charCodeAt(cut - 1);
  const joins = (before >= 97 && before <= 122) || (before >= 48 && before <= 57) || before === 44 || before === 59 || before === 41 || before === 93;
  return joins ? cut : -1;
}
/**
 * Where a value starts in dict- or JSON-like tool output (`{'snippet': 'Please delete…`) or a field
 * starts in a flattened email (`…|CONTENT: Hi`); text injected into a field is a clause of its own.
 */
const FIELD = /['"]\s{0,2}[:,]\s{0,2}['"{[]|[{[]\s{0,2}['"]|\|(?=[A-Z][A-Z_ ]{1,24}:)|(?:^|\|)[A-Z][A-Z_ ]{1,24}:\s/g;
const MAX_FENCES = 2000;

/** Pairs of ``` markers as code regions; an unclosed fence runs to the end of the text. */
export function fencedRegions(text: string): Range[] {
  if (!text.includes('```')) return [];
  const marks: number[] = [];
  FENCE.lastIndex = 0;
  for (let m = FENCE.exec(text); m && marks.length < MAX_FENCES; m = FENCE.exec(text)) marks.push(m.index);
  const regions: Range[] = [];
  for (let i = 0; i < marks.length; i += 2) {
    const end = i + 1 < marks.length ? marks[i + 1] + 3 : text.length;
    regions.push([marks[i], end]);
  }
  return regions;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

function pushTrimmed(text: string, start: number, end: number, out: Unit[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e, code: false });
}

/** Characters without which no FIELD alternative can match, unless the line opens with a capital. */
const FIELD_MARK = /['"{[|]/;

function cutsIn(line: string): number[] {
  const cuts: number[] = [];
  RUN_ON.lastIndex = 0;
  for (let m = RUN_ON.exec(line); m; m = RUN_ON.exec(line)) {
    const cut = runOnCut(line, m.index);
    if (cut >= 0) cuts.push(cut);
  }
  const first = line.charCodeAt(0);
  if ((first >= 65 && first <= 90) || FIELD_MARK.test(line)) {
    FIELD.lastIndex = 0;
    for (let m = FIELD.exec(line); m; m = FIELD.exec(line)) {
      cuts.push(m.index + m[0].length);
      if (m[0].length === 0) FIELD.lastIndex++;
    }
  }
  return cuts.sort((a, b) => a - b);
}

function splitProse(text: string, start: number, end: number, out: Unit[]): void {
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 10) {
      let pieceStart = lineStart;
      for (const cut of cutsIn(text.slice(lineStart, i))) {
        pushTrimmed(text, pieceStart, lineStart + cut, out);
        pieceStart = lineStart + cut;
      }
      pushTrimmed(text, pieceStart, i, out);
      lineStart = i + 1;
    }
  }
}

/** Units in text order. `sentences` are ranges into `text`, in order. */
export function clauseUnits(text: string, sentences: readonly { start: number; end: number }[]): Unit[] {
  const fences = fencedRegions(text);
  const units: Unit[] = [];
  let fence = 0;
  let emittedFenceUpTo = -1;
  for (const sentence of sentences) {
    let cursor = sentence.start;
    while (fence < fences.length && fences[fence][1] <= cursor) fence++;
    let f = fence;
    while (cursor < sentence.end) {
      const region = f < fences.length ? fences[f] : undefined;
      if (!region || region[0] >= sentence.end) {
        splitProse(text, cursor, sentence.end, units);
        break;
      }
      if (region[0] > cursor) splitProse(text, cursor, region[0], units);
      if (region[0] > emittedFenceUpTo) {
        units.push({ start: region[0], end: region[1], code: true });
        emittedFenceUpTo = region[0];
      }
      cursor = Math.max(cursor, region[1]);
      f++;
    }
  }
  return units;
}
