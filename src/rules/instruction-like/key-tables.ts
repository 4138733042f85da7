// Tables keyed by the positive integer word keys of context.ts (prefixKey), probed inline: the
// content-word scan asks one of them for every word of four letters or more, and a Map or Set
// lookup per word cost a third of that scan.

const slotOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 8;

/** A fixed set of keys. Keys are at least 1, so 0 marks an empty slot. */
export class KeySet {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(keys: Iterable<number>) {
    const list = [...new Set(keys)];
    let size = 16;
    while (size < list.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const key of list) {
      let slot = slotOf(key) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = key;
    }
  }

  has(key: number): boolean {
    for (let slot = slotOf(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.slots[slot];
      if (found === key) return true;
      if (found === 0) return false;
    }
  }
}

/** Dense ids 0, 1, 2, … for keys in order of first sight. Keys are at least 1, so 0 marks an empty slot. */
export class KeyIds {
  private keys: Int32Array;
  private ids: Int32Array;
  size = 0;

  constructor(capacity = 256) {
    this.keys = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  /** The key's id, given on first sight. */
  idOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = slotOf(key) & mask;
    for (let found = this.keys[slot]; found !== 0; found = this.keys[(slot = (slot + 1) & mask)]) {
      if (found === key) return this.ids[slot];
    }
    const id = this.size++;
    this.keys[slot] = key;
    this.ids[slot] = id;
    // Kept at most half full, so that probe runs stay short.
    if (this.size * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    return id;
  }

  private rehash(capacity: number): void {
    const { keys, ids } = this;
    this.keys = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === 0) continue;
      let slot = slotOf(keys[old]) & mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old];
      this.ids[slot] = ids[old];
    }
  }
}
