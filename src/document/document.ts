// One document: the text of one file or one JSONL record, with lazily built views. Nothing is
// parsed until a rule asks for it, so a run of text-only rules never pays for an AST.
import { createRequire } from 'node:module';
import type { Processor } from 'unified';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';
import type { DocumentFormat, RecordRef } from '../types.js';
import { LineIndex } from './line-index.js';
import { scanMarkdown, scanPlainText, type Block } from './markdown-scan.js';
import { splitSentences, type Sentence } from './sentences.js';
import { htmlProse, identityProse, type ProseView } from './prose.js';
import { flatHast } from './flat-hast.js';

// The parsers are loaded when a document first needs a tree, not at startup: micromark alone is
// about a hundred modules, and the default rules read Markdown through the fast scan, so a run over
// text, JSONL or Markdown never loads them (require of an ES module is synchronous since Node 20.19).
const requireModule = createRequire(import.meta.url);
let markdownParser: Processor | undefined;
let htmlParser: Processor | undefined;

function unifiedProcessor(): Processor {
  return (requireModule('unified') as typeof import('unified')).unified() as unknown as Processor;
}

function markdownTreeParser(): Processor {
  return (markdownParser ??= unifiedProcessor()
    .use((requireModule('remark-parse') as typeof import('remark-parse')).default)
    .use((requireModule('remark-gfm') as typeof import('remark-gfm')).default) as unknown as Processor);
}

function htmlTreeParser(): Processor {
  return (htmlParser ??= unifiedProcessor().use((requireModule('rehype-parse') as typeof import('rehype-parse')).default) as unknown as Processor);
}

export interface DocumentInit {
  text: string;
  format: DocumentFormat;
  path: string;
  record?: RecordRef;
}

export class Document {
  readonly text: string;
  readonly format: DocumentFormat;
  readonly path: string;
  readonly record: RecordRef | undefined;
  private cache = new Map<string, unknown>();
  /** Rules' shared views, apart from the document's own: a key needs no prefix built per call. */
  private sharedCache: Map<string, unknown> | undefined;

  constructor(init: DocumentInit) {
    this.text = init.text;
    this.format = init.format;
    this.path = init.path;
    this.record = init.record;
  }

  private memo<T>(key: string, build: () => T): T {
    return memoIn(this.cache, key, build);
  }

  get lineIndex(): LineIndex {
    return this.memo('lines', () => new LineIndex(this.text));
  }

  /** Block structure from the fast scan (Markdown), or blank-line paragraphs (text and HTML prose). */
  get blocks(): Block[] {
    return this.memo('blocks', () => (this.format === 'markdown' ? scanMarkdown(this.text) : scanPlainText(this.text)));
  }

  /** The mdast (remark-parse with GFM). For non-Markdown documents, the text parsed as Markdown. */
  get mdast(): MdastRoot {
    return this.memo('mdast', () => markdownTreeParser().parse(this.text) as MdastRoot);
  }

  /** The hast (rehype-parse), with positions into the text. */
  get hast(): HastRoot {
    return this.memo('hast', () => {
      try {
        return htmlTreeParser().parse(this.text) as HastRoot;
      } catch (error) {
        // The tree converter recurses once per nesting level; hostile pages nest deeper than the stack.
        if (error instanceof RangeError) return flatHast(this.text);
        throw error;
      }
    });
  }

  /** The text a reader sees, mapped back to source offsets. */
  get prose(): ProseView {
    return this.memo('prose', () => (this.format === 'html' ? htmlProse(this.text, this.hast) : identityProse(this.text)));
  }

  /** Sentences of the prose view, as ranges into the prose text. */
  get proseSentences(): Sentence[] {
    return this.memo('proseSentences', () => (this.format === 'html' ? splitSentences(this.prose.text) : this.sentences));
  }

  /** Sentences of the document text, with offsets into it. */
  get sentences(): Sentence[] {
    return this.memo('sentences', () => splitSentences(this.text));
  }

  /** Shared per-document memo for rules that derive a view several rules read. */
  shared<T>(key: string, build: () => T): T {
    return memoIn((this.sharedCache ??= new Map()), key, build);
  }
}

function memoIn<T>(cache: Map<string, unknown>, key: string, build: () => T): T {
  const cached = cache.get(key);
  if (cached !== undefined || cache.has(key)) return cached as T;
  const built = build();
  cache.set(key, built);
  return built;
}
