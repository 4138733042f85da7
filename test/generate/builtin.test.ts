import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinDrafts } from '../../src/generate/builtin.js';
import { BLANK, containsAnswer } from '../../src/generate/templates.js';
import { wellFormedProblem } from '../../src/generate/wellformed.js';
import { splitSentences } from '../../src/document/sentences.js';
import { NILE } from './fixtures.js';

function first(text: string) {
  const target = { index: 0, start: 0, end: text.length };
  const draft = builtinDrafts(text, target).next().value!;
  return { question: draft.question, answer: text.slice(draft.answerStart, draft.answerEnd), kind: draft.kind };
}

describe('built-in generator', () => {
  it.each([
    ['a year after a preposition', 'Marie Curie discovered polonium with her husband in 1898.', 'Marie Curie discovered polonium with her husband in what year?', '1898'],
    ['a count of things', 'The river flows through 11 countries on its way north.', 'The river flows through how many countries on its way north?', '11'],
    ['a percentage', 'Roughly 95% of the people live near the river banks.', 'Roughly what percentage of the people live near the river banks?', '95%'],
    ['a person after a title', 'The museum was opened in the spring by Dr. Ahmed Zewail and his team.', 'The museum was opened in the spring by who and his team?', 'Ahmed Zewail'],
    ['a place closing the clause', 'The treaty was finally signed in Vienna.', 'The treaty was finally signed where?', 'Vienna'],
  ])('asks about %s', (_name, sentence, question, answer) => {
    expect(first(sentence)).toEqual({ question, answer, kind: 'wh' });
  });

  it('falls back to a one-blank cloze when no wh-template fits', () => {
    const result = first('Farmers rely on floods to water crops.');
    expect(result.kind).toBe('cloze');
    expect(result.question.split(BLANK).length).toBe(2);
    expect(result.question.replace(BLANK, result.answer)).toBe('Farmers rely on floods to water crops.');
  });

  it('asks only clozes about sentences that are not English', () => {
    const result = first('Nunca ouviu as sensacionais brinquedorias musicais do grupo Serelepe, de Belo Horizonte.');
    expect(result.kind).toBe('cloze');
  });

  it('cuts long sentences to the clause around the answer', () => {
    const sentence =
      'After many years of careful planning by engineers from several countries and a long series of arguments in parliament about the cost, ' +
      'the dam, which holds back a lake that stretches for hundreds of kilometres, was completed in 1971, and it changed farming along the river.';
    const result = first(sentence);
    expect(result.answer).toBe('1971');
    expect(wellFormedProblem(result.question)).toBeUndefined();
  });

  it('every draft is grounded in its target, and no wh-question contains its answer', () => {
    const word = fc.constantFrom('the', 'river', 'Nile', 'Cairo', 'flows', 'in', '1971', '11', 'countries', 'Dr.', 'Ahmed', 'of', '95%', '$5', 'million', 'and', '"quoted"', '(aside)', 'Paris', 'a');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.string({ maxLength: 10 }), (words, prefix) => {
        const sentence = `${words.join(' ')}.`;
        const text = `${prefix}${sentence}`;
        const target = { index: 0, start: prefix.length, end: text.length };
        let count = 0;
        for (const draft of builtinDrafts(text, target)) {
          count++;
          expect(draft.answerStart).toBeGreaterThanOrEqual(target.start);
          expect(draft.answerEnd).toBeLessThanOrEqual(target.end);
          expect(draft.answerEnd).toBeGreaterThan(draft.answerStart);
          const answer = text.slice(draft.answerStart, draft.answerEnd);
          if (draft.kind === 'wh') expect(containsAnswer(draft.question, answer)).toBe(false);
          else expect(draft.question.split(BLANK).length).toBe(2);
        }
        expect(count).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('yields an item for every sentence of a real paragraph', () => {
    for (const s of splitSentences(NILE)) {
      const draft = builtinDrafts(NILE, { index: 0, start: s.start, end: s.end }).next().value;
      expect(draft).toBeDefined();
    }
  });
});
