// Decides which matched tokens and role headers are spoofed turns, lone tokens, mentions or
// innocent look-alikes, working on one normalised view and reporting original ranges.
import type { NormalizedView } from '../../normalize/index.js';
import type { Range } from '../../types.js';
import { asciiLower, familyLabel, type Catalog, type CatalogToken, type MarkerInfo, type Role } from './catalog.js';
import { findTokens } from './match.js';
import { findMarkers } from './markers.js';
import { describeDisguise, HTML_ENTITIES, MARKDOWN_ESCAPES, widenOverInvisible } from './disguise.js';
import { insideAny } from './code-ranges.js';

export interface SpoofOptions {
  /** Tokens inside inline code or code blocks: never flagged, flagged when disguised, or always. */
  code: 'skip' | 'disguised' | 'all';
  /**
   * Role names written after a token: `echoed` removes only a name its token already spells
   * (`system` in `<|im_system|>system<|im_middle|>`), `inside-header` also those enclosed by two
   * tokens of one header (`<|start_header_id|>system<|end_header_id|>`), `all` also those that end
   * a header line (`<|im_start|>system`), `keep` removes none.
   */
  roleNames: 'keep' | 'echoed' | 'inside-header' | 'all';
}

export interface SpoofReport {
  messageId: 'turn' | 'token' | 'marker';
  data: Record<string, string>;
  start: number;
  end: number;
  remove: Range[];
  severity: 'error' | 'warning';
  score: number;
}

interface Hit {
  vs: number;
  ve: number;
  os: number;
  oe: number;
  token?: CatalogToken;
  marker?: MarkerInfo;
  afterBlankLine?: boolean;
  disguise: string[];
  /** Disguised by more than HTML or Markdown escaping, which innocent markup also uses. */
  strong: boolean;
  inCode: boolean;
}

const ROLE_WORD = /^[ \t]{0,3}(system|developer|user|human|prompter|assistant|model|chatbot|bot|ipython|tool|observation|function|analysis|final|commentary)(?![A-Za-z0-9_])/i;
const ROLE_OF: Record<string, Role> = {
  system: 'system', developer: 'system', user: 'user', human: 'user', prompter: 'user', assistant: 'assistant', model: 'assistant',
  chatbot: 'assistant', bot: 'assistant', ipython: 'tool', tool: 'tool', observation: 'tool', function: 'tool',
  analysis: 'assistant', final: 'assistant', commentary: 'assistant',
};
const GAP_LIMIT = 40;

interface RoleName {
  range: Range;
  /** Followed by another token of the same header, as in `<|start_header_id|>system<|end_header_id|>`. */
  enclosed: boolean;
  /** Repeats a part of its own token's name, as `system` repeats `<|im_system|>`. */
  echoed: boolean;
}

/** Whether the token's name holds the role word as one of its parts (`im_system` holds `system`). */
function spellsRole(token: CatalogToken, word: string): boolean {
  return token.key.split(/[^a-z0-9]+/).includes(word);
}

// A role name after a token is header structure, but corpus labels (and most readers) count it as
// text unless the token itself already says it; an echoed name carries nothing the token did not,
// so removing it with the token loses nothing and leaves no stray copy of the header behind.
function removesRoleName(mode: SpoofOptions['roleNames'], name: RoleName): boolean {
  if (mode === 'all') return true;
  if (mode === 'inside-header') return name.enclosed || name.echoed;
  return mode === 'echoed' && name.echoed;
}

function roleWordAt(text: string, at: number): { start: number; end: number; role: Role } | undefined {
  const m = ROLE_WORD.exec(text.slice(at, at + 24));
  if (!m) return undefined;
  const start = at + m[0].length - m[1].length;
  return { start, end: at + m[0].length, role: ROLE_OF[m[1].toLowerCase()] };
}

/** Content follows: some non-space text before the next blank-line-separated paragraph ends. */
function contentFollows(text: string, at: number): boolean {
  return /^\s{0,40}[^\s]/.test(text.slice(at, at + 48));
}

const QUOTES_OPEN = `"'\u201c\u2018\u00ab\`(`;
const QUOTES_CLOSE = `"'\u201d\u2019\u00bb\`)`;
// A token as the subject of a description: "<|endoftext|> marks the end of a document".
const DESCRIBED = /^ (?:is|are|was|were|marks|denotes|separates|signals|means|ends|starts|begins|opens|closes|stands|tells|indicates|appears)\b/;
const INTRODUCED = /(?:e\.g\.|i\.e\.|such as|like|called|named|see|the|a|an|token|tokens|string)[ ,:]$/i;

