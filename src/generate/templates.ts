// Question templates. A wh-question replaces the answer span inside the target sentence (or the
// clause of it that holds the answer, for long sentences) with a wh-phrase chosen by the answer's
// type: a subject span becomes a fronted "Who ...?"/"What ...?", any other span an in-place
// "... in what year?", "... how many countries?", "... where?". A cloze blanks the span instead.
import type { AnswerCandidate } from './answer-span.js';
import { STOPWORDS } from './answer-span.js';
import { wordTokens, type Token } from './tokens.js';

export const BLANK = '_____';
/** Questions longer than this many words are cut to the clause around the answer. */
export const MAX_QUESTION_WORDS = 36;

const DATE_PREPOSITIONS = new Set('in on since by until till from during before after of around circa'.split(' '));
const PLACE_PREPOSITIONS = new Set('in at from near across throughout into inside outside within'.split(' '));
const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;
const LEADING_CONJUNCTIONS = new Set('and but or which while whereas although because so'.split(' '));

interface Window {
  first: number;
  last: number;
}

function clauseBreakAfter(text: string, tokens: Token[], t: number): boolean {
  return t + 1 < tokens.length && CLAUSE_BREAK.test(text.slice(tokens[t].end, tokens[t + 1].start));
}

/** Token window around the answer: the whole sentence when short, else whole clauses around it. */
export function windowFor(text: string, tokens: Token[], candidate: AnswerCandidate): Window {
  if (tokens.length <= MAX_QUESTION_WORDS) return { first: 0, last: tokens.length - 1 };
  const segments: Window[] = [];
  let begin = 0;
  for (let t = 0; t < tokens.length; t++) {
    if (t === tokens.length - 1 || clauseBreakAfter(text, tokens, t)) {
      segments.push({ first: begin, last: t });
      begin = t + 1;
    }
  }
  const home = segments.findIndex((s) => s.first <= candidate.first && candidate.first <= s.last);
  let lo = home;
  let hi = home;
  while (segments[hi].last < candidate.last && hi + 1 < segments.length) hi++;
  const size = () => segments[hi].last - segments[lo].first + 1;
  if (size() > MAX_QUESTION_WORDS) {
    const half = Math.floor((MAX_QUESTION_WORDS - (candidate.last - candidate.first + 1)) / 2);
    const first = Math.max(0, candidate.first - Math.max(0, half));
    return { first, last: Math.min(tokens.length - 1, Math.max(candidate.last, first + MAX_QUESTION_WORDS - 1)) };
  }
  for (;;) {
    const right = hi + 1 < segments.length ? segments[hi + 1].last - segments[lo].first + 1 : Infinity;
    const left = lo > 0 ? segments[hi].last - segments[lo - 1].first + 1 : Infinity;
    if (right <= MAX_QUESTION_WORDS && right <= left) hi++;
    else if (left <= MAX_QUESTION_WORDS) lo--;
    else break;
  }
  let first = segments[lo].first;
  if (first > 0 && first < candidate.first && LEADING_CONJUNCTIONS.has(tokens[first].text.toLowerCase())) first++;
  return { first, last: segments[hi].last };
}

