// The clause pre-scan against the readings it combines: clauseSignals must give exactly
// prefilterHit and the word part of mayBeDirected, and leadingWordAt exactly leadingVerb's word
// where a lexicon lists it. Each test fails if a word is cut, folded or looked up differently.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clauseUnits } from '../../src/rules/instruction-like/units.js';
import { splitSentences } from '../../src/document/sentences.js';
import { loadModelFile, modelFromFile } from '../../src/rules/instruction-like/model.js';
import { leadingVerb, leadingWordAt, vocabularyOf } from '../../src/rules/instruction-like/mood.js';
import { clauseSignals, DIRECTED_WORD, mayBeDirected, PREFILTER_HIT, prefilterHit } from '../../src/rules/instruction-like/prefilter.js';
import { CODE_VERBS, DIRECTED_WORDS, GENERATION_VERBS, IMPERATIVE_OPENERS, NOT_IMPERATIVE, TOOL_VERBS } from '../../src/rules/instruction-like/lexicons.js';
import { devTexts } from '../support/dev-texts.js';

const model = modelFromFile(loadModelFile(new URL('../../data/instruction-model.json', import.meta.url)));
const noVerbs = new Set<string>();

/** The two readings that clauseSignals stands for, each over the clause text[start, end). */
function expectedSignals(text: string, start: number, end: number): number {
  return (prefilterHit(text, start, end) ? PREFILTER_HIT : 0) | (mayBeDirected(text, noVerbs, '', start, end) ? DIRECTED_WORD : 0);
}

describe('instruction-like clause signals', () => {
  const piece = fc.oneof(
    fc.constantFrom(...DIRECTED_WORDS),
    fc.constantFrom('you', 'YOUR', 'Yourself', 'I', 'me', 'Please', 'INSTRUCTIONS', 'AI', 'help', 'should', 'words', 'never', 'code'),
    fc.constantFrom("can't", "CAN'T", 'can’t', "won't", 'role-play', 'role_play', 'my_var', 'x_you', 'you_', '_you', "'you'", '-you', 'you-', 'you’re'),
    fc.tuple(fc.constantFrom('harm', 'Violen', 'respect', 'HARM', 'respectful'), fc.stringMatching(/^[a-z0-9_]{0,6}$/)).map(([a, b]) => a + b),
    fc.constantFrom('2you', 'you2', 'éyou', 'youé', 'ıgnore', 'ſorry', 'youth', 'yours', 'instructionsx', 'a'.repeat(25), 'you'.repeat(9)),
    fc.constantFrom(' ', '  ', '\n', '.', ',', "'", '’', '-', '_', '`', '``', '```', '?', '!', '$', '@', '€', '£', '#', '0'),
    fc.stringMatching(/^[a-zA-Z]{1,7}$/),
  );
  const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));

  it('equals prefilterHit and the directed-word reading on every range of generated texts', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = t.length === 0 ? 0 : a % (t.length + 1);
        const end = start + (t.length === 0 ? 0 : b % (t.length - start + 1));
        expect(clauseSignals(t, start, end), JSON.stringify(t.slice(start, end))).toBe(expectedSignals(t, start, end));
      }),
      { numRuns: 20000 },
    );
  });

  it('equals them on every dev clause, where both signals occur', () => {
    const seen = new Set<number>();
    for (const t of devTexts(400)) {
      for (const unit of clauseUnits(t, splitSentences(t))) {
        const signals = clauseSignals(t, unit.start, unit.end);
        expect(signals).toBe(expectedSignals(t, unit.start, unit.end));
        seen.add(signals);
      }
    }
    expect([...seen].sort()).toEqual([0, PREFILTER_HIT, DIRECTED_WORD, PREFILTER_HIT | DIRECTED_WORD]);
  });
});

describe('instruction-like leading word read in place', () => {
  const vocabulary = vocabularyOf(model.verbs);
  const listed = new Set([...model.verbs, ...NOT_IMPERATIVE, ...IMPERATIVE_OPENERS, ...TOOL_VERBS, ...GENERATION_VERBS, ...CODE_VERBS]);
  /** leadingVerb's word where a lexicon lists it, else ''. */
  const expectedWord = (clause: string) => {
    const word = leadingVerb(clause);
    return listed.has(word) ? word : '';
  };
  const openings = ['', ' ', '\t', '\n', '1.', '1) ', '- ', '* ', '• ', '> ', '#', '(', '"', '“', "'", '\u00a0', '12345678', '--------'];
  const words = [
    'Please', 'please', 'Now,', 'now', 'Also', 'then', 'do', "don't", 'don’t', 'Send', 'send', 'Ignore', 'WRITE', 'it’s', "it's", 'a', 'I', 'x',
    'Write', 'the', 'The', 'Install', 'Run', 'Let’s', "let's", 'Note:', 'river', 'Rivers', 'abcdefghijklmnopqrstuvwxyzabcdefghij', 'é', '42', '!', ':',
  ];
  const clause = fc
    .tuple(fc.array(fc.constantFrom(...openings), { maxLength: 3 }), fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', ', ', ': ')), { maxLength: 8 }), fc.string({ maxLength: 4 }))
    .map(([o, w, tail]) => o.join('') + w.join('') + tail);

  it('reads the listed word that leadingVerb reads, within a longer text', () => {
    fc.assert(
      fc.property(clause, fc.constantFrom('', 'x', 'Send ', '\n'), fc.constantFrom('', 'y', ' now', '\n'), (c, before, after) => {
        const t = before + c + after;
        expect(leadingWordAt(t, before.length, before.length + c.length, vocabulary), JSON.stringify(c)).toBe(expectedWord(c));
      }),
      { numRuns: 20000 },
    );
  });

  it('reads it on every dev clause, and the verbs it reads depend on the verb set', () => {
    let verbs = 0;
    for (const t of devTexts(300)) {
      for (const unit of clauseUnits(t, splitSentences(t))) {
        const word = leadingWordAt(t, unit.start, unit.end, vocabulary);
        expect(word).toBe(expectedWord(t.slice(unit.start, unit.end)));
        if (model.verbs.has(word)) verbs++;
      }
    }
    expect(verbs).toBeGreaterThan(100);
    // A verb only a retrained model knows is read with that model's verbs, and not without them.
    expect(leadingWordAt('Frobnicate the widget.', 0, 22, vocabularyOf(new Set(['frobnicate'])))).toBe('frobnicate');
    expect(leadingWordAt('Frobnicate the widget.', 0, 22, vocabulary)).toBe('');
  });
});
