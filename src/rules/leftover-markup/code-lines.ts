// Script, style and JSON text that leaked into running text as whole lines (a tag stripper keeps
// the contents of <script> and <style>). A line counts as code on strong, language-specific
// evidence plus symbol density, never on density alone, so prose with brackets stays.
import { whole, type Artifact, type Protected } from './artifact.js';
import { asciiClass } from './inline.js';
import { isSpace } from '../boilerplate/chars.js';
import { IS_SYMBOL, PROSE, quickLineVerdict, TAG_OR_LINK, UNSURE, unsureCounts, type SymbolCounts } from './quick-verdict.js';

const JS_EVIDENCE =
  /\bfunction\s{0,4}[\w$]{0,40}\s{0,4}\(|\b(?:var|let|const)\s{1,4}[\w$]{1,60}\s{0,4}=|\b(?:window|document|navigator)\.[\w$]|=>|\.push\(|\breturn\s{0,4}[\w$!({[]|\btypeof\s|\bnew\s{1,4}[A-Z][\w$]{0,40}\(|\$\(|\bjQuery\b|\bgoogletag\b|\bdataLayer\b|\b(?:if|for|while)\s{0,4}\(.{0,200}\)\s{0,4}\{|\)\s{0,4};\s{0,4}$|\bsrc\s{0,4}=|\bwindow\[|\.(?:addEventListener|getElementById|querySelector|createElement|setAttribute|appendChild)\(/;
const CSS_RULE = /^[^{}\n]{0,300}\{[^{}:\n]{0,2000}:[^{}\n]{0,2000}\}?$|^[ \t]*[-a-z]{2,40}[ \t]*:[^;{}\n]{1,300};[ \t]*$|^[ \t]*@(?:media|font-face|import|keyframes|supports|charset|-webkit-keyframes)\b/i;
const JSON_LINE = /^[ \t]*[[{][ \t]*"[^"\n]{0,200}"[ \t]*:/;
const COMMENT_LINE = /^[ \t]*(?:\/\*|\*\/|\/\/|<!--|-->|\/\/[ \t]*<!\[CDATA\[|\/\/[ \t]*\]\]>)/;
const PUNCTUATION_ONLY = /^[ \t]*[{}()[\];,]{1,12}[ \t]*$/;
const JSON_PAIR = /"[ \t]{0,3}:[ \t]{0,3}["{[\dtfn-]/g;
/** One `"key": value` pair per this many characters or more is JSON, whatever words its strings hold. */
const JSON_PAIR_SPACING = 60;

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

/** A word of running text as a changelog entry or a README line writes it: letters, maybe capitalised, maybe bracketed or before a comma. */
const RUNNING_WORD = /^[("'“‘]?[A-Za-z][a-z]{1,30}[)"'”’.,:;!?]{0,2}$/;
const MIN_RUNNING_WORDS = 4;

/**
 * Whether a line is mostly words of running text: four or more, and two tokens in five or more.
 * A changelog entry that names a function ("path: isAbsolute() should always return boolean (Herman
 * Lee)") reads so; leaked script ("googletag.cmd.push(function() { … });") does not.
 */
function readsAsRunningText(trimmed: string): boolean {
  const tokens = trimmed.split(/[ \t]+/);
  let words = 0;
  for (const token of tokens) if (RUNNING_WORD.test(token)) words++;
  return words >= MIN_RUNNING_WORDS && words * 5 >= tokens.length * 2;
}

/** `;`, `{` or `}`: the last character of a statement or a block, which prose does not end in. */
const endsStatement = (last: number) => last === 59 || last === 123 || last === 125;

function stripTagsAndLinks(line: string): string {
  return line.replace(TAG_OR_LINK, (_m, anchor: string | undefined) => (anchor === undefined ? ' ' : ` ${anchor} `)).trim();
}

/** Matches of a global pattern, counted without building them. */
function countMatches(pattern: RegExp, text: string): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

/**
 * A REPL or shell prompt opens an example shown on purpose (">>> f(1)", "... return x", "$ make",
 * "In [3]:"), as documentation in plain text or reStructuredText does, not script that a tag
 * stripper let through.
 */
const PROMPT_LINE = /^(?:>>>|\.\.\.|\$)(?:[ \t]|$)|^In \[\d{1,4}\]:/;
/** A line of one repeated mark ("=====", "-----", "~~~~"): a heading's underline or a rule, code only beside code. */
const RULE_LINE = /^([=~^+*#_-])\1{2,}$/;

/** The characters a trimmed line opens with when PROMPT_LINE, PUNCTUATION_ONLY, RULE_LINE, COMMENT_LINE or JSON_LINE match it. */
const PROMPT_FIRST = asciiClass('>.$I');
const PUNCTUATION_FIRST = asciiClass('{}()[];,');
const RULE_FIRST = asciiClass('=~^+*#_-');
const COMMENT_FIRST = asciiClass('/*<-');
const JSON_FIRST = asciiClass('[{');
const opensWith = (table: Uint8Array, first: number) => first < 128 && table[first] === 1;

/** One pass for what judgeStripped's patterns need: each runs only where its evidence could count. */
function countSymbols(trimmed: string): SymbolCounts {
  const counts = { symbols: 0, quotes: 0, colons: 0, brace: false };
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c >= 128) continue;
    counts.symbols += IS_SYMBOL[c];
    if (c === 34) counts.quotes++;
    else if (c === 58) counts.colons++;
    else if (c === 123) counts.brace = true;
  }
  return counts;
}

/**
 * The verdict on a trimmed line whose tags and links are stripped, given its counts. The patterns
 * anchored at the line's start are tried only on lines that open with a character they can: each
 * call on a copy of a line costs more than its failure.
 */
function judgeStripped(trimmed: string, counts: SymbolCounts): Verdict {
  if (trimmed === '') return 'prose';
  const first = trimmed.charCodeAt(0);
  if (opensWith(PROMPT_FIRST, first) && PROMPT_LINE.test(trimmed)) return 'prose';
  if ((opensWith(PUNCTUATION_FIRST, first) && PUNCTUATION_ONLY.test(trimmed)) || (opensWith(RULE_FIRST, first) && RULE_LINE.test(trimmed))) return 'weak';
  const { symbols, quotes, colons, brace } = counts;
  const density = symbols / trimmed.length;
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (opensWith(COMMENT_FIRST, first) && COMMENT_LINE.test(trimmed) && (trimmed.length < 200 || density > 0.05)) return trimmed.startsWith('//') && /\s[a-z]{3,}\s[a-z]{3,}\s[a-z]{3,}/.test(trimmed) && density < 0.04 ? 'weak' : 'code';
  if (density > 0.06 && opensWith(JSON_FIRST, first) && JSON_LINE.test(trimmed)) return 'code';
  // Each JSON pair holds a `"` and a `:`.
  if (quotes >= 3 && colons >= 3) {
    const pairs = countMatches(JSON_PAIR, trimmed);
    if (pairs >= 3 && pairs * JSON_PAIR_SPACING >= trimmed.length) return 'code';
  }
  // A CSS rule has a `{`, starts with `@`, or is a `property: value;` declaration.
  const mayBeCss = brace || first === 64 || (colons > 0 && last === 59);
  if (density > 0.03 && mayBeCss && CSS_RULE.test(trimmed) && !/[.!?]["”’]?$/.test(withoutTrailing(trimmed, ';}'))) return 'code';
  // Evidence of script on a line of running text ("… return boolean", "function (Ben Noordhuis)")
  // is a mention of code: such a line counts only beside lines of code, as a closing "});" does.
  if (density > 0.06 && JS_EVIDENCE.test(trimmed)) return endsStatement(last) || !readsAsRunningText(trimmed) ? 'code' : 'weak';
  if (density > 0.3 && trimmed.length >= 16 && !hasThreeWords(trimmed)) return 'code';
  if ((last === 59 || last === 123) && density > 0.08) return 'weak';
  return 'prose';
}

/** A word of running text: letters or digits with at most light punctuation around and inside. */
const PROSE_TOKEN = /^[("“‘'¿¡]{0,2}[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,&/%$€£-]{0,40}[.,:;!?)"”’…]{0,3}$/u;
const MIN_PROSE_RUN = 8;
const LONG_LINE = 300;

/** A JSON string value that holds words: `"title":"Some words` ... `here","next":`. */
const OPENS_JSON_STRING = /":[ \t]{0,4}"[^"]{0,200}$/;
const CLOSES_JSON_STRING = /^[^"]{0,200}"[ \t]{0,4}[,}\]]/;

/** PROSE_TOKEN read in place: a token ends where whitespace or the text does, and none of its classes holds whitespace. */
const PROSE_TOKEN_AT = /[("“‘'¿¡]{0,2}[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,&/%$€£-]{0,40}[.,:;!?)"”’…]{0,3}(?=\s|$)/uy;
/** 46 code points at most, each one or two code units. */
const MAX_PROSE_TOKEN = 92;
/** `\S{1,200}`: a longer run of non-space is read as several tokens. */
const MAX_TOKEN = 200;

const isAsciiAlphanumeric = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** `(`, `"`, `'`: opening characters that PROSE_TOKEN allows two of. */
const isOpener = (c: number) => c === 40 || c === 34 || c === 39;
/** `.,:;!?)"`: closing characters that PROSE_TOKEN allows three of. */
const isCloser = (c: number) => c === 46 || c === 44 || c === 58 || c === 59 || c === 33 || c === 63 || c === 41 || c === 34;

/** `'.,&/%$-`: the ASCII punctuation PROSE_TOKEN allows inside a word. */
const isInnerPunctuation = (c: number) => c === 39 || c === 46 || c === 44 || c === 38 || c === 47 || c === 37 || c === 36 || c === 45;

/**
 * PROSE_TOKEN on an ASCII token, matched without the pattern: up to two openers, a letter or digit,
 * up to 40 letters, digits and inner punctuation, up to three closers. Openers are not letters or
 * digits, so they are the token's first characters; the closers are taken from the end, as many
 * as three, since every one that is also inner punctuation (`.` and `,`) can stand in either place.
 * False sends the token to the pattern, so a token with other characters is still read right.
 */
function isPlainWord(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 2 && isOpener(text.charCodeAt(i))) i++;
  if (i === end || !isAsciiAlphanumeric(text.charCodeAt(i))) return false;
  const inner = i + 1;
  let closers = end;
  while (closers > inner && end - closers < 3 && isCloser(text.charCodeAt(closers - 1))) closers--;
  if (closers - inner > 40) return false;
  for (let k = inner; k < closers; k++) {
    const c = text.charCodeAt(k);
    if (!isAsciiAlphanumeric(c) && !isInnerPunctuation(c)) return false;
  }
  return true;
}

/**
 * PROSE_TOKEN on the token `text[start, end)`. A whole run of non-space is tested in place: it ends
 * at whitespace, a line break or the end of the text. The tail of a longer run is copied, since
 * it may start inside a surrogate pair.
 */
function isProseToken(text: string, start: number, end: number, wholeRun: boolean): boolean {
  if (end - start > MAX_PROSE_TOKEN) return false;
  if (!wholeRun) return PROSE_TOKEN.test(text.slice(start, end));
  if (isPlainWord(text, start, end)) return true;
  PROSE_TOKEN_AT.lastIndex = start;
  return PROSE_TOKEN_AT.test(text);
}

/**
 * A long line can hold a whole page (a tag stripper that met a one-line page): JSON, script and
 * the article side by side. Returns the stretches of the line `text[lineStart, lineEnd)` between
 * runs of plain words; the caller judges each on its own, so the article's words stay. Tokens are
 * the matches of `\S{1,200}`, read in place as start, end and whether each is code.
 */
export function candidateSegments(text: string, lineStart: number, lineEnd: number): [number, number][] {
  const bounds: number[] = [];
  const code: boolean[] = [];
  let anyCode = false;
  for (let i = lineStart; ; ) {
    while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
    if (i >= lineEnd) break;
    const runStart = i;
    while (i < lineEnd && !isSpace(text.charCodeAt(i))) i++;
    for (let start = runStart; start < i; start += MAX_TOKEN) {
      const end = Math.min(start + MAX_TOKEN, i);
      const isCode = !isProseToken(text, start, end, start === runStart && end === i);
      bounds.push(start, end);
      code.push(isCode);
      anyCode ||= isCode;
    }
  }
  // One run of prose tokens spanning the line (an article paragraph) leaves no segment.
  if (!anyCode) return [];
  const count = code.length;
  const tokenText = (k: number) => text.slice(bounds[2 * k], bounds[2 * k + 1]);
  const segments: [number, number][] = [];
  let segmentStart = -1;
  let i = 0;
  while (i < count) {
    let j = i;
    while (j < count && !code[j]) j++;
    const longRun = j - i >= MIN_PROSE_RUN && !(i > 0 && j < count && OPENS_JSON_STRING.test(tokenText(i - 1)) && CLOSES_JSON_STRING.test(tokenText(j)));
    if (longRun || (i === 0 && j === count)) {
      if (segmentStart !== -1) segments.push([bounds[2 * segmentStart], bounds[2 * (i - 1) + 1]]);
      segmentStart = -1;
      i = j;
      continue;
    }
    if (segmentStart === -1) segmentStart = i;
    i = Math.max(j, i + 1);
  }
  if (segmentStart !== -1) segments.push([bounds[2 * segmentStart], bounds[2 * (count - 1) + 1]]);
  return segments;
}

/** judge's verdict, without running its patterns on lines the character pass can already tell are prose. */
function judgeLine(text: string, start: number, end: number): Verdict {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const quick = quickLineVerdict(text, start, end);
  if (quick === PROSE) return 'prose';
  // Stripping a trimmed line gives what stripping the whole line does: no match starts or ends with whitespace.
  const line = text.slice(start, end);
  if (quick === UNSURE) return judgeStripped(line, unsureCounts);
  const stripped = stripTagsAndLinks(line);
  return judgeStripped(stripped, countSymbols(stripped));
}

/**
 * A line's verdict; a long line is judged by its segments, which go to `segments`, and counts as prose.
 * Lines are read in place: most never need a copy.
 */
function lineVerdict(text: string, start: number, end: number, segments: Artifact[]): Verdict {
  if (end - start <= LONG_LINE) return judgeLine(text, start, end);
  const candidates = candidateSegments(text, start, end);
  if (candidates.length === 0) return 'prose';
  const wholeLineIsCode = judgeLine(text, start, end) === 'code';
  for (const [s, e] of candidates) if (wholeLineIsCode || judgeLine(text, s, e) === 'code') segments.push(whole('script', s, e));
  return 'prose';
}

/** Whole lines of leaked script, style or JSON, with weak lines (`});`) joined to the code they close. */
export function scanCodeLines(text: string, code: Protected): Artifact[] {
  const segments: Artifact[] = [];
  const found: Artifact[] = [];
  // The current run of lines that are not prose, as start and end pairs, and whether one is code.
  const run: number[] = [];
  let strong = false;
  const flush = () => {
    // Most lines are prose and most runs empty; emptying an empty array still costs a call.
    if (run.length === 0) return;
    for (let k = 0; strong && k < run.length; k += 2) {
      let start = run[k];
      while (start < run[k + 1] && isSpace(text.charCodeAt(start))) start++;
      if (run[k + 1] > start) found.push(whole('script', start, run[k + 1]));
    }
    run.length = 0;
    strong = false;
  };
  // Lines come in order, so the protected ranges are walked with them: `next` is the first that
  // ends after the current line starts, as code.overlaps would find it.
  const ranges = code.all;
  let next = 0;
  // The lines of splitLines: a `\r` before a break is dropped, and a final break opens no line.
  let from = 0;
  for (;;) {
    const newline = text.indexOf('\n', from);
    const lineEnd = newline === -1 ? text.length : newline;
    if (newline !== -1 || from < text.length) {
      const end = lineEnd > from && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      while (next < ranges.length && ranges[next][1] <= from) next++;
      const verdict = next < ranges.length && ranges[next][0] < end + 1 ? 'prose' : lineVerdict(text, from, end, segments);
      if (verdict === 'prose') flush();
      else {
        run.push(from, end);
        if (verdict === 'code') strong = true;
      }
    }
    if (newline === -1) break;
    from = newline + 1;
  }
  flush();
  return segments.length === 0 ? found : [...segments, ...found];
}
