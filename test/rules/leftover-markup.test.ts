import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as leftoverMarkup from '../../src/rules/leftover-markup.js';
import { fixWith, lintWith, ruleTester } from '../support/rule-tester.js';
import { literalBlockRanges } from '../../src/rules/leftover-markup/regions.js';

const rule = leftoverMarkup;

describe('tags and comments', () => {
  ruleTester(rule, {
    valid: [
      { name: 'a tag mentioned in inline code', text: 'Wrap it in a `<div class="card">` element.\n', format: 'markdown' },
      { name: 'a bare tag mentioned in prose with no closing tag', text: 'The <p> element starts a paragraph.\n' },
      { name: 'comparison signs', text: 'If a < b and b > c then nothing follows.\n' },
      { name: 'generics are not HTML', text: 'A List<String> holds strings.\n' },
      { name: 'a fenced code block is real code', text: '```html\n<span class="x">hi</span>\n```\n', format: 'markdown' },
      { name: 'a fence in a plain-text record (Markdown in a JSONL text field) is real code', text: 'Install it:\n\n```html\n<div class="box">Hello&nbsp;world</div>\n```\n' },
      { name: 'inline code in plain text', text: 'Wrap it in a `<div class="card">` element.\n' },
    ],
    invalid: [
      { name: 'tag with attributes keeps its text', text: 'Read <span class="lede">the story</span> now.\n', errors: [{ messageId: 'tag', text: '<span class="lede">' }, { messageId: 'tag', text: '</span>' }], output: 'Read the story now.\n' },
      { name: 'multi-line tag', text: 'Before <a href="/x"\n   class="share">Share</a> after.\n', errors: 2, output: 'Before Share after.\n' },
      { name: 'void element', text: 'Line one<br>line two.\n', errors: [{ messageId: 'tag', text: '<br>' }], output: 'Line oneline two.\n' },
      { name: 'bare tag with a closing tag elsewhere', text: '<p>Hello</p>\n', errors: 2, output: 'Hello\n' },
      { name: 'HTML comment', text: 'Text <!-- tracking pixel --> more.\n', errors: [{ messageId: 'comment' }], output: 'Text more.\n' },
      { name: 'dangling attribute tail of a cut tag', text: 'class="nav-item" data-id="4">Home\n', errors: [{ messageId: 'tag' }], output: 'Home\n' },
      { name: 'script element with its content', text: 'Intro.\n<script>var a = 1;</script>\nOutro.\n', errors: [{ messageId: 'script' }], output: 'Intro.\nOutro.\n' },
      // Left to the script lines, the fix stripped "<!-- YAML" and "-->" and left the metadata as visible text.
      { name: 'a multi-line HTML comment goes whole', text: '# fs\n\n<!-- YAML\nadded: v0.1.90\nchanges:\n  - version: v1\n-->\n\nFile system access.\n', format: 'markdown', errors: [{ messageId: 'comment', text: '<!-- YAML\nadded: v0.1.90\nchanges:\n  - version: v1\n-->' }], output: '# fs\n\nFile system access.\n' },
      { name: 'a comment alone on its line is a comment, not script', text: 'Intro.\n<!--introduced_in=v0.1.21-->\nOutro.\n', errors: [{ messageId: 'comment' }], output: 'Intro.\nOutro.\n' },
      { name: 'tags in Markdown prose', text: 'Click <b>here</b>.\n', format: 'markdown', errors: 2, output: 'Click here.\n' },
    ],
  });
});

describe('entities', () => {
  ruleTester(rule, {
    valid: [
      { name: 'an ampersand in prose', text: 'Tom & Jerry met at AT&T.\n' },
      { name: 'entities off', text: 'Tom &amp; Jerry\n', options: { entities: false } },
    ],
    invalid: [
      { name: 'named entity', text: 'Tom &amp; Jerry\n', errors: [{ messageId: 'entity', text: '&amp;' }], output: 'Tom Jerry\n' },
      { name: 'numeric entities', text: 'It&#8217;s&nbsp;here\n', errors: 2, output: 'Itshere\n' },
      { name: 'hex entity', text: 'A&#x2014;B\n', errors: [{ messageId: 'entity' }], output: 'AB\n' },
    ],
  });
});

