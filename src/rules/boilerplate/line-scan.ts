// What the classifier needs from a unit's lines, read from the document text itself. A line without
// link syntax takes one loop that yields its visible text (usually a slice), its words and its part
// of the recurrence key, where cleanText, countWords and lineKey would each walk their own copy: a
// loop over a per-line copy costs several times a loop over the document's own string. Lines with
// link syntax take visibleLine, and the same loop then reads its result. In the check, text outside
// ASCII leaves the key to lineKey, and a surrogate leaves the whole line to cleanText and countWords;
// the corpus pass, which needs only keys, hashes text outside ASCII in place too.
import type { DocumentFormat } from '../../types.js';
import { isKeyBreak, isSpace, SINGLE_WORD, WORD_CHAR, wordClass } from './chars.js';
import { ASCII_CLASS, ASCII_WORDISH, BARE_URL_AT, BREAK, cleanRange, DIGIT, dropMarkup, isAsciiWordChar, LETTER, MARKERS_AT, MARKUP, mayStartMarker, OTHER, SPACE, WIDE } from './scan-classes.js';
import { lineKey } from './keys.js';
import { hashWide, storeKey } from './key-scan.js';
import { cleanText, countWords, endsSentence, SENTENCE_END_CHARS, visibleLine } from './visible.js';
import { LinkSyntax } from './link-syntax.js';
import { PlainLine } from './plain-line.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Words after which the check stops hashing a unit's key, leaving it to lineKey of the visible
 * text should it be asked for. With the default options a unit this long is looked up only when
 * its link density disqualifies it as content, which is rare, and the key loop is most of the cost
 * of the long lines that hold most of a corpus's text. Any limit gives the same keys.
 */
const HASHED_WORDS_MAX = 24;

/** Accumulates one unit, line by line; `reset` starts the next. */
export class UnitScan {
  visible = '';
  words = 0;
  linkChars = 0;
  hadLinks = false;
  hash = FNV_OFFSET;
  letters = 0;
  started = false;
  pendingSpace = false;
  inDigits = false;
  /** The last non-empty part joined into `visible`. */
  private lastPart = '';
  /** False once a line could not be hashed in place: the key is then lineKey of the visible text. */
  private asciiKey = true;
  private readonly links: LinkSyntax;
  private readonly plain = new PlainLine();

  /**
   * With `keysOnly` (the corpus pass), lines are hashed without building their visible text or
   * counting words; a unit with a line that needs the text around a character to be lower-cased
   * (keyUnitAt) reports `needsVisible` and is scanned again in full.
   */
  constructor(
    private readonly text: string,
    private readonly format: DocumentFormat,
    private readonly keysOnly = false,
    /** Without it the key is left to lineKey, for a run with no recurring lines to look up. */
    private readonly hashKeys = true,
  ) {
    this.links = new LinkSyntax(text, format);
  }

  get needsVisible(): boolean {
    return this.keysOnly && !this.asciiKey;
  }

  reset(): void {
    this.visible = '';
    this.lastPart = '';
    this.words = 0;
    this.linkChars = 0;
    this.hadLinks = false;
    this.hash = FNV_OFFSET;
    this.letters = 0;
    this.started = false;
    this.pendingSpace = false;
    this.inDigits = false;
    this.asciiKey = this.hashKeys;
  }

  /** `lineKey(visible)`, computed as the lines went by. */
  key(): number | undefined {
    const key = this.scannedKey();
    return key === null ? lineKey(this.visible) : key;
  }

  /** The key if the lines were ASCII, else null: lineKey of the visible text, left for when it is asked for. */
  scannedKey(): number | undefined | null {
    if (!this.asciiKey) return null;
    return this.letters < 3 ? undefined : this.hash >>> 0;
  }

  /** Adds the line `text[start, end)`, list or heading marker included, as visibleLine reads it. */
  addLine(start: number, end: number): void {
    // Lines are joined by a space, which the key reads as a break.
    this.pendingSpace = true;
    this.inDigits = false;
    if (start >= end || this.needsVisible) return;
    if (this.links.within(start, end)) {
      if (this.addUrlLine(start, end)) return;
      const part = visibleLine(this.text.slice(start, end), this.format);
      this.linkChars += part.linkChars;
      this.hadLinks ||= part.hadLinks;
      // The visible text is clean already: the same loop counts its words and hashes it.
      if (this.keysOnly) this.scanKey(part.text, 0, part.text.length);
      else if (!this.scanLine(part.text, 0, part.text.length)) this.append(part.text, countWords(part.text));
      return;
    }
    this.addSegment(this.bodyStart(start, end), end);
  }

