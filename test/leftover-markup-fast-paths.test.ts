// leftover-markup skips patterns where the text lacks a character they need, finds base64 runs by
// probing window ends, tells most lines prose from one character pass before judge's patterns, and
// reads long lines' tokens in place. Each shortcut must find exactly what the patterns find: these
// properties compare the scanners with the implementation they replaced, kept here as the oracle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitLines, type Line } from '../src/document/markdown-scan.js';
import { Protected, whole, type Artifact } from '../src/rules/leftover-markup/artifact.js';
import { candidateSegments as segmentsInPlace, scanCodeLines } from '../src/rules/leftover-markup/code-lines.js';
import * as inline from '../src/rules/leftover-markup/inline.js';
import { PROSE, quickLineVerdict, STRIP } from '../src/rules/leftover-markup/quick-verdict.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

// ---- The oracle: the scanners as they were written before the fast paths. ----

const JS_EVIDENCE =
  /\bfunction\s{0,4}[\w$]{0,40}\s{0,4}\(|\b(?:var|let|const)\s{1,4}[\w$]{1,60}\s{0,4}=|\b(?:window|document|navigator)\.[\w$]|=>|\.push\(|\breturn\s{0,4}[\w$!({[]|\btypeof\s|\bnew\s{1,4}[A-Z][\w$]{0,40}\(|\$\(|\bjQuery\b|\bgoogletag\b|\bdataLayer\b|\b(?:if|for|while)\s{0,4}\(.{0,200}\)\s{0,4}\{|\)\s{0,4};\s{0,4}$|\bsrc\s{0,4}=|\bwindow\[|\.(?:addEventListener|getElementById|querySelector|createElement|setAttribute|appendChild)\(/;
const CSS_RULE = /^[^{}\n]{0,300}\{[^{}:\n]{0,2000}:[^{}\n]{0,2000}\}?$|^[ \t]*[-a-z]{2,40}[ \t]*:[^;{}\n]{1,300};[ \t]*$|^[ \t]*@(?:media|font-face|import|keyframes|supports|charset|-webkit-keyframes)\b/i;
const JSON_LINE = /^[ \t]*[[{][ \t]*"[^"\n]{0,200}"[ \t]*:/;
const COMMENT_LINE = /^[ \t]*(?:\/\*|\*\/|\/\/|<!--|-->|\/\/[ \t]*<!\[CDATA\[|\/\/[ \t]*\]\]>)/;
const PUNCTUATION_ONLY = /^[ \t]*[{}()[\];,]{1,12}[ \t]*$/;
const SYMBOLS = /[{}();:=[\]<>"'|&+\\]/g;
const JSON_PAIR = /"[ \t]{0,3}:[ \t]{0,3}["{[\dtfn-]/g;
/** One `"key": value` pair per this many characters or more is JSON, whatever words its strings hold. */
const JSON_PAIR_SPACING = 60;

function symbolDensity(line: string): number {
  const count = line.match(SYMBOLS)?.length ?? 0;
  return count / Math.max(1, line.trim().length);
}

function withoutTrailing(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Three words of three or more letters in a row: prose, however many brackets surround it. */
function hasThreeWords(text: string): boolean {
  const tokens = text.split(/[ \t]+/);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (/[A-Za-z]{3}$/.test(tokens[i]) && /^[A-Za-z]{3,}$/.test(tokens[i + 1]) && /^[A-Za-z]{3}/.test(tokens[i + 2])) return true;
  }
  return false;
}

type Verdict = 'code' | 'weak' | 'prose';

/** Tags and link syntax have scanners of their own; only what is left says whether a line is code. */
const TAG_OR_LINK = /<\/?[A-Za-z][^<>\n]{0,300}>|!?\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)|\[(?:https?:|\/|#)[^\s[\]]{0,2000}\]/g;

/** A REPL or shell prompt opens an example shown on purpose. */
const PROMPT_LINE = /^(?:>>>|\.\.\.|\$)(?:[ \t]|$)|^In \[\d{1,4}\]:/;
/** A line of one repeated mark: a heading's underline or a rule. */
const RULE_LINE = /^([=~^+*#_-])\1{2,}$/;

/** Four or more words of running text, and two tokens in five or more. */
function runningText(trimmed: string): boolean {
  const tokens = trimmed.split(/[ \t]+/);
  const words = tokens.filter((t) => /^[("'“‘]?[A-Za-z][a-z]+[)"'”’.,:;!?]{0,2}$/.test(t) && t.replace(/[^A-Za-z]/g, '').length <= 31).length;
  return words >= 4 && words / tokens.length >= 0.4;
}

function judge(line: string): Verdict {
  const trimmed = line.replace(TAG_OR_LINK, (_m, anchor: string | undefined) => (anchor === undefined ? ' ' : ` ${anchor} `)).trim();
  if (trimmed === '') return 'prose';
  if (PROMPT_LINE.test(trimmed)) return 'prose';
  // A rule of marks that are no symbols ("-----", "~~~") has density 0 and is prose before the pattern is tried.
  if (PUNCTUATION_ONLY.test(trimmed) || (RULE_LINE.test(trimmed) && symbolDensity(trimmed) > 0)) return 'weak';
  if (COMMENT_LINE.test(trimmed) && (trimmed.length < 200 || symbolDensity(trimmed) > 0.05)) return trimmed.startsWith('//') && /\s[a-z]{3,}\s[a-z]{3,}\s[a-z]{3,}/.test(trimmed) && symbolDensity(trimmed) < 0.04 ? 'weak' : 'code';
  const density = symbolDensity(trimmed);
  if (JSON_LINE.test(trimmed) && density > 0.06) return 'code';
  const pairs = trimmed.match(JSON_PAIR)?.length ?? 0;
  if (pairs >= 3 && pairs * JSON_PAIR_SPACING >= trimmed.length) return 'code';
  if (CSS_RULE.test(trimmed) && density > 0.03 && !/[.!?]["”’]?$/.test(withoutTrailing(trimmed, ';}'))) return 'code';
  if (JS_EVIDENCE.test(trimmed) && density > 0.06) return /[;{}]$/.test(trimmed) || !runningText(trimmed) ? 'code' : 'weak';
  if (density > 0.3 && trimmed.length >= 16 && !hasThreeWords(trimmed)) return 'code';
  if (/[;{]$/.test(trimmed) && density > 0.08) return 'weak';
  return 'prose';
}

/** A word of running text: letters or digits with at most light punctuation around and inside. */
const PROSE_TOKEN = /^[("“‘'¿¡]{0,2}[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,&/%$€£-]{0,40}[.,:;!?)"”’…]{0,3}$/u;
const MIN_PROSE_RUN = 8;
const LONG_LINE = 300;

/** A JSON string value that holds words: `"title":"Some words` ... `here","next":`. */
const OPENS_JSON_STRING = /":[ \t]{0,4}"[^"]{0,200}$/;
const CLOSES_JSON_STRING = /^[^"]{0,200}"[ \t]{0,4}[,}\]]/;

/**
 * A long line can hold a whole page (a tag stripper that met a one-line page): JSON, script and
 * the article side by side. Returns the stretches between runs of plain words; the caller judges
 * each on its own, so the article's words stay.
 */
function candidateSegments(line: Line): [number, number][] {
  const tokens = [...line.text.matchAll(/\S{1,200}/g)].map((m) => ({ text: m[0], start: line.start + m.index, end: line.start + m.index + m[0].length, code: !PROSE_TOKEN.test(m[0]) }));
  const segments: [number, number][] = [];
  let segmentStart = -1;
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && !tokens[j].code) j++;
    const insideJsonString = i > 0 && j < tokens.length && OPENS_JSON_STRING.test(tokens[i - 1].text) && CLOSES_JSON_STRING.test(tokens[j].text);
    if ((j - i >= MIN_PROSE_RUN && !insideJsonString) || (i === 0 && j === tokens.length)) {
      if (segmentStart !== -1) segments.push([tokens[segmentStart].start, tokens[i - 1].end]);
      segmentStart = -1;
      i = j;
      continue;
    }
    if (segmentStart === -1) segmentStart = i;
    i = Math.max(j, i + 1);
  }
  if (segmentStart !== -1) segments.push([tokens[segmentStart].start, tokens[tokens.length - 1].end]);
  return segments;
}

/** Whole lines of leaked script, style or JSON, with weak lines (`});`) joined to the code they close. */
function oracleScanCodeLines(text: string, code: Protected): Artifact[] {
  const lines: Line[] = splitLines(text);
  const found: Artifact[] = [];
  const verdicts = lines.map((line): Verdict => {
    if (code.overlaps(line.start, line.end + 1)) return 'prose';
    if (line.text.length <= LONG_LINE) return judge(line.text);
    const wholeLineIsCode = judge(line.text) === 'code';
    for (const [start, end] of candidateSegments(line)) if (wholeLineIsCode || judge(text.slice(start, end)) === 'code') found.push(whole('script', start, end));
    return 'prose';
  });
  let i = 0;
  while (i < lines.length) {
    if (verdicts[i] === 'prose') {
      i++;
      continue;
    }
    let j = i;
    let strong = false;
    while (j < lines.length && verdicts[j] !== 'prose') {
      if (verdicts[j] === 'code') strong = true;
      j++;
    }
    if (strong) {
      for (let k = i; k < j; k++) {
        const start = lines[k].start + (lines[k].text.length - lines[k].text.trimStart().length);
        if (lines[k].end > start) found.push(whole('script', start, lines[k].end));
      }
    }
    i = j;
  }
  return found;
}

const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;
const TEMPLATE = /\{\{[^{}\n]{0,500}\}\}|\{%[^%\n]{0,500}%\}/g;
const WIKI_LINK = /\[\[(?:([^[\]\n|]{1,200})\|)?[^[\]\n|]{1,200}\]\]/g;
const WIKI_HEADING = /^(={2,6})([^=\n]{1,200})\1[ \t]{0,20}$/gm;
const DATA_URI = /data:[A-Za-z0-9.+/-]{1,100};base64,[A-Za-z0-9+/=]{16,}/g;
const BASE64_RUN = /[A-Za-z0-9+/]{100,}={0,2}/g;
const HEX_RUN = /\b[0-9a-fA-F]{64,}\b|(?:\\x[0-9a-fA-F]{2}){20,}|(?:\\u[0-9a-fA-F]{4}){12,}/g;
const TRACKING = /[?&](?:utm_[A-Za-z_]{1,30}|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|mkt_tok|ref_src|cmpid)=[^&#\s)\]"'<>]{0,500}/g;
/** html-to-text writes a link as `anchor [target]`. */
const TEXT_LINK_TARGET = /[ \t]?\[(?:(?:https?|ftp|mailto|javascript|tel):|\/|#|www\.)[^\s[\]]{0,4096}\]/g;
const ESCAPE = /\\[-_.#+!()[\]>{}~]/g;

function* matches(pattern: RegExp, text: string, code: Protected): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!code.overlaps(m.index, m.index + m[0].length)) yield m;
  }
}

function oracleScanEntities(text: string, code: Protected): Artifact[] {
  return [...matches(ENTITY, text, code)].map((m) => whole('entity', m.index, m.index + m[0].length));
}

function oracleScanTemplates(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [...matches(TEMPLATE, text, code)].map((m) => whole('template', m.index, m.index + m[0].length));
  for (const m of matches(WIKI_LINK, text, code)) {
    const start = m.index;
    const end = start + m[0].length;
    const keepFrom = m[1] === undefined ? start + 2 : start + 2 + m[1].length + 1;
    found.push({ kind: 'wiki', start, end, remove: [[start, keepFrom], [end - 2, end]] });
  }
  for (const m of matches(WIKI_HEADING, text, code)) {
    const start = m.index;
    const end = start + m[0].length;
    const marker = m[1].length;
    found.push({ kind: 'wiki', start, end, remove: [[start, start + marker], [start + marker + m[2].length, end]] });
  }
  return found;
}

function looksOpaque(run: string): boolean {
  return /[0-9]/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run);
}

function oracleScanBlobs(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [...matches(DATA_URI, text, code)].map((m) => whole('blob', m.index, m.index + m[0].length));
  const taken = (start: number) => found.some((a) => start >= a.start && start < a.end);
  for (const m of matches(BASE64_RUN, text, code)) if (looksOpaque(m[0]) && !taken(m.index)) found.push(whole('blob', m.index, m.index + m[0].length));
  for (const m of matches(HEX_RUN, text, code)) if (!taken(m.index)) found.push(whole('blob', m.index, m.index + m[0].length));
  return found;
}

function oracleScanTrackingParameters(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  for (const m of matches(TRACKING, text, code)) {
    const start = m.index;
    const end = start + m[0].length;
    // Keep the URL well formed: `?utm=x&a=b` loses `utm=x&`, `?a=b&utm=x` loses `&utm=x`.
    if (m[0][0] === '?' && text[end] === '&') found.push({ kind: 'tracking', start, end: end + 1, remove: [[start + 1, end + 1]] });
    else found.push(whole('tracking', start, end));
  }
  return found;
}

function oracleScanTextLinkTargets(text: string, code: Protected): Artifact[] {
  return [...matches(TEXT_LINK_TARGET, text, code)].map((m) => whole('link-target', m.index, m.index + m[0].length));
}

/** Backslash escapes whose removal cannot start a Markdown construct (a list, heading or quote). */
function oracleScanEscapes(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  for (const m of matches(ESCAPE, text, code)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const before = text.slice(lineStart, m.index);
    if (/^[ \t]*$/.test(before) || (/^[ \t]*\d{1,9}$/.test(before) && /[.)]/.test(m[0][1]))) continue;
    if (m.index > 0 && text[m.index - 1] === '\\') continue;
    found.push({ kind: 'escape', start: m.index, end: m.index + 2, remove: [[m.index, m.index + 1]] });
  }
  return found;
}

// ---- Generated text that reaches every branch. ----

const B64 = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw';
const FRAGMENTS = [
  B64, B64.slice(0, 40), 'deadbeefcafebabe0123456789abcdef', 'DEADBEEF', '=', '==', '+', '/', '_', '-', '\\x41', '\\u0041', 'data:image/png;base64,', 'word', 'Words',
  ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '&amp;', '&#8217;', '&', '{{ x }}', '{% y %}', '{', '}', '[[Page|label]]', '[[', ']]', '\n== Head ==\n', '==',
  '?utm_source=x', '&fbclid=1', '?', '[https://x.io/a]', '[/about]', '[#top]', ' [www.x.org]', '\t[/a]', '<b>', '</i>', 'a < b', 'a[0]', '[', ']', '](', '(', ')', '<div class="x">', '</div>', '<span>', '<br/>', '<', '>',
  'function f(a) {', 'var x = 1;', '});', '};', ';', '"key": "value",', '{"a": 1, "b": [1, 2], "c": "d"}', '"', ':', '// comment here', '/* x */', '<!-- c -->',
  '.card { color: red; }', 'color: red;', '@media screen', 'The river flows east.', 'and', 'the', 'sentence', '“quoted”', '(e.g.,', 'x\u2014y', '’', 'é',
  '😀', '\ud800', '\udc00', '\\_', '\\-', '\\.', '1\\.', '$(', '=>', 'if (a) {', 'return x;', '#', '0',
  // Lines whose tags and links the quick pass strips in place: list items, images in links, anchors
  // that hold symbols or spaces, comment openers beside a replacement, a `!` that is or is not an image's.
  '- [a b](/x)', '* [x](y) z', '![a](b)', '!![a](b)', '[![a](b)](c)', '<!--', '-->', '*/', '- ', '* ', '[ ](x)', '[\u00a0](x)', '[{](x)', '[a: "b"](c)',
  '<b>//</b>', '[//](x)', '[-->](x)', '@', '!', '[two words](https://x.io/a b)', '<span class="a b">', '[x](', '](y)',
  // Hex runs of 64 or more at and off word boundaries, and escapes in runs.
  'deadbeefcafebabe0123456789abcdef'.repeat(2), '_', 'g', '/', 'F'.repeat(70), '\\x41\\x42'.repeat(11), '\\u00e9'.repeat(13), 'x \\x41 \\u0041',
  // Bracket punctuation left alone by stripping (PUNCTUATION_ONLY), beside code it joins.
  'var x = 1;\n<b>,,</b>\n});', '<i>,</i>', '[,](x) ;',
  // Prompts and rules at a line's start, beside code they would or would not join.
  '\n>>> f(x);\n', '\n... return x;\n', '\n$ var a = 1;\n', '\nIn [3]: {"a": 1}\n', '\n>>>f(x);\n', '\n=====\n', '\n-----\n', '\n~~~\n', '\n==\n', '\n--->\n', '\n<b>$</b> x();\n',
  // A JSON line opened by a bracket, and brackets alone, which only their patterns call code or weak.
  '\n["key": "value of the thing", 1]\n', '\n{}\n', '\n{ ],\n',
];
const unit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const text = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: unit }), { maxLength: 120 }).map((p) => p.join(''));
/** Long lines: a one-line page with words, JSON and script side by side. */
const longLine = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS.filter((f) => !/[\n\r]/.test(f)), 'word', 'the', 'and', 'of', ' ', ' ') }, { weight: 1, arbitrary: unit }), { minLength: 60, maxLength: 400 })
  .map((p) => p.join(''));
/**
 * Long lines with a link or tag whose anchor or attributes hold eight words or more: a candidate
 * segment ends inside the match, which the stripper, reading the segment alone, never sees whole.
 */
const MANY_WORDS = 'the river and the town of the sea flows';
const splitMarkup = fc
  .array(fc.constantFrom(`[${MANY_WORDS}](/x)`, `{{x}} [${MANY_WORDS}](/x) {{y}}`, `<span title="${MANY_WORDS}">`, `![${MANY_WORDS}](/i.png)`, `[${MANY_WORDS}] (`, 'f(x);', MANY_WORDS, '{', '"a":1,'), { minLength: 4, maxLength: 30 })
  .map((p) => p.join(' '));
/** Lines of words with a little syntax: symbol densities around judge's thresholds. */
const WORDS = ['rivers', 'and', 'towns', 'flood', 'every', 'spring', 'the', 'council', 'agreed', 'wall', 'a', 'of'];
const SYNTAX = ['font-family: Helvetica;', 'margin: 0;', '"title": "x",', '"a": 1', '{', '}', '@media', ':', ';', '"', '(', ')', '=', '//', '/*', '-->', '- ', '[x]', '<b>', '[a](b)', '[', ',', '.', '!',
  '[a b](c)', '![x](y)', '<i>', '[/p]', '- [x](y)', '*/', '<!--', '[{ ;](x)', '<br>@', '[ ](/a);'];
const sparseLine = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...SYNTAX) }), { maxLength: 40 }).map((p) => p.join(' '));
/** A CSS rule, JSON pairs or brackets stretched by words to a density between 0.03 and 0.06. */
const BAND: ((words: string) => string)[] = [
  (w) => `color: ${w};`,
  (w) => `${w} { ${w} : ${w}`,
  (w) => `"a": 1 ${w} "b": 2 ${w} "c": 3 ${w}`,
  (w) => `a": 1 ${w} b": 2 ${w} c": 3`,
  (w) => `${w} (${w}) ${w}: ${w}`,
  (w) => `${w} = ${w} "${w}";`,
  // Link targets and tags whose removal leaves a short, dense line.
  (w) => `color: red; [#${w.replace(/ /g, '')}]`,
  (w) => `margin: 0; [/${w.replace(/ /g, '-')}]`,
  (w) => `a: b; [${w.replace(/ /g, '')}](/x)`,
  (w) => `top: 0; <span class="${w}">`,
  (w) => `color: red; </b title="${w}">`,
  (w) => `[ //](/${w.replace(/ /g, '')})`,
  // List items and lines led by a link or tag: the stripped line starts after a replacement.
  (w) => `- [${w}](/x) {`,
  (w) => `* [a](b) ${w}: c;`,
  (w) => `<b>@media</b> ${w} {`,
  (w) => `[x](y) "a": 1 ${w} "b": 2 ${w} "c": 3`,
  (w) => `<i>-->${w}</i>`,
  (w) => `![${w}](/i.png) [/${w.replace(/ /g, '')}] ;`,
  // Script evidence among words of running text: a changelog entry, or a statement that ends as one.
  (w) => `* x: f() should return ${w} (A Lee)`,
  (w) => `return ${w}("a", b)`,
  (w) => `if (a) return ${w}(b);`,
];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30, size: 'max' }).map((w) => w.join(' '));
const bandLine = fc.tuple(fc.constantFrom(...BAND), words).map(([shape, w]) => shape(w));
const sparse = fc.array(fc.oneof(sparseLine, bandLine), { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
const document = fc.oneof(text, longLine, { weight: 3, arbitrary: sparse }, fc.tuple(text, longLine, text).map((p) => p.join('\n')), splitMarkup);

/** Real code sits in random ranges: the scanners must skip them the same way. */
const withCode = fc.tuple(document, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 })), { maxLength: 4 })).map(([t, spans]) => {
  const ranges: [number, number][] = [];
  let floor = 0;
  for (const [at, length] of spans.map(([a, l]) => [a % (t.length + 1), l] as const).sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, floor);
    const end = Math.min(t.length, start + length);
    if (end > start) ranges.push([start, end]);
    floor = end;
  }
  return { text: t, code: ranges };
});

describe('leftover-markup scanners equal their patterns', () => {
  it('scanCodeLines', () => {
    fc.assert(
      fc.property(withCode, ({ text: t, code }) => {
        expect(scanCodeLines(t, new Protected(code))).toEqual(oracleScanCodeLines(t, new Protected(code)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('the inline scanners, blobs included', () => {
    const pairs: [(t: string, c: Protected) => Artifact[], (t: string, c: Protected) => Artifact[]][] = [
      [inline.scanBlobs, oracleScanBlobs],
      [inline.scanEntities, oracleScanEntities],
      [inline.scanTemplates, oracleScanTemplates],
      [inline.scanTrackingParameters, oracleScanTrackingParameters],
      [inline.scanTextLinkTargets, oracleScanTextLinkTargets],
      [inline.scanEscapes, oracleScanEscapes],
    ];
    fc.assert(
      fc.property(withCode, ({ text: t, code }) => {
        for (const [scan, oracle] of pairs) expect(scan(t, new Protected(code))).toEqual(oracle(t, new Protected(code)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('long lines split into the same candidate segments', () => {
    // Tokens at the edges of PROSE_TOKEN: openers, long words, closers, marks, pairs, 200-unit runs.
    const token = fc.tuple(
      fc.constantFrom('', '(', '((', '(((', '"', "'", '“', '¿'),
      fc.oneof(fc.constantFrom('a', 'word', 'x'.repeat(40), 'y'.repeat(41), 'z'.repeat(42), 'é', 'e\u0301', '😀', 'don’t', 'a-b', '{x}', 'f(x)', '"a":1', 'b'.repeat(120), 'c'.repeat(230)), fc.string({ maxLength: 8 })),
      fc.constantFrom('', '.', ',)', '...', '....', '?!")', '…', '”'),
    ).map(([open, core, close]) => open + core + close);
    const long = fc.array(token, { minLength: 1, maxLength: 80, size: 'max' }).map((tokens) => tokens.join(' '));
    fc.assert(
      fc.property(long, (line) => {
        const t = `${line}\n`;
        expect(segmentsInPlace(t, 0, line.length)).toEqual(candidateSegments({ start: 0, end: line.length, text: line }));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('the quick pass leaves a match that runs past a segment to the stripper', () => {
    const t = 'word word [the river and the town of the sea](/x) word';
    const cut = t.indexOf(' of');
    // The stripper, given `word word [the river and the town`, finds no link there.
    expect(quickLineVerdict(t, 0, cut)).toBe(STRIP);
    expect(quickLineVerdict(t, 0, t.length)).toBe(PROSE);
  });

  it('nextBase64Run finds the first run of the length from any position', () => {
    const runs = fc.array(fc.constantFrom('A', 'z', '0', '+', '/', '=', ' ', '-', 'é'), { maxLength: 300 }).map((p) => p.join(''));
    fc.assert(
      fc.property(runs, fc.nat({ max: 300 }), fc.integer({ min: 1, max: 120 }), (t, from, length) => {
        const pattern = new RegExp(`[A-Za-z0-9+/]{${length}}`, 'g');
        pattern.lastIndex = Math.min(from, t.length);
        expect(inline.nextBase64Run(t, Math.min(from, t.length), length)).toBe(pattern.exec(t)?.index ?? -1);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
