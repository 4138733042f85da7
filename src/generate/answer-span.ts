// Answer-span candidates inside one target sentence. The kinds of span:
//   - named entities: a run of capitalised words (a single word only away from the sentence start),
//     typed person (a title before it, or a speech verb after it), place (after in/at/from/near...)
//     or other;
//   - dates: month-name dates, years 1000-2099, decades;
//   - numbers, with a currency sign, a percent, or a scale word like "million";
//   - noun phrases: a determiner followed by one to three content words.
// Priority (PRIORITY below): person, date, year, place, number, percent, money, other entity, noun
// phrase; within one type, earlier spans first. Every span lies inside the sentence.
import { wordTokens, type Token } from './tokens.js';

export type AnswerType = 'person' | 'place' | 'entity' | 'date' | 'year' | 'number' | 'percent' | 'money' | 'noun-phrase' | 'word';

export interface AnswerCandidate {
  start: number;
  end: number;
  type: AnswerType;
  /** Token index range of the span in the sentence's tokens. */
  first: number;
  last: number;
  /** Where a wh-phrase replacement starts when a title precedes the name ("President Lincoln" -> "who"). */
  replaceFrom?: number;
  /** A name used as a modifier ("the Medicaid expansion"): a wh-phrase would not read well, only a cloze. */
  modifier?: boolean;
}

/** The answer types in order of preference: who, when, where, how many, then what. */
export const PRIORITY: readonly AnswerType[] = ['person', 'date', 'year', 'place', 'number', 'percent', 'money', 'entity', 'noun-phrase', 'word'];

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const TITLES = new Set(
  'mr mrs ms mx dr prof sir dame lord lady president senator governor mayor king queen prince princess pope saint st general colonel captain judge justice rev father'.split(
    ' ',
  ),
);
const SPEECH_VERBS = new Set('said says told wrote writes added explained stated argued noted asked replied recalled who'.split(' '));
const PLACE_PREPOSITIONS = new Set('in at from near across throughout into inside outside within'.split(' '));
const CONNECTORS = new Set(['of', 'de', 'la', 'le', 'van', 'von', 'der', 'den', 'du', 'da', 'del', 'di', 'y', 'bin', 'al']);
const DETERMINERS = new Set('the a an this that these those its their his her our your my some several many'.split(' '));
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to by with from into onto upon over under about above below after before during since until ' +
    'as than then that this these those it its they them their he him his she her we us our you your i me my is are was were be been being am ' +
    'has have had do does did will would shall should can could may might must not no very also only just more most less least such which who ' +
    'whom whose what when where why how there here if while because although though each every all both either neither other another'
  ).split(' '),
);
const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion'.split(' '));
const SCALE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion']);
const SENTENCE_INITIAL_COMMON = new Set(
  'The A An In On At It Its This That These Those They He She We I You There Here But And Or However After Before When While Since As If Although For Today Then Thus Also His Her Their Our My Some Many Most One Each Every All Both Not Yesterday Last Next During From By With'.split(
    ' ',
  ),
);

const YEAR = /^(?:1\d{3}|20\d{2})$/;
const DECADE = /^(?:1\d{3}|20\d{2})s$/;
const NUMBER = /^\d[\d,.]*$/;

function isCapitalised(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  return /^\p{Lu}/u.test(token.text);
}

function onlySpaceBetween(text: string, a: Token, b: Token): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return b.start > a.end;
}

function lower(token: Token | undefined): string {
  if (!token) return '';
  const word = token.text.toLowerCase();
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

function entityCandidates(text: string, tokens: Token[]): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i]) || /^\d/.test(tokens[i].text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && onlySpaceBetween(text, tokens[j], tokens[j + 1])) {
      const next = tokens[j + 1];
      if (isCapitalised(next) && !/^\d/.test(next.text)) j++;
      else if (CONNECTORS.has(next.text) && j + 2 < tokens.length && isCapitalised(tokens[j + 2]) && onlySpaceBetween(text, next, tokens[j + 2])) j += 2;
      else break;
    }
    let first = i;
    let type: AnswerType = 'entity';
    let replaceFrom: number | undefined;
    if (TITLES.has(lower(tokens[first])) && first < j) {
      replaceFrom = tokens[first].start;
      first++;
      type = 'person';
    }
    if (first === 0 && SENTENCE_INITIAL_COMMON.has(tokens[0].text) && first < j) first++;
    const single = first === j;
    const words = tokens.slice(first, j + 1).map(lower);
    const isDateWord = words.every((w) => MONTHS.has(w) || WEEKDAYS.has(w) || CONNECTORS.has(w));
    if (!(single && first === 0) && !isDateWord) {
      if (type !== 'person' && TITLES.has(lower(tokens[first - 1]))) {
        type = 'person';
        replaceFrom = tokens[first - 1].start;
      }
      if (type !== 'person' && SPEECH_VERBS.has(lower(tokens[j + 1]))) type = 'person';
      if (type === 'entity' && first > 0 && PLACE_PREPOSITIONS.has(tokens[first - 1].text.toLowerCase())) type = 'place';
      const after = tokens[j + 1];
      const modifier =
        DETERMINERS.has(lower(tokens[first - 1])) && after !== undefined && onlySpaceBetween(text, tokens[j], after) && /^\p{Ll}/u.test(after.text) && !STOPWORDS.has(after.text);
      const candidate: AnswerCandidate = { start: tokens[first].start, end: tokens[j].end, type, first, last: j };
      if (replaceFrom !== undefined) candidate.replaceFrom = replaceFrom;
      if (modifier) candidate.modifier = true;
      found.push(candidate);
    }
    i = j + 1;
  }
  return found;
}