describe('script, style and JSON lines', () => {
  ruleTester(rule, {
    valid: [
      { name: 'prose with parentheses', text: 'The function of the heart (a pump) is simple; it moves blood.\n' },
      { name: 'prose with a colon', text: 'Note: the meeting starts at 10.\n' },
      { name: 'code in a fenced block', text: '```js\nvar a = window.location;\n```\n', format: 'markdown' },
      { name: 'code in a fenced block inside a list item', text: '1. Add the container:\n   ```html\n   <div id="app">&nbsp;</div>\n   ```\n2. Done.\n', format: 'markdown' },
      // Documentation in plain text or reStructuredText shows examples at a prompt and underlines its headings.
      { name: 'a doctest example', text: 'The match can be tested at the prompt:\n\n>>> pattern.match(r"(\\d+)-(\\d+)", "10-20")\n... \n>>> print(words[::2], sep=", ")\n' },
      { name: 'a shell prompt', text: 'Print the page address from the console:\n\n$ node -e "console.log(window.location.href);"\n' },
      { name: 'an indented example in plain text', text: 'Create the client first.\n\n  my $client = Net::Client->new(host => "example.org");\n  $client->connect() or die;\n\nThen send the request.\n' },
      { name: 'a reStructuredText code directive, tags and all', text: 'Embed it in a page:\n\n.. code-block:: html\n   :linenos:\n\n   <div class="box">&nbsp;</div>\n\nThe box is empty.\n' },
      { name: 'a reStructuredText literal block, tags and all', text: 'The response looks like this::\n\n  <item id="42">{"name": "lamp", "price": 12}</item>\n\nIt lists one item.\n' },
      // Changelog entries name functions in running text: script words there are a mention of code.
      { name: 'a changelog entry that says return', text: '* path: isAbsolute() should always return boolean (Herman Lee)\n* util: handle non-string return value in .inspect() (Alex Kocharin)\n' },
      { name: 'a changelog entry that says function', text: '* src: add v8.getHeapStatistics() function (Ben Noordhuis)\n', format: 'markdown' },
      { name: 'a heading underline', text: 'Installation and configuration\n==============================\n\nThe package installs with the usual tools.\n' },
    ],
    invalid: [
      { name: 'leaked JavaScript lines', text: 'Article text stays here.\nwindow.dataLayer = window.dataLayer || [];\nfunction gtag(){dataLayer.push(arguments);}\n});\nMore article text.\n', errors: 3, output: 'Article text stays here.\nMore article text.\n' },
      { name: 'leaked CSS', text: 'Story.\n.share-bar { display: flex; margin: 0 auto; }\n@media (max-width: 600px) {\n}\nEnd.\n', errors: 3, output: 'Story.\nEnd.\n' },
      { name: 'JSON-LD line', text: 'Text.\n{"@context":"https://schema.org","@type":"NewsArticle","headline":"A title"}\n', errors: 1, output: 'Text.\n' },
      // Words of running text do not save a statement, nor a line that sits among lines of code.
      { name: 'a leaked statement with words in its string', text: 'Story.\nvar notice = "Please enable JavaScript to view the comments";\nEnd.\n', errors: 1, output: 'Story.\nEnd.\n' },
      { name: 'a wordy line beside leaked script', text: 'Story.\nwindow.dataLayer = window.dataLayer || [];\nif (window.consent) return trackVisit("page view for the home page")\nEnd.\n', errors: 2, output: 'Story.\nEnd.\n' },
      { name: 'comment markers', text: 'Text.\n/* */\nMore.\n', errors: 1, output: 'Text.\nMore.\n' },
      // An indented paragraph keeps its code lines, not the tags in it.
      { name: 'a tag in an indented paragraph', text: 'Text.\n\n  Read the <span class="x">manual</span> first.\n', errors: 2, output: 'Text.\n\n  Read the manual first.\n' },
      // A line of one repeated mark still goes with the script it sits in.
      { name: 'a rule line inside leaked script', text: 'Text.\nfunction track(){dataLayer.push(arguments);}\n==========\nwindow.track = track;\nMore.\n', errors: 3, output: 'Text.\nMore.\n' },
    ],
  });
});

