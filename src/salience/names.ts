// Human names for groups of units: `heading "Pricing"`, `link list (8 items, starting "Home")`.
import { FEATURE_BIT } from './presentation.js';
import { isWhitespace, type RawGroup } from './units.js';

/**
 * The text with runs of whitespace as one space, trimmed, in quotes and cut at 40 characters. A
 * group is named after its first unit, which can be a whole long line, so only the start of the text
 * is flattened: up to the 41st non-space character (what isWhitespace skips is exactly \s).
 */
function quote(text: string): string {
  let visible = 0;
  let end = 0;
  let gap = false;
  // Text whose only whitespace is single spaces between words needs no flattening.
  let spaced = true;
  while (end < text.length && visible <= 40) {
    const code = text.charCodeAt(end);
    if (isWhitespace(code)) {
      if (code !== 32 || gap || visible === 0) spaced = false;
      gap = visible > 0;
    } else {
      visible += gap ? 2 : 1;
      gap = false;
    }
    end++;
  }
  const start = text.slice(0, end);
  const flat = spaced ? start.trimEnd() : start.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}"`;
}

const EMPHASIS = FEATURE_BIT.bold | FEATURE_BIT.italic;

/**
 * `first` is the text of the group's first unit; `features` holds each unit's feature bits and
 * `linkShare` its share of link text, both by unit index.
 */
export function nameOf(group: RawGroup, members: readonly number[], first: string, features: ArrayLike<number>, linkShare: (unit: number) => number): string {
  switch (group.kind) {
    case 'heading':
      return `heading ${quote(first)}`;
    case 'table':
      return `table (${members.length} cells, starting ${quote(first)})`;
    case 'list': {
      let linky = 0;
      let emphatic = 0;
      for (const i of members) {
        if (linkShare(i) >= 0.5 || features[i] & FEATURE_BIT.markup) linky++;
        if (features[i] & EMPHASIS) emphatic++;
      }
      const kind = linky * 2 > members.length ? 'link list' : emphatic * 2 > members.length ? 'emphasised list' : 'list';
      return `${kind} (${members.length} item${members.length === 1 ? '' : 's'}, starting ${quote(first)})`;
    }
    case 'paragraph': {
      const linky = members.some((i) => linkShare(i) >= 0.5);
      const emphatic = members.some((i) => (features[i] & EMPHASIS) !== 0);
      return `${linky ? 'link line' : emphatic ? 'emphasised line' : 'line'} ${quote(first)}`;
    }
    default:
      return `${group.kind} ${quote(first)}`;
  }
}
