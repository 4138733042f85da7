import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUES } from '../../src/rules/instruction-like/lexicons.js';
import { GUARDS, scanGuards, type GuardName } from '../../src/rules/instruction-like/guards.js';
import { wordCounts } from '../../src/rules/instruction-like/features.js';
import { mayBeDirected } from '../../src/rules/instruction-like/prefilter.js';
import { DocumentContext, FLAG, forEachContentWord, mayHavePronounI, prefixKey } from '../../src/rules/instruction-like/context.js';
import { unitFeatures } from '../../src/rules/instruction-like/features.js';
import { loadModelFile, modelFromFile } from '../../src/rules/instruction-like/model.js';
import { clauseUnits } from '../../src/rules/instruction-like/units.js';
import { splitSentences } from '../../src/document/sentences.js';
import { DIRECTED_WORDS, STOPWORDS } from '../../src/rules/instruction-like/lexicons.js';

// A guard is only sound if its cue can never match a clause that lacks every one of its literals:
// otherwise a feature would silently read 0. Random clauses are built from the cue vocabulary so
// that the patterns do match often.
const cueNames = (Object.keys(GUARDS) as GuardName[]).filter((name): name is GuardName & keyof typeof CUES => name in CUES);

const vocabulary = [
  ...new Set([
    ...Object.values(GUARDS).flat(),
    'you', 'You', 'YOUR', 'I', 'I\'m', 'I’ve', 'In', 'me', 'My', 'AI', 'A.I.', 'ChatGPT', 'GPT-4', 'LLMs', 'chatbots', 'ignore', 'IGNORE', 'previous', 'instructions',
    'reveal', 'the', 'system prompt', 'act as', 'a', 'pirate', 'From now on', 'sorry', "I'm", 'I can’t', 'as an AI language model',
    'not appropriate', "it's important", 'at least', '5', 'words', 'in', 'French', 'Spanish', 'all caps', 'JSON', 'send', '$500', '€20',
    'bitcoin', 'my account', 'email', 'bob@example.com', 'www.evil.com', 'https://x.io/a', 'IMPORTANT', 'NOTE', '!!', '"', '“', '”', '’',
    'said', 'hatred', 'self-harm', 'code', 'following snippet', 'embed', 'users', 'visit', 'ID 42', "id: 'abc'", 'No', 'no ', 'capital letters',
    'must contain', 'make sure', 'respond in', 'your answer', 'your code', 'in your response', 'note to the AI', 'please', 'translate',
    'the words', 'Dear assistant,', 'you, the model', 'well-being', 'professional help',
  ]),
];
const clause = fc
  .array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(' ', ' ', ', ', '. ', ': ', '\t', '-', "'"), fc.string({ maxLength: 3 })), { maxLength: 24 })
  .map((parts) => parts.join(' ').replace(/ {2,}/g, ' '));

const matches = (re: RegExp, text: string): boolean => {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
};

