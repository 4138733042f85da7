// boilerplate: page furniture (menus, banners, share bars, footers, link farms) that a page
// converter keeps beside the article. A generator asks about "Accept all cookies" instead of the
// article, so furniture lines go; a document that is mostly furniture is reported as a whole.
import type { RuleContext, RuleMeta } from '../types.js';
import { docsUrl } from './docs-url.js';
import { BAD, classify, reasonOf, type Reason } from './boilerplate/classify.js';
import { isCutOffContinuation } from './boilerplate/cut-off.js';
import { recurrencePass, recurringKeysOf, unitsOf, type BoilerplateOptions, type RecurrenceState } from './boilerplate/corpus.js';
import { keyOf } from './boilerplate/units.js';
import { nonBlankLines, runReason } from './boilerplate/runs.js';

export const meta: RuleMeta = {
  id: 'boilerplate',
  description: 'Flags navigation, cookie banners, share widgets, footers, link farms and other page furniture, and documents that are mostly furniture.',
  rationale:
    'Converted web pages keep their menus, consent banners, share bars and footers, and these salient lines hijack question generation. ' +
    'Each line or block is judged by its length, link density, sentence punctuation and wording, then by its neighbours, so that a short line inside the article stays and the same line in a menu goes. ' +
    'Headings followed by content are kept (in plain text, a line with a rule of `=`, `-` or `~` under it is a heading, as reStructuredText writes one), and so are fenced code blocks (also inside list items, and reStructuredText literal blocks in plain text) and the short lines that introduce or follow them ("Install it:"). The end of a document counts as furniture for a short line after the content, except for a last line that reads as a sentence cut off (mostly lower-case words with function words, as an answer stopped at its token limit ends) or as the next item of a numbered list. ' +
    'When many files are linted together, lines that recur across documents count as furniture. ' +
    'HTML documents are left to leftover-markup, which reads their DOM; convert pages to text or Markdown to judge their furniture.',
  docsUrl: docsUrl('boilerplate'),
  messages: {
    'link-farm': 'Links without content ({{lines}} lines): navigation or related-article links.',
    navigation: 'Navigation or breadcrumbs ({{lines}} lines).',
    'cookie-banner': 'Cookie or consent banner ({{lines}} lines).',
    'share-widget': 'Share or social widget ({{lines}} lines).',
    'skip-link': 'Skip link or back-to-top link ({{lines}} lines).',
    footer: 'Footer or copyright text ({{lines}} lines).',
    newsletter: 'Sign-in, subscription or newsletter prompt ({{lines}} lines).',
    widget: 'Comment, related-content or advertising widget ({{lines}} lines).',
    'short-lines': 'Run of short lines without sentence punctuation ({{lines}} lines): menu or page furniture.',
    recurring: 'Lines that recur across {{minDocuments}} or more documents of this run ({{lines}} lines).',
    furniture: 'Page furniture around the content ({{lines}} lines).',
    'mostly-boilerplate': 'About {{percent}}% of this document is page furniture; it probably does not belong in the corpus.',
  },
  defaultSeverity: 'warn',
  recommended: true,
  options: {
    maxLinkDensity: { type: 'number', description: 'A unit whose share of link text exceeds this is never content.', default: 0.3, minimum: 0, maximum: 1 },
    minContentWords: { type: 'integer', description: 'Words a line needs to count as content on its own (with sentence punctuation).', default: 12, minimum: 1 },
    maxShare: { type: 'number', description: 'Report `mostly-boilerplate` when the fix would remove more than this share of the words.', default: 0.8, minimum: 0, maximum: 1 },
    minDocumentFrequency: { type: 'integer', description: 'In a run over many documents, a line found in at least this many documents is furniture.', default: 4, minimum: 2 },
  },
  fix: { safety: 'safe' },
  needs: ['text', 'blocks'],
  examples: {
    valid: [
      {
        text: '# Baking bread at home\n\nBread needs only flour, water, salt and yeast, but the way they are combined decides everything about the loaf.\n\nThe dough should rest overnight in a cool place so that the flavour can develop slowly.\n',
        format: 'markdown',
      },
    ],
    invalid: [
      {
        text:
          '- [Home](/)\n- [News](/news)\n- [Sport](/sport)\n\n# Baking bread at home\n\nBread needs only flour, water, salt and yeast, but the way they are combined decides everything about the loaf.\n\nThe dough should rest overnight in a cool place so that the flavour can develop slowly.\n\nAccept all cookies\n\n© 2024 Example Media. All rights reserved.\n',
        format: 'markdown',
        output:
          '# Baking bread at home\n\nBread needs only flour, water, salt and yeast, but the way they are combined decides everything about the loaf.\n\nThe dough should rest overnight in a cool place so that the flavour can develop slowly.\n',
      },
    ],
  },
};

