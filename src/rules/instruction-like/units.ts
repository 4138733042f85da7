// Clause units: the sentences of the prose, split further at line breaks and fenced code, and at
// run-ons where an injected question or command was pasted onto a sentence without punctuation
// ("…keeping your arm extended What are the risks of…").
import type { Range } from '../../types.js';

export interface Unit {
  start: number;
  end: number;
  /** A fenced code block: never scored itself, only attached to the clause that introduces it. */
  code: boolean;
  /**
   * The clause is the rest of a hard-wrapped sentence: its line opens in lower case after a line
   * that did not end a clause, so its first word is no clause-initial verb ("…tries to\ndetermine the …").
   */
  continues: boolean;
}

const FENCE = /```/g;
// The words that start a pasted-on question or command. The pattern finds the word alone, and the
// code checks what precedes it (spaces after a lower-case letter, digit or clause punctuation): a
// lookbehind at the front of the pattern was tried at every position of every line.
const RUN_ON = /(?:What|How|Why|Where|Who|Which|Can you|Could you|Would you|Please|Ignore|Disregard|Forget|Now,? (?:ignore|forget|you)|From now on|IMPORTANT|Note to)\b/y;
/**
 * The capitals RUN_ON's words start with. The pattern is tried only where one of them follows a
 * space or a tab, the only places a cut can be. Scanning the whole line with it gives the same cuts:
 * inside any of its matches, a character after a space is lower-case, so no match hides another
 * that follows a space.
 */
const RUN_ON_INITIALS = ['W', 'H', 'C', 'P', 'I', 'D', 'F', 'N'];
/** The longest RUN_ON match ("From now on", "Now, forget"): a match that starts this far from the line's end stays inside it. */
const RUN_ON_LONGEST = 11;

/** Where the spaces before `at` start, if they follow a lower-case letter, digit or , ; ) ] within the line; otherwise -1. */
function runOnCut(text: string, lineStart: number, at: number): number {
  let cut = at;
  while (cut > lineStart && (text.charCodeAt(cut - 1) === 32 || text.charCodeAt(cut - 1) === 9)) cut--;
  if (cut === at || cut === lineStart) return -1;
  const before = text.charCodeAt(cut - 1);
  const joins = (before >= 97 && before <= 122) || (before >= 48 && before <= 57) || before === 44 || before === 59 || before === 41 || before === 93;
  return joins ? cut : -1;
}

/** Whether RUN_ON matches at `at` within the line that ends at `end` (\b at the line's end reads it as the end of the text). */
function runOnAt(text: string, at: number, end: number): boolean {
  if (end - at > RUN_ON_LONGEST) {
    RUN_ON.lastIndex = at;
    return RUN_ON.test(text);
  }
  RUN_ON.lastIndex = 0;
  return RUN_ON.test(text.slice(at, end));
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

function pushTrimmed(text: string, start: number, end: number, out: Unit[], continues = false): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  // Every unit has the same fields in the same order, so that reading them stays monomorphic.
  if (e > s) out.push({ start: s, end: e, code: false, continues });
}

/**
 * Whether the line at `lineStart`, inside a sentence that began at `sentenceStart`, carries on the
 * line before it: it opens with a lower-case letter, and the line before ends in a word or a comma
 * (or the closing mark of emphasis, code, a bracket or a quotation after one), not in a mark that
 * closes a clause or introduces a new one.
 */
/** Marks a wrapped line may end in besides a letter or a digit: a comma, and the closing marks of emphasis, code, brackets and quotations. */
const WRAPPED_AFTER = ',*_`)]"\'’”';

