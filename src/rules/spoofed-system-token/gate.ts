// The gate in front of the normalised view. Every catalog token holds `<`, `[` or `{`, every hash
// header `#`, every other header a role word before a colon (a test checks this against the
// catalog), and an HTML reference starts with `&`. A disguise changes how those characters are
// spelled, not whether they are there: a look-alike, fullwidth or compatibility form folds back to
// them. So only the non-ASCII characters whose fold is one of them, or a colon with a role word
// before it once folded, can open a token. Prose with curly quotes, dashes and accented letters,
// which is most clean text, then skips the view.
import { foldCodePoint } from '../../normalize/index.js';

/** The words a transcript header is made of (`Human:`, `GPT4 Correct User:`); the gate test checks them against the catalog. */
const ROLE_WORDS = ['human', 'assistant', 'user', 'system'];
const ROLE_BEFORE_COLON = new RegExp(`(?:${ROLE_WORDS.join('|')})[ \\t]{0,2}$`, 'i');
const ROLE_WORD_ENDINGS = new Set(ROLE_WORDS.map((word) => word.charCodeAt(word.length - 1)));
/** Enough folded characters before a colon to hold the longest role word and its spaces. */
const ROLE_WINDOW = 13;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Whether the text before `colon`, folded as the view folds it, ends in a role word. Characters the
 * fold drops (zero-width, combining marks) are walked over, so they cannot push the word out of reach.
 */
function roleWordBefore(text: string, colon: number): boolean {
  // The view reads a Markdown-escaped `\:` as a colon.
  let at = colon > 0 && text.charCodeAt(colon - 1) === 0x5c ? colon - 1 : colon;
  // Most colons ("Note:", "10:30", "https:") follow an ASCII character no role word ends with.
  let last = at - 1;
  for (let spaces = 0; last >= 0 && spaces < 2 && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 9); spaces++) last--;
  if (last < 0) return false;
  const lastCode = text.charCodeAt(last);
  if (lastCode < 0x80 && !ROLE_WORD_ENDINGS.has(lastCode | 0x20)) return false;
  const folded: string[] = [];
  let length = 0;
  while (at > 0 && length < ROLE_WINDOW) {
    let start = at - 1;
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    const piece = text.charCodeAt(start) < 0x80 ? text[start] : foldCodePoint(text.codePointAt(start)!);
    folded.push(piece);
    length += piece.length;
    at = start;
  }
  return ROLE_BEFORE_COLON.test(folded.reverse().join(''));
}

const UNKNOWN = 0;
const HARMLESS = 1;
const TOKEN_PART = 2;
const COLON = 3;
/** What each BMP code point folds to, filled in as code points are met (a fold runs NFKD). */
const bmpKinds = new Uint8Array(0x10000);
const astralKinds = new Map<number, number>();

function kindOfFold(codePoint: number): number {
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return TOKEN_PART;
  const folded = foldCodePoint(codePoint);
  return /[<[{#&]/.test(folded) ? TOKEN_PART : folded.includes(':') ? COLON : HARMLESS;
}

/**
 * What a code point becomes in the view: part of a token's punctuation, a colon, or neither. Tag
 * characters count as token punctuation: they can spell any ASCII in the view that decodes them.
 */
export function foldedKind(codePoint: number): number {
  if (codePoint < 0x10000) {
    let kind = bmpKinds[codePoint];
    if (kind === UNKNOWN) bmpKinds[codePoint] = kind = kindOfFold(codePoint);
    return kind;
  }
  let kind = astralKinds.get(codePoint);
  if (kind === undefined) {
    kind = kindOfFold(codePoint);
    if (astralKinds.size < 65536) astralKinds.set(codePoint, kind);
  }
  return kind;
}

export const FOLDS_TO = { harmless: HARMLESS, tokenPart: TOKEN_PART, colon: COLON } as const;

// Regular expressions find the candidates: an engine scan for a few ASCII characters or for "any
// non-ASCII" is several times faster than JavaScript walking the text; a class listing the
// scattered non-ASCII look-alikes themselves would be as slow as the walk.
const ASCII_TOKEN_CHARACTER = /[<[{#&]/;
const COLON_OR_NON_ASCII = /[:\u0080-\uffff]/g;

/** False when `text` cannot contain a catalog token or role header in any disguise, so the view need not be built. */
export function mayHoldChatToken(text: string): boolean {
  if (ASCII_TOKEN_CHARACTER.test(text)) return true;
  COLON_OR_NON_ASCII.lastIndex = 0;
  for (let m = COLON_OR_NON_ASCII.exec(text); m; m = COLON_OR_NON_ASCII.exec(text)) {
    const at = m.index;
    const codePoint = text.codePointAt(at)!;
    if (codePoint > 0xffff) COLON_OR_NON_ASCII.lastIndex = at + 2;
    const kind = codePoint === 0x3a ? COLON : foldedKind(codePoint);
    if (kind === TOKEN_PART || (kind === COLON && roleWordBefore(text, at))) return true;
  }
  return false;
}
