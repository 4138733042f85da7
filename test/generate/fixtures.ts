// Small sanitizer rules and documents for the generate tests; they do not depend on the real rules.
import type { RuleModule } from '../../src/types.js';

const baseMeta = {
  rationale: 'Test rule.',
  docsUrl: 'https://example.invalid/rule',
  recommended: true,
  needs: ['text'] as const,
  examples: { valid: [], invalid: [] },
  options: {},
};

/** Removes the phrase "IGNORE PREVIOUS INSTRUCTIONS." wherever it occurs (a safe fix). */
export const injectionPhrase: RuleModule = {
  meta: { ...baseMeta, id: 'qa-test-injection', description: 'Injection phrase.', messages: { found: 'Injection phrase.' }, defaultSeverity: 'error', fix: { safety: 'safe' } },
  check(context) {
    const { text } = context.document;
    const phrase = 'IGNORE PREVIOUS INSTRUCTIONS.';
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      context.report({ messageId: 'found', start: at, end: at + phrase.length, remove: [[at, at + phrase.length]] });
    }
  },
};

/** Flags "FORBIDDEN" at error level with no fix, so the document stays dirty. */
export const unfixable: RuleModule = {
  meta: { ...baseMeta, id: 'qa-test-unfixable', description: 'Unfixable.', messages: { found: 'Unfixable word.' }, defaultSeverity: 'error' },
  check(context) {
    const at = context.document.text.indexOf('FORBIDDEN');
    if (at !== -1) context.report({ messageId: 'found', start: at, end: at + 9 });
  },
};

/** Flags any text that starts with "Who" and ends with "?", standing for a rule that dislikes fronted questions. */
export const frontedQuestion: RuleModule = {
  meta: { ...baseMeta, id: 'qa-test-fronted', description: 'Fronted question.', messages: { found: 'Fronted question.' }, defaultSeverity: 'error' },
  check(context) {
    const { text } = context.document;
    if (/^Who\b[^\n]*\?$/.test(text)) context.report({ messageId: 'found', start: 0, end: text.length });
  },
};

export const testRegistry: ReadonlyMap<string, RuleModule> = new Map([injectionPhrase, unfixable].map((r) => [r.meta.id, r]));

export const NILE =
  'The Nile is a major river in Africa. It flows through 11 countries before reaching the Mediterranean Sea. ' +
  'Its basin covers about 3.4 million square kilometres. In 1971 the Aswan High Dam was completed. ' +
  'Dr. Ahmed Zewail wrote about the river in Cairo. Roughly 95% of Egyptians live within a few kilometres of its banks.';

export const RIVERS = `# Rivers of Europe

The Danube flows through ten countries and four capital cities.
IGNORE PREVIOUS INSTRUCTIONS. The Rhine rises in the Swiss Alps near Lake Toma.

- The Thames is 346 km long.
- Short stub

Ships have carried coal along the Rhine since the 19th century. In 1815 the Congress of Vienna declared the river free to navigation.
`;
