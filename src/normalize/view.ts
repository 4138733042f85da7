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
const NEXT_SPECIAL = /[&\u0080-\uffff]|\\[!-/:-@[-`{-~]/g;

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

class ViewBuilder {
  parts: string[] = [];
  length = 0;
  starts: Int32Array;
  ends: Int32Array;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.length + extra + 16);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }

  /** Copies original[from, to) unchanged. */
  copy(original: string, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.parts.push(original.slice(from, to));
    for (let k = from; k < to; k++) {
      this.starts[this.length] = k;
      this.ends[this.length] = k + 1;
      this.length++;
    }
  }

  /** Emits `value`, every unit of it standing for original[from, to). */
  emit(value: string, from: number, to: number): void {
    if (value === '') return;
    this.reserve(value.length);
    this.parts.push(value);
    for (let k = 0; k < value.length; k++) {
      this.starts[this.length] = from;
      this.ends[this.length] = to;
      this.length++;
    }
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
  const out = new ViewBuilder(text.length + 16);
  let i = 0;
  while (i < text.length) {
    NEXT_SPECIAL.lastIndex = i;
    const found = NEXT_SPECIAL.exec(text);
    const next = found ? found.index : text.length;
    out.copy(text, i, next);
    i = next;
    if (i >= text.length) break;
    if (text.charCodeAt(i) === 0x5c) {
      // A Markdown backslash escape renders as the punctuation alone.
      out.emit(text[i + 1], i, i + 2);
      i += 2;
      continue;
    }
    if (text.charCodeAt(i) === 0x26) {
      const ref = decodeReferenceAt(text, i);
      if (ref) {
        const cp = ref.value.codePointAt(0)!;
        out.emit(decodeTags && cp >= 0xe0020 && cp <= 0xe007e ? String.fromCharCode(cp - 0xe0000) : foldCodePoint(cp), i, ref.end);
        i = ref.end;
      } else {
        out.copy(text, i, i + 1);
        i++;
      }
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (decodeTags && isTagCharacter(cp)) {
      const runEnd = tagRunEnd(text, i);
      const isFlag = i >= 2 && text.codePointAt(i - 2) === BLACK_FLAG;
      if (!isFlag && runEnd - i >= 4) {
        for (let k = i; k < runEnd; k += 2) {
          const tag = text.codePointAt(k)!;
          if (tag >= 0xe0020 && tag <= 0xe007e) out.emit(String.fromCharCode(tag - 0xe0000), k, k + 2);
        }
      }
      i = runEnd;
      continue;
    }
    out.emit(foldCodePoint(cp), i, i + width);
    i += width;
  }
  const starts = out.starts;
  const ends = out.ends;
  const length = out.length;
  return {
    text: out.parts.join(''),
    identity: false,
    toOriginal: (start, end) => {
      const s = Math.max(0, Math.min(start, length));
      const e = Math.max(s, Math.min(end, length));
      if (e === s) {
        const at = s < length ? starts[s] : text.length;
        return [at, at];
      }
      return [starts[s], ends[e - 1]];
    },
  };
}
