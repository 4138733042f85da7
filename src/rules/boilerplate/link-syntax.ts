// Where the next piece of link syntax starts, for lines read in document order: the document is
// searched once, not once per line. LINK_SYNTAX as one regex tries every position of the document
// (its alternatives start with `[`, `]`, `h` or `w`, so no one character leads the search); here
// each alternative's fixed part is found with indexOf and checked around it, and the nearest wins.
// List markers hold none of the characters searched for, so a line has link syntax exactly when
// its body does.
import type { DocumentFormat } from '../../types.js';

/** `(?:https?|ftp|mailto|javascript|tel):`, `/`, `#` or `www.` at `i`: what follows `[` in an html-to-text target. */
function opensTextTarget(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 47 || c === 35) return true;
  return (
    text.startsWith('http:', i) ||
    text.startsWith('https:', i) ||
    text.startsWith('www.', i) ||
    text.startsWith('ftp:', i) ||
    text.startsWith('mailto:', i) ||
    text.startsWith('javascript:', i) ||
    text.startsWith('tel:', i)
  );
}

/** `[ \t]*(?:[\r\n]|$)` at `i`: a `[` that ends its line. */
function endsLine(text: string, i: number): boolean {
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  return i >= text.length || c === 10 || c === 13;
}

export class LinkSyntax {
  private next = -1;
  /** The nearest candidate of each kind at or after the last search, -1 once there is none. */
  private bracket = -2;
  private scheme = -2;
  private www = -2;
  private tail = -2;
  private readonly markdown: boolean;

  constructor(
    private readonly text: string,
    format: DocumentFormat,
  ) {
    this.markdown = format === 'markdown';
  }

  /** Whether a match of LINK_SYNTAX (in the document's format) starts in `[start, end)`; starts must not decrease. */
  within(start: number, end: number): boolean {
    if (this.next < start) this.next = this.search(start);
    return this.next < end;
  }

  /** The first index at or after `from` where LINK_SYNTAX matches, or Infinity. */
  search(from: number): number {
    const { text } = this;
    if (this.bracket !== -1 && this.bracket < from) {
      let at = text.indexOf('[', from);
      while (at !== -1 && !(this.markdown ? endsLine(text, at + 1) : opensTextTarget(text, at + 1))) at = text.indexOf('[', at + 1);
      this.bracket = at;
    }
    this.advanceUrls(from);
    if (this.markdown && this.tail !== -1 && this.tail < from) this.tail = text.indexOf('](', from);
    let nearest = Infinity;
    for (const at of [this.bracket, this.scheme, this.www, this.markdown ? this.tail : -1]) if (at !== -1 && at < nearest) nearest = at;
    return nearest;
  }

  private advanceUrls(from: number): void {
    const { text } = this;
    if (this.scheme !== -1 && this.scheme < from) {
      // `https?://` starts four or five characters before its `://`.
      let at = -1;
      for (let colon = text.indexOf('://', from); colon !== -1 && at === -1; colon = text.indexOf('://', colon + 1)) {
        if (colon - 5 >= from && text.startsWith('https', colon - 5)) at = colon - 5;
        else if (colon - 4 >= from && text.startsWith('http', colon - 4)) at = colon - 4;
      }
      this.scheme = at;
    }
    if (this.www !== -1 && this.www < from) this.www = text.indexOf('www.', from);
  }

  /**
   * Whether link syntax other than a bare URL starts in the line `[start, end)` that `within` was
   * last asked about: a `[` opening an html-to-text target (text), or a `[` that ends its line or a
   * `](` (Markdown). The nearest of each is at or after `start`, since `within` searched again past
   * every candidate before `start`.
   */
  hasBracketSyntax(end: number): boolean {
    return (this.bracket !== -1 && this.bracket < end) || (this.markdown && this.tail !== -1 && this.tail < end);
  }

  /**
   * The first index at or after `from` where `https?://` or `www.` starts, or -1; what BARE_URL
   * must start with. Calls must not go back before an earlier `from` or a `within` start.
   */
  urlStart(from: number): number {
    this.advanceUrls(from);
    if (this.scheme === -1) return this.www;
    return this.www === -1 || this.scheme < this.www ? this.scheme : this.www;
  }
}
