// Quotations inside a clause. An instruction inside quotation marks within a declarative frame is
// mentioned, not given (a page that told the chatbot to “ignore previous instructions”), so the
// features read a partly quoted clause with its quotations blanked out and note whether a cue was
// among them.
import { CASED_CUES, CUES } from './lexicons.js';
import { matches } from './match.js';

/** The cues whose presence inside a quotation says that an instruction is quoted. */
const MENTIONABLE = (['override', 'metaInstructions', 'extraction', 'jailbreak', 'youAreNow', 'actAs', 'apology', 'cannot'] as const)
  .flatMap((name) => [CUES[name], CASED_CUES[name]])
  .filter((re): re is RegExp => re !== undefined);

/** How much of a clause sits inside quotation marks, and whether an instruction cue is among it. */
export function quotedShare(t: string): { share: number; cue: number } {
  if (!t.includes('"') && !t.includes('“')) return { share: 0, cue: 0 };
  let inside = 0;
  let cue = 0;
  CUES.quoted.lastIndex = 0;
  for (let m = CUES.quoted.exec(t); m; m = CUES.quoted.exec(t)) {
    inside += m[0].length;
    if (!cue && MENTIONABLE.some((re) => matches(re, m[0]))) cue = 1;
  }
  CUES.quoted.lastIndex = 0;
  return { share: t.length > 0 ? inside / t.length : 0, cue };
}

/** The clause with each quotation replaced by spaces, so offsets stay where they were. */
export function maskQuotes(t: string): string {
  CUES.quoted.lastIndex = 0;
  const masked = t.replace(CUES.quoted, (m) => ' '.repeat(m.length));
  CUES.quoted.lastIndex = 0;
  return masked;
}