  /** Where the line's body starts, after its list, heading or quote marker (MARKERS). */
  private bodyStart(start: number, end: number): number {
    if (!mayStartMarker(this.text.charCodeAt(start))) return start;
    MARKERS_AT.lastIndex = start;
    MARKERS_AT.test(this.text);
    return Math.min(MARKERS_AT.lastIndex, end);
  }

  /** cleanText of `text[from, to)` as one more part of the unit, with its words and key. */
  private addSegment(from: number, to: number): void {
    if (this.keysOnly) this.scanKey(this.text, from, to);
    else if (!this.scanLine(this.text, from, to)) {
      const part = cleanText(this.text.slice(from, to));
      this.append(part, countWords(part));
    }
  }

  /**
   * A line whose link syntax is bare URLs only, read in place. Without a `[` opening an html-to-text
   * target (text), or a `](` or a `[` ending the line (Markdown), visibleLine resolves no link but
   * replaces each BARE_URL match of the body with a space and cleans the result; cleaning text with
   * a space in it gives the cleaned pieces on either side joined by one space, empty pieces
   * dropped, which is how parts join. Returns false, having changed nothing, for a line with other
   * link syntax or one that does not end at a line break or the end of the text (where the
   * document-wide search, or a URL, could see past the line).
   */
  private addUrlLine(start: number, end: number): boolean {
    const { text } = this;
    const after = text.charCodeAt(end);
    if (this.links.hasBracketSyntax(end) || (end < text.length && after !== 10 && after !== 13)) return false;
    const body = this.bodyStart(start, end);
    let from = body;
    for (let at = this.links.urlStart(body); at !== -1 && at < end; at = this.links.urlStart(at + 1)) {
      // `\b` before the scheme: in the body's own string, its first character has nothing before it.
      if (at > body && isAsciiWordChar(text.charCodeAt(at - 1))) continue;
      BARE_URL_AT.lastIndex = at;
      if (!BARE_URL_AT.test(text)) continue;
      this.hadLinks = true;
      this.addSegment(from, at);
      // The space the URL became.
      this.pendingSpace = true;
      this.inDigits = false;
      if (this.needsVisible) return true;
      from = BARE_URL_AT.lastIndex;
      at = from - 1;
    }
    this.addSegment(from, end);
    return true;
  }

  private append(part: string, words: number): void {
    if (part !== '') {
      this.visible = this.visible === '' ? part : `${this.visible} ${part}`;
      this.lastPart = part;
    }
    this.words += words;
  }

  /**
   * endsSentence of the visible text. It reads at most the last SENTENCE_END_CHARS characters, so a
   * last part that long answers for the whole: the parts joined before it, a string V8 keeps as a
   * tree until a character of it is read, then need not be copied into one (a long paragraph's
   * visible text is otherwise only measured).
   */
  sentenceEnd(): boolean {
    return endsSentence(this.lastPart.length >= SENTENCE_END_CHARS ? this.lastPart : this.visible);
  }

