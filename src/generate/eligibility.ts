// Which sentence units can be targets. Headings, table rows and code are not prose; list stubs
// ("Steps", "Bake for 25 min") and very short units carry too little to ask about; a sentence
// that repeats an earlier one, word for word or nearly (token Jaccard >= 0.8, as for questions),
// would only yield a duplicate question; repeats count across the documents of a run. With a
// guard, a sentence is not a target when whatever would be written about it is flagged by the
// sanitizer's rules standing alone: for the offline generator, every one of its drafts; for an
// LLM source, which cannot be asked in advance, the sentence itself. Deciding this for every
// sentence, not only for the chosen targets, keeps n the same for every k, so coverage stays
// exactly min(1, k/n).
import type { SentenceUnit } from '../document/sentences.js';
import { wordTokens } from './tokens.js';
import { QuestionDeduper } from './dedupe.js';

export interface EligibilityOptions {
  /** Units with fewer word tokens are not targets. */
  minTokens: number;
  /** Units with more word tokens are not targets (run-ons, unsplit boilerplate). */
  maxTokens: number;
  /** Headings as targets. */
  headings: boolean;
  /** List items: `sentences` takes items that end in sentence punctuation; `all`; `none`. */
  listItems: 'sentences' | 'all' | 'none';
  /** Table rows as targets. */
  tables: boolean;
}

export const DEFAULT_ELIGIBILITY: EligibilityOptions = { minTokens: 4, maxTokens: 150, headings: false, listItems: 'sentences', tables: false };

export type IneligibleReason = 'heading' | 'list-stub' | 'table' | 'code' | 'too-short' | 'too-long' | 'no-words' | 'repeated' | 'flagged';

export interface EligibleUnit {
  start: number;
  end: number;
  /** Index of the unit among all units of the document. */
  unitIndex: number;
}

export interface Eligibility {
  eligible: EligibleUnit[];
  excluded: Partial<Record<IneligibleReason, number>>;
}

function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]{0,3}$/.test(text);
}

export function reasonIneligible(text: string, unit: SentenceUnit, options: EligibilityOptions): IneligibleReason | undefined {
  if (unit.kind === 'code') return 'code';
  if (unit.kind === 'heading' && !options.headings) return 'heading';
  if (unit.kind === 'table' && !options.tables) return 'table';
  const slice = text.slice(unit.start, unit.end);
  if (unit.kind === 'list') {
    if (options.listItems === 'none') return 'list-stub';
    if (options.listItems === 'sentences' && !endsLikeSentence(slice)) return 'list-stub';
  }
  const tokens = wordTokens(slice);
  const wordy = tokens.filter((t) => /\p{L}/u.test(t.text)).length;
  if (wordy === 0) return 'no-words';
  if (tokens.length < options.minTokens) return unit.kind === 'list' ? 'list-stub' : 'too-short';
  if (tokens.length > options.maxTokens) return 'too-long';
  // Mostly numbers, URLs or symbols: nothing a question can be phrased about.
  if (wordy * 2 < tokens.length) return 'no-words';
  return undefined;
}

export interface EligibilityContext {
  /** Sentences already taken, shared across the documents of a run (exact and near repeats). */
  seen?: QuestionDeduper;
  /** A last check on the sentence text[start, end) (the sanitizer's rules on the sentence alone). */
  accept?: (start: number, end: number) => boolean;
}

export function eligibleUnits(text: string, units: readonly SentenceUnit[], options: EligibilityOptions = DEFAULT_ELIGIBILITY, context: EligibilityContext = {}): Eligibility {
  const eligible: EligibleUnit[] = [];
  const excluded: Partial<Record<IneligibleReason, number>> = {};
  const seen = context.seen ?? new QuestionDeduper();
  units.forEach((unit, unitIndex) => {
    let reason = reasonIneligible(text, unit, options);
    if (!reason) {
      const sentence = text.slice(unit.start, unit.end);
      if (seen.check(sentence)) reason = 'repeated';
      else if (context.accept && !context.accept(unit.start, unit.end)) reason = 'flagged';
      else seen.add(sentence);
    }
    if (reason) excluded[reason] = (excluded[reason] ?? 0) + 1;
    else eligible.push({ start: unit.start, end: unit.end, unitIndex });
  });
  return { eligible, excluded };
}
