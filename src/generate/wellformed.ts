// Well-formedness of a generated question, as the evaluation counts it: it ends in "?" or is a
// cloze with exactly one blank; it has 4 to 40 whitespace tokens; straight and curly double quotes
// and brackets are balanced (single quotes are not checked: they double as apostrophes); and it
// does not open with a chat preamble ("Here are...", "Sure, ...").
import { BLANK } from './templates.js';
import { spaceTokenCount } from './tokens.js';

const PREAMBLE = /^(?:here (?:is|are)|sure[,!]|certainly[,!]|okay[,!]|as an ai|question:)/i;

export type WellFormedProblem = 'ending' | 'length' | 'unbalanced' | 'preamble';

const PAIRED = /["“”()[\]{}]/;

function balanced(text: string): boolean {
  if (!PAIRED.test(text)) return true;
  if ((text.match(/"/g) ?? []).length % 2 !== 0) return false;
  if ((text.match(/“/g) ?? []).length !== (text.match(/”/g) ?? []).length) return false;
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

export function wellFormedProblem(question: string): WellFormedProblem | undefined {
  const text = question.trim();
  if (PREAMBLE.test(text)) return 'preamble';
  const blanks = text.split(BLANK).length - 1;
  if (!text.endsWith('?') && blanks !== 1) return 'ending';
  const tokens = spaceTokenCount(text);
  if (tokens < 4 || tokens > 40) return 'length';
  if (!balanced(text)) return 'unbalanced';
  return undefined;
}
