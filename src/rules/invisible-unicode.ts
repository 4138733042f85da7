// invisible-unicode: characters that render as nothing but change what a tokenizer, a filter or a
// model sees: zero-width characters, bidi controls (Trojan Source), tag characters (hidden ASCII)
// and other invisible format characters. Characters doing legitimate work are left alone: emoji
// ZWJ sequences, ZWNJ/ZWJ in scripts that shape with them, flag tag sequences, a leading BOM.
import type { RuleContext, RuleMeta } from '../types.js';
import { docsUrl } from './docs-url.js';
import { invisibleKind, isInvisible, isTagCharacter, nextInvisible, type InvisibleKind } from '../normalize/index.js';

interface InvisibleOptions {
  softHyphens: boolean;
}

const JOINING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tibetan}\p{Script=Hebrew}\p{Script=Mandaic}\p{Script=Manichaean}\p{Script=Psalter_Pahlavi}\p{Script=Hanifi_Rohingya}]/u;
// Scripts written without spaces, where U+200B marks word boundaries for line breaking.
const NO_SPACE_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Javanese}\p{Script=Balinese}]/u;
const EMOJI_BEFORE_ZWJ = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{20E3}]/u;
const EMOJI_AFTER_ZWJ = /[\p{Extended_Pictographic}\p{Emoji_Presentation}\u{2640}\u{2642}\u{2695}\u{2696}\u{2708}\u{2764}]/u;
const EMOJI_BASE = /\p{Emoji}/u;
// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms; Adlam.
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|\ud83a[\udd00-\udd5f]/;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
// Format characters that are visible or that their own script needs (Arabic number signs,
// Egyptian hieroglyph and shorthand controls belong to their scripts).
const VISIBLE_FORMAT = new Set([0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x0891, 0x08e2, 0x110bd, 0x110cd]);

const NEEDS_NEIGHBOURS = new Set([0x200b, 0x200c, 0x200d, 0x115f, 0x1160, 0x3164, 0xffa0, 0x17b4, 0x17b5, 0x180b, 0x180c, 0x180d, 0x180e, 0x180f, 0x034f]);

function codePointBefore(text: string, at: number): number | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}

const charOf = (cp: number | undefined) => (cp === undefined ? '' : String.fromCodePoint(cp));

/** Looks past other invisible characters for the visible neighbour on one side. */
function visibleNeighbour(text: string, at: number, direction: -1 | 1): number | undefined {
  let k = at;
  for (let steps = 0; steps < 8; steps++) {
    const cp = direction < 0 ? codePointBefore(text, k) : k < text.length ? text.codePointAt(k) : undefined;
    if (cp === undefined) return undefined;
    if (!isInvisible(cp)) return cp;
    k += direction * (cp > 0xffff ? 2 : 1);
  }
  return undefined;
}

interface Context {
  text: string;
  /** Whether the text holds right-to-left script; computed on the first direction mark. */
  hasRtl?: boolean;
  options: InvisibleOptions;
}

/** True when an invisible character at `at` is doing legitimate work where it stands. */
function isLegitimate(cp: number, at: number, width: number, ctx: Context): boolean {
  const { text } = ctx;
  if (isTagCharacter(cp)) return false;
  const neighbours = () => [charOf(visibleNeighbour(text, at, -1)), charOf(visibleNeighbour(text, at + width, 1))];
  let before = '';
  let after = '';
  if (NEEDS_NEIGHBOURS.has(cp)) [before, after] = neighbours();
  switch (cp) {
    case 0xfeff:
      return at === 0;
    case 0x200d:
      if (EMOJI_BEFORE_ZWJ.test(before) && (EMOJI_AFTER_ZWJ.test(after) || EMOJI_BASE.test(after))) return true;
      return JOINING_SCRIPT.test(before) || JOINING_SCRIPT.test(after);
    case 0x200c:
      return JOINING_SCRIPT.test(before) || JOINING_SCRIPT.test(after);
    case 0x200b:
      return NO_SPACE_SCRIPT.test(before) || NO_SPACE_SCRIPT.test(after);
    case 0x200e:
    case 0x200f:
    case 0x061c:
      return (ctx.hasRtl ??= RTL_SCRIPT.test(text));
    case 0x00ad:
      return !ctx.options.softHyphens;
    case 0x115f:
    case 0x1160:
    case 0x3164:
    case 0xffa0:
      return HANGUL.test(before) || HANGUL.test(after);
    case 0x17b4:
    case 0x17b5:
      return /\p{Script=Khmer}/u.test(before);
    case 0x180b:
    case 0x180c:
    case 0x180d:
    case 0x180e:
    case 0x180f:
      return /\p{Script=Mongolian}/u.test(before) || /\p{Script=Mongolian}/u.test(after);
    case 0x034f:
      return !/[A-Za-z]/.test(before) || !/[A-Za-z]/.test(after);
    default:
      break;
  }
  if (VISIBLE_FORMAT.has(cp) || (cp >= 0x13430 && cp <= 0x1345f) || (cp >= 0x1bca0 && cp <= 0x1bca3)) return true;
  if (cp >= 0xfe00 && cp <= 0xfe0f) {
    // One selector after an emoji-capable character, a CJK ideograph or a symbol picks a glyph.
    const prev = codePointBefore(text, at);
    return prev !== undefined && !(prev >= 0xfe00 && prev <= 0xfe0f) && !/[A-Za-z]/.test(charOf(prev));
  }
  if (cp >= 0xe0100 && cp <= 0xe01ef) {
    const prev = codePointBefore(text, at);
    return prev !== undefined && HAN.test(charOf(prev));
  }
  return false;
}

