import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as boilerplate from '../../src/rules/boilerplate.js';
import * as leftoverMarkup from '../../src/rules/leftover-markup.js';
import { Document } from '../../src/document/document.js';
import { lintDocument, type ActiveRule } from '../../src/engine/lint-document.js';
import { fixLoop } from '../../src/fix/fix-loop.js';
import { withDefaults } from '../../src/config/options.js';
import { lineKey, type BoilerplateOptions, type RecurrenceState } from '../../src/rules/boilerplate/corpus.js';
import type { DocumentFormat } from '../../src/types.js';
import { fixWith, lintWith, ruleTester } from '../support/rule-tester.js';

const rule = boilerplate;

const P1 = 'The river flooded the lower town twice this spring, and the council has now agreed to raise the embankment by a full metre.';
const P2 = 'Engineers expect the work to take two summers, because the old stone wall has to be taken down and rebuilt section by section.';
const ARTICLE = `${P1}\n\n${P2}\n`;

function corpusState(texts: string[], format: DocumentFormat = 'text', options: Partial<BoilerplateOptions> = {}): RecurrenceState {
  const opts = withDefaults(rule.meta, options) as unknown as BoilerplateOptions;
  let state = rule.corpus.init(opts);
  texts.forEach((text, i) => rule.corpus.collect(state, new Document({ text, format, path: `d${i}` }), opts));
  state = rule.corpus.finish!(state, texts.length, opts);
  return state;
}