describe('Markdown links and images', () => {
  ruleTester(rule, {
    valid: [
      { name: 'bracketed prose', text: 'He said [sic] it twice.\n', format: 'markdown' },
      { name: 'a link inside inline code', text: 'Write `[text](url)` for a link.\n', format: 'markdown' },
    ],
    invalid: [
      { name: 'link keeps its anchor text', text: '[Read more](https://example.com/a) here.\n', format: 'markdown', errors: [{ messageId: 'link-target' }], output: 'Read more here.\n' },
      { name: 'link with a title and parentheses in the target', text: 'See [the page](https://en.wikipedia.org/wiki/Foo_(bar) "Foo") now.\n', format: 'markdown', errors: 1, output: 'See the page now.\n' },
      { name: 'empty link goes whole', text: 'Text [](https://facebook.com/share) end.\n', format: 'markdown', errors: [{ messageId: 'empty-link' }], output: 'Text end.\n' },
      { name: 'image goes whole', text: 'A ![logo](/img/logo.png "Logo") B\n', format: 'markdown', errors: [{ messageId: 'image' }], output: 'A B\n' },
      { name: 'linked image is one empty link', text: '[![](/a.png)](/big.png)\n\nText.\n', format: 'markdown', errors: [{ messageId: 'empty-link' }], output: 'Text.\n' },
      { name: 'multi-line anchor keeps the heading', text: '[\n\n#### Related story\n\n](/news/related)\n', format: 'markdown', errors: [{ messageId: 'link-target' }], output: '#### Related story\n' },
      { name: 'reference link and definition', text: 'See [docs][1].\n\n[1]: https://example.com/docs\n', format: 'markdown', errors: 2, output: 'See docs.\n' },
    ],
  });
});

describe('html-to-text link targets, tracking parameters, templates, wiki markup, blobs, escapes', () => {
  ruleTester(rule, {
    valid: [
      { name: 'a URL in prose stays', text: 'See https://example.com/guide for details.\n' },
      { name: 'bracketed words in text', text: 'The report [PDF] is out.\n' },
      { name: 'escapes at line start would start a list', text: '\\- not a list item\n', format: 'markdown' },
      { name: 'escapes off', text: 'snake\\_case\n', format: 'markdown', options: { escapes: false } },
    ],
    invalid: [
      { name: 'html-to-text target', text: 'Subscribe [https://example.com/subscribe] now.\n', errors: [{ messageId: 'link-target' }], output: 'Subscribe now.\n' },
      { name: 'html-to-text path target', text: ' * Home [/]\n', errors: 1, output: ' * Home\n' },
      { name: 'tracking parameter first of several', text: 'Go to https://example.com/a?utm_source=x&id=3 today.\n', errors: [{ messageId: 'tracking' }], output: 'Go to https://example.com/a?id=3 today.\n' },
      { name: 'tracking parameter last', text: 'Go to https://example.com/a?id=3&fbclid=AbC123 today.\n', errors: 1, output: 'Go to https://example.com/a?id=3 today.\n' },
      { name: 'template syntax', text: 'Hello {{ user.name }}, welcome {% if admin %}back{% endif %}.\n', errors: 3, output: 'Hello, welcome back.\n' },
      { name: 'wiki link keeps its label', text: 'The [[Eiffel Tower|tower]] is tall.\n', errors: [{ messageId: 'wiki' }], output: 'The tower is tall.\n' },
      { name: 'wiki heading keeps its words', text: '== History ==\n', errors: 1, output: 'History\n' },
      { name: 'data URI', text: 'Icon: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB end\n', errors: [{ messageId: 'blob' }], output: 'Icon: end\n' },
      { name: 'long opaque token', text: `Token ${'aB3dE5fG7h'.repeat(12)} end\n`, errors: [{ messageId: 'blob' }], output: 'Token end\n' },
      { name: 'converter escapes', text: 'Use snake\\_case and v1\\.2 \\[beta\\]\n', format: 'markdown', errors: 4, output: 'Use snake_case and v1.2 [beta]\n' },
    ],
  });
});

