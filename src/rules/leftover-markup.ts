// leftover-markup: markup that survived conversion into text or Markdown. A QA generator asks
// about `<div class="share">` instead of the article, so the residue goes and the words stay.
import type { RuleContext, RuleMeta } from '../types.js';
import { docsUrl } from './docs-url.js';
import { collectArtifacts, type ScanOptions } from './leftover-markup/collect.js';
import { excerpt } from './leftover-markup/excerpt.js';

export const meta: RuleMeta = {
  id: 'leftover-markup',
  description: 'Flags HTML tags, entities, script and style text, link and image syntax, tracking parameters, template syntax and opaque blobs left behind by conversion.',
  rationale:
    'Residue of conversion is salient: question generators ask about a `<div class="share">`, a `&nbsp;` or a link target instead of the article. ' +
    'The fix removes only the residue: a link keeps its anchor text, a stripped tag keeps the text inside it, and real code (fenced and inline code in Markdown and in plain text, where JSONL records often hold Markdown; indented blocks in Markdown; reStructuredText literal blocks after `::`; examples at a REPL or shell prompt, such as `>>> f(1)` or `$ make`) is left alone, and a line of code in an indented paragraph of plain text (a manual\'s or POD\'s example) is not taken for leaked script.',
  docsUrl: docsUrl('leftover-markup'),
  messages: {
    tag: 'HTML tag left in the text: {{excerpt}}',
    comment: 'HTML comment or CDATA marker left in the text.',
    entity: 'HTML entity left undecoded: {{excerpt}}',
    script: 'Script, style or JSON text leaked into the content: {{excerpt}}',
    image: 'Image syntax left in the text: {{excerpt}}',
    'empty-link': 'Link with no anchor text: {{excerpt}}',
    'link-target': 'Link target left in the text; the anchor text is kept: {{excerpt}}',
    reference: 'Reference-link leftover: {{excerpt}}',
    tracking: 'Tracking parameter in a URL: {{excerpt}}',
    escape: 'Backslash escape added by a converter: {{excerpt}}',
    template: 'Template syntax left in the text: {{excerpt}}',
    wiki: 'Wiki markup left in the text: {{excerpt}}',
    blob: 'Base64 or other opaque blob ({{length}} characters).',
    hidden: 'Element hidden from view: {{excerpt}}',
  },
  defaultSeverity: 'warn',
  recommended: true,
  options: {
    entities: { type: 'boolean', description: 'Flag HTML entities such as `&nbsp;` and `&#8217;`.', default: true },
    escapes: { type: 'boolean', description: 'Flag Markdown backslash escapes that a converter added (`\\_`, `\\-`, `\\.`) where removing them starts no Markdown construct.', default: true },
    trackingParameters: { type: 'boolean', description: 'Flag tracking parameters (`utm_*`, `fbclid`, `gclid`...) in URLs that are kept.', default: true },
  },
  fix: { safety: 'safe' },
  needs: ['text', 'blocks', 'hast'],
  examples: {
    valid: [
      { text: 'Use the `<div>` element to group content.\n', format: 'markdown' },
      { text: '```html\n<div class="card">Hello</div>\n```\n', format: 'markdown' },
      { text: 'See https://example.com/guide for details.\n' },
    ],
    invalid: [
      { text: 'Read the <span class="lede">full story</span> today.\n', output: 'Read the full story today.\n', findings: 2 },
      { text: 'Tom &amp; Jerry\n', output: 'Tom Jerry\n' },
      { text: '[Read more](https://example.com/story?utm_source=x) about it.\n', format: 'markdown', output: 'Read more about it.\n' },
      { text: 'Intro.\n\n![logo](/img/logo.png)\n\nBody.\n', format: 'markdown', output: 'Intro.\n\nBody.\n' },
      { text: 'Subscribe [https://example.com/subscribe] now.\n', output: 'Subscribe now.\n' },
    ],
  },
};


export function check(context: RuleContext<ScanOptions>): void {
  const { document, options } = context;
  for (const artifact of collectArtifacts(document, options)) {
    context.report({
      messageId: artifact.kind,
      data: { excerpt: excerpt(document.text, artifact.start, artifact.end), length: artifact.end - artifact.start },
      start: artifact.start,
      end: artifact.end,
      remove: artifact.remove,
    });
  }
}