describe('furniture kinds', () => {
  ruleTester(rule, {
    valid: [
      { name: 'a plain article', text: ARTICLE },
      { name: 'an article in Markdown with headings', text: `# Flood defences\n\n${P1}\n\n## The plan\n\n${P2}\n`, format: 'markdown' },
      { name: 'an article about cookies', text: `${P1}\n\nA cookie is a small file that a website stores in the browser, and most sites set several of them on the first visit.\n\n${P2}\n` },
      { name: 'sentences ending in a typographic quote', text: `${P1}\n\nThe mayor called the decision “long overdue and very welcome.”\n\n${P2}\n` },
      { name: 'a short line between paragraphs stays', text: `${P1}\n\nWhat happens next\n\n${P2}\n` },
      { name: 'a URL inside a sentence', text: `${P1}\n\nThe full plan is published at https://example.org/plan for anyone who wants the details.\n\n${P2}\n` },
      { name: 'a real code block', text: `${P1}\n\n\`\`\`\nmake build\nmake install\n\`\`\`\n\n${P2}\n`, format: 'markdown' },
      { name: 'HTML is left to leftover-markup', text: '<nav><a href="/">Home</a></nav><p>Text.</p>', format: 'html' },
      {
        name: 'a short README: title, one line, a code block, a licence line',
        text: '# tinyqueue\n\nThe smallest and simplest binary heap priority queue in JavaScript.\n\n```js\nconst queue = new TinyQueue([7, 5, 10]);\n```\n\nMIT licensed.\n',
        format: 'markdown',
      },
      { name: 'a text record whose short lines introduce and follow fenced code', text: 'Install it:\n\n```sh\nnpm install tinyqueue\n```\n\nThen open the page.\n' },
      {
        name: 'reStructuredText titles in plain text, underlined and overlined',
        text: `=========\nFloodgate\n=========\n\n${P1}\n\nInstallation\n------------\n\n${P2}\n`,
      },
      {
        name: 'reStructuredText code blocks in plain text',
        text:
          'Print in colour with two calls:\n\n.. code-block:: python\n\n    from colorama import Fore\n    print(Fore.RED + "red")\n    """\n    ...\n\n' +
          'The same output as a literal block::\n\n    >>> print("x")\n    ...\n    x\n\nBoth print coloured text on every terminal.\n',
      },
      {
        name: 'a README whose steps hold fenced code inside list items',
        text: '# Setup\n\nFollow these steps to embed the widget on your page.\n\n1. Add the container:\n   ```html\n   <div id="app"></div>\n   ```\n2. Load the script:\n   ```html\n   <script src="widget.js"></script>\n   ```\n\nThe widget renders into the container once the script loads.\n',
        format: 'markdown',
      },
      // LLM answers stop at a token limit: their last line is a sentence or list item cut short, not a footer.
      { name: 'an answer cut off mid-sentence in its last line', text: `${P1}\n\n${P2}\n\nOverall, the key to keeping the lower town dry is a` },
      { name: 'a long last sentence without its full stop', text: `${P1}\n\n${P2}\n\nThe council will also ask the engineers to check the bridges, and the work on them may start in the` },
      {
        name: 'a numbered answer cut off in its last item',
        text: `1. Lift the stones: ${P1}\n\n2. Rebuild the wall: ${P2}\n\n3. Remove the props: Once the mortar`,
      },
      { name: 'a numbered answer cut off right after the next number', text: `1. Lift the stones: ${P1}\n2. Rebuild the wall: ${P2}\n3` },
    ],
    invalid: [
      {
        name: 'navigation menu (Markdown links)',
        text: `-   [Home](/)\n-   [News](/news/)\n-   [Sport](/sport/)\n\n${ARTICLE}`,
        format: 'markdown',
        errors: [{ messageId: 'link-farm' }],
        output: ARTICLE,
      },
      { name: 'breadcrumbs', text: `Home › News › Local\n\n${ARTICLE}`, errors: [{ messageId: 'navigation' }], output: ARTICLE },
      { name: 'cookie banner', text: `${ARTICLE}\nWe use cookies to improve your experience on our site. By continuing you agree to our use of cookies.\n\nAccept all cookies\n`, errors: [{ messageId: 'cookie-banner' }], output: ARTICLE },
      { name: 'share widget', text: `Share on Facebook\n\nTweet this\n\n${ARTICLE}`, errors: [{ messageId: 'share-widget' }], output: ARTICLE },
      { name: 'comments widget', text: `${ARTICLE}\nComments (0)\n\nBe the first to comment\n`, errors: [{ messageId: 'widget' }], output: ARTICLE },
      { name: 'comment reply buttons', text: `${ARTICLE}\n3 replies\n\nReply\n\nCancel reply\n`, errors: [{ messageId: 'widget' }], output: ARTICLE },
      { name: 'skip link', text: `Skip to content\n\n${ARTICLE}`, errors: [{ messageId: 'skip-link' }], output: ARTICLE },
      { name: 'footer and copyright', text: `${ARTICLE}\n© 2024 Example Media Ltd. All rights reserved.\n`, errors: [{ messageId: 'footer' }], output: ARTICLE },
      { name: 'newsletter prompt', text: `${ARTICLE}\nSign up for our newsletter\n\nEnter your email address\n`, errors: [{ messageId: 'newsletter' }], output: ARTICLE },
      {
        name: 'related-article link farm in html-to-text output',
        text: `${ARTICLE}\nMore stories\n * Council votes on new bridge [/news/bridge]\n * Ferry timetable changes for winter [/news/ferry]\n * School roof repaired after storm [/news/school]\n`,
        errors: 1,
        output: ARTICLE,
      },
      {
        name: 'a run of short lines without punctuation',
        text: `${ARTICLE}\nWorld\nBusiness\nCulture\nTravel\nWeather\n`,
        errors: [{ messageId: 'short-lines' }],
        output: ARTICLE,
      },
      // The end of a page is still where its furniture is: only a line that reads as a sentence escapes it.
      { name: 'a tag line at the end of a page', text: `${ARTICLE}\nTags: travel, food\n`, errors: [{ messageId: 'short-lines' }], output: ARTICLE },
      { name: 'a one-line menu at the end of a page', text: `${ARTICLE}\nHome About Archive Careers Events\n`, errors: [{ messageId: 'short-lines' }], output: ARTICLE },
      { name: 'a Title Case credit line at the end of a page', text: `${ARTICLE}\nImages by Getty Images and US Presswire\n`, errors: [{ messageId: 'short-lines' }], output: ARTICLE },
      {
        name: 'a numbered line at the end of a page that does not continue a list',
        text: `${ARTICLE}\n2. Local news\n`,
        errors: [{ messageId: 'short-lines' }],
        output: ARTICLE,
      },
      {
        name: 'a menu after fenced code is still a menu (the code vouches for its neighbours only)',
        text: `${ARTICLE}\n\`\`\`\nmake\n\`\`\`\n\nIntro\n\nWorld\nBusiness\nCulture\nTravel\nWeather\n`,
        errors: [{ messageId: 'short-lines' }],
        output: `${ARTICLE}\n\`\`\`\nmake\n\`\`\`\n\nIntro\n`,
      },
      {
        name: 'a link-dense paragraph',
        text: `[Council](/c) [budget](/b) [roads](/r) [flooding](/f) [schools](/s) and [parks](/p) news\n\n${ARTICLE}`,
        format: 'markdown',
        errors: [{ messageId: 'link-farm' }],
        output: ARTICLE,
      },
    ],
  });
});