  /**
   * `text[from, to)`, the body of a line without link syntax or a visible text already built: its
   * visible text, words and key in one loop. Outside ASCII the key is left to lineKey; at a
   * surrogate, whose pairing cleanText may change, it returns false and leaves the line to the caller.
   */
  private scanLine(text: string, from: number, to: number): boolean {
    if (!this.asciiKey && this.plain.read(text, from, to)) {
      this.append(this.plain.visible, this.plain.words);
      return true;
    }
    let hashing = this.asciiKey;
    let hash = this.hash;
    let letters = this.letters;
    let started = this.started;
    let pendingSpace = this.pendingSpace;
    let inDigits = this.inDigits;
    let ascii = true;
    let words = 0;
    let inWord = false;
    let first = -1;
    let last = -1;
    /** Markup to drop between the first and last characters kept. */
    let markup = false;
    /** Whitespace between words that is not one space: cleanText must rebuild. */
    let dirty = false;
    let gap = 0;
    let gapIrregular = false;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      let cls: number;
      if (code < 128) cls = ASCII_CLASS[code];
      else if (code >= 0xd800 && code <= 0xdfff) {
        this.asciiKey = false;
        return false;
      } else {
        cls = isSpace(code) ? BREAK : WIDE;
        // Without a key to hash, or once it is lost, a unit outside ASCII is not looked up.
        if (ascii && (!hashing || !isKeyBreak(code))) ascii = false;
      }
      if (cls === MARKUP) {
        markup = true;
        continue;
      }
      if (cls === SPACE || cls === BREAK) {
        gap++;
        if (cls === BREAK) gapIrregular = true;
        pendingSpace = true;
        inDigits = false;
        inWord = false;
        continue;
      }
      if (first === -1) first = i;
      else if (gap > 1 || gapIrregular) dirty = true;
      last = i;
      gap = 0;
      gapIrregular = false;
      if (cls === WIDE) {
        // A break for the key; any other wide unit has given up the ASCII key already.
        pendingSpace = true;
        inDigits = false;
        // As countWords reads it: a word character continues a word; otherwise a Han or Kana
        // character is a word of its own, and any other letter or digit starts one.
        const word = wordClass(code);
        if (!inWord || !(word & WORD_CHAR)) {
          inWord = false;
          if (word & SINGLE_WORD) words++;
          else if (word & WORD_CHAR) {
            words++;
            inWord = true;
          }
        }
        continue;
      }
      if (cls === OTHER) {
        pendingSpace = true;
        inDigits = false;
        inWord = false;
        continue;
      }
      if (hashing && !inWord && this.words + words >= HASHED_WORDS_MAX) hashing = false;
      if (hashing) {
        if (pendingSpace && started) hash = Math.imul(hash ^ 32, FNV_PRIME);
        pendingSpace = false;
        started = true;
        if (cls === LETTER) {
          hash = Math.imul(hash ^ (code | 32), FNV_PRIME);
          letters++;
          inDigits = false;
        } else if (!inDigits) {
          hash = Math.imul(hash ^ 48, FNV_PRIME);
          inDigits = true;
        }
      }
      if (!inWord) {
        words++;
        inWord = true;
      }
      // The rest of the run of ASCII letters and digits changes only the key and `last`: each unit
      // would find the word started, no gap before it and no space pending.
      let j = i + 1;
      if (hashing) {
        for (; j < to; j++) {
          const next = text.charCodeAt(j);
          if (next >= 128) break;
          const nextCls = ASCII_CLASS[next];
          if (nextCls === LETTER) {
            hash = Math.imul(hash ^ (next | 32), FNV_PRIME);
            letters++;
            inDigits = false;
          } else if (nextCls !== DIGIT) break;
          else if (!inDigits) {
            hash = Math.imul(hash ^ 48, FNV_PRIME);
            inDigits = true;
          }
        }
      } else {
        for (; j < to; j++) {
          const next = text.charCodeAt(j);
          if (next >= 128 || ASCII_WORDISH[next] === 0) break;
        }
      }
      last = j - 1;
      i = j - 1;
    }
    if (ascii && hashing) {
      storeKey(this, hash, letters, started, pendingSpace, inDigits);
    } else this.asciiKey = false;
    this.append(dirty ? cleanRange(text, from, to) : first === -1 ? '' : markup ? dropMarkup(text.slice(first, last + 1)) : text.slice(first, last + 1), words);
    return true;
  }

  /**
   * The key's part of scanLine alone, for the corpus pass. At the first code unit outside ASCII
   * that is no key break, hashWide reads the rest of the range, so that this loop stays as lean as
   * an ASCII text needs.
   */
  private scanKey(text: string, from: number, to: number): void {
    let hash = this.hash;
    let letters = this.letters;
    let started = this.started;
    let pendingSpace = this.pendingSpace;
    let inDigits = this.inDigits;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) {
        if (!isKeyBreak(code)) {
          storeKey(this, hash, letters, started, pendingSpace, inDigits);
          if (!hashWide(this, text, i, to)) this.asciiKey = false;
          return;
        }
        pendingSpace = true;
        inDigits = false;
        continue;
      }
      const cls = ASCII_CLASS[code];
      if (cls === LETTER || cls === DIGIT) {
        if (pendingSpace && started) hash = Math.imul(hash ^ 32, FNV_PRIME);
        pendingSpace = false;
        started = true;
        if (cls === LETTER) {
          hash = Math.imul(hash ^ (code | 32), FNV_PRIME);
          letters++;
          inDigits = false;
        } else if (!inDigits) {
          hash = Math.imul(hash ^ 48, FNV_PRIME);
          inDigits = true;
        }
      } else if (cls !== MARKUP) {
        pendingSpace = true;
        inDigits = false;
      }
    }
    storeKey(this, hash, letters, started, pendingSpace, inDigits);
  }
}
