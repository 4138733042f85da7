// From clause scores to reported spans: seed on clauses over the threshold, grow into adjacent
// clauses that score over a lower bar (a jailbreak prompt or a pasted refusal runs for several
// sentences, and only some of them carry cues), attach a code block that a flagged clause
// introduces, and merge neighbours into one span.
import { clauseUnits, type Unit } from './units.js';
import { featureIndex, unitFeatures, type FeatureVector, type SeedFloor } from './features.js';
import { clauseSignals, DIRECTED_WORD, isSeedVerb, PREFILTER_HIT } from './prefilter.js';
import { isImperativeVerb } from './mood.js';
import { DocumentContext } from './context.js';
import { definesCode } from './definitions.js';
import { categorize, scoreUnit, type Category, type Model } from './model.js';

export interface CustomMatcher {
  pattern: RegExp;
  category: Category;
}

export interface DetectOptions {
  threshold?: number;
  growThreshold?: number;
  custom?: readonly CustomMatcher[];
}

export interface Detection {
  start: number;
  end: number;
  score: number;
  category: Category;
}

export interface ScoredUnit {
  unit: Unit;
  score: number;
  features?: FeatureVector;
  category?: Category;
  /** Whether the clause may start a span: it has a word that a model-directed cue needs. */
  seedable?: boolean;
  /** Features not computed yet: the clause can only join a span, so it is scored when a flagged neighbour asks. */
  pending?: () => FeatureVector;
}

const logit = (p: number): number => (p <= 0 ? -Infinity : p >= 1 ? Infinity : Math.log(p / (1 - p)));

const seedThresholdCache = new WeakMap<Model, Map<number, { lowest: number; undirected: number }>>();

/** The lowest score at which a clause may seed a span, as decide() applies it (per model and threshold, computed once). */
function seedThresholds(model: Model, threshold: number): { lowest: number; undirected: number } {
  let byThreshold = seedThresholdCache.get(model);
  if (!byThreshold) seedThresholdCache.set(model, (byThreshold = new Map()));
  let seed = byThreshold.get(threshold);
  if (!seed) {
    const scale = model.threshold < 1 ? Math.max(0, (1 - threshold) / (1 - model.threshold)) : 0;
    const offsets = Object.values(model.categoryOffsets).map((o) => o * scale);
    seed = { lowest: threshold + Math.min(0, ...offsets), undirected: Math.max(threshold, model.undirectedThreshold) };
    byThreshold.set(threshold, seed);
  }
  return seed;
}

/**
 * Scores the clauses of a text. Clauses the prefilter rejects score 0 without feature work.
 * Unless `eager` (training wants every score), a clause that cannot start a span at `threshold`
 * is left pending and scored in full only when a flagged neighbour asks.
 */
export function scoreUnits(
  text: string, sentences: readonly { start: number; end: number }[], model: Model, eager = false, threshold = model.threshold,
): ScoredUnit[] {
  const units = clauseUnits(text, sentences);
  const scored: ScoredUnit[] = units.map((unit) => ({ unit, score: 0 }));
  const context = new DocumentContext(text, units, model.verbs);
  const seed = seedThresholds(model, threshold);
  const floor: SeedFloor = { weights: model.weights, bias: model.bias, directedLogit: logit(seed.lowest), undirectedLogit: logit(seed.undirected) };
  const featuresOf = (i: number, prune?: SeedFloor) => unitFeatures(text, units, i, context, model.verbs, prune);
  units.forEach((unit, i) => {
    if (unit.code) return;
    const leading = context.leading(i);
    const signals = clauseSignals(text, unit.start, unit.end);
    if ((signals & PREFILTER_HIT) === 0 && !isImperativeVerb(leading, model.verbs)) return;
    const item = scored[i];
    item.seedable = (signals & DIRECTED_WORD) !== 0 || isSeedVerb(leading, model.verbs);
    const features = item.seedable || eager ? featuresOf(i, eager ? undefined : floor) : null;
    if (!features) {
      // Cannot start a span: it may only join one, so it is scored when a flagged neighbour asks.
      item.seedable = false;
      item.pending = () => featuresOf(i)!;
      return;
    }
    item.features = features;
    item.score = scoreUnit(model, features);
  });
  return scored;
}