function dateCandidates(text: string, tokens: Token[]): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = lower(tokens[i]);
    if (MONTHS.has(word) && isCapitalised(tokens[i]) && !(word === 'may' && !/^\d/.test(tokens[i + 1]?.text ?? ''))) {
      let first = i;
      let last = i;
      if (i > 0 && /^\d{1,2}$/.test(tokens[i - 1].text)) first = i - 1;
      if (/^\d{1,2}$/.test(tokens[last + 1]?.text ?? '')) last++;
      if (YEAR.test(tokens[last + 1]?.text ?? '')) last++;
      if (first === last) continue;
      found.push({ start: tokens[first].start, end: tokens[last].end, type: 'date', first, last });
      i = last;
    } else if (YEAR.test(tokens[i].text) || DECADE.test(tokens[i].text)) {
      const nextChar = text[tokens[i].end] ?? '';
      if (nextChar === '%' || SCALE_WORDS.has(lower(tokens[i + 1]))) continue;
      found.push({ start: tokens[i].start, end: tokens[i].end, type: 'year', first: i, last: i });
    }
  }
  return found;
}

function numberCandidates(text: string, tokens: Token[], taken: (i: number) => boolean, sentenceStart: number, sentenceEnd: number): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken(i) || !NUMBER.test(tokens[i].text)) continue;
    let start = tokens[i].start;
    let end = tokens[i].end;
    let last = i;
    let type: AnswerType = 'number';
    if (start > sentenceStart && '$£€¥'.includes(text[start - 1])) {
      start--;
      type = 'money';
    }
    if (SCALE_WORDS.has(lower(tokens[i + 1])) && onlySpaceBetween(text, tokens[i], tokens[i + 1])) {
      last = i + 1;
      end = tokens[last].end;
    }
    if (end < sentenceEnd && text[end] === '%') {
      end++;
      type = 'percent';
    } else if (lower(tokens[last + 1]) === 'percent') {
      last++;
      end = tokens[last].end;
      type = 'percent';
    }
    found.push({ start, end, type, first: i, last });
    i = last;
  }
  return found;
}

function nounPhraseCandidates(text: string, tokens: Token[]): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!DETERMINERS.has(tokens[i].text.toLowerCase())) continue;
    // At the sentence start the subject is only "The X": the next word may already be the verb.
    const limit = i === 0 ? 1 : 3;
    let last = i;
    while (last + 1 < tokens.length && last - i < limit) {
      const next = tokens[last + 1];
      if (STOPWORDS.has(next.text.toLowerCase()) || !onlySpaceBetween(text, tokens[last], next) || !/\p{L}/u.test(next.text)) break;
      if (last > i && /(?:ed|ing|ly)$/.test(next.text)) break;
      if (NUMBER_WORDS.has(next.text.toLowerCase())) break;
      last++;
    }
    if (last === i) continue;
    found.push({ start: tokens[i].start, end: tokens[last].end, type: 'noun-phrase', first: i, last });
    i = last;
  }
  return found;
}

/** Candidates for a sentence given as text[start, end), in priority order, with offsets into text. */
export function answerCandidates(text: string, start: number, end: number): { tokens: Token[]; candidates: AnswerCandidate[] } {
  const tokens = wordTokens(text, start, end);
  const entities = entityCandidates(text, tokens);
  const dates = dateCandidates(text, tokens);
  const used = new Set<number>();
  for (const c of [...entities, ...dates]) for (let i = c.first; i <= c.last; i++) used.add(i);
  const numbers = numberCandidates(text, tokens, (i) => used.has(i), start, end);
  const phrases = nounPhraseCandidates(text, tokens).filter((p) => !entities.some((e) => e.start < p.end && p.start < e.end));
  const rank = (c: AnswerCandidate) => PRIORITY.indexOf(c.type);
  const candidates = [...entities, ...dates, ...numbers, ...phrases];
  // A stable sort: within one priority, earlier spans first.
  candidates.sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  return { tokens, candidates };
}

/** The last resort for a cloze: the longest content word, so every target yields an item. */
export function longestWord(tokens: Token[]): AnswerCandidate | undefined {
  let best = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!/\p{L}/u.test(tokens[i].text)) continue;
    if (best === -1 || tokens[i].text.length > tokens[best].text.length || (STOPWORDS.has(tokens[best].text.toLowerCase()) && !STOPWORDS.has(tokens[i].text.toLowerCase()))) best = i;
  }
  if (best === -1) best = tokens.length > 0 ? 0 : -1;
  if (best === -1) return undefined;
  return { start: tokens[best].start, end: tokens[best].end, type: 'word', first: best, last: best };
}
