// Content or furniture, unit by unit. Each unit is first judged alone (length, link density,
// sentence punctuation, wording, recurrence across the corpus), then ambiguous units take the
// verdict of their neighbours, as in jusText (Pomikálek 2011): a short line between paragraphs
// of the article is part of it, the same line between menu entries is not. Headings are kept
// when content follows them.
// Verdicts and reasons are small integers in typed arrays: a corpus of short lines has tens of
// thousands of units per megabyte, and an object per unit and stage cost more than the judging.
import { CONSENT_BANNER_MAX_WORDS, furnitureKind, isConsentBanner, mayHaveWording, type FurnitureKind } from './phrases.js';
import type { Unit } from './units.js';

export type Reason = FurnitureKind | 'link-farm' | 'short-lines' | 'recurring' | 'residue' | 'context';

/** Reasons by rank, as runReason breaks a tie in count: wording beats recurrence beats shape. */
export const REASONS: readonly Reason[] = ['cookie', 'share', 'skip', 'newsletter', 'comments', 'footer', 'recurring', 'link-farm', 'navigation', 'short-lines', 'residue', 'context'];

/** A reason's code in `Judgement.reasons`: its rank plus one, 0 for none. */
const CODE = new Map<Reason, number>(REASONS.map((reason, rank) => [reason, rank + 1]));
const LINK_FARM = CODE.get('link-farm')!;
const SHARE = CODE.get('share')!;
const RECURRING = CODE.get('recurring')!;
const SHORT_LINES = CODE.get('short-lines')!;
const RESIDUE = CODE.get('residue')!;
const CONTEXT = CODE.get('context')!;

/** The reason coded as `code`, undefined for 0. */
export function reasonOf(code: number): Reason | undefined {
  return code === 0 ? undefined : REASONS[code - 1];
}

export const GOOD = 0;
export const NEAR = 1;
export const SHORT = 2;
export const BAD = 3;

/** Unit `i`'s verdict is `verdicts[i]` (GOOD, NEAR, SHORT or BAD) and its reason `reasonOf(reasons[i])`. */
export interface Judgement {
  verdicts: Uint8Array;
  reasons: Uint8Array;
}

export interface ClassifyOptions {
  maxLinkDensity: number;
  minContentWords: number;
  /** Keys of lines that recur across the corpus. */
  isRecurring: (unit: Unit) => boolean;
  /**
   * Whether `unit`, the document's last, reads as a sentence or list item cut off after `previous`,
   * a unit of content: then the document's end is no evidence of furniture.
   */
  isCutOff?: (unit: Unit, previous: Unit) => boolean;
}

const FURNITURE_MAX_WORDS = 12;
const RECURRING_GOOD_MAX_WORDS = 20;
const HEADING_MAX_WORDS = 20;
const HEADING_LOOKAHEAD = 5;
/** Characters of text between a heading and the content it introduces. */
const HEADING_DISTANCE = 200;

/** A verdict and a reason code in one number: the verdict in the low two bits. */
function judged(verdict: number, reason = 0): number {
  return verdict | (reason << 2);
}

function judgeAlone(unit: Unit, options: ClassifyOptions): number {
  if (unit.kind === 'code') return judged(GOOD);
  if (unit.words === 0) return judged(BAD, unit.hadLinks ? LINK_FARM : RESIDUE);
  if (unit.insideLink) return judged(BAD, LINK_FARM);
  // A linked heading is judged by what follows it, like any heading.
  if (unit.hadLinks && unit.linkDensity > 0.5) return judged(unit.kind === 'heading' ? SHORT : BAD, LINK_FARM);
  // Most short units have no furniture wording: one test rules out both kinds of wording.
  const worded = unit.words > FURNITURE_MAX_WORDS || mayHaveWording(unit.visible);
  if (worded && unit.words <= CONSENT_BANNER_MAX_WORDS && unit.kind !== 'heading' && isConsentBanner(unit.visible)) return judged(BAD, CODE.get('cookie'));
  if (worded && unit.words <= FURNITURE_MAX_WORDS) {
    const kind = furnitureKind(unit.visible);
    if (kind) return judged(BAD, CODE.get(kind));
  }
  const linky = unit.linkDensity > options.maxLinkDensity;
  const goodAlone = !linky && unit.words >= options.minContentWords && (unit.sentenceEnd || unit.words >= 2 * options.minContentWords);
  // Recurrence demotes furniture-shaped lines; a full paragraph found in several documents is
  // more likely syndicated or duplicated content, which is another rule's business.
  if ((!goodAlone || unit.words <= RECURRING_GOOD_MAX_WORDS) && options.isRecurring(unit)) return judged(BAD, RECURRING);
  if (goodAlone) return judged(GOOD);
  if (!linky && unit.words >= Math.ceil(options.minContentWords / 2) && unit.sentenceEnd) return judged(NEAR);
  if (unit.kind === 'table' && !linky) return judged(NEAR);
  return judged(SHORT, SHORT_LINES);
}

/** Lines with no words (a lone bracket, an image) carry no evidence either way; a fenced code block, which has no words the classifier counts, is content: menus and footers are not fenced. */
function isEvidence(unit: Unit): boolean {
  return unit.words > 0 || unit.fenced === true;
}