/** Computes a lazily scored clause's features and score; true if it has a score now. */
function settle(model: Model, item: ScoredUnit): boolean {
  if (item.pending) {
    item.features = item.pending();
    item.score = scoreUnit(model, item.features);
    item.pending = undefined;
  }
  return item.features !== undefined;
}

const EXTRACTION = featureIndex('extraction');
const LOG_WORDS = featureIndex('logWords');
/**
 * A clause of one or two words ("Install", "Change log", a table cell) is a heading or a label, not
 * an instruction on its own: it may join a span that a longer clause starts, but not start one.
 */
function tooShortToSeed(x: FeatureVector | undefined): boolean {
  // logWords is log1p(words) / 5 (features.ts).
  return x !== undefined && Math.round(Math.expm1(x[LOG_WORDS] * 5)) < 3;
}
/**
 * A clause that is only a Markdown link ("[Manage my account](https://…)") is a menu entry or a
 * button on a crawled page, not a sentence, and one that is a link reference definition
 * ("[define a custom subpath]: packages.md#subpath-exports") is a target for links elsewhere: like a
 * label, either may join a span but not start one.
 */
const LINK_ONLY = /^!?\[[^\]\n]{1,200}\]\([^()\s]{1,2000}\)$|^\[[^\]\n]{1,200}\]:[ \t]+<?[^\s<>]{1,2000}>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?$/;
function linkOnly(text: string, unit: Unit): boolean {
  return text.charCodeAt(unit.start) === 91 || text.charCodeAt(unit.start) === 33 ? LINK_ONLY.test(text.slice(unit.start, unit.end)) : false;
}
/**
 * A clause that is a line of code outside a fence: a doctest or shell prompt (">>> list(…)", which
 * reaches the rule as ">> list(…)" since the sentence splitter reads a leading ">" as quoting; "$ make"),
 * an assignment from a call ("answer = prompt('Give me some input: ')") or a lone call
 * ("list(APPEND SOURCES util.c)"), a Perl declaration ("my $fh = …"), a hash entry ("NAME => 'Cool::Foo',") or a
 * statement that ends in ";" and names a variable by its sigil or a member by "->" or "::"
 * ("open my $fh, '>', $file or die …;"). Reference pages in reStructuredText, POD or plain text indent their
 * examples instead of fencing them; such a line may join a span but not start one.
 */
const CODE_LINE = /^(?:>{2,3}|\.\.\.|\$|%)[ \t]|^[A-Za-z_][\w.]*[ \t]*=[ \t]*[A-Za-z_][\w.]*\(|^[A-Za-z_][\w.]*\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)[ \t]*;?$|^(?:my|our|local)[ \t]+[$@%][A-Za-z_]|^['"]?\w+['"]?[ \t]*=>/;
/** A variable by its sigil, or a member by "->" or "::": with a closing ";", a statement (statementLine). */
const SIGIL_OR_MEMBER = /[$@%][A-Za-z_{]|->|::/;

/** Whether a line ends in ";" (before spaces or a "#" comment) and names a variable or a member; read without a pattern that could backtrack. */
function statementLine(line: string): boolean {
  const semicolon = line.lastIndexOf(';');
  if (semicolon < 0) return false;
  const after = line.slice(semicolon + 1).trimStart();
  return (after === '' || after.startsWith('#')) && SIGIL_OR_MEMBER.test(line.slice(0, semicolon));
}
const isCode = (line: string): boolean => CODE_LINE.test(line) || statementLine(line);
function codeLine(text: string, unit: Unit): boolean {
  if (isCode(text.slice(unit.start, Math.min(unit.end, unit.start + 2000)))) return true;
  // The sentence splitter may end the clause inside the statement (at the "!" of "$!", at the quotes
  // of an argument list), so the rest of its line is read too.
  const lineEnd = text.indexOf('\n', unit.end);
  const restEnd = Math.min(lineEnd === -1 ? text.length : lineEnd, unit.start + 2000);
  return restEnd > unit.end && isCode(text.slice(unit.start, restEnd));
}
const DIRECTED = featureIndex('directed');
/** Cues that a definition of an API does not carry: it speaks of the thing named, not to the reader or the model, nor for a writer ("my account", "please"). */
const ADDRESS_CUES = (['secondPerson', 'addressModel', 'noteToModel', 'anyOverride', 'anyPersona', 'anyAssistant', 'vocative', 'firstPerson', 'please', 'requestToMe', 'toolRequest', 'money', 'emailAddress'] as const).map(featureIndex);
/**
 * A clause that defines what a heading or a list item names in code (definitions.ts) and carries
 * no cue of address: "Write a raw 32-bit unsigned integer." under "#### `serializer.writeUint32(value)`".
 */
function readsAsDefinition(text: string, item: ScoredUnit): boolean {
  const x = item.features;
  return x !== undefined && ADDRESS_CUES.every((k) => x[k] === 0) && definesCode(text, item.unit.start);
}
const MAX_BRIDGE = 2;
/** Whether text[from, to) holds a blank line (a line break, optional spaces, another line break), read in place. */
function paragraphBreakBetween(text: string, from: number, to: number): boolean {
  let newline = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (newline) return true;
      newline = true;
    } else if (code !== 32 && code !== 9 && code !== 13) {
      newline = false;
    }
  }
  return false;
}
const CODE_CUES = [featureIndex('codeNoun'), featureIndex('followingCode'), featureIndex('yourCode')];

