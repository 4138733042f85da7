// The built-in generator: deterministic and offline. For one target it yields drafts in order of
// preference (wh-questions over the answer candidates by priority, then clozes over the same
// spans, then a cloze of the longest word), so the pipeline can skip a draft that duplicates an
// earlier question and still give the target an item.
import { answerCandidates, longestWord } from './answer-span.js';
import { clozeQuestion, whQuestion } from './templates.js';
import type { Draft, Target } from './types.js';

export const BUILTIN_GENERATOR = { name: 'corpuslint-builtin', version: '1.0.0' } as const;

export function* builtinDrafts(text: string, target: Target): Generator<Draft> {
  const { tokens, candidates } = answerCandidates(text, target.start, target.end);
  if (tokens.length === 0) return;
  for (const c of candidates) {
    const question = whQuestion(text, tokens, c);
    if (question) yield { question, answerStart: c.start, answerEnd: c.end, kind: 'wh' };
  }
  for (const c of candidates) yield { question: clozeQuestion(text, tokens, c), answerStart: c.start, answerEnd: c.end, kind: 'cloze' };
  const fallback = longestWord(tokens);
  if (fallback) yield { question: clozeQuestion(text, tokens, fallback), answerStart: fallback.start, answerEnd: fallback.end, kind: 'cloze' };
}

/** The built-in generator as a draft source for the pipeline. */
export const builtinSource = {
  info: { name: BUILTIN_GENERATOR.name, version: BUILTIN_GENERATOR.version },
  drafts: (document: { text: string }, target: Target) => builtinDrafts(document.text, target),
};