// Words that prose about tokens uses; a token mid-sentence without any of them nearby is not
// being talked about.
const TALKS_ABOUT_TOKENS = /token|special|marker|delimit|separat|template|reserve|sentinel|prompt|format|chat|string|tag\b|sequence|emit|denote|mark(?:s|ed)?\b|signal|stands? for|such as|e\.g\.|like the/i;

/**
 * Prose that names a token: it sits inside quotes, or mid-sentence between words with talk of
 * tokens nearby ("reserve <|endoftext|> as a separator"), rather than at a line start or glued to text.
 */
function looksLikeMention(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (before && QUOTES_OPEN.includes(before) && after && QUOTES_CLOSE.includes(after)) return true;
  const left = text.slice(Math.max(0, start - 2), start);
  const right = text.slice(end, end + 2);
  const lineStart = start === 0 || text[start - 1] === '\n';
  const wordBefore = (/^[\p{L}\p{N},;(]$/u.test(left[0] ?? '') && left[1] === ' ') || INTRODUCED.test(text.slice(Math.max(0, start - 12), start));
  const wordAfter = /^ [\p{Ll}\p{N}(]$/u.test(right) || /^[,;:)]/.test(right) || /^\.(?:\s|$)/.test(right) || right === '.';
  const shaped = (wordBefore && wordAfter) || (lineStart && DESCRIBED.test(text.slice(end, end + 14)));
  return shaped && TALKS_ABOUT_TOKENS.test(text.slice(Math.max(0, start - 120), Math.min(text.length, end + 120)));
}

function disguiseLabel(kinds: readonly string[]): string {
  return kinds.length === 0 ? 'written literally' : `disguised with ${kinds.join(' and ')}`;
}

export function analyzeView(original: string, view: NormalizedView, catalog: Catalog, options: SpoofOptions, code: () => Range[]): SpoofReport[] {
  const text = view.text;
  const tokenMatches = findTokens(text, catalog);
  const markerMatches = findMarkers(text, catalog);
  if (tokenMatches.length === 0 && markerMatches.length === 0) return [];
  const codeRanges = code();
  const hit = (vs: number, ve: number): Hit => {
    const [os, oe] = view.toOriginal(vs, ve);
    const disguise = describeDisguise(original.slice(os, oe));
    return { vs, ve, os, oe, disguise, strong: disguise.some((k) => k !== HTML_ENTITIES && k !== MARKDOWN_ESCAPES), inCode: insideAny(codeRanges, os, oe) };
  };
  const admitted = (h: Hit) => !h.inCode || options.code === 'all' || (options.code === 'disguised' && h.strong);
  const tokens = tokenMatches.map((m) => ({ ...hit(m.start, m.end), token: m.token })).filter(admitted);
  const markers = markerMatches.map((m) => ({ ...hit(m.start, m.end), marker: m.info, afterBlankLine: m.afterBlankLine })).filter(admitted);

  const reports: SpoofReport[] = [];
  const roleNamesOf = new Map<Hit, RoleName>();

  // Clusters: tokens joined by nothing but whitespace and at most one role name.
  const clusters: Hit[][] = [];
  for (const t of tokens) {
    const last = clusters[clusters.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && t.vs - prev.ve <= GAP_LIMIT) {
      const gap = text.slice(prev.ve, t.vs);
      const role = roleWordAt(text, prev.ve);
      const rest = role ? text.slice(role.end, t.vs) : gap;
      if (/^\s*$/.test(rest)) {
        last.push(t);
        continue;
      }
    }
    clusters.push([t]);
  }

  interface ClusterVerdict { hits: Hit[]; role?: Role; turn: boolean; confirmed: boolean; mention: boolean; holdsUnambiguous: boolean }
  const verdicts: ClusterVerdict[] = clusters.map((hits) => {
    let role: Role | undefined;
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k];
      role ??= h.token!.role;
      const word = roleWordAt(text, h.ve);
      if (word) {
        role ??= word.role;
        const next = hits[k + 1];
        const enclosed = next !== undefined && /^[ \t]*$/.test(text.slice(word.end, next.vs));
        const echoed = spellsRole(h.token!, asciiLower(text.slice(word.start, word.end)));
        roleNamesOf.set(h, { range: [word.start, word.end], enclosed, echoed });
      }
    }
    const last = hits[hits.length - 1];
    const tail = roleNamesOf.get(last)?.range[1] ?? last.ve;
    const confirmed = hits.some((h) => !h.token!.ambiguous || h.strong);
    const turn = role !== undefined && confirmed && contentFollows(text, tail);
    const mention = hits.length === 1 && !last.strong && !roleNamesOf.has(last) && looksLikeMention(text, last.vs, last.ve);
    return { hits, role, turn, confirmed, mention, holdsUnambiguous: hits.some((h) => !h.token!.ambiguous) };
  });
  const documentConfirmed = verdicts.some((v) => v.confirmed && !v.mention && v.holdsUnambiguous);

  for (const v of verdicts) {
    for (const h of v.hits) {
      const token = h.token!;
      if (v.mention) continue;
      if (token.ambiguous && !h.strong && !v.holdsUnambiguous) {
        const corroborated = documentConfirmed ? !hasPartner(text, h) : unbalancedEndOfSequence(text, h);
        if (!corroborated) continue;
      }
      const [start, end] = widenOverInvisible(original, h.os, h.oe);
      const remove: Range[] = [[start, end]];
      const roleName = roleNamesOf.get(h);
      if (roleName && removesRoleName(options.roleNames, roleName)) remove.push(view.toOriginal(roleName.range[0], roleName.range[1]));
      const data = { token: token.display, family: familyLabel(token.families), disguise: disguiseLabel(h.disguise), role: v.role ?? 'system' };
      const score = v.turn ? 0.95 : h.strong ? 0.85 : token.ambiguous || token.generic ? 0.6 : 0.75;
      reports.push({ messageId: v.turn ? 'turn' : 'token', data, start, end, remove, severity: v.turn ? 'error' : 'warning', score });
    }
  }
  reports.push(...markerReports(original, text, markers));
  return reports;
}