describe('HTML documents: the DOM', () => {
  ruleTester(rule, {
    valid: [{ name: 'visible markup is the format', text: '<p>Hello <b>world</b> &amp; friends.</p>\n', format: 'html' }],
    invalid: [
      { name: 'script and style content', text: '<p>Hi</p><script>track()</script><style>p{color:red}</style>\n', format: 'html', errors: 2, output: '<p>Hi</p>\n' },
      { name: 'hidden elements and comments', text: '<p>Hi</p><div hidden>secret</div><span style="display: none">x</span><!-- c -->\n', format: 'html', errors: 3, output: '<p>Hi</p>\n' },
    ],
  });
});

describe('a poorly converted page', () => {
  const page = fs.readFileSync(new URL('../fixtures/poorly-converted-page.md', import.meta.url), 'utf8');
  const fixed = fixWith(rule, page, 'markdown');

  it('removes link targets, images, tracking parameters and empty links', () => {
    expect(fixed).not.toMatch(/\]\(|!\[|utm_|\[\]/);
    expect(fixed).toContain('Read more in the WAI-ARIA Authoring Practices and the guide');
  });
  it('keeps headings, paragraphs and the real code block', () => {
    expect(fixed).toContain('# Accessible buttons in plain HTML');
    expect(fixed).toContain('## Labels that make sense out of context');
    expect(fixed).toContain('```html\n<div class="btn" onclick="save()">Save</div>\n<button type="button" onclick="save()">Save</button>\n```');
    expect(fixed).toContain('If you must keep the `<div>`, you have to add');
  });
  it('keeps the bare URL in prose', () => {
    expect(fixed).toContain('https://developer.mozilla.org/en-US/docs/Web/HTML/Element/button');
  });
});

describe('robustness', () => {
  const formats = ['markdown', 'text', 'html'] as const;
  const markupish = fc.stringMatching(/^[-a-z <>/="'&;#[\]()!\n{}`\\:.\uD83D\uDE00\uD800\r\0]{0,120}$/);

  it('never crashes, keeps ranges inside the text and off surrogate pairs', () => {
    fc.assert(
      fc.property(markupish, fc.constantFrom(...formats), (text, format) => {
        for (const f of lintWith(rule, text, format)) {
          expect(f.ruleId).toBe('leftover-markup');
          for (const [s, e] of f.fix?.remove ?? []) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(text.length);
            const low = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
            expect(low(s) || low(e)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fixes are idempotent', () => {
    fc.assert(
      fc.property(markupish, fc.constantFrom(...formats), (text, format) => {
        const once = fixWith(rule, text, format);
        expect(fixWith(rule, once, format)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('handles a huge single line and deep nesting without crashing', () => {
    const line = `${'<div class="a">'.repeat(20000)}text${'[x]('.repeat(5000)}`;
    expect(() => lintWith(rule, line, 'markdown')).not.toThrow();
    expect(() => lintWith(rule, `<p>${'<b>'.repeat(50000)}x</p>`, 'html')).not.toThrow();
  });
});

describe('reStructuredText literal blocks in plain text', () => {
  it('run from the marker line through the block indented under it, so that removing text around them never unmarks the code', () => {
    const text = 'Intro.\n\n.. code-block:: python\n   :linenos:\n\n    import x\n\n    x.run()\nAfter.\nThe output::\n\n  {"ok": true}\n\nDone.\nNot a marker:: here\n\n  stays prose\n';
    expect(literalBlockRanges(text).map(([start, end]) => text.slice(start, end))).toEqual([
      '.. code-block:: python\n   :linenos:\n\n    import x\n\n    x.run()',
      'The output::\n\n  {"ok": true}',
    ]);
  });
});
