// Sentence boundaries by the Unicode UAX #29 rules (SB1-SB11, SB998), for text made only of
// characters whose Sentence_Break class is listed here (ASCII, Latin-1, basic Cyrillic, Hangul
// syllables and common punctuation). Intl.Segmenter spent most of the sentence split in ICU and in
// a string and an object per segment; on the blocks of a 5 MB README sample this scanner finds the
// same boundaries about ten times faster. Anything else (Extend, Format, other scripts, astral
// characters) is declined and stays with Intl.Segmenter, so the table never has to be complete,
// only right: test/document/sentence-breaks.test.ts compares it with Intl.Segmenter (ICU 78 in
// Node 20) on random text and on every covered character in contexts that tell the classes apart.

// Classes up to SContinue never end a sentence by themselves, so the scan passes them with one test.
const enum Sb {
  Other,
  Sp,
  Lower,
  Upper,
  Numeric,
  OLetter,
  Close,
  SContinue,
  ATerm,
  STerm,
  CR,
  LF,
  Sep,
  /** Not covered here: the caller falls back to Intl.Segmenter. */
  Unknown,
  /** Past the end of the text. */
  End,
}

function buildLatin1(): Uint8Array {
  const table = new Uint8Array(0x100).fill(Sb.Other);
  const set = (cls: Sb, from: number, to = from) => table.fill(cls, from, to + 1);
  set(Sb.Sp, 0x09);
  set(Sb.LF, 0x0a);
  set(Sb.Sp, 0x0b, 0x0c);
  set(Sb.CR, 0x0d);
  set(Sb.Sp, 0x20);
  set(Sb.Numeric, 0x30, 0x39);
  set(Sb.Upper, 0x41, 0x5a);
  set(Sb.Lower, 0x61, 0x7a);
  for (const c of '!?') set(Sb.STerm, c.charCodeAt(0));
  set(Sb.ATerm, 0x2e);
  for (const c of ',-:;') set(Sb.SContinue, c.charCodeAt(0));
  for (const c of '"\'()[]{}\u00ab\u00bb') set(Sb.Close, c.charCodeAt(0));
  set(Sb.Sep, 0x85);
  set(Sb.Sp, 0xa0);
  // ª µ º are lowercase by Other_Lowercase or category Ll; × and ÷ are symbols among the letters.
  for (const c of [0xaa, 0xb5, 0xba]) set(Sb.Lower, c);
  set(Sb.Upper, 0xc0, 0xde);
  set(Sb.Lower, 0xdf, 0xff);
  set(Sb.Other, 0xd7);
  set(Sb.Other, 0xf7);
  // The soft hyphen is Format, which rule SB5 makes transparent: not handled here.
  set(Sb.Unknown, 0xad);
  return table;
}

const LATIN1 = buildLatin1();

function classOf(code: number): Sb {
  if (code < 0x100) return LATIN1[code] as Sb;
  // Basic Cyrillic: capitals U+0400-042F, small letters U+0430-045F.
  if (code >= 0x400 && code < 0x460) return code < 0x430 ? Sb.Upper : Sb.Lower;
  // Hangul syllables: letters without case.
  if (code >= 0xac00 && code <= 0xd7a3) return Sb.OLetter;
  switch (code) {
    case 0x2013: // en dash
    case 0x2014: // em dash
      return Sb.SContinue;
    case 0x2018: // typographic quotes
    case 0x2019:
    case 0x201a:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x2039:
    case 0x203a:
      return Sb.Close;
    case 0x2022: // bullet
    case 0x2026: // ellipsis
    case 0x2192: // rightwards arrow
    case 0x2212: // minus sign
      return Sb.Other;
    default:
      return Sb.Unknown;
  }
}

/**
 * Matches every character whose class is not Other, Sp, Lower, Upper, Numeric, OLetter, Close or
 * SContinue: the terminators, the paragraph separators and all that classOf does not cover, and
 * the rarer covered characters, which the scan then passes. What it skips never matters, and the
 * regex engine skips it faster than a loop of charCodeAt, which V8 slows down threefold once it
 * has seen the many string representations the callers pass (sliced, concatenated, one- and
 * two-byte). A few more ranges in the class made irregexp four times slower, hence the short list.
 */
const STOP = /[^\x00-\x09\x0b\x0c\x0e-\x20\x22-\x2d\x2f-\x3e\x40-\x84\x86-\xac\xae-\xff\u0400-\u045f\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/g;

function classAt(text: string, k: number): Sb {
  return k < text.length ? classOf(text.charCodeAt(k)) : Sb.End;
}

/**
 * The end offsets of the segments Intl.Segmenter('en', { granularity: 'sentence' }) cuts text
 * into, in order (the last is text.length; none for empty text), or null when the text holds a
 * character this scanner does not cover.
 */
export function sentenceBreaks(text: string): number[] | null {
  const ends: number[] = [];
  const to = text.length;
  let i = 0;
  while (i < to) {
    STOP.lastIndex = i;
    if (!STOP.test(text)) break;
    i = STOP.lastIndex;
    const cls = classOf(text.charCodeAt(i - 1));
    if (cls < Sb.ATerm) continue;
    if (cls === Sb.Unknown) return null;
    if (cls === Sb.CR || cls === Sb.LF || cls === Sb.Sep) {
      // SB3: CR × LF; SB4: ParaSep ÷.
      if (cls === Sb.CR && i < to && text.charCodeAt(i) === 10) i++;
      if (i < to) ends.push(i);
      continue;
    }
    let next = classAt(text, i);
    // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
    if (cls === Sb.ATerm && next === Sb.Numeric) continue;
    if (cls === Sb.ATerm && next === Sb.Upper && i > 1) {
      const before = classOf(text.charCodeAt(i - 2));
      if (before === Sb.Upper || before === Sb.Lower) continue;
    }
    // SB9, SB10: SATerm Close* Sp* × (Close | Sp | ParaSep), all Close first and then all Sp.
    while (next === Sb.Close) next = classAt(text, ++i);
    while (next === Sb.Sp) next = classAt(text, ++i);
    // SB8a: SATerm Close* Sp* × (SContinue | SATerm); a paragraph separator is cut after (SB4).
    if (next >= Sb.SContinue && next !== Sb.Unknown) continue;
    if (next === Sb.Unknown) return null;
    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
    if (cls === Sb.ATerm) {
      let q = i;
      let ahead: Sb = next;
      while (ahead === Sb.Other || ahead === Sb.Sp || ahead === Sb.Numeric || ahead === Sb.Close || ahead === Sb.SContinue) ahead = classAt(text, ++q);
      if (ahead === Sb.Unknown) return null;
      if (ahead === Sb.Lower) {
        i = q;
        continue;
      }
    }
    // SB11: SATerm Close* Sp* ÷.
    ends.push(i);
  }
  if (to > 0) ends.push(to);
  return ends;
}
