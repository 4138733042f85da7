// Grounding of an answer in its target sentence. An answer is grounded exactly when it occurs
// verbatim in the sentence (its offsets are that occurrence). Otherwise it is grounded by overlap
// when the sentence has a contiguous run of tokens whose lowercased, NFKC-normalised token
// sequence equals the answer's (so case, curly quotes, extra spaces and trailing punctuation do
// not matter); the answer then becomes that span of the sentence. Anything else is rejected.
import { wordTokens } from './tokens.js';

export type GroundingResult =
  | { grounded: true; how: 'exact' | 'normalized'; start: number; end: number }
  | { grounded: false; reason: 'empty-answer' | 'not-in-target' };

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/’/g, "'");

/** Grounds `answer` in text[start, end); offsets in the result are into `text`. */
export function groundAnswer(text: string, start: number, end: number, answer: string): GroundingResult {
  const trimmed = answer.trim();
  if (trimmed === '') return { grounded: false, reason: 'empty-answer' };
  const sentence = text.slice(start, end);
  const at = sentence.indexOf(trimmed);
  if (at !== -1) return { grounded: true, how: 'exact', start: start + at, end: start + at + trimmed.length };
  const wanted = wordTokens(trimmed.normalize('NFKC')).map((t) => norm(t.text));
  if (wanted.length === 0) return { grounded: false, reason: 'empty-answer' };
  const tokens = wordTokens(text, start, end);
  outer: for (let i = 0; i + wanted.length <= tokens.length; i++) {
    for (let j = 0; j < wanted.length; j++) if (norm(tokens[i + j].text) !== wanted[j]) continue outer;
    return { grounded: true, how: 'normalized', start: tokens[i].start, end: tokens[i + wanted.length - 1].end };
  }
  return { grounded: false, reason: 'not-in-target' };
}