const MESSAGE_BY_REASON: Record<Reason, string> = {
  'link-farm': 'link-farm',
  cookie: 'cookie-banner',
  share: 'share-widget',
  skip: 'skip-link',
  footer: 'footer',
  newsletter: 'newsletter',
  comments: 'widget',
  navigation: 'navigation',
  'short-lines': 'short-lines',
  recurring: 'recurring',
  residue: 'furniture',
  context: 'furniture',
};

const MIN_UNITS_FOR_CONTEXT = 3;
const CONTEXTUAL_REASONS: ReadonlySet<string> = new Set(['short-lines', 'context', 'residue', 'navigation']);

export function check(context: RuleContext<BoilerplateOptions, RecurrenceState>): void {
  const { document, options } = context;
  if (document.format === 'html') return;
  const recurring = context.corpus?.recurring;
  const units = unitsOf(document, recurring !== undefined && recurring.length > 0);
  if (units.length === 0) return;
  const recurringKeys = recurring !== undefined && recurring.length > 0 ? recurringKeysOf(recurring) : undefined;
  const { verdicts, reasons } = classify(units, {
    maxLinkDensity: options.maxLinkDensity,
    minContentWords: options.minContentWords,
    isRecurring: (unit) => {
      if (!recurringKeys) return false;
      const key = keyOf(unit);
      return key !== undefined && recurringKeys.has(key);
    },
    isCutOff: (unit, previous) => isCutOffContinuation(document.text, unit, previous),
  });
  let totalWords = 0;
  let removedWords = 0;
  /** The first unit of the run of furniture being gathered, -1 while there is none. */
  let runStart = -1;
  const flush = (runEnd: number) => {
    if (runStart === -1) return;
    const start = units[runStart].start;
    const end = units[runEnd - 1].end;
    context.report({
      messageId: MESSAGE_BY_REASON[runReason(reasons, runStart, runEnd)],
      data: { lines: nonBlankLines(document.text, start, end), minDocuments: options.minDocumentFrequency },
      start,
      end,
      remove: [[start, end]],
    });
    runStart = -1;
  };
  // Verdicts that lean on neighbours need neighbours: in a document of one or two units (a JSONL record
  // of a sentence or two) only furniture wording and link density count, never shortness or context.
  const hasContext = units.length >= MIN_UNITS_FOR_CONTEXT;
  for (let i = 0; i < units.length; i++) {
    totalWords += units[i].words;
    if (verdicts[i] === BAD && (hasContext || !CONTEXTUAL_REASONS.has(reasonOf(reasons[i]) ?? 'context'))) {
      removedWords += units[i].words;
      if (runStart === -1) runStart = i;
    } else flush(i);
  }
  flush(units.length);
  if (totalWords > 0 && removedWords / totalWords > options.maxShare) {
    context.report({
      messageId: 'mostly-boilerplate',
      data: { percent: Math.round((100 * removedWords) / totalWords) },
      start: 0,
      end: document.text.length,
    });
  }
}

export const corpus = recurrencePass;