/** Removes unmatched brackets and unpaired quotes; questions are rephrasings, not spans. */
export function balance(text: string): string {
  if (!/["“”()[\]{}]/.test(text)) return text;
  let out = text;
  const straight = (out.match(/"/g) ?? []).length;
  if (straight % 2 === 1) out = out.replace(/"/g, '');
  const open = (out.match(/“/g) ?? []).length;
  const close = (out.match(/”/g) ?? []).length;
  if (open !== close) out = out.replace(/[“”]/g, '');
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: number[] = [];
  const drop = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    if (ch === '(' || ch === '[' || ch === '{') stack.push(i);
    else if (ch in pairs) {
      if (stack.length > 0 && out[stack[stack.length - 1]] === pairs[ch]) stack.pop();
      else drop.add(i);
    }
  }
  for (const i of stack) drop.add(i);
  if (drop.size === 0) return out;
  let kept = '';
  for (let i = 0; i < out.length; i++) if (!drop.has(i)) kept += out[i];
  return kept;
}

function tidy(text: string): string {
  let out = balance(text.replace(/\s+/g, ' ').trim());
  if (/ [,.;:?!]/.test(out)) out = out.replace(/ ([,.;:?!])/g, '$1');
  if (/\(\s*\)|\[\s*\]/.test(out)) out = out.replace(/\(\s*\)|\[\s*\]/g, '').replace(/\s+/g, ' ').trim();
  return out;
}

function capitalise(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

const TERMINAL = new Set([' ', '\t', '\n', '\r', '\u00a0', '.', '!', '?', ';', ':', ',', '…']);

/** Drops trailing spaces and punctuation (a loop, not /[...]+$/, which rescans long runs). */
function stripTerminal(text: string): string {
  let end = text.length;
  while (end > 0 && TERMINAL.has(text[end - 1])) end--;
  return text.slice(0, end);
}

interface Replacement {
  from: number;
  to: number;
  phrase: string;
}

function whReplacement(text: string, tokens: Token[], c: AnswerCandidate): Replacement | undefined {
  const before = tokens[c.first - 1];
  const beforeWord = before?.text.toLowerCase() ?? '';
  const after = tokens[c.last + 1];
  const keep = (phrase: string): Replacement => ({ from: c.start, to: c.end, phrase });
  if (c.modifier) return undefined;
  switch (c.type) {
    case 'person':
      return { from: c.replaceFrom ?? c.start, to: c.end, phrase: 'who' };
    case 'place': {
      // "where" only for a place phrase that closes its clause; inside one, "in which place" reads right.
      const closesClause = !after || CLAUSE_BREAK.test(text.slice(c.end, after.start)) || /[.!?]/.test(text.slice(c.end, after.start));
      return before && PLACE_PREPOSITIONS.has(beforeWord) && closesClause && c.first > 1 ? { from: before.start, to: c.end, phrase: 'where' } : keep('which place');
    }
    case 'entity':
    case 'noun-phrase':
      return keep('what');
    case 'year':
      if (/s$/.test(text.slice(c.start, c.end))) return keep('what decade');
      return keep(DATE_PREPOSITIONS.has(beforeWord) || c.first === 0 ? 'what year' : 'when');
    case 'date':
      return keep(DATE_PREPOSITIONS.has(beforeWord) || c.first === 0 ? 'what date' : 'when');
    case 'percent':
      return keep('what percentage');
    case 'money':
      return keep('how much');
    case 'number': {
      if (!after || text.slice(c.end, after.start) !== ' ' || !/^\p{L}{2,}/u.test(after.text) || STOPWORDS.has(after.text.toLowerCase())) return undefined;
      return keep('how many');
    }
    default:
      return undefined;
  }
}

const lowerTokens = (text: string) => wordTokens(text).map((t) => t.text.toLowerCase());

/** Whether the question contains the answer's word tokens in sequence (case-insensitive). */
export function containsAnswer(question: string, answer: string): boolean {
  const q = lowerTokens(question);
  const a = lowerTokens(answer);
  if (a.length === 0) return false;
  outer: for (let i = 0; i + a.length <= q.length; i++) {
    for (let j = 0; j < a.length; j++) if (q[i + j] !== a[j]) continue outer;
    return true;
  }
  return false;
}

/** A wh-question for the candidate, or undefined when no template fits or the answer would leak. */
export function whQuestion(text: string, tokens: Token[], c: AnswerCandidate): string | undefined {
  const replacement = whReplacement(text, tokens, c);
  if (!replacement) return undefined;
  const w = windowFor(text, tokens, c);
  const windowStart = tokens[w.first].start;
  const windowEnd = tokens[w.last].end;
  if (replacement.from < windowStart) return undefined;
  const subject = replacement.from === windowStart;
  const head = text.slice(windowStart, replacement.from);
  const tail = stripTerminal(text.slice(replacement.to, windowEnd));
  const phrase = subject ? capitalise(replacement.phrase) : replacement.phrase;
  const body = tidy(`${head}${phrase}${tail}`);
  const question = `${capitalise(stripTerminal(body))}?`;
  if (containsAnswer(question, text.slice(c.start, c.end))) return undefined;
  return question;
}

/** A one-blank cloze for the candidate. */
export function clozeQuestion(text: string, tokens: Token[], c: AnswerCandidate): string {
  const w = windowFor(text, tokens, c);
  const windowStart = Math.min(tokens[w.first].start, c.start);
  let windowEnd = Math.max(tokens[w.last].end, c.end);
  // Keep the sentence's own closing punctuation when the window reaches the end.
  while (windowEnd < text.length && /[.!?…]/.test(text[windowEnd]) && w.last === tokens.length - 1) windowEnd++;
  const body = tidy(`${text.slice(windowStart, c.start)}${BLANK}${text.slice(c.end, windowEnd)}`);
  const closed = /[.!?…]$/.test(body) ? body : `${stripTerminal(body)}.`;
  return capitalise(closed);
}