describe('headings', () => {
  it('keeps a title separated from its first paragraph by a byline and a share bar', () => {
    const text = `# Flood defences to be raised\n\nBy A. Writer · 3 May 2024\n\n-   [Share on Facebook](https://facebook.com/share)\n\n${ARTICLE}`;
    const fixed = fixWith(rule, text, 'markdown');
    expect(fixed).toContain('# Flood defences to be raised');
    expect(fixed).not.toContain('Share on Facebook');
  });

  it('drops a heading that only introduces links', () => {
    const text = `${ARTICLE}\n## Most popular\n\n-   [Bridge vote](/a)\n-   [Ferry times](/b)\n-   [School roof](/c)\n`;
    expect(fixWith(rule, text, 'markdown')).toBe(ARTICLE);
  });

  it('treats a heading wrapped in a multi-line link as link text', () => {
    const text = `[\n\n#### Ferry timetable changes\n\n](/news/ferry)\n\n${ARTICLE}`;
    const findings = lintWith(rule, text, 'markdown');
    expect(findings.map((f) => f.messageId)).toEqual(['link-farm']);
    expect(text.slice(findings[0].start, findings[0].end)).toContain('#### Ferry timetable changes');
  });
});

describe('corpus pass: lines recurring across documents', () => {
  const footer = 'Example Gazette | Local news since 1901';
  const docs = [0, 1, 2, 3].map((i) => `${footer}\n\nStory ${i}: ${P1}\n\nPart ${i}: ${P2}\n`);

  it('flags a line found in at least minDocumentFrequency documents', () => {
    const corpus = corpusState(docs);
    const findings = lintWith(rule, docs[0], 'text', undefined, corpus);
    expect(findings.map((f) => [f.messageId, docs[0].slice(f.start, f.end)])).toEqual([['recurring', footer]]);
  });

  it('leaves the line alone when it is rarer than the threshold', () => {
    const corpus = corpusState(docs, 'text', { minDocumentFrequency: 5 });
    const findings = lintWith(rule, docs[0], 'text', { minDocumentFrequency: 5 }, corpus);
    expect(findings).toEqual([]);
  });

  it('keeps a recurring heading that introduces content', () => {
    const withHeading = [0, 1, 2, 3].map((i) => `# Background\n\nStory ${i}: ${P1}\n\nPart ${i}: ${P2}\n`);
    const corpus = corpusState(withHeading, 'markdown');
    expect(lintWith(rule, withHeading[0], 'markdown', undefined, corpus)).toEqual([]);
  });

  it('does not demote a full paragraph that recurs (duplicated content is not furniture)', () => {
    const same = [0, 1, 2, 3].map(() => ARTICLE);
    expect(lintWith(rule, ARTICLE, 'text', undefined, corpusState(same))).toEqual([]);
  });

  it('counts a line once per document', () => {
    const corpus = corpusState([`${footer}\n${footer}\n${footer}\n${footer}\n\n${ARTICLE}`]);
    expect(corpus.recurring?.length).toBe(0);
  });
});

describe('mostly-boilerplate', () => {
  const menu = Array.from({ length: 60 }, (_, i) => `-   [Section ${i}](/s${i}/)`).join('\n');

  it('reports a document whose fix would remove more than maxShare', () => {
    const text = `${menu}\n\n${P1}\n`;
    const ids = lintWith(rule, `${menu}\n\nShort note.\n`, 'markdown').map((f) => f.messageId);
    expect(ids).toContain('mostly-boilerplate');
    const mostly = lintWith(rule, text, 'markdown').find((f) => f.messageId === 'mostly-boilerplate');
    expect(mostly).toBeDefined();
    expect(mostly?.fix).toBeUndefined();
  });

  it('stays quiet under the threshold and honours the option', () => {
    const text = `${menu}\n\n${ARTICLE}`;
    expect(lintWith(rule, text, 'markdown', { maxShare: 0.95 }).map((f) => f.messageId)).not.toContain('mostly-boilerplate');
    expect(lintWith(rule, ARTICLE, 'text').map((f) => f.messageId)).not.toContain('mostly-boilerplate');
  });
});

