// Content or furniture, unit by unit. Each unit is first judged alone (length, link density,
// sentence punctuation, wording, recurrence across the corpus), then ambiguous units take the
// verdict of their neighbours, as in jusText (Pomikálek 2011): a short line between paragraphs
// of the article is part of it, the same line between menu entries is not. Headings are kept
// when content follows them.
import { CONSENT_BANNER_MAX_WORDS, furnitureKind, isConsentBanner, mayHaveWording, type FurnitureKind } from './phrases.js';
import type { Unit } from './units.js';

export type Verdict = 'good' | 'near' | 'short' | 'bad';
export type Reason = FurnitureKind | 'link-farm' | 'short-lines' | 'recurring' | 'residue' | 'context';

export interface Judged {
  unit: Unit;
  verdict: Verdict;
  reason?: Reason;
}

export interface ClassifyOptions {
  maxLinkDensity: number;
  minContentWords: number;
  /** Keys of lines that recur across the corpus. */
  isRecurring: (unit: Unit) => boolean;
}

const FURNITURE_MAX_WORDS = 12;
const RECURRING_GOOD_MAX_WORDS = 20;
const HEADING_MAX_WORDS = 20;
const HEADING_LOOKAHEAD = 5;
/** Characters of text between a heading and the content it introduces. */
const HEADING_DISTANCE = 200;

function judgeAlone(unit: Unit, options: ClassifyOptions): Judged {
  if (unit.kind === 'code') return { unit, verdict: 'good' };
  if (unit.words === 0) return { unit, verdict: 'bad', reason: unit.hadLinks ? 'link-farm' : 'residue' };
  if (unit.insideLink) return { unit, verdict: 'bad', reason: 'link-farm' };
  // A linked heading is judged by what follows it, like any heading.
  if (unit.hadLinks && unit.linkDensity > 0.5) return unit.kind === 'heading' ? { unit, verdict: 'short', reason: 'link-farm' } : { unit, verdict: 'bad', reason: 'link-farm' };
  // Most short units have no furniture wording: one test rules out both kinds of wording.
  const worded = unit.words > FURNITURE_MAX_WORDS || mayHaveWording(unit.visible);
  if (worded && unit.words <= CONSENT_BANNER_MAX_WORDS && unit.kind !== 'heading' && isConsentBanner(unit.visible)) return { unit, verdict: 'bad', reason: 'cookie' };
  if (worded && unit.words <= FURNITURE_MAX_WORDS) {
    const kind = furnitureKind(unit.visible);
    if (kind) return { unit, verdict: 'bad', reason: kind };
  }
  const linky = unit.linkDensity > options.maxLinkDensity;
  const goodAlone = !linky && unit.words >= options.minContentWords && (unit.sentenceEnd || unit.words >= 2 * options.minContentWords);
  // Recurrence demotes furniture-shaped lines; a full paragraph found in several documents is
  // more likely syndicated or duplicated content, which is another rule's business.
  if ((!goodAlone || unit.words <= RECURRING_GOOD_MAX_WORDS) && options.isRecurring(unit)) return { unit, verdict: 'bad', reason: 'recurring' };
  if (goodAlone) return { unit, verdict: 'good' };
  if (!linky && unit.words >= Math.ceil(options.minContentWords / 2) && unit.sentenceEnd) return { unit, verdict: 'near' };
  if (unit.kind === 'table' && !linky) return { unit, verdict: 'near' };
  return { unit, verdict: 'short', reason: 'short-lines' };
}

/** For each unit, the nearest decided verdict before (or after) it; the document edges count as bad. */
function nearestVerdicts(judged: Judged[], step: 1 | -1, ignoreNear: boolean): Verdict[] {
  const result: Verdict[] = new Array(judged.length);
  let last: Verdict = 'bad';
  for (let k = 0; k < judged.length; k++) {
    const i = step === 1 ? k : judged.length - 1 - k;
    result[i] = last;
    // Lines with no words (a lone bracket, an image) carry no evidence either way; a fenced code
    // block, which has no words the classifier counts, is content: menus and footers are not fenced.
    if (judged[i].unit.words === 0 && !judged[i].unit.fenced) continue;
    const v = judged[i].verdict;
    if (v === 'good' || v === 'bad' || (v === 'near' && !ignoreNear)) last = v;
  }
  return result;
}