function categoryOf(model: Model, item: ScoredUnit): Category {
  if (item.category) return item.category;
  const x = item.features;
  if (!x) return 'task_conflict';
  if (x[EXTRACTION] > 0) return 'prompt_extraction';
  return categorize(model, x);
}

export function detect(text: string, sentences: readonly { start: number; end: number }[], model: Model, options: DetectOptions = {}): Detection[] {
  return decide(text, scoreUnits(text, sentences, model, false, options.threshold ?? model.threshold), model, options);
}

/** Turns scored clauses into spans. Exported so that training can rescore cached features. */
export function decide(text: string, scored: ScoredUnit[], model: Model, options: DetectOptions = {}): Detection[] {
  const threshold = options.threshold ?? model.threshold;
  const grow = Math.min(threshold, options.growThreshold ?? model.growThreshold);
  for (const matcher of options.custom ?? []) {
    for (const item of scored) {
      if (item.unit.code) continue;
      matcher.pattern.lastIndex = 0;
      if (matcher.pattern.test(text.slice(item.unit.start, item.unit.end))) {
        item.score = 1;
        item.category = matcher.category;
      }
      matcher.pattern.lastIndex = 0;
    }
  }
  // Category offsets were tuned at the model's threshold; they shrink to nothing as a user's
  // threshold approaches 1, so that 1 always means "only user phrases".
  const scale = model.threshold < 1 ? Math.max(0, (1 - threshold) / (1 - model.threshold)) : 0;
  const { lowest, undirected } = seedThresholds(model, threshold);
  // A clause's category is asked for when it seeds and again when it leads a span.
  const categories = new Map<ScoredUnit, Category>();
  const categoryAt = (item: ScoredUnit): Category => {
    let category = categories.get(item);
    if (category === undefined) categories.set(item, (category = categoryOf(model, item)));
    return category;
  };
  // Only a clause aimed at the model may start a span, unless its score is very high; undirected
  // clauses can still join a span that a directed neighbour started.
  const flagged = scored.map((s) => {
    if (s.unit.code) return false;
    if (s.category) return true;
    if (s.score < lowest || !s.seedable || tooShortToSeed(s.features) || linkOnly(text, s.unit) || codeLine(text, s.unit)) return false;
    if (s.score < undirected && (!(s.features && s.features[DIRECTED] > 0) || readsAsDefinition(text, s))) return false;
    return s.score >= threshold + (model.categoryOffsets[categoryAt(s)] ?? 0) * scale;
  });
  if (!flagged.includes(true)) return [];

  // Grow in both directions until no neighbour clears the lower bar.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < scored.length; i++) {
      if (flagged[i] || scored[i].unit.code || !(flagged[i - 1] || flagged[i + 1])) continue;
      if (!settle(model, scored[i]) || scored[i].score < grow) continue;
      const joinsPrevious = flagged[i - 1] && !paragraphBreakBetween(text, scored[i - 1].unit.end, scored[i].unit.start);
      const joinsNext = flagged[i + 1] && !paragraphBreakBetween(text, scored[i].unit.end, scored[i + 1].unit.start);
      if (joinsPrevious || joinsNext) {
        flagged[i] = true;
        changed = true;
      }
    }
  }
  // Bridge short gaps: a clause or two between flagged clauses belongs to the same passage.
  for (let i = 0; i < scored.length; i++) {
    if (!flagged[i]) continue;
    for (let gap = 2; gap <= MAX_BRIDGE + 1; gap++) {
      const j = i + gap;
      if (j >= scored.length) break;
      if (!flagged[j]) continue;
      if (paragraphBreakBetween(text, scored[i].unit.end, scored[j].unit.start)) break;
      if (gap > 1) for (let k = i + 1; k < j; k++) if (!scored[k].unit.code) flagged[k] = true;
      break;
    }
  }
  const passage = bridgePassages(scored, flagged);
  // A bridged clause may never have been scored (it could not seed): its score and features name
  // the span's category as they would had every clause been scored in full.
  for (let i = 0; i < scored.length; i++) if (flagged[i] && !scored[i].unit.code) settle(model, scored[i]);
  // A code block right after a flagged clause that talks about code, or ends in a colon, is its payload,
  // reported in one span with it even across a blank line ("Run this:\n\n```…```").
  const payload = scored.map(() => false);
  for (let i = 1; i < scored.length; i++) {
    if (!scored[i].unit.code || !flagged[i - 1]) continue;
    const lead = scored[i - 1];
    const x = lead.features;
    const introduces = /:\s*$/.test(text.slice(lead.unit.start, lead.unit.end)) || (x !== undefined && CODE_CUES.some((k) => x[k] > 0));
    if (introduces) flagged[i] = payload[i] = true;
  }

  const detections: Detection[] = [];
  for (let i = 0; i < scored.length; i++) {
    if (!flagged[i]) continue;
    let j = i;
    let best = scored[i];
    // A bridged passage is reported as one span, paragraphs and all.
    while (
      j + 1 < scored.length && flagged[j + 1] &&
      (passage[j] || passage[j + 1] || payload[j + 1] || !paragraphBreakBetween(text, scored[j].unit.end, scored[j + 1].unit.start))
    ) {
      j++;
      if (scored[j].score > best.score) best = scored[j];
    }
    detections.push({ start: scored[i].unit.start, end: scored[j].unit.end, score: best.score, category: categoryAt(best) });
    i = j;
  }
  return detections;
}

