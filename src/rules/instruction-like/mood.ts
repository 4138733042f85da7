// The mood of a clause: the first word that could carry it, after list markers and openers such as
// "Please" or "Now,", and whether that word is a base-form verb (an imperative).
import { IMPERATIVE_OPENERS, NOT_IMPERATIVE } from './lexicons.js';

/** The first word that could carry the mood of the clause, after list markers and openers. */
export function leadingVerb(text: string): string {
  const words = /^[\s\d.)*•+#>'"“‘([{-]{0,8}([A-Za-z'’]{1,30})[\s,:!]{0,4}([A-Za-z'’]{0,30})[\s,:!]{0,4}([A-Za-z'’]{0,30})/.exec(text);
  if (!words) return '';
  for (let i = 1; i <= 3; i++) {
    const w = (words[i] ?? '').toLowerCase().replace('’', "'");
    if (!w) return '';
    if (!IMPERATIVE_OPENERS.has(w)) return w;
  }
  return '';
}

export function isImperativeVerb(verb: string, verbs: ReadonlySet<string>): boolean {
  return verb !== '' && verbs.has(verb) && !NOT_IMPERATIVE.has(verb);
}

export function isImperative(text: string, verbs: ReadonlySet<string>): boolean {
  return isImperativeVerb(leadingVerb(text), verbs);
}