describe('a poorly converted page with both rules', () => {
  const page = fs.readFileSync(new URL('../fixtures/poorly-converted-page.md', import.meta.url), 'utf8');
  const active: ActiveRule[] = [boilerplate, leftoverMarkup].map((module) => ({ module, severity: 'warning', options: withDefaults(module.meta, {}) }));
  const lint = (t: string) => lintDocument(new Document({ text: t, format: 'markdown', path: 'page.md' }), active);
  const fixed = fixLoop(page, lint, { unsafe: false }).output;

  it('keeps the headings, the paragraphs and the code block', () => {
    for (const kept of [
      '# Accessible buttons in plain HTML',
      '## Start with the native element',
      '## Labels that make sense out of context',
      'A button that looks like a button but is built from a `<div>` fails every keyboard user',
      'it even remembers a cookie-consent choice',
      '“if I have to guess, the button is broken.”',
      '```html\n<div class="btn" onclick="save()">Save</div>',
      'https://developer.mozilla.org/en-US/docs/Web/HTML/Element/button',
    ]) expect(fixed).toContain(kept);
  });

  it('drops the furniture', () => {
    for (const gone of ['Skip to content', 'Tutorials', 'Why your CSS grid', 'Share on LinkedIn', 'Comments (0)', 'Be the first to comment', 'We use cookies', 'Accept all cookies', 'Related articles', 'Focus rings', 'newsletter', 'Privacy Policy', '©', 'The Daily Frontend logo'])
      expect(fixed).not.toContain(gone);
  });

  it('is idempotent', () => {
    expect(fixLoop(fixed, lint, { unsafe: false }).output).toBe(fixed);
  });
});

describe('robustness', () => {
  const pageish = fc.array(
    fc.oneof(
      fc.constantFrom('-   [Home](/)', 'Accept all cookies', '# Title', '', '[', '](/x)', '© 2024 X', 'Share', '```', '    code', P1, P2, '| a | b |', '|---|---|', '\r', '\u0000', '\uD800'),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 30 },
  );

  it('never crashes and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(pageish, fc.constantFrom<DocumentFormat>('markdown', 'text'), (lines, format) => {
        const text = lines.join('\n');
        for (const f of lintWith(rule, text, format)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          for (const [s, e] of f.fix?.remove ?? []) expect(s < e && e <= text.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fixes are idempotent', () => {
    fc.assert(
      fc.property(pageish, fc.constantFrom<DocumentFormat>('markdown', 'text'), (lines, format) => {
        const once = fixWith(rule, lines.join('\n'), format);
        expect(fixWith(rule, once, format)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe('boilerplate on documents too short to have context', () => {
  // JSONL records are often one or two sentences: shortness alone says nothing about them.
  it.each([
    'plain',
    'Tides rise twice a day.',
    'The Danube flows through ten countries.',
    'Short title\nOne sentence of content.',
    // `reply` in a sentence is no comment button.
    'If you have any questions, just reply to this email.',
    'Thanks for the reply, I will check the logs tomorrow.',
  ])('leaves %j alone', (text) => {
    expect(lintWith(rule, text).map((f) => f.messageId)).toEqual([]);
  });

  it('still flags furniture wording in a one-line document', () => {
    expect(lintWith(rule, 'This website uses cookies to improve your experience. Accept all cookies').length).toBeGreaterThan(0);
  });
});

describe('lineKey', () => {
  // The one-pass key must equal the plain definition: lower-case, digit runs to 0, other runs to a space, trimmed.
  function reference(visible: string): number | undefined {
    const normal = visible.toLowerCase().replace(/[\p{N}]+/gu, '0').replace(/[^\p{L}0]+/gu, ' ').trim();
    if (normal.replace(/[ 0]/g, '').length < 3) return undefined;
    let hash = 0x811c9dc5;
    for (let i = 0; i < normal.length; i++) {
      hash ^= normal.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
  }
  it('equals the reference normalisation on arbitrary lines', () => {
    const pieces = fc.constantFrom('Home', ' ', '|', '2024', '0', '©', 'É', 'über', '—', '  ', '12', 'a', 'B', '日本', '😀', ',', '\t', 'x0y', 'ǅ');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (line) => {
      expect(lineKey(line)).toBe(reference(line));
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (line) => {
      expect(lineKey(line)).toBe(reference(line));
    }), { numRuns: 500 });
  });
});
