// Terms as numbers. The TF-IDF needs only which words of a document are equal, so each distinct
// term gets an id from a table keyed by its characters: no string per word, no toLowerCase for
// ASCII words and no string hashing by a Map. The tokenizer hashes a word's code units as it reads
// them, and the lookup compares the word where it stands in the text with the table's copy of the
// key. Two keys get the same id exactly when their characters are equal, so the figures are those
// of string terms.

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
 * The finished hash of a key's code units, A-Z read as a-z whether or not the key is lowered: keys
 * equal as they stand are equal lowered, so one hash serves both, and the tokenizer computes it
 * once as it reads a word, before it knows whether the word is a number (kept as written).
 */
export function hashOf(text: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < text.length; k++) hash = hashStep(hash, lowerAsciiCode(text.charCodeAt(k)));
  return hashEnd(hash, text.length);
}

/** toLowerCase of one ASCII code unit; other code units are returned as they are. */
export const lowerAsciiCode = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

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
   * The id of the key text[start, end) (A-Z read as a-z when `lowerAscii`), added when new. It is
   * read where it stands, not copied out first. `hash` is hashOf of those code units.
   */
  idOf(text: string, start: number, end: number, lowerAscii: boolean, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (id < 0) return this.add(text, start, length, lowerAscii, hash, slot);
      if (this.hashes[id] === hash && this.lengths[id] === length && this.equals(id, text, start, length, lowerAscii)) return id;
    }
  }

  /** A table holding the same keys under the same ids, that grows apart from this one. */
  copy(): TermTable {
    return new TermTable(this);
  }

  /**
   * Keeps the ids below `size` and forgets the rest, keeping the arrays as they have grown: a table
   * reused for another document starts where a fresh copy would, without being allocated and grown
   * again. The kept keys are placed again in id order, as a rehash would place them.
   */
  truncate(size: number): void {
    if (size >= this.size) return;
    this.used = this.starts[size];
    this.size = size;
    this.slots.fill(0);
    const mask = this.slots.length - 1;
    for (let id = 0; id < size; id++) {
      let slot = this.hashes[id] & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }

  /** How many slots the table has grown to: what keeping it costs. */
  get capacity(): number {
    return this.slots.length;
  }

  /** The key of an id as a string. */
  keyOf(id: number): string {
    let key = '';
    for (let i = this.starts[id], end = i + this.lengths[id]; i < end; i++) key += String.fromCharCode(this.chars[i]);
    return key;
  }

  private equals(id: number, text: string, from: number, length: number, lowerAscii: boolean): boolean {
    const chars = this.chars;
    const start = this.starts[id];
    for (let k = 0; k < length; k++) {
      const code = text.charCodeAt(from + k);
      if (chars[start + k] !== (lowerAscii ? lowerAsciiCode(code) : code)) return false;
    }
    return true;
  }

  private add(text: string, from: number, length: number, lowerAscii: boolean, hash: number, slot: number): number {
    const id = this.reserve(length);
    const offset = this.starts[id];
    for (let k = 0; k < length; k++) {
      const code = text.charCodeAt(from + k);
      this.chars[offset + k] = lowerAscii ? lowerAsciiCode(code) : code;
    }
    return this.place(id, hash, slot);
  }

  /** A new id with room for `length` code units of key at starts[id]. */
  private reserve(length: number): number {
    const id = this.size++;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, 2 * id);
      this.starts = grown(this.starts, 2 * id);
      this.lengths = grown(this.lengths, 2 * id);
    }
    if (this.used + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(2 * this.chars.length, this.used + length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    this.starts[id] = this.used;
    this.lengths[id] = length;
    this.used += length;
    return id;
  }

  private place(id: number, hash: number, slot: number): number {
    this.hashes[id] = hash;
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
