// Script, style and JSON text that leaked into running text as whole lines (a tag stripper keeps
// the contents of <script> and <style>). A line counts as code on strong, language-specific
// evidence plus symbol density, never on density alone, so prose with brackets stays.
import type { Line } from '../../document/markdown-scan.js';
import { splitLines } from '../../document/markdown-scan.js';
import { whole, type Artifact, type Protected } from './artifact.js';

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

function judge(line: string): Verdict {
  const trimmed = line.replace(TAG_OR_LINK, (_m, anchor: string | undefined) => (anchor === undefined ? ' ' : ` ${anchor} `)).trim();
  if (trimmed === '') return 'prose';
  if (PUNCTUATION_ONLY.test(trimmed)) return 'weak';
  if (COMMENT_LINE.test(trimmed) && (trimmed.length < 200 || symbolDensity(trimmed) > 0.05)) return trimmed.startsWith('//') && /\s[a-z]{3,}\s[a-z]{3,}\s[a-z]{3,}/.test(trimmed) && symbolDensity(trimmed) < 0.04 ? 'weak' : 'code';
  const density = symbolDensity(trimmed);
  if (JSON_LINE.test(trimmed) && density > 0.06) return 'code';
  const pairs = trimmed.match(JSON_PAIR)?.length ?? 0;
  if (pairs >= 3 && pairs * JSON_PAIR_SPACING >= trimmed.length) return 'code';
  if (CSS_RULE.test(trimmed) && density > 0.03 && !/[.!?]["”’]?$/.test(withoutTrailing(trimmed, ';}'))) return 'code';
  if (JS_EVIDENCE.test(trimmed) && density > 0.06) return 'code';
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
export function scanCodeLines(text: string, code: Protected): Artifact[] {
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
