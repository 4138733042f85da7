// The normalised view: the text as a tokenizer-minded reader would spell it once disguises are
// undone. HTML character references and Markdown backslash escapes are decoded; each code point goes through NFKD (fullwidth,
// mathematical alphanumeric, circled, superscript and small forms become ASCII), loses its
// combining marks, and is folded to its Latin look-alike; invisible characters are dropped.
// Every output unit remembers the original range it came from, so a match in the view maps back
// to the original characters, the dropped ones inside it included.
import { decodeReferenceAt } from './entities.js';
import { latinLookalike } from './confusables.js';
import { BLACK_FLAG, isCombiningMark, isInvisible, isTagCharacter } from './invisible.js';

export type TagHandling = 'drop' | 'decode';

export interface NormalizedView {
  /** The normalised text. */
  readonly text: string;
  /** True when the normalised text is the original (pure ASCII without `&`): no map is kept. */
  readonly identity: boolean;
  /** Maps a range of the normalised text to the original range it was built from. */
  toOriginal(start: number, end: number): [number, number];
}

// `\` matters only before ASCII punctuation: a Markdown escape (`\[INST\]`, `<|im\_start|>`).
const NEEDS_WORK = /[&\u0080-\uffff]|\\[!-/:-@[-`{-~]/;
const NEXT_SPECIAL = /[&\\\u0080-\uffff]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** False when the view of `text` is `text` itself: nothing non-ASCII, no character reference, no escape. */
export function needsNormalization(text: string): boolean {
  return NEEDS_WORK.test(text);
}

const foldCache = new Map<number, string>();

/** The normalised spelling of one code point; empty when it is dropped. */
export function foldCodePoint(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let out = '';
  if (!isTagCharacter(cp) && !isInvisible(cp) && !isCombiningMark(cp)) {
    if (cp >= 0xd800 && cp <= 0xdfff) out = String.fromCharCode(cp);
    else {
      for (const ch of String.fromCodePoint(cp).normalize('NFKD')) {
        const c = ch.codePointAt(0)!;
        if (isCombiningMark(c) || isInvisible(c)) continue;
        out += latinLookalike(c) ?? ch;
      }
    }
  }
  if (foldCache.size < 65536) foldCache.set(cp, out);
  return out;
}

/** Per BMP code point outside the surrogates: 1 when the view keeps it as it is, 2 when it folds or drops it, 0 until met. */
const KEPT_AS_IS = new Uint8Array(0x10000);

/** Whether foldCodePoint gives `unit` back unchanged, read from a table once known: a Map lookup and a compare cost more. */
function keptAsIs(unit: number): boolean {
  let kept = KEPT_AS_IS[unit];
  if (kept === 0) {
    const folded = foldCodePoint(unit);
    KEPT_AS_IS[unit] = kept = folded.length === 1 && folded.charCodeAt(0) === unit ? 1 : 2;
  }
  return kept === 1;
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

// The map is kept as segments, not per character: a copied run maps unit by unit, an emitted
// replacement maps every unit to the whole original range. Prose with a few curly quotes makes a
// few segments, so the map costs little where there is nothing to find.
class ViewBuilder {
  parts: string[] = [];
  length = 0;
  count = 0;
  /** Where each segment starts in the output. */
  outStart: Int32Array;
  /** Where each segment's original range starts and ends. */
  origStart: Int32Array;
  origEnd: Int32Array;
  /** 1 when the segment is a verbatim copy (unit k maps to origStart + k). */
  verbatim: Uint8Array;

  constructor(capacity: number) {
    this.outStart = new Int32Array(capacity);
    this.origStart = new Int32Array(capacity);
    this.origEnd = new Int32Array(capacity);
    this.verbatim = new Uint8Array(capacity);
  }

  private push(value: string, from: number, to: number, verbatim: boolean): void {
    if (this.count === this.outStart.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.outStart = grow(this.outStart);
      this.origStart = grow(this.origStart);
      this.origEnd = grow(this.origEnd);
      this.verbatim = grow(this.verbatim);
    }
    this.outStart[this.count] = this.length;
    this.origStart[this.count] = from;
    this.origEnd[this.count] = to;
    this.verbatim[this.count] = verbatim ? 1 : 0;
    this.count++;
    this.parts.push(value);
    this.length += value.length;
  }

  /** Copies original[from, to) unchanged. */
  copy(original: string, from: number, to: number): void {
    if (to > from) this.push(original.slice(from, to), from, to, true);
  }

  /** Emits `value`, every unit of it standing for original[from, to). */
  emit(value: string, from: number, to: number): void {
    if (value !== '') this.push(value, from, to, false);
  }

  /** The original range of output unit `at` (0 <= at < length). */
  unit(at: number): [number, number] {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.outStart[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    if (this.verbatim[lo]) {
      const k = this.origStart[lo] + (at - this.outStart[lo]);
      return [k, k + 1];
    }
    return [this.origStart[lo], this.origEnd[lo]];
  }
}

function identityView(text: string): NormalizedView {
  return {
    text,
    identity: true,
    toOriginal: (start, end) => {
      const s = Math.max(0, Math.min(start, text.length));
      return [s, Math.max(s, Math.min(end, text.length))];
    },
  };
}

/** Length in UTF-16 units of the run of tag characters starting at `at`. */
function tagRunEnd(text: string, at: number): number {
  let j = at;
  while (j < text.length) {
    const cp = text.codePointAt(j)!;
    if (!isTagCharacter(cp)) break;
    j += 2;
  }
  return j;
}

/**
 * Builds the normalised view. With `tags: 'decode'`, a run of two or more tag characters is read as
 * the ASCII it encodes (the "ASCII smuggling" carrier) instead of being dropped; the tag run of an
 * emoji flag sequence (black flag, tag letters, cancel tag) is always dropped.
 */
export function normalizedView(text: string, options: { tags?: TagHandling } = {}): NormalizedView {
  if (!needsNormalization(text)) return identityView(text);
  const decodeTags = options.tags === 'decode';
  const out = new ViewBuilder(64);
  let i = 0;
  // Where the verbatim run not yet copied starts: characters that stay as they are extend it, so a
  // text in another script is a few long copies, not a segment per character.
  let runStart = 0;
  while (i < text.length) {
    // test, not exec: the match is one unit, ending at lastIndex, and no match array is made.
    NEXT_SPECIAL.lastIndex = i;
    if (!NEXT_SPECIAL.test(text)) break;
    i = NEXT_SPECIAL.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === 0x5c) {
      // A Markdown backslash escape renders as the punctuation alone.
      if (i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1])) {
        out.copy(text, runStart, i);
        out.emit(text[i + 1], i, i + 2);
        i += 2;
        runStart = i;
      } else i++;
      continue;
    }
    if (code === 0x26) {
      const ref = decodeReferenceAt(text, i);
      if (ref) {
        const cp = ref.value.codePointAt(0)!;
        out.copy(text, runStart, i);
        out.emit(decodeTags && cp >= 0xe0020 && cp <= 0xe007e ? String.fromCharCode(cp - 0xe0000) : foldCodePoint(cp), i, ref.end);
        i = ref.end;
        runStart = i;
      } else i++;
      continue;
    }
    if (!isSurrogate(code) && keptAsIs(code)) {
      // Text in another script is mostly kept as it is: its run is walked here, not a regex call a character.
      i++;
      for (let next = text.charCodeAt(i); next >= 0x80 && !isSurrogate(next) && keptAsIs(next); next = text.charCodeAt(i)) i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (decodeTags && isTagCharacter(cp)) {
      out.copy(text, runStart, i);
      const runEnd = tagRunEnd(text, i);
      const isFlag = i >= 2 && text.codePointAt(i - 2) === BLACK_FLAG;
      if (!isFlag && runEnd - i >= 4) {
        for (let k = i; k < runEnd; k += 2) {
          const tag = text.codePointAt(k)!;
          if (tag >= 0xe0020 && tag <= 0xe007e) out.emit(String.fromCharCode(tag - 0xe0000), k, k + 2);
        }
      }
      i = runEnd;
      runStart = i;
      continue;
    }
    const folded = foldCodePoint(cp);
    // A unit that folds to itself maps to itself whether copied or emitted. A surrogate pair does
    // not join the run: emitted, each of its units maps to the whole pair.
    if (cp <= 0xffff && folded.length === 1 && folded.charCodeAt(0) === cp) {
      i++;
      continue;
    }
    const width = cp > 0xffff ? 2 : 1;
    out.copy(text, runStart, i);
    out.emit(folded, i, i + width);
    i += width;
    runStart = i;
  }
  out.copy(text, runStart, text.length);
  const length = out.length;
  return {
    text: out.parts.join(''),
    identity: false,
    toOriginal: (start, end) => {
      const s = Math.max(0, Math.min(start, length));
      const e = Math.max(s, Math.min(end, length));
      if (e === s) {
        const at = s < length ? out.unit(s)[0] : text.length;
        return [at, at];
      }
      return [out.unit(s)[0], out.unit(e - 1)[1]];
    },
  };
}