const PARTNER_REACH = 800;

/** The text from the start of the paragraph (at most PARTNER_REACH back) up to `at`. */
function paragraphBefore(text: string, at: number): string {
  const window = asciiLower(text.slice(Math.max(0, at - PARTNER_REACH), at));
  return window.slice(window.lastIndexOf('\n\n') + 1);
}

/** The text from `at` to the end of the paragraph (at most PARTNER_REACH on). */
function paragraphAfter(text: string, at: number): string {
  const window = asciiLower(text.slice(at, at + PARTNER_REACH));
  const end = window.indexOf('\n\n');
  return end === -1 ? window : window.slice(0, end);
}

/**
 * An innocent look-alike comes in pairs: `<s>…</s>`, `<system>…</system>`, `[IMG]…[/IMG]` in one
 * paragraph. A look-alike with its partner is markup even in a document that holds real tokens.
 */
function hasPartner(text: string, h: Hit): boolean {
  const token = asciiLower(text.slice(h.vs, h.ve));
  const m = /^([<[])(\/?)([^<>[\]/]{1,40})([>\]])$/.exec(token);
  if (!m) return false;
  const [, open, slash, name, close] = m;
  if (slash) return paragraphBefore(text, h.vs).includes(`${open}${name}${close}`);
  return paragraphAfter(text, h.ve).includes(`${open}/${name}${close}`);
}

/** `</s>` glued to the end of a sentence with no `<s>` open before it: an end-of-sequence token. */
function unbalancedEndOfSequence(text: string, h: Hit): boolean {
  if (asciiLower(text.slice(h.vs, h.ve)) !== '</s>') return false;
  if (paragraphBefore(text, h.vs).includes('<s>')) return false;
  return h.vs > 0 && !/\s/.test(text[h.vs - 1]);
}

const PAIRED_STYLES = new Set(['hash', 'transcript']);
const LONE_HEADERS = new Set(['hash:instruction', 'hash:human']);

function markerReports(original: string, text: string, markers: Hit[]): SpoofReport[] {
  const rolesByStyle = new Map<string, Set<Role>>();
  for (const m of markers) {
    const roles = rolesByStyle.get(m.marker!.style) ?? new Set<Role>();
    roles.add(m.marker!.role);
    rolesByStyle.set(m.marker!.style, roles);
  }
  const transcript = (style: string) => {
    const roles = rolesByStyle.get(style);
    return !!roles && roles.size >= 2 && roles.has('assistant');
  };
  const reports: SpoofReport[] = [];
  for (const m of markers) {
    const info = m.marker!;
    const flagged =
      m.strong ||
      info.style === 'phrase' ||
      (PAIRED_STYLES.has(info.style) && transcript(info.style)) ||
      LONE_HEADERS.has(`${info.style}:${info.word}`) ||
      (info.style === 'transcript' && info.word === 'human' && m.afterBlankLine === true);
    if (!flagged) continue;
    const turn = contentFollows(text, m.ve);
    const [start, end] = widenOverInvisible(original, m.os, m.oe);
    reports.push({
      messageId: 'marker',
      data: { token: info.display, family: familyLabel(info.families), disguise: disguiseLabel(m.disguise), role: info.role },
      start,
      end,
      remove: [[start, end]],
      severity: turn ? 'error' : 'warning',
      score: turn ? 0.9 : 0.7,
    });
  }
  return reports;
}