function wrapsOn(text: string, sentenceStart: number, lineStart: number): boolean {
  let first = lineStart;
  while (first < text.length && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
  const opening = text.charCodeAt(first);
  if (opening < 97 || opening > 122) return false;
  let last = lineStart - 1;
  while (last > sentenceStart && isSpace(text.charCodeAt(last - 1))) last--;
  if (last <= sentenceStart) return false;
  const closing = text.charCodeAt(last - 1);
  return (closing >= 97 && closing <= 122) || (closing >= 65 && closing <= 90) || (closing >= 48 && closing <= 57) || WRAPPED_AFTER.includes(text[last - 1]);
}

/** The one FIELD alternative without a quotation mark or a pipe: a capitalised field name at the start of the line. */
const FIELD_HEAD = /^[A-Z][A-Z_ ]{1,24}:\s/;

/**
 * The next occurrence of a character at or after a position, found with the native indexOf and
 * remembered: lines are read in text order, so each occurrence is searched for about once (a
 * character loop over every line, or a regular expression per line, cost more than the rest of
 * the cutting).
 */
class NextChar {
  private from = 0;
  private at = -2;

  constructor(private readonly text: string, private readonly char: string) {}

  /** The first position >= `from` holding the character, or the text's length. */
  after(from: number): number {
    if (this.at < from || from < this.from) {
      const found = this.text.indexOf(this.char, from);
      this.at = found < 0 ? this.text.length : found;
      this.from = from;
    }
    return this.at;
  }
}

/** The cursors of one text: its line breaks, RUN_ON's initials, and FIELD's quotation marks and pipe. */
interface Cursors {
  newline: NextChar;
  initials: NextChar[];
  quotes: NextChar[];
  pipe: NextChar;
}

function cursorsOf(text: string): Cursors {
  return {
    newline: new NextChar(text, '\n'),
    initials: RUN_ON_INITIALS.map((c) => new NextChar(text, c)),
    quotes: [new NextChar(text, "'"), new NextChar(text, '"')],
    pipe: new NextChar(text, '|'),
  };
}

/**
 * Whether a quotation mark in text[start, end) could start or end a FIELD match: one of the first
 * two alternatives puts a colon or comma within three characters after it, or a brace or bracket
 * within three before it. A looser test than the pattern (it may say yes when the pattern fails).
 */
function quoteMayField(text: string, start: number, end: number, quotes: NextChar[]): boolean {
  for (const quote of quotes) {
    for (let q = quote.after(start); q < end; q = quote.after(q + 1)) {
      for (let k = Math.max(0, q - 3); k <= q + 3 && k < text.length; k++) {
        const code = text.charCodeAt(k);
        if (k > q ? code === 58 || code === 44 : k < q && (code === 123 || code === 91)) return true;
      }
    }
  }
  return false;
}

/** Cut positions of one line (absolute, ascending), reused from line to line: most lines have none. */
const CUTS: number[] = [];
let cutCount = 0;

/** Finds where text[start, end) (one line) is cut into clauses; the cuts are CUTS[0, cutCount). */
function cutsIn(text: string, start: number, end: number, cursors: Cursors): void {
  cutCount = 0;
  for (const initial of cursors.initials) {
    for (let q = initial.after(start); q < end; q = initial.after(q + 1)) {
      const before = text.charCodeAt(q - 1);
      if (q === start || (before !== 32 && before !== 9)) continue;
      const cut = runOnCut(text, start, q);
      if (cut >= 0 && runOnAt(text, q, end)) CUTS[cutCount++] = cut;
    }
  }
  const runOns = cutCount;
  if (cursors.pipe.after(start) < end || quoteMayField(text, start, end, cursors.quotes)) {
    const line = text.slice(start, end);
    FIELD.lastIndex = 0;
    for (let m = FIELD.exec(line); m; m = FIELD.exec(line)) {
      CUTS[cutCount++] = start + m.index + m[0].length;
      if (m[0].length === 0) FIELD.lastIndex++;
    }
  } else {
    // Without a quotation mark or a pipe only the field name at the start of the line can match.
    const first = text.charCodeAt(start);
    const head = first >= 65 && first <= 90 ? FIELD_HEAD.exec(text.slice(start, end)) : null;
    if (head) CUTS[cutCount++] = start + head[0].length;
  }
  if (runOns > 1 || (runOns > 0 && cutCount > runOns)) sortCuts();
}

/** Sorts CUTS[0, cutCount) in place (insertion sort: a line has few cuts). */
function sortCuts(): void {
  for (let i = 1; i < cutCount; i++) {
    const value = CUTS[i];
    let j = i - 1;
    for (; j >= 0 && CUTS[j] > value; j--) CUTS[j + 1] = CUTS[j];
    CUTS[j + 1] = value;
  }
}

function splitProse(text: string, start: number, end: number, out: Unit[], cursors: Cursors): void {
  for (let lineStart = start; ; ) {
    const lineEnd = Math.min(cursors.newline.after(lineStart), end);
    let pieceStart = lineStart;
    const continues = lineStart > start && wrapsOn(text, start, lineStart);
    cutsIn(text, lineStart, lineEnd, cursors);
    for (let k = 0; k < cutCount; k++) {
      pushTrimmed(text, pieceStart, CUTS[k], out, continues && k === 0);
      pieceStart = CUTS[k];
    }
    pushTrimmed(text, pieceStart, lineEnd, out, continues && cutCount === 0);
    if (lineEnd >= end) return;
    lineStart = lineEnd + 1;
  }
}

/** Units in text order. `sentences` are ranges into `text`, in order. */
export function clauseUnits(text: string, sentences: readonly { start: number; end: number }[]): Unit[] {
  const fences = fencedRegions(text);
  const units: Unit[] = [];
  const cursors = cursorsOf(text);
  let fence = 0;
  let emittedFenceUpTo = -1;
  for (const sentence of sentences) {
    let cursor = sentence.start;
    while (fence < fences.length && fences[fence][1] <= cursor) fence++;
    let f = fence;
    while (cursor < sentence.end) {
      const region = f < fences.length ? fences[f] : undefined;
      if (!region || region[0] >= sentence.end) {
        splitProse(text, cursor, sentence.end, units, cursors);
        break;
      }
      if (region[0] > cursor) splitProse(text, cursor, region[0], units, cursors);
      if (region[0] > emittedFenceUpTo) {
        units.push({ start: region[0], end: region[1], code: true, continues: false });
        emittedFenceUpTo = region[0];
      }
      cursor = Math.max(cursor, region[1]);
      f++;
    }
  }
  return units;
}
