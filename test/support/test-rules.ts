// Test-only rules: they exercise the engine without depending on the real detectors.
import type { RuleModule } from '../../src/types.js';

const baseMeta = {
  rationale: 'Test rule.',
  docsUrl: 'https://example.invalid/rule',
  recommended: true,
  needs: ['text'] as const,
  examples: { valid: [], invalid: [] },
};

/** Flags every occurrence of a banned word, with a safe removal. */
export const bannedWord: RuleModule<{ word: string }> = {
  meta: {
    ...baseMeta,
    id: 'test-banned-word',
    description: 'Flags a banned word.',
    messages: { banned: 'Banned word "{{word}}".' },
    defaultSeverity: 'error',
    options: { word: { type: 'string', description: 'The word.', default: 'BANNED' } },
    fix: { safety: 'safe' },
  },
  check(context) {
    const { text } = context.document;
    const word = context.options.word;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      context.report({ messageId: 'banned', data: { word }, start: at, end: at + word.length, remove: [[at, at + word.length]], score: 0.9 });
    }
  },
};

/** Flags `~~` decoration with an unsafe fix. */
export const decoration: RuleModule = {
  meta: {
    ...baseMeta,
    id: 'test-decoration',
    description: 'Flags decoration.',
    messages: { decoration: 'Decoration.' },
    defaultSeverity: 'warn',
    options: {},
    fix: { safety: 'unsafe' },
  },
  check(context) {
    const { text } = context.document;
    for (let at = text.indexOf('~~'); at !== -1; at = text.indexOf('~~', at + 2)) context.report({ messageId: 'decoration', start: at, end: at + 2, remove: [[at, at + 2]] });
  },
};

/** Crashes on documents containing CRASH. */
export const crasher: RuleModule = {
  meta: { ...baseMeta, id: 'test-crash', description: 'Crashes.', messages: { never: 'never' }, defaultSeverity: 'error', options: {} },
  check(context) {
    if (context.document.text.includes('CRASH')) throw new Error('boom');
  },
};

/** Flags lines that occur in at least two documents of the run (a corpus pass). */
export const recurring: RuleModule<Record<string, unknown>, Map<string, number>> = {
  meta: { ...baseMeta, id: 'test-recurring', description: 'Recurring lines.', messages: { recurring: 'Line recurs in {{count}} documents.' }, defaultSeverity: 'warn', options: {}, recommended: false },
  corpus: {
    init: () => new Map(),
    collect(state, document) {
      for (const line of new Set(document.text.split('\n').filter((l) => l.trim()))) state.set(line, (state.get(line) ?? 0) + 1);
    },
  },
  check(context) {
    let offset = 0;
    for (const line of context.document.text.split('\n')) {
      const count = context.corpus?.get(line) ?? 0;
      if (line.trim() && count >= 2) context.report({ messageId: 'recurring', data: { count }, start: offset, end: offset + line.length });
      offset += line.length + 1;
    }
  },
};

export const testRegistry: ReadonlyMap<string, RuleModule> = new Map([bannedWord, decoration, crasher, recurring].map((r) => [r.meta.id, r as RuleModule]));
