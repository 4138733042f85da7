// Lines that recur across many documents of one run are site furniture: the same menu, footer
// and share bar on every page. The pass keeps a 32-bit hash per distinct normalised line and a
// document count in flat typed arrays (5 bytes a slot), and the table stops growing at a cap: a
// multi-gigabyte corpus of mostly unique lines must not hold one map entry per line.
import type { Document } from '../../document/document.js';
import type { CorpusPass } from '../../types.js';
import { forEachUnitKey, splitUnits, type Unit } from './units.js';

export { lineKey } from './keys.js';

export interface BoilerplateOptions {
  maxLinkDensity: number;
  minContentWords: number;
  maxShare: number;
  minDocumentFrequency: number;
}

export interface RecurrenceState {
  /** While collecting: document counts per line key (an empty Map once finished). */
  counts: KeyCounts | Map<number, number>;
  /**
   * The recurring line keys, sorted, once finished. A flat array on shared memory: worker threads
   * receive the same pages instead of each a copy, and millions of keys cost 4 bytes each, not a
   * Set entry's tens.
   */
  recurring: Uint32Array | undefined;
}

/** Whether a line key is among the sorted recurring keys. */
export function isRecurringKey(recurring: Uint32Array, key: number): boolean {
  const k = key >>> 0;
  let lo = 0;
  let hi = recurring.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (recurring[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo < recurring.length && recurring[lo] === k;
}

/**
 * isRecurringKey with an index of where each run of top bits starts in the sorted keys: a lookup
 * reads one pair of offsets and searches only the few keys between them (most often none),
 * instead of a binary search over all of them whose every step may miss the cache.
 */
export class RecurringKeys {
  /** `starts[b]` is the index of the first key whose top bits are at least `b`. */
  private readonly starts: Uint32Array;
  private readonly shift: number;

  constructor(private readonly recurring: Uint32Array) {
    const bits = Math.min(20, Math.max(8, Math.ceil(Math.log2(recurring.length + 1))));
    this.shift = 32 - bits;
    this.starts = new Uint32Array((1 << bits) + 1);
    for (let i = 0; i < recurring.length; i++) this.starts[(recurring[i] >>> this.shift) + 1]++;
    for (let b = 0; b < 1 << bits; b++) this.starts[b + 1] += this.starts[b];
  }

  has(key: number): boolean {
    const k = key >>> 0;
    const bucket = k >>> this.shift;
    let lo = this.starts[bucket];
    let hi = this.starts[bucket + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.recurring[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts[bucket + 1] && this.recurring[lo] === k;
  }
}

const recurringKeys = new WeakMap<Uint32Array, RecurringKeys>();

/** The lookup for a run's recurring keys, built once per thread that sees them. */
export function recurringKeysOf(recurring: Uint32Array): RecurringKeys {
  let keys = recurringKeys.get(recurring);
  if (!keys) {
    keys = new RecurringKeys(recurring);
    recurringKeys.set(recurring, keys);
  }
  return keys;
}

/** Slots the table may grow to (32 MiB of arrays); past three quarters full, lines seen once are dropped. */
export const MAX_KEY_SLOTS = 1 << 22;

/**
 * Document counts per 32-bit key, open addressing with linear probing. Exact until
 * MAX_KEY_SLOTS * 3/4 distinct keys; then every key seen in only one document so far is forgotten
 * (so a line whose documents straddle that moment can be counted short and missed: recurrence is
 * only ever under-reported), while lines seen twice or more keep their counts: real furniture, on
 * many pages, is still found.
 */
export class KeyCounts {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private shift: number;
  size = 0;
  /** How many times lines seen once were dropped at the cap. */
  purges = 0;

  constructor(
    slots = 1 << 16,
    private readonly maxSlots = MAX_KEY_SLOTS,
  ) {
    this.keys = new Uint32Array(slots);
    this.counts = new Uint32Array(slots);
    this.shift = 32 - Math.log2(slots);
  }

  /** The first slot to probe: the top bits of a multiplicative hash, which mix every bit of the key. */
  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  add(key: number): void {
    const k = key >>> 0;
    const mask = this.keys.length - 1;
    for (let slot = this.home(k); ; slot = (slot + 1) & mask) {
      const count = this.counts[slot];
      if (count === 0) {
        this.keys[slot] = k;
        this.counts[slot] = 1;
        if (++this.size * 4 > this.keys.length * 3) this.makeRoom();
        return;
      }
      if (this.keys[slot] === k) {
        this.counts[slot] = count + 1;
        return;
      }
    }
  }

  forEach(visit: (key: number, count: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot++) if (this.counts[slot] > 0) visit(this.keys[slot], this.counts[slot]);
  }

  private survivors(floor: number): number {
    let keep = 0;
    for (let slot = 0; slot < this.counts.length; slot++) if (this.counts[slot] > floor) keep++;
    return keep;
  }

  private makeRoom(): void {
    const grow = this.keys.length < this.maxSlots;
    // At the cap, forget the keys seen once; should that not free half the table, those seen twice too, and so on.
    let floor = grow ? 0 : 1;
    let keep = this.survivors(floor);
    while (!grow && keep * 2 > this.keys.length) keep = this.survivors(++floor);
    // Survivors move out and back in, so a purge at the cap needs no second full-size table.
    const keys = new Uint32Array(keep);
    const counts = new Uint32Array(keep);
    for (let slot = 0, at = 0; slot < this.keys.length; slot++) {
      if (this.counts[slot] <= floor) continue;
      keys[at] = this.keys[slot];
      counts[at++] = this.counts[slot];
    }
    if (grow) {
      this.keys = new Uint32Array(this.keys.length * 2);
      this.counts = new Uint32Array(this.counts.length * 2);
      this.shift--;
    } else {
      this.purges++;
      this.counts.fill(0);
    }
    this.size = 0;
    const mask = this.keys.length - 1;
    for (let i = 0; i < keep; i++) {
      let slot = this.home(keys[i]);
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i];
      this.counts[slot] = counts[i];
      this.size++;
    }
  }
}

/**
 * The distinct keys of one document, in the order first seen, without a Set: most keys are past
 * the small-integer range, and a Set boxes each one. Slots are marked with the document's
 * generation, so starting the next document clears nothing.
 */
export class DocumentKeys {
  private keys = new Uint32Array(256);
  private marks = new Uint32Array(256);
  private shift = 24;
  /** Never 0, the mark of a slot no document used. */
  private generation = 1;
  private size = 0;

  /** Starts the next document. */
  next(): void {
    this.size = 0;
    if (++this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
  }

  /** Whether `key` is new to this document; if so it is remembered. */
  add(key: number): boolean {
    const k = key >>> 0;
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(k, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      if (this.marks[slot] !== this.generation) {
        this.marks[slot] = this.generation;
        this.keys[slot] = k;
        if (++this.size * 2 > this.keys.length) this.grow();
        return true;
      }
      if (this.keys[slot] === k) return false;
    }
  }

  private grow(): void {
    const { keys, marks, generation } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.marks = new Uint32Array(keys.length * 2);
    this.shift--;
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot++) if (marks[slot] === generation) this.add(keys[slot]);
  }
}

const documentKeys = new DocumentKeys();

export function unitsOf(document: Document, hashKeys = true): Unit[] {
  return document.shared(hashKeys ? 'boilerplate-units+keys' : 'boilerplate-units', () => splitUnits(document, hashKeys));
}

export const recurrencePass: CorpusPass<BoilerplateOptions, RecurrenceState> = {
  init: () => ({ counts: new KeyCounts(), recurring: undefined }),
  collect(state, document) {
    if (document.format === 'html') return;
    // Only the keys: the pass needs neither word counts nor link density, and its documents are
    // not the ones the check sees, so judging units here would be thrown away.
    // Each distinct key once per document, in the order first seen (at the cap, which keys are
    // dropped depends on that order), as it is found: the scan does not read the counts.
    const counts = state.counts as KeyCounts;
    documentKeys.next();
    forEachUnitKey(document, (key) => {
      if (key !== undefined && documentKeys.add(key)) counts.add(key);
    });
  },
  finish(state, _documentCount, options) {
    const counts = state.counts as KeyCounts;
    let size = 0;
    counts.forEach((_key, count) => {
      if (count >= options.minDocumentFrequency) size++;
    });
    const recurring = new Uint32Array(new SharedArrayBuffer(4 * size));
    let at = 0;
    counts.forEach((key, count) => {
      if (count >= options.minDocumentFrequency) recurring[at++] = key;
    });
    recurring.sort();
    return { counts: new Map(), recurring };
  },
};