function isHeadingLike(unit: Unit, verdict: number): boolean {
  return (unit.kind === 'heading' && unit.words <= HEADING_MAX_WORDS) || (verdict === SHORT && unit.words <= HEADING_MAX_WORDS && !unit.hadLinks);
}

const MENU_ITEM_MAX_WORDS = 3;
const MENU_MIN_ITEMS = 3;

function isMenuItem(unit: Unit): boolean {
  return unit.kind === 'line' && unit.words > 0 && unit.words <= MENU_ITEM_MAX_WORDS && !unit.sentenceEnd;
}

/** Runs of one-to-three-word lines (`News`, `Travel`, `Food`): menu entries, never headings. */
function menuRuns(units: readonly Unit[]): Uint8Array {
  const inMenu = new Uint8Array(units.length);
  let i = 0;
  while (i < units.length) {
    let j = i;
    while (j < units.length && isMenuItem(units[j])) j++;
    if (j - i >= MENU_MIN_ITEMS) inMenu.fill(1, i, j);
    i = Math.max(j, i + 1);
  }
  return inMenu;
}

/**
 * A heading (or a short title-like line) followed by content is content. Between a title and its
 * first paragraph sit bylines and share bars, so the content may start a little later, as in
 * jusText's heading distance; a linked heading must be followed by content at once. Each unit
 * looks only at the verdicts after it, so promoting it at once changes no later decision.
 */
function promoteHeadings(units: readonly Unit[], verdicts: Uint8Array, reasons: Uint8Array): void {
  const inMenu = menuRuns(units);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const verdict = verdicts[i];
    if (inMenu[i]) continue;
    if (verdict === BAD && reasons[i] !== RECURRING) continue;
    if (!isHeadingLike(unit, verdict) || verdict === GOOD) continue;
    const linked = unit.linkDensity > 0.5;
    let distance = 0;
    let looked = 0;
    for (let k = i + 1; k < units.length && looked < HEADING_LOOKAHEAD && distance <= HEADING_DISTANCE; k++) {
      if (!isEvidence(units[k])) continue;
      looked++;
      const next = verdicts[k];
      if (next === GOOD) {
        verdicts[i] = GOOD;
        reasons[i] = 0;
        break;
      }
      if (linked || (next === BAD && reasons[k] !== LINK_FARM && reasons[k] !== SHARE)) break;
      distance += units[k].visible.length;
    }
  }
}

/** The verdict that decides for a unit's neighbours: GOOD or BAD, and NEAR unless `ignoreNear`; else -1. */
function decided(verdict: number, ignoreNear: boolean): number {
  return verdict === GOOD || verdict === BAD || (verdict === NEAR && !ignoreNear) ? verdict : -1;
}

export function classify(units: readonly Unit[], options: ClassifyOptions): Judgement {
  const count = units.length;
  const verdicts = new Uint8Array(count);
  const reasons = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const alone = judgeAlone(units[i], options);
    verdicts[i] = alone & 3;
    reasons[i] = alone >> 2;
  }
  promoteHeadings(units, verdicts, reasons);
  // For each unit, the nearest decided verdict after it (ignoring near ones, or not); the document edges count as bad.
  const nextDecided = new Uint8Array(count);
  const nextAny = new Uint8Array(count);
  let decidedAfter = BAD;
  let anyAfter = BAD;
  /** The document's last unit with evidence; -1 for none. */
  let lastEvidence = -1;
  for (let i = count - 1; i >= 0; i--) {
    nextDecided[i] = decidedAfter;
    nextAny[i] = anyAfter;
    if (!isEvidence(units[i])) continue;
    if (lastEvidence === -1) lastEvidence = i;
    const strict = decided(verdicts[i], true);
    if (strict !== -1) decidedAfter = strict;
    const any = decided(verdicts[i], false);
    if (any !== -1) anyAfter = any;
  }
  // Forward, settling each unit with the nearest verdicts before it, read before it was settled.
  let prevDecided = BAD;
  let prevAny = BAD;
  /** The last unit with evidence before unit i, already settled; -1 for none. */
  let prevEvidence = -1;
  for (let i = 0; i < count; i++) {
    const verdict = verdicts[i];
    const prev = prevDecided;
    const next = nextDecided[i];
    if (verdict === SHORT) {
      // A short line that introduces or follows a code block ("Install it:") explains the code.
      const besideCode = units[i - 1]?.fenced === true || units[i + 1]?.fenced === true;
      const good =
        (prev === GOOD && next === GOOD) ||
        (!(prev === BAD && next === BAD) && (prevAny === NEAR || nextAny[i] === NEAR || besideCode)) ||
        (i === lastEvidence && prevEvidence !== -1 && verdicts[prevEvidence] === GOOD && options.isCutOff?.(units[i], units[prevEvidence]) === true);
      verdicts[i] = good ? GOOD : BAD;
      reasons[i] = good ? 0 : reasons[i] || CONTEXT;
    } else if (verdict === NEAR) {
      const bad = prev === BAD && next === BAD;
      verdicts[i] = bad ? BAD : GOOD;
      reasons[i] = bad ? CONTEXT : 0;
    }
    if (!isEvidence(units[i])) continue;
    prevEvidence = i;
    const strict = decided(verdict, true);
    if (strict !== -1) prevDecided = strict;
    const any = decided(verdict, false);
    if (any !== -1) prevAny = any;
  }
  return { verdicts, reasons };
}