/** The longest unflagged stretch (in characters) that passage bridging may close. */
const PASSAGE_MAX_GAP = 2000;

/**
 * A long injected passage (a jailbreak prompt of several paragraphs) mixes clauses that carry cues
 * with narrative ones ("As your knowledge is cut off in 2021, …"). When an unflagged stretch between
 * two flagged runs is shorter than the longer of them, it is read as part of the same passage and
 * flagged with them. On the dev set this took gold removed from 79% to 88% at the same clean text
 * kept. A stretch longer than both runs beside it is left alone.
 */
function bridgePassages(scored: ScoredUnit[], flagged: boolean[]): boolean[] {
  const bridged = scored.map(() => false);
  for (let changed = true; changed; ) {
    changed = false;
    const runs: { first: number; last: number; chars: number }[] = [];
    for (let i = 0; i < scored.length; i++) {
      if (!flagged[i]) continue;
      let j = i;
      while (j + 1 < scored.length && flagged[j + 1]) j++;
      runs.push({ first: i, last: j, chars: scored[j].unit.end - scored[i].unit.start });
      i = j;
    }
    for (let r = 0; r + 1 < runs.length; r++) {
      const a = runs[r];
      const b = runs[r + 1];
      const gap = scored[b.first].unit.start - scored[a.last].unit.end;
      if (gap > PASSAGE_MAX_GAP || gap > Math.max(a.chars, b.chars)) continue;
      let code = false;
      for (let k = a.last + 1; k < b.first; k++) if (scored[k].unit.code) code = true;
      if (code) continue;
      for (let k = a.last + 1; k < b.first; k++) flagged[k] = bridged[k] = true;
      changed = true;
      break;
    }
  }
  return bridged;
}

