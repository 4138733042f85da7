// The corpus pass's key of text outside ASCII, read in place. lineKey lower-cases a unit's whole
// visible text and reads its code points; lower-casing maps each code point on its own but for the
// few keyUnitAt declines, so the key can be hashed from the document text as the scan goes, where
// the unit would otherwise be scanned again in full for its visible text and a lower-cased copy.
import { NUMBER } from './chars.js';
import { KEY_UNIT_UNKNOWN, KEY_UNIT_WIDE, keyUnitAt } from './keys.js';

const FNV_PRIME = 0x01000193;

/** The running state of a key, as UnitScan keeps it between lines. */
export interface KeyState {
  hash: number;
  letters: number;
  started: boolean;
  pendingSpace: boolean;
  inDigits: boolean;
}

/**
 * Hashes `text[from, to)` (markup skipped, as the visible text drops it) into `state`; false, with
 * `state` part-way, where a code unit needs the text around it (the key must then come from the
 * visible text).
 */
export function hashWide(state: KeyState, text: string, from: number, to: number): boolean {
  let { hash, letters, started, pendingSpace, inDigits } = state;
  // The second half of a pair that keyUnitAt read with the first.
  let pairEnd = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    let category: number;
    let lower = code | 32;
    let wide = false;
    if (code >= 128) {
      if (pairEnd) {
        pairEnd = false;
        continue;
      }
      const unit = keyUnitAt(text, i, to);
      if (unit === KEY_UNIT_UNKNOWN) return false;
      wide = pairEnd = (unit & KEY_UNIT_WIDE) !== 0;
      category = unit & 3;
      lower = unit >>> 3;
    } else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) category = 1;
    else if (code >= 48 && code <= 57) category = NUMBER;
    // Markup (`\`, `*`, `_`, backtick) is dropped from the visible text: no break.
    else if (code === 92 || code === 42 || code === 95 || code === 96) continue;
    else category = 0;
    if (category === 0) {
      pendingSpace = true;
      inDigits = false;
      continue;
    }
    if (pendingSpace && started) hash = Math.imul(hash ^ 32, FNV_PRIME);
    pendingSpace = false;
    started = true;
    if (category === NUMBER) {
      if (!inDigits) hash = Math.imul(hash ^ 48, FNV_PRIME);
      inDigits = true;
      continue;
    }
    if (wide) {
      hash = Math.imul(hash ^ (0xd800 + ((lower - 0x10000) >> 10)), FNV_PRIME);
      hash = Math.imul(hash ^ (0xdc00 + ((lower - 0x10000) & 0x3ff)), FNV_PRIME);
      letters += 2;
    } else {
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      letters++;
    }
    inDigits = false;
  }
  storeKey(state, hash, letters, started, pendingSpace, inDigits);
  return true;
}

/** Writes a key's running state back, where a scan that kept it in locals stops. */
export function storeKey(state: KeyState, hash: number, letters: number, started: boolean, pendingSpace: boolean, inDigits: boolean): void {
  state.hash = hash;
  state.letters = letters;
  state.started = started;
  state.pendingSpace = pendingSpace;
  state.inDigits = inDigits;
}
