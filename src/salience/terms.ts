// Terms as numbers. The TF-IDF needs only which words of a document are equal, so each distinct
// term gets an id from a table keyed by its characters: no string per word, no toLowerCase for
// ASCII words and no string hashing by a Map. The tokenizer copies a word's code units into a
// buffer and hashes them as it reads them, so the lookup compares typed arrays and never reads the
// text again. Two keys get the same id exactly when their characters are equal, so the figures
// are those of string terms.

/**
 * Per-process hash seed: the probe order (never the ids' meaning) depends on the hash, and a
 * seed a document cannot know keeps a crafted set of colliding words from making a table slow.
 */
export const HASH_SEED = (Math.random() * 0x100000000) | 0;

/** One code unit into a running hash that started at HASH_SEED. */
export function hashStep(hash: number, code: number): number {
  const h = Math.imul(hash ^ code, 0x5bd1e995);
  return h ^ (h >>> 13);
}

/** The running hash of `length` code units, finished. */
export function hashEnd(hash: number, length: number): number {
  const h = Math.imul(hash ^ length ^ (hash >>> 15), 0x27d4eb2d);
  return h ^ (h >>> 16);
}

/**
 * The finished hash of buffer[0, length), A-Z read as a-z whether or not the key is lowered: keys
 * equal as they stand are equal lowered, so one hash serves both, and the tokenizer computes it
 * once as it reads a word, before it knows whether the word is a number (kept as written).
 */
export function hashOf(buffer: Uint16Array, length: number): number {
  let hash = HASH_SEED;
  for (let k = 0; k < length; k++) hash = hashStep(hash, lowerAsciiCode(buffer[k]));
  return hashEnd(hash, length);
}

/** toLowerCase of one ASCII code unit; other code units are returned as they are. */
export const lowerAsciiCode = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/** A buffer of code units that grows to take a word of any length. */
export class CodeBuffer {
  codes = new Uint16Array(64);
  length = 0;

  push(code: number): void {
    if (this.length === this.codes.length) {
      const codes = new Uint16Array(2 * this.length);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.codes[this.length++] = code;
  }

  /** The buffer holds `text` instead. */
  setText(text: string): void {
    this.length = 0;
    for (let i = 0; i < text.length; i++) this.push(text.charCodeAt(i));
  }
}

/** Distinct keys by id, in order of first insertion. */
export class TermTable {
  private slots: Int32Array;
  private hashes: Int32Array;
  private starts: Int32Array;
  private lengths: Int32Array;
  /** The keys' code units, one key after another, A-Z already lowered where the key asked for it. */
  private chars: Uint16Array;
  private used = 0;
  size = 0;

  /** An empty table, or a copy of `from` (its arrays copied, not first allocated empty: a copy is made per document). */
  constructor(from?: TermTable) {
    this.slots = from ? from.slots.slice() : new Int32Array(64);
    this.hashes = from ? from.hashes.slice() : new Int32Array(32);
    this.starts = from ? from.starts.slice() : new Int32Array(32);
    this.lengths = from ? from.lengths.slice() : new Int32Array(32);
    this.chars = from ? from.chars.slice() : new Uint16Array(256);
    this.used = from ? from.used : 0;
    this.size = from ? from.size : 0;
  }

  /**
   * The id of the key in `word` (its code units, A-Z read as a-z when `lowerAscii`), added when
   * new unless `add` is false (then -1). `hash` is hashOf(word.codes, word.length).
   */
  idOf(word: CodeBuffer, lowerAscii: boolean, hash: number, add = true): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (id < 0) return add ? this.add(word, lowerAscii, hash, slot) : -1;
      if (this.hashes[id] === hash && this.lengths[id] === word.length && this.equals(id, word, lowerAscii)) return id;
    }
  }

  /** A table holding the same keys under the same ids, that grows apart from this one. */
  copy(): TermTable {
    return new TermTable(this);
  }

  /** The key of an id as a string. */
  keyOf(id: number): string {
    let key = '';
    for (let i = this.starts[id], end = i + this.lengths[id]; i < end; i++) key += String.fromCharCode(this.chars[i]);
    return key;
  }

  private equals(id: number, word: CodeBuffer, lowerAscii: boolean): boolean {
    const chars = this.chars;
    const codes = word.codes;
    const start = this.starts[id];
    for (let k = 0; k < word.length; k++) {
      if (chars[start + k] !== (lowerAscii ? lowerAsciiCode(codes[k]) : codes[k])) return false;
    }
    return true;
  }

  private add(word: CodeBuffer, lowerAscii: boolean, hash: number, slot: number): number {
    const id = this.size++;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, 2 * id);
      this.starts = grown(this.starts, 2 * id);
      this.lengths = grown(this.lengths, 2 * id);
    }
    const length = word.length;
    if (this.used + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(2 * this.chars.length, this.used + length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    for (let k = 0; k < length; k++) this.chars[this.used + k] = lowerAscii ? lowerAsciiCode(word.codes[k]) : word.codes[k];
    this.hashes[id] = hash;
    this.starts[id] = this.used;
    this.lengths[id] = length;
    this.used += length;
    this.slots[slot] = id + 1;
    // At most half full, so a probe for a missing key ends soon at an empty slot.
    if (2 * this.size > this.slots.length) this.rehash(2 * this.slots.length);
    return id;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array, size: number) {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}
