// Sets of content-word keys (context.ts's prefixKey numbers), probed without a Set.

/**
 * A set of word keys as an open-addressing table probed inline: the content-word scan asks it for
 * every word of four letters or more, and a Set lookup per word was a third of the scan.
 */
export class KeySet {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(keys: Iterable<number>) {
    const list = [...new Set(keys)];
    let size = 16;
    while (size < list.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    // Keys are at least 1 (every letter is a digit of 1 or more), so 0 marks an empty slot.
    for (const key of list) {
      let slot = KeySet.hash(key) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = key;
    }
  }

  private static hash(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> 16;
  }

  has(key: number): boolean {
    for (let slot = KeySet.hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.slots[slot];
      if (found === key) return true;
      if (found === 0) return false;
    }
  }
}
