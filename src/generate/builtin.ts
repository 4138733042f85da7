// The built-in generator: deterministic and offline. For one target it yields drafts in order of
// preference (wh-questions over the answer candidates by priority, then clozes over the same
// spans, then a cloze of the longest word), so the pipeline can skip a draft that duplicates an
// earlier question, or that the sanitizer's rules flag, and still give the target an item.
import { answerCandidates, longestWord } from './answer-span.js';
import { clozeQuestion, whQuestion } from './templates.js';
import type { Draft, Target } from './types.js';
import { wellFormedProblem } from './wellformed.js';

const FRONTED_WH = /^(?:Who|What|Which|Where|When|How)\b/;

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to an is was are were be been for on that with by it its at from this his her their has have had not or but which who'.split(' '),
);

/** The wh-templates are English; a sentence with almost no English function words gets clozes only. */
function looksEnglish(tokens: readonly { text: string }[]): boolean {
  if (tokens.length < 6) return true;
  let hits = 0;
  for (const t of tokens) if (ENGLISH_FUNCTION_WORDS.has(t.text.toLowerCase())) hits++;
  return hits / tokens.length >= 0.08;
}

export const BUILTIN_GENERATOR = { name: 'corpuslint-builtin', version: '1.0.0' } as const;

/**
 * Drafts in order of preference: wh-questions whose wh-phrase sits inside the sentence ("... in
 * what year?"), then clozes, then fronted wh-questions ("Who ...?"), which read as a bare command
 * out of context and which the instruction-like rule flags; ill-formed drafts come last of all.
 */
export function* builtinDrafts(text: string, target: Target): Generator<Draft> {
  const { tokens, candidates } = answerCandidates(text, target.start, target.end);
  if (tokens.length === 0) return;
  const fronted: Draft[] = [];
  const illFormed: Draft[] = [];
  const offer = (draft: Draft, deferFronted: boolean): Draft | undefined => {
    if (wellFormedProblem(draft.question)) illFormed.push(draft);
    else if (deferFronted && FRONTED_WH.test(draft.question)) fronted.push(draft);
    else return draft;
    return undefined;
  };
  const english = looksEnglish(tokens);
  for (const c of english ? candidates : []) {
    const question = whQuestion(text, tokens, c);
    const draft = question ? offer({ question, answerStart: c.start, answerEnd: c.end, kind: 'wh' }, true) : undefined;
    if (draft) yield draft;
  }
  for (const c of candidates) {
    const draft = offer({ question: clozeQuestion(text, tokens, c), answerStart: c.start, answerEnd: c.end, kind: 'cloze' }, false);
    if (draft) yield draft;
  }
  const fallback = longestWord(tokens);
  if (fallback) {
    const draft = offer({ question: clozeQuestion(text, tokens, fallback), answerStart: fallback.start, answerEnd: fallback.end, kind: 'cloze' }, false);
    if (draft) yield draft;
  }
  yield* fronted;
  yield* illFormed;
}

/** The built-in generator as a draft source for the pipeline. */
export const builtinSource = {
  info: { name: BUILTIN_GENERATOR.name, version: BUILTIN_GENERATOR.version },
  drafts: (document: { text: string }, target: Target) => builtinDrafts(document.text, target),
  offlineDrafts: (document: { text: string }, target: Target) => builtinDrafts(document.text, target),
};
