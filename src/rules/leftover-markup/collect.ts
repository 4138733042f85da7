// Runs the scanners that fit the document's format and resolves overlaps: when two pieces of
// residue would remove overlapping text, the one that removes more context (a script block over
// a tag inside it, an image over its alt text) wins, so one pass applies every fix.
import type { Document } from '../../document/document.js';
import type { Range } from '../../types.js';
import { firstEndingAfter, Protected, type Artifact, type ArtifactKind } from './artifact.js';
import { codeBlockRanges, documentLiteralBlocks, indentedParagraphRanges, inlineCodeRanges } from './regions.js';
import { mergeRanges } from '../../document/ranges.js';
import { scanMarkdownLinks, scanReferenceDefinitions } from './markdown-links.js';
import { scanTags } from './tags.js';
import { scanCodeLines } from './code-lines.js';
import { scanBlobs, scanEntities, scanEscapes, scanTemplates, scanTextLinkTargets, scanTrackingParameters } from './inline.js';
import { scanHtmlDom } from './html.js';

export interface ScanOptions {
  escapes: boolean;
  entities: boolean;
  trackingParameters: boolean;
}

const PRIORITY: ArtifactKind[] = ['hidden', 'script', 'comment', 'blob', 'image', 'empty-link', 'reference', 'tag', 'link-target', 'template', 'wiki', 'entity', 'tracking', 'escape'];

class TakenRanges {
  private ranges: Range[] = [];
  overlaps([start, end]: Range): boolean {
    const k = firstEndingAfter(this.ranges, start);
    return k < this.ranges.length && this.ranges[k][0] < end;
  }
  add(range: Range): void {
    this.ranges.splice(firstEndingAfter(this.ranges, range[0]), 0, range);
  }
}

/**
 * Script lines that lie inside one HTML comment ("<!-- YAML", "-->" around metadata) are that
 * comment's text: the comment is reported and removed whole. Left to the script lines, which rank
 * first, the fix would strip the markers and leave what the comment hid as visible text.
 */
function withoutScriptInComments(artifacts: Artifact[]): Artifact[] {
  // The tag scanner's comments never overlap one another, so in order of start they are sorted and disjoint.
  const comments: Range[] = artifacts.filter((a) => a.kind === 'comment').map((a): Range => [a.start, a.end]).sort((a, b) => a[0] - b[0]);
  if (comments.length === 0) return artifacts;
  const insideComment = (a: Artifact) => {
    const k = firstEndingAfter(comments, a.start);
    return k < comments.length && comments[k][0] <= a.start && a.end <= comments[k][1];
  };
  return artifacts.filter((a) => a.kind !== 'script' || !insideComment(a));
}

function resolveOverlaps(found: Artifact[]): Artifact[] {
  const artifacts = withoutScriptInComments(found);
  const rank = (a: Artifact) => PRIORITY.indexOf(a.kind);
  const ordered = [...artifacts].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const taken = new TakenRanges();
  const kept: Artifact[] = [];
  for (const artifact of ordered) {
    if (artifact.remove.some((r) => taken.overlaps(r))) continue;
    for (const r of artifact.remove) taken.add(r);
    kept.push(artifact);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function collectArtifacts(document: Document, options: ScanOptions): Artifact[] {
  const { text, format } = document;
  if (format === 'html') return scanHtmlDom(document.hast, text.length);
  // Plain text is often Markdown in a JSONL record's text field: its fences and inline code hold
  // code (an HTML example, an escaped entity) that is content, not a leftover.
  // Plain text may also be reStructuredText, whose literal blocks ("Output::" and an indented block) hold code.
  const literal = documentLiteralBlocks(document);
  const blocks = literal.length > 0 ? mergeRanges([...codeBlockRanges(document.blocks), ...literal]) : codeBlockRanges(document.blocks);
  const code = new Protected([...blocks, ...inlineCodeRanges(text, blocks)]);
  // Markdown's indented code is in `blocks` already; plain text's indented examples keep only their code lines.
  const examples = format !== 'markdown' ? new Protected(mergeRanges([...code.all, ...indentedParagraphRanges(text)])) : code;
  const found: Artifact[] = [...scanCodeLines(text, examples), ...scanTags(text, code), ...scanTemplates(text, code), ...scanBlobs(text, code)];
  if (options.entities) found.push(...scanEntities(text, code));
  if (options.trackingParameters) found.push(...scanTrackingParameters(text, code));
  if (format === 'markdown') {
    found.push(...scanMarkdownLinks(text, code), ...scanReferenceDefinitions(text, code));
    if (options.escapes) found.push(...scanEscapes(text, code));
  } else found.push(...scanTextLinkTargets(text, code));
  return resolveOverlaps(found);
}