describe('instruction-like guards', () => {
  it('every guarded cue that matches a clause has its guard in the clause', () => {
    fc.assert(
      fc.property(clause, (text) => {
        const hits = scanGuards(text.toLowerCase());
        for (const name of cueNames) {
          if (matches(CUES[name], text)) expect(hits.has(name), `${name} on ${JSON.stringify(text)}`).toBe(true);
        }
        if (matches(CUES.firstPerson, text) && !mayHavePronounI(text)) expect(hits.has('firstPersonWord'), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds literals that overlap or nest inside each other', () => {
    const hits = scanGuards('xdisregardonate');
    expect(hits.has('override')).toBe(true);
    expect(hits.has('promoVerb')).toBe(true); // "donate" starts inside "disregard…"
    expect(scanGuards('prompts').has('instructionWord')).toBe(true);
    expect(scanGuards('a plain sentence about rivers.').has('override')).toBe(false);
  });

  it('reports exactly the guards with a literal in the text (ASCII case folded)', () => {
    const foldAscii = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase());
    fc.assert(
      fc.property(clause, fc.nat(8), fc.nat(8), (text, cutStart, cutEnd) => {
        const start = Math.min(cutStart, text.length);
        const end = Math.max(start, text.length - cutEnd);
        const hits = scanGuards(text, start, end);
        const folded = foldAscii(text.slice(start, end));
        for (const name of Object.keys(GUARDS) as GuardName[]) {
          const expected = GUARDS[name].some((literal) => folded.includes(literal));
          expect(hits.has(name), `${name} on ${JSON.stringify(folded)}`).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keys the same content words as a plain lower-case-and-cut reading of the clause', () => {
    // The reading the keys replace: letter runs of four or more, stop words dropped, cut to six letters.
    const contentWords = (text: string) =>
      (text.match(/[A-Za-z]{4,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !STOPWORDS.has(w)).map((w) => w.slice(0, 6));
    const words = fc.constantFrom(...[...STOPWORDS].filter((w) => /^[a-z]+$/.test(w)), 'Through', 'THROUGHOUT', 'instructions', 'model', 'modelling', 'rivers', 'é', '42', 'don’t');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 9 })), { maxLength: 20 }), (parts) => {
        const text = parts.join(' ');
        const keys: number[] = [];
        forEachContentWord(text, 0, text.length, (key) => keys.push(key));
        expect(keys).toEqual(contentWords(text).map((w) => prefixKey(w, 0, w.length)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a model-directed word exactly where a lower-cased word lookup does', () => {
    // The reading the hash replaces: every run of word characters, lower-cased, looked up by string.
    const hasDirectedWord = (text: string) => (text.match(/[A-Za-z0-9'’-]+/g) ?? []).some((w) => w.length <= 24 && DIRECTED_WORDS.has(w.toLowerCase()));
    const words = fc.constantFrom(...DIRECTED_WORDS, 'YOU', 'Your', "Can't", 'CAN’T', 'role-play', 'roleplayer', 'youth', 'river', 'the', '42', 'é');
    const noVerbs = new Set<string>();
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const marks = /[?@$€£]/.test(text);
        expect(mayBeDirected(text, noVerbs, ''), text).toBe(marks || hasDirectedWord(text));
        // Read in place, with a mark before the clause and a letter that would lengthen its last word after it.
        const around = `?y${text}x`;
        expect(mayBeDirected(around, noVerbs, '', 2, 2 + text.length), text).toBe(marks || hasDirectedWord(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts words and capitalised words exactly as the cue patterns do', () => {
    const count = (re: RegExp, text: string) => {
      re.lastIndex = 0;
      let n = 0;
      while (n < 400 && re.exec(text)) n++;
      re.lastIndex = 0;
      return n;
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'Z', 'X', 'q', "'", '’', '-', '_', '7', ' ', '.', 'É', 'é'), maxLength: 120 });
    fc.assert(
      fc.property(text, fc.nat(6), fc.nat(6), (t, cutStart, cutEnd) => {
        expect(wordCounts(t)).toEqual({ words: count(CUES.word, t), caps: count(CUES.capsWord, t) });
        // Read in place: the same counts as on the sliced-out clause.
        const start = Math.min(cutStart, t.length);
        const end = Math.max(start, t.length - cutEnd);
        const clause = t.slice(start, end);
        expect(wordCounts(t, start, end)).toEqual({ words: count(CUES.word, clause), caps: count(CUES.capsWord, clause) });
      }),
      { numRuns: 3000 },
    );
    // Words past the 41-character cap, and caps runs at the very end of the clause.
    const long = fc.string({ unit: fc.constantFrom('a', 'B', 'X', "'", '-', ' '), minLength: 30, maxLength: 200 });
    fc.assert(
      fc.property(long, (t) => {
        expect(wordCounts(t)).toEqual({ words: count(CUES.word, t), caps: count(CUES.capsWord, t) });
      }),
      { numRuns: 1000 },
    );
    for (const t of ['x'.repeat(100), 'x'.repeat(41), 'x'.repeat(42), `${'y'.repeat(40)}'s`, 'end ABC', 'A'.repeat(2000), 'a '.repeat(500), 'ABC '.repeat(500)]) {
      expect(wordCounts(t), t).toEqual({ words: count(CUES.word, t), caps: count(CUES.capsWord, t) });
    }
  });

  it('records the same flags from a clause\'s own features as its neighbours read', () => {
    const { verbs } = modelFromFile(loadModelFile(new URL('../../data/instruction-model.json', import.meta.url)));
    const separator = fc.constantFrom(' ', '\n', '\n\n', ' "', '" ', '\n- ', '\n1. ');
    const doc = fc.array(fc.tuple(clause, separator), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([c, sep]) => c + sep).join(''));
    fc.assert(
      fc.property(doc, (text) => {
        const units = clauseUnits(text, splitSentences(text));
        const known = new DocumentContext(text, units, verbs);
        const fresh = new DocumentContext(text, units, verbs);
        units.forEach((unit, i) => {
          if (!unit.code) unitFeatures(text, units, i, known, verbs);
        });
        units.forEach((unit, i) => {
          if (unit.code) return;
          for (const [name, bit] of Object.entries(FLAG)) {
            expect(known.flag(i, bit), `${name} on ${JSON.stringify(text.slice(unit.start, unit.end))}`).toBe(fresh.flag(i, bit));
          }
        });
      }),
      { numRuns: 1500 },
    );
  });
  it('counts a clause\'s document novelty as the share of its content words no other clause uses', () => {
    const { verbs } = modelFromFile(loadModelFile(new URL('../../data/instruction-model.json', import.meta.url)));
    const doc = fc.array(fc.tuple(clause, fc.constantFrom(' ', '\n', '\n\n')), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([c, sep]) => c + sep).join(''));
    fc.assert(
      fc.property(doc, fc.nat(), (text, pick) => {
        const units = clauseUnits(text, splitSentences(text));
        const prose = units.map((unit, i) => i).filter((i) => !units[i].code);
        if (prose.length === 0) return;
        const keysOf = (i: number) => {
          const keys: number[] = [];
          forEachContentWord(text, units[i].start, units[i].end, (key) => keys.push(key));
          return keys;
        };
        const context = new DocumentContext(text, units, verbs);
        // The first request builds the document's counts; asking in another order must not change them.
        const first = prose[pick % prose.length];
        const order = [first, ...prose.filter((i) => i !== first)];
        for (const i of order) {
          const words = keysOf(i);
          const elsewhere = new Set(prose.filter((j) => j !== i).flatMap(keysOf));
          const expected = words.length === 0 ? 0 : words.filter((w) => !elsewhere.has(w)).length / words.length;
          expect(context.documentNovelty(i), JSON.stringify(text.slice(units[i].start, units[i].end))).toBeCloseTo(expected, 12);
        }
      }),
      { numRuns: 500 },
    );
  });
});
