// Word lookups read in place: a clause's words are hashed as they are scanned, ASCII case folded,
// and looked up in an open-addressing table, so no lower-case copy of a word is built unless it is
// one of the listed words. Every clause of every document is read this way, and a lower-cased
// slice and a Set lookup per word cost more than the scan itself.

export const WORD_HASH_SEED = 0x811c9dc5 & 0x3fffffff;

const foldAscii = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/** One step of the word hash over ASCII-lower-cased characters, kept to 30 bits so that V8 stores it as a small integer. */
export function wordHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ foldAscii(code), 0x01000193) & 0x3fffffff;
}

export function wordHash(word: string): number {
  let hash = WORD_HASH_SEED;
  for (let k = 0; k < word.length; k++) hash = wordHashStep(hash, word.charCodeAt(k));
  return hash;
}

/** Lower-case words with a value each, found by the hash of a word read in place. */
export class WordTable<V> {
  private readonly hashes: Int32Array;
  private readonly words: string[];
  private readonly values: V[];
  private readonly mask: number;

  constructor(entries: Iterable<[string, V]>) {
    const list = [...new Map(entries)];
    let size = 16;
    while (size < list.length * 4) size *= 2;
    // A hash is at most 30 bits, so -1 marks an empty slot.
    this.hashes = new Int32Array(size).fill(-1);
    this.words = new Array<string>(size).fill('');
    this.values = new Array<V>(size);
    this.mask = size - 1;
    for (const [word, value] of list) {
      let slot = WordTable.slotOf(wordHash(word)) & this.mask;
      while (this.hashes[slot] !== -1) slot = (slot + 1) & this.mask;
      this.hashes[slot] = wordHash(word);
      this.words[slot] = word;
      this.values[slot] = value;
    }
  }

  private static slotOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> 12;
  }

  /**
   * The slot of the listed word equal to text[from, to) with ASCII case folded, given that word's
   * hash from wordHashStep; -1 if it is not listed.
   */
  find(text: string, from: number, to: number, hash: number): number {
    for (let slot = WordTable.slotOf(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.hashes[slot];
      if (found === -1) return -1;
      if (found === hash && sameFolded(text, from, to, this.words[slot])) return slot;
    }
  }

  word(slot: number): string {
    return this.words[slot];
  }

  value(slot: number): V {
    return this.values[slot];
  }
}

function sameFolded(text: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (foldAscii(text.charCodeAt(from + k)) !== word.charCodeAt(k)) return false;
  return true;
}