function isHeadingLike(j: Judged): boolean {
  return (j.unit.kind === 'heading' && j.unit.words <= HEADING_MAX_WORDS) || (j.verdict === 'short' && j.unit.words <= HEADING_MAX_WORDS && !j.unit.hadLinks);
}

const MENU_ITEM_MAX_WORDS = 3;
const MENU_MIN_ITEMS = 3;

/** Runs of one-to-three-word lines (`News`, `Travel`, `Food`): menu entries, never headings. */
function menuRuns(judged: Judged[]): boolean[] {
  const inMenu = judged.map(() => false);
  let i = 0;
  while (i < judged.length) {
    let j = i;
    while (j < judged.length && judged[j].unit.kind === 'line' && judged[j].unit.words > 0 && judged[j].unit.words <= MENU_ITEM_MAX_WORDS && !judged[j].unit.sentenceEnd) j++;
    if (j - i >= MENU_MIN_ITEMS) for (let k = i; k < j; k++) inMenu[k] = true;
    i = Math.max(j, i + 1);
  }
  return inMenu;
}

export function classify(units: Unit[], options: ClassifyOptions): Judged[] {
  const judged = units.map((unit) => judgeAlone(unit, options));
  // A heading (or a short title-like line) followed by content is content. Between a title
  // and its first paragraph sit bylines and share bars, so the content may start a little later,
  // as in jusText's heading distance; a linked heading must be followed by content at once.
  const inMenu = menuRuns(judged);
  const promoted = new Set<number>();
  for (let i = 0; i < judged.length; i++) {
    const j = judged[i];
    if (inMenu[i]) continue;
    if (j.verdict === 'bad' && j.reason !== 'recurring') continue;
    if (!isHeadingLike(j) || j.verdict === 'good') continue;
    const linked = j.unit.linkDensity > 0.5;
    let distance = 0;
    let looked = 0;
    for (let k = i + 1; k < judged.length && looked < HEADING_LOOKAHEAD && distance <= HEADING_DISTANCE; k++) {
      if (judged[k].unit.words === 0 && !judged[k].unit.fenced) continue;
      looked++;
      const v = judged[k].verdict;
      if (v === 'good') {
        promoted.add(i);
        break;
      }
      if (linked || (v === 'bad' && judged[k].reason !== 'link-farm' && judged[k].reason !== 'share')) break;
      distance += judged[k].unit.visible.length;
    }
  }
  for (const i of promoted) judged[i] = { unit: judged[i].unit, verdict: 'good' };
  const prevDecided = nearestVerdicts(judged, 1, true);
  const nextDecided = nearestVerdicts(judged, -1, true);
  const prevAnyVerdict = nearestVerdicts(judged, 1, false);
  const nextAnyVerdict = nearestVerdicts(judged, -1, false);
  const settled = judged.map((j, i): Judged => {
    const prev = prevDecided[i];
    const next = nextDecided[i];
    if (j.verdict === 'short') {
      if (prev === 'good' && next === 'good') return { unit: j.unit, verdict: 'good' };
      if (prev === 'bad' && next === 'bad') return { unit: j.unit, verdict: 'bad', reason: j.reason ?? 'context' };
      const prevAny = prevAnyVerdict[i];
      const nextAny = nextAnyVerdict[i];
      // A short line that introduces or follows a code block ("Install it:") explains the code.
      const besideCode = judged[i - 1]?.unit.fenced === true || judged[i + 1]?.unit.fenced === true;
      return prevAny === 'near' || nextAny === 'near' || besideCode ? { unit: j.unit, verdict: 'good' } : { unit: j.unit, verdict: 'bad', reason: j.reason ?? 'context' };
    }
    if (j.verdict === 'near') {
      return prev === 'bad' && next === 'bad' ? { unit: j.unit, verdict: 'bad', reason: 'context' } : { unit: j.unit, verdict: 'good' };
    }
    return j;
  });
  return settled;
}
