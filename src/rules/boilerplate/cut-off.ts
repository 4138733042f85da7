// The last line of a record that stops mid-sentence: an LLM answer that reached its token limit,
// an email clipped by an export. Classify counts the document's end as furniture, which is right
// for a page ("Tags: travel, food", a menu, a footer) and wrong for a sentence that runs on from
// the paragraph above it. What tells the two apart is the line's own shape: furniture is made of
// labels and names, a cut-off sentence of function words, or it is the next step of a numbered list.
import type { Unit } from './units.js';

/**
 * English function words as running prose writes them, in lower case: frequent in sentences, rare
 * in menus, tag lists and credits, whose capitalised `By`, `Of` or `US` (Title Case, acronyms)
 * this does not count.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet if then than because while although though as of to in on at by for with from into onto ' +
    'over under between through after before during without within against that this these those which who whom whose what when where how ' +
    'is are was were be been being am has have had do does did will would can could should may might must shall not no ' +
    'it its they them their we our you your he she his her him i me my us'
  ).split(' '),
);

/** Words as written, apostrophes kept inside a word (`don't`, `it's`). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const LOWER_INITIAL = /^\p{Ll}/u;

const PROSE_MIN_WORDS = 5;
/** Cut-off last lines of the LLM answers in injection-dev run from 0.35 to 0.47; a credit line (`Images by Getty Images and US Presswire`) has 0.29. */
const PROSE_MIN_FUNCTION_SHARE = 0.35;
/** Prose is mostly lower case (the cut-off lines of injection-dev, 0.8 and up); bylines and credits are half names and Title Case. */
const PROSE_MIN_LOWER_SHARE = 0.6;

/**
 * Prose by its wording: mostly lower-case words, with enough function words or a last word that
 * cannot end a sentence or a label (`requires a`, `is not easy and`), which is where a cut falls.
 */
export function readsAsProse(visible: string): boolean {
  const words = visible.match(WORD);
  if (words === null || words.length < PROSE_MIN_WORDS) return false;
  let functionWords = 0;
  let lower = 0;
  for (const word of words) {
    if (FUNCTION_WORDS.has(word)) functionWords++;
    if (LOWER_INITIAL.test(word)) lower++;
  }
  if (lower < PROSE_MIN_LOWER_SHARE * words.length) return false;
  return functionWords >= PROSE_MIN_FUNCTION_SHARE * words.length || FUNCTION_WORDS.has(words[words.length - 1]);
}

/** A numbered list item's number and mark (`6. `, `6) `). */
const ITEM_NUMBER = /^[ \t]*(\d{1,9})[.)](?:[ \t]|$)/;
/** A bare number: the cut fell right after the next item's number (`9`). */
const BARE_NUMBER = /^[ \t]*(\d{1,9})[ \t]*$/;
/** Enough of a line to hold ITEM_NUMBER's match. */
const ITEM_NUMBER_MAX_LENGTH = 16;

/** The number that starts `text[start, end)` as a list item (or is all of it, with `bare`), or -1. */
function itemNumber(text: string, start: number, end: number, bare: boolean): number {
  const head = text.slice(start, Math.min(end, start + ITEM_NUMBER_MAX_LENGTH));
  const match = ITEM_NUMBER.exec(head) ?? (bare && end - start <= ITEM_NUMBER_MAX_LENGTH ? BARE_NUMBER.exec(head) : null);
  return match === null ? -1 : Number(match[1]);
}

/** `unit` is the item numbered after `previous`: the list goes on, whatever the item says. */
function continuesNumberedList(text: string, unit: Unit, previous: Unit): boolean {
  const number = itemNumber(text, unit.start, unit.end, true);
  return number > 1 && itemNumber(text, previous.start, previous.end, false) === number - 1;
}

/**
 * Whether `unit`, the last unit of `text`, reads as a sentence or list item cut off after
 * `previous`, the content before it; a line with links is left to the link tests.
 */
export function isCutOffContinuation(text: string, unit: Unit, previous: Unit): boolean {
  if ((unit.kind !== 'line' && unit.kind !== 'paragraph') || unit.hadLinks) return false;
  return continuesNumberedList(text, unit, previous) || readsAsProse(unit.visible);
}
