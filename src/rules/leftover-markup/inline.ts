// Residue that sits inside a line: entities, template and wiki syntax, opaque blobs, tracking
// parameters, html-to-text link targets and converter-added backslash escapes. Every pattern is
// bounded and has no nested quantifier over overlapping classes.
import { whole, type Artifact, type Protected } from './artifact.js';

const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;
const TEMPLATE = /\{\{[^{}\n]{0,500}\}\}|\{%[^%\n]{0,500}%\}/g;
const WIKI_LINK = /\[\[(?:([^[\]\n|]{1,200})\|)?[^[\]\n|]{1,200}\]\]/g;
const WIKI_HEADING = /^(={2,6})([^=\n]{1,200})\1[ \t]{0,20}$/gm;
const DATA_URI = /data:[A-Za-z0-9.+/-]{1,100};base64,[A-Za-z0-9+/=]{16,}/g;
const BASE64_RUN = /[A-Za-z0-9+/]{100,}={0,2}/g;
const HEX_RUN = /\b[0-9a-fA-F]{64,}\b|(?:\\x[0-9a-fA-F]{2}){20,}|(?:\\u[0-9a-fA-F]{4}){12,}/g;
const TRACKING = /[?&](?:utm_[A-Za-z_]{1,30}|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|mkt_tok|ref_src|cmpid)=[^&#\s)\]"'<>]{0,500}/g;
/** html-to-text writes a link as `anchor [target]`. */
const TEXT_LINK_TARGET = /[ \t]?\[(?:(?:https?|ftp|mailto|javascript|tel):|\/|#|www\.)[^\s[\]]{0,4096}\]/g;
const ESCAPE = /\\[-_.#+!()[\]>{}~]/g;
const ENTITY_AT = new RegExp(ENTITY.source, 'y');
const TRACKING_AT = new RegExp(TRACKING.source, 'y');

function* matches(pattern: RegExp, text: string, code: Protected): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!code.overlaps(m.index, m.index + m[0].length)) yield m;
  }
}

/** The first place at or after `from` where a match may start, or -1 when there is none. */
type NextStart = (from: number) => number;

/**
 * The matches of `sticky` (a pattern with the `y` flag) tried only at the places `starts` find, in
 * order. A pattern that opens with a character class makes the engine test every character of the
 * text; indexOf and the like skip to the few places a match can start.
 */
function* matchesAtStarts(starts: readonly NextStart[], sticky: RegExp, text: string, code: Protected): Generator<RegExpExecArray> {
  const next = starts.map((start) => start(0));
  for (let from = 0; ; ) {
    let at = -1;
    for (let k = 0; k < next.length; k++) {
      if (next[k] !== -1 && next[k] < from) next[k] = starts[k](from);
      if (next[k] !== -1 && (at === -1 || next[k] < at)) at = next[k];
    }
    if (at === -1) return;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m === null) {
      from = at + 1;
      continue;
    }
    if (!code.overlaps(m.index, m.index + m[0].length)) yield m;
    // No match is empty, so the scan moves on.
    from = m.index + m[0].length;
  }
}

/** The matches of a global pattern whose every match starts with one of the strings `firsts`, read with `sticky` at each of them. */
function matchesStartingWith(firsts: readonly string[], sticky: RegExp, text: string, code: Protected): Generator<RegExpExecArray> {
  return matchesAtStarts(firsts.map((first): NextStart => (from) => text.indexOf(first, from)), sticky, text, code);
}

/** The pattern's matches, or none without running it when the text lacks a string every match contains. */
function gated(needles: readonly string[], pattern: RegExp, text: string, code: Protected): Iterable<RegExpExecArray> {
  return needles.some((needle) => text.includes(needle)) ? matches(pattern, text, code) : [];
}

/** A table of the ASCII code units in `chars`, for character-class tests without a regex. */
export function asciiClass(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
}