/** End of a valid emoji tag sequence (black flag, tag letters/digits, cancel tag) starting its tags at `at`. */
function flagSequenceEnd(text: string, at: number): number | undefined {
  if (codePointBefore(text, at) !== 0x1f3f4) return undefined;
  let k = at;
  let count = 0;
  while (k < text.length) {
    const cp = text.codePointAt(k)!;
    if (cp === 0xe007f) return count >= 1 && count <= 32 ? k + 2 : undefined;
    if (!((cp >= 0xe0061 && cp <= 0xe007a) || (cp >= 0xe0030 && cp <= 0xe0039))) return undefined;
    k += 2;
    count++;
  }
  return undefined;
}

const NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x2060: 'WORD JOINER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x061c: 'ARABIC LETTER MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE', 0x3164: 'HANGUL FILLER', 0x115f: 'HANGUL CHOSEONG FILLER', 0x1160: 'HANGUL JUNGSEONG FILLER', 0xffa0: 'HALFWIDTH HANGUL FILLER',
};

const codeLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${NAMES[cp] ? ` ${NAMES[cp]}` : ''}`;

const MESSAGE_OF: Record<InvisibleKind, 'zeroWidth' | 'bidi' | 'tag' | 'format'> = {
  'zero-width': 'zeroWidth', bidi: 'bidi', tag: 'tag', 'soft-hyphen': 'format', 'variation-selector': 'format', filler: 'format', format: 'format',
};

export const meta: RuleMeta = {
  id: 'invisible-unicode',
  description: 'Invisible Unicode characters (zero-width, bidi controls, tag characters, other format characters) in text.',
  rationale:
    'Invisible characters split words so filters and deduplication miss them, reorder what a reader sees (Trojan Source bidi controls), or carry hidden text ' +
    '(tag characters U+E0020–E007E spell ASCII that models read but people do not). Characters doing legitimate work are left alone: emoji ZWJ sequences, ' +
    'ZWNJ/ZWJ inside Perso-Arabic and Indic words, U+200B between Thai, Khmer or CJK words, direction marks in right-to-left text, emoji flag tag sequences, ' +
    'a leading byte order mark, and soft hyphens (hyphenation hints) unless `softHyphens` is on. Bidi embeddings/overrides/isolates and tag characters are ' +
    'reported as errors because they change or hide meaning; the rest as warnings.',
  docsUrl: docsUrl('invisible-unicode'),
  messages: {
    zeroWidth: 'Invisible {{what}} in text; it splits words for tokenizers and filters without showing.',
    bidi: 'Bidirectional control {{what}} can make text display in a different order than it is read (Trojan Source).',
    tag: 'Invisible Unicode tag characters spell hidden text "{{hidden}}".',
    format: 'Invisible format character {{what}} in text.',
  },
  defaultSeverity: 'warn',
  recommended: true,
  options: {
    softHyphens: {
      type: 'boolean',
      default: false,
      description: 'Also report soft hyphens (U+00AD). Off by default: they are legitimate hyphenation hints in scraped prose; inside a chat token `spoofed-system-token` catches them.',
    },
  },
  fix: { safety: 'safe' },
  needs: ['text'],
  examples: {
    valid: [
      { text: 'The family emoji 👨\u200d👩\u200d👧 and the Persian verb می\u200cخواهم.' },
      { text: 'Fans waved the Scottish flag 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}.' },
      { text: '\ufeffA file that starts with a byte order mark.' },
    ],
    invalid: [
      { text: 'pass\u200bword', output: 'password' },
      { text: 'if (isAdmin) {\u202e } \u2066// check later\u2069', findings: 3, output: 'if (isAdmin) { } // check later' },
      { text: `Note.${'[INST]'.split('').map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('')} End.`, output: 'Note. End.' },
    ],
  },
};

export function check(context: RuleContext<InvisibleOptions>): void {
  const text = context.document.text;
  const ctx: Context = { text, options: context.options };
  let run: { start: number; end: number; kind: InvisibleKind; codes: number[] } | undefined;
  const flush = () => {
    if (!run) return;
    const messageId = MESSAGE_OF[run.kind];
    const distinct = [...new Set(run.codes)];
    const what = distinct.slice(0, 3).map(codeLabel).join(', ') + (distinct.length > 3 ? ', …' : '') + (run.codes.length > 1 ? ` (${run.codes.length} characters)` : '');
    const hidden = run.codes.filter((c) => c >= 0xe0020 && c <= 0xe007e).map((c) => String.fromCharCode(c - 0xe0000)).join('');
    context.report({
      messageId,
      data: { what, hidden: hidden.length > 80 ? `${hidden.slice(0, 80)}…` : hidden },
      start: run.start,
      end: run.end,
      remove: [[run.start, run.end]],
      severity: run.kind === 'tag' || (run.kind === 'bidi' && run.codes.some((c) => c >= 0x202a)) ? 'error' : 'warning',
      score: run.kind === 'tag' ? 0.95 : run.kind === 'bidi' ? 0.85 : 0.6,
    });
    run = undefined;
  };
  for (let i = nextInvisible(text, 0); i !== -1; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (run && run.end !== i) flush();
    if (isTagCharacter(cp)) {
      const flagEnd = flagSequenceEnd(text, i);
      if (flagEnd !== undefined) {
        flush();
        i = nextInvisible(text, flagEnd);
        continue;
      }
    }
    const next = nextInvisible(text, i + width);
    if (isLegitimate(cp, i, width, ctx)) {
      flush();
      i = next;
      continue;
    }
    const kind = invisibleKind(cp);
    if (run && run.end === i && run.kind === kind) {
      run.end = i + width;
      run.codes.push(cp);
    } else {
      flush();
      run = { start: i, end: i + width, kind, codes: [cp] };
    }
    i = next;
  }
  flush();
}