/** `[A-Za-z0-9+/]`, the class of BASE64_RUN. */
const BASE64_CLASS = asciiClass('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
/** `[0-9a-fA-F]`, the digits of HEX_RUN's first alternative. */
const HEX_CLASS = asciiClass('0123456789abcdefABCDEF');
const inClass = (table: Uint8Array, code: number) => code < 128 && table[code] === 1;

/**
 * The first index at or after `from` where `length` characters of the class begin, or -1. It
 * probes the last character of each window: where that is outside the class no run of `length`
 * can start in the window, so prose is read a few characters per window, where a regex such as
 * BASE64_RUN re-reads every word from each of its letters.
 */
function nextClassRun(text: string, from: number, length: number, table: Uint8Array): number {
  let p = from;
  while (p + length <= text.length) {
    const probe = p + length - 1;
    if (!inClass(table, text.charCodeAt(probe))) {
      p = probe + 1;
      continue;
    }
    let start = probe;
    while (start > p && inClass(table, text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < start + length && inClass(table, text.charCodeAt(end))) end++;
    if (end >= start + length) return start;
    p = end + 1;
  }
  return -1;
}

/** The first index at or after `from` where `length` characters of BASE64_RUN's class begin, or -1. */
export function nextBase64Run(text: string, from: number, length: number): number {
  return nextClassRun(text, from, length, BASE64_CLASS);
}

/** The matches of BASE64_RUN: its leftmost match from any position is where nextBase64Run finds 100. */
function* base64Runs(text: string, code: Protected): Generator<RegExpExecArray> {
  let from = 0;
  for (;;) {
    const start = nextBase64Run(text, from, 100);
    if (start === -1) return;
    BASE64_RUN.lastIndex = start;
    const m = BASE64_RUN.exec(text)!;
    if (!code.overlaps(m.index, m.index + m[0].length)) yield m;
    from = BASE64_RUN.lastIndex;
  }
}

const HEX_RUN_AT = new RegExp(HEX_RUN.source, 'y');

/** The start of the first run of 64 or more hex digits at or after `from` that no hex digit precedes, or -1. */
function nextHexRun(text: string, from: number): number {
  for (let p = from; ; ) {
    const found = nextClassRun(text, p, 64, HEX_CLASS);
    if (found === -1) return -1;
    let start = found;
    while (start > 0 && inClass(HEX_CLASS, text.charCodeAt(start - 1))) start--;
    if (start >= from) return start;
    // The run began before `from`: the next one starts after it ends.
    let end = found + 64;
    while (inClass(HEX_CLASS, text.charCodeAt(end))) end++;
    p = end + 1;
  }
}

/**
 * The matches of HEX_RUN, tried only where one can start: a `\\x`, a `\\u`, or the first digit of
 * a run of 64 hex digits or more (the `\b` before the run rules out every later digit of it, all
 * word characters after a word character). HEX_RUN scanned for them from every position of the text.
 */
function hexRuns(text: string, code: Protected): Generator<RegExpExecArray> {
  const starts: NextStart[] = [(from) => nextHexRun(text, from), (from) => text.indexOf('\\x', from), (from) => text.indexOf('\\u', from)];
  return matchesAtStarts(starts, HEX_RUN_AT, text, code);
}

export function scanEntities(text: string, code: Protected): Artifact[] {
  return [...matchesStartingWith(['&'], ENTITY_AT, text, code)].map((m) => whole('entity', m.index, m.index + m[0].length));
}

export function scanTemplates(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [...gated(['{{', '{%'], TEMPLATE, text, code)].map((m) => whole('template', m.index, m.index + m[0].length));
  for (const m of gated(['[['], WIKI_LINK, text, code)) {
    const start = m.index;
    const end = start + m[0].length;
    const keepFrom = m[1] === undefined ? start + 2 : start + 2 + m[1].length + 1;
    found.push({ kind: 'wiki', start, end, remove: [[start, keepFrom], [end - 2, end]] });
  }
  for (const m of gated(['=='], WIKI_HEADING, text, code)) {
    const start = m.index;
    const end = start + m[0].length;
    const marker = m[1].length;
    found.push({ kind: 'wiki', start, end, remove: [[start, start + marker], [start + marker + m[2].length, end]] });
  }
  return found;
}

function looksOpaque(run: string): boolean {
  return /[0-9]/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run);
}

export function scanBlobs(text: string, code: Protected): Artifact[] {
  // Every data URI holds both `data:` and `;base64,`; the search for the second skips ahead faster, `;` being rarer than `d`.
  const found: Artifact[] = [...gated([';base64,'], DATA_URI, text, code)].map((m) => whole('blob', m.index, m.index + m[0].length));
  const taken = (start: number) => found.some((a) => start >= a.start && start < a.end);
  for (const m of base64Runs(text, code)) if (looksOpaque(m[0]) && !taken(m.index)) found.push(whole('blob', m.index, m.index + m[0].length));
  for (const m of hexRuns(text, code)) if (!taken(m.index)) found.push(whole('blob', m.index, m.index + m[0].length));
  return found;
}

export function scanTrackingParameters(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  for (const m of matchesStartingWith(['?', '&'], TRACKING_AT, text, code)) {
    const start = m.index;
    const end = start + m[0].length;
    // Keep the URL well formed: `?utm=x&a=b` loses `utm=x&`, `?a=b&utm=x` loses `&utm=x`.
    if (m[0][0] === '?' && text[end] === '&') found.push({ kind: 'tracking', start, end: end + 1, remove: [[start + 1, end + 1]] });
    else found.push(whole('tracking', start, end));
  }
  return found;
}

const TEXT_LINK_TARGET_AT = new RegExp(TEXT_LINK_TARGET.source, 'y');
/** The first character of a target after the `[`: `h` (http), `f`, `m`, `j`, `t`, `/`, `#` or `w` (www.). */
const mayOpenTarget = (c: number) => c === 104 || c === 102 || c === 109 || c === 106 || c === 116 || c === 47 || c === 35 || c === 119;

/**
 * The matches of TEXT_LINK_TARGET, tried only at each `[` (or the space or tab before it): its
 * optional leading blank makes the pattern start a match attempt at every character otherwise.
 */
function* textLinkTargets(text: string, code: Protected): Generator<RegExpExecArray> {
  let from = 0;
  for (let bracket = text.indexOf('['); bracket !== -1; bracket = text.indexOf('[', Math.max(bracket + 1, from))) {
    // Most brackets hold anchor text or a badge: the pattern need not be tried there.
    if (!mayOpenTarget(text.charCodeAt(bracket + 1))) continue;
    const before = text.charCodeAt(bracket - 1);
    TEXT_LINK_TARGET_AT.lastIndex = bracket > from && (before === 32 || before === 9) ? bracket - 1 : bracket;
    const m = TEXT_LINK_TARGET_AT.exec(text);
    if (m === null) continue;
    if (!code.overlaps(m.index, m.index + m[0].length)) yield m;
    from = m.index + m[0].length;
  }
}

export function scanTextLinkTargets(text: string, code: Protected): Artifact[] {
  return [...textLinkTargets(text, code)].map((m) => whole('link-target', m.index, m.index + m[0].length));
}

/** Backslash escapes whose removal cannot start a Markdown construct (a list, heading or quote). */
export function scanEscapes(text: string, code: Protected): Artifact[] {
  const found: Artifact[] = [];
  for (const m of gated(['\\'], ESCAPE, text, code)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const before = text.slice(lineStart, m.index);
    if (/^[ \t]*$/.test(before) || (/^[ \t]*\d{1,9}$/.test(before) && /[.)]/.test(m[0][1]))) continue;
    if (m.index > 0 && text[m.index - 1] === '\\') continue;
    found.push({ kind: 'escape', start: m.index, end: m.index + 2, remove: [[m.index, m.index + 1]] });
  }
  return found;
}
