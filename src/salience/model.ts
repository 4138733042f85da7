// The salience model of one document: every unit gets a presentation salience and a content
// weight, and the document gets its skew and expected-coverage figures. The rule and
// `corpuslint stats` both call analyseSalience, and a future HTML report can draw its per-unit data.
import type { Document } from '../document/document.js';
import type { Range } from '../types.js';
import { contentFloor, unitTokens, weightsOfTokens, type UnitTokens } from './content.js';
import { expectedCoverage, gini, normalise, targetedCoverage, uniformCoverage } from './coverage.js';
import { scanUnits, type InlineScan } from './inline.js';
import type { Feature, FeatureWeights, SalienceOptions } from './options.js';
import { splitUnits, type GroupKind, type RawGroup, type RawUnit, type UnitKind } from './units.js';

export interface SalienceUnit {
  kind: UnitKind;
  start: number;
  end: number;
  group: number;
  features: Feature[];
  salience: number;
  /** Salience normalised over the document: the chance one question lands here. */
  probability: number;
  content: number;
  lowContent: boolean;
  hotspot: boolean;
  /** Emphasis markers as source ranges: removable without removing words. */
  emphasisMarkers: Range[];
  /** Share of the unit's visible text inside link text. */
  linkShare: number;
}

export interface SalienceGroup {
  kind: GroupKind;
  start: number;
  end: number;
  units: number[];
  /** A human name for the span: `heading "Pricing"`, `link list (8 items)`, `table (24 cells)`. */
  name: string;
  /** Share of the document's salience mass held by this group's low-content hotspots. */
  lowContentHotspotShare: number;
  /** Share of the document's salience mass held by the group as a whole. */
  share: number;
  /** Source ranges of decoration that makes the group's low-content hotspots salient. */
  decoration: Range[];
}

export interface CoverageFigures {
  /** Salience-proportional generation with k = n questions. */
  salience: number;
  /**
   * Share of the document's content weight in covered units under salience-proportional generation:
   * how much of the answerable information the questions reach. Uniform sampling reaches `uniform` here too.
   */
  content: number;
  uniform: number;
  targeted: number;
}

export interface SalienceFigures {
  units: number;
  /** Questions asked by the modelled generator (k = n). */
  questions: number;
  gini: number;
  /** Share of salience mass on low-content units. */
  lowContentShare: number;
  /** Share of salience mass on units that are both hotspots and low-content. */
  lowContentHotspotShare: number;
  coverage: CoverageFigures;
  /** Why the document is flagged under the thresholds it was analysed with; empty when it is not. */
  reasons: ('coverage' | 'low-content-hotspots')[];
}

export interface DocumentSalience {
  units: SalienceUnit[];
  groups: SalienceGroup[];
  figures: SalienceFigures;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

function addFeature(sum: number, features: Feature[] | undefined, feature: Feature, amount: number): number {
  if (amount <= 0) return sum;
  features?.push(feature);
  return sum + amount;
}

/**
 * Salience from presentation alone (structure and inline decoration, no position): what makes a
 * hotspot. Pushes the features found onto `features` when given; the fast path passes none.
 */
function presentationSalience(unit: RawUnit, scan: InlineScan, weights: FeatureWeights, features?: Feature[]): number {
  let structural = 0;
  switch (unit.kind) {
    case 'heading':
      structural = addFeature(structural, features, 'heading', (weights.heading * (7 - Math.min(6, Math.max(1, unit.headingLevel ?? 1)))) / 6);
      break;
    case 'list-item':
      structural = addFeature(structural, features, 'listItem', weights.listItem);
      break;
    case 'table-cell':
      structural = addFeature(structural, features, 'tableCell', weights.tableCell);
      if (unit.tableHeader) structural = addFeature(structural, features, 'tableHeader', weights.tableHeader);
      break;
    case 'code':
      structural = addFeature(structural, features, 'code', weights.code);
      break;
    case 'markup':
      structural = addFeature(structural, features, 'markup', weights.markup);
      break;
    default:
      break;
  }
  let salience = 1 + structural;
  const known = unit.inline;
  if (scan.bold || known?.bold) salience = addFeature(salience, features, 'bold', weights.bold);
  if (scan.italic || known?.italic) salience = addFeature(salience, features, 'italic', weights.italic);
  if (scan.link || known?.link) salience = addFeature(salience, features, 'link', weights.link);
  if ((scan.code || known?.code) && unit.kind !== 'code') salience = addFeature(salience, features, 'code', weights.code);
  if (scan.allCaps) salience = addFeature(salience, features, 'allCaps', weights.allCaps);
  if (scan.markup && unit.kind !== 'markup') salience = addFeature(salience, features, 'markup', weights.markup);
  return salience;
}

/**
 * Position raises the chance of a question but is not decoration: a title line or an opening
 * sentence is not a hotspot for being first.
 */
function withPosition(presentation: number, index: number, options: SalienceOptions, features?: Feature[]): number {
  if (!(index < options.positionUnits && options.weights.position > 0)) return presentation;
  features?.push('position');
  return presentation + options.weights.position * (1 - index / options.positionUnits);
}

/**
 * A heading is a signpost: a question on it leads into the section it opens. So a heading carries the
 * content of its section (the mean over the section's other units) when that is more than its own;
 * a heading over an empty or menu-like section stays low-content.
 */
function withSectionContent(raw: readonly RawUnit[], content: readonly number[]): number[] {
  const result = [...content];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i].kind !== 'heading') continue;
    const level = raw[i].headingLevel ?? 1;
    let sum = 0;
    let count = 0;
    for (let j = i + 1; j < raw.length; j++) {
      if (raw[j].kind === 'heading') {
        if ((raw[j].headingLevel ?? 1) <= level) break;
        continue;
      }
      sum += content[j];
      count++;
    }
    if (count > 0) result[i] = Math.max(content[i], sum / count);
  }
  return result;
}

function nameOf(group: RawGroup, units: SalienceUnit[], texts: string[], members: number[]): string {
  const quote = (text: string) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return `"${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}"`;
  };
  const first = members.length > 0 ? texts[members[0]] : '';
  switch (group.kind) {
    case 'heading':
      return `heading ${quote(first)}`;
    case 'table':
      return `table (${members.length} cells, starting ${quote(first)})`;
    case 'list': {
      const linky = members.filter((i) => units[i].linkShare >= 0.5 || units[i].features.includes('markup')).length;
      const emphatic = members.filter((i) => units[i].features.includes('bold') || units[i].features.includes('italic')).length;
      const kind = linky * 2 > members.length ? 'link list' : emphatic * 2 > members.length ? 'emphasised list' : 'list';
      return `${kind} (${members.length} item${members.length === 1 ? '' : 's'}, starting ${quote(first)})`;
    }
    case 'paragraph': {
      const linky = members.some((i) => units[i].linkShare >= 0.5);
      const emphatic = members.some((i) => units[i].features.includes('bold') || units[i].features.includes('italic'));
      return `${linky ? 'link line' : emphatic ? 'emphasised line' : 'line'} ${quote(first)}`;
    }
    default:
      return `${group.kind} ${quote(first)}`;
  }
}

export function analyseSalience(document: Document, options: SalienceOptions): DocumentSalience {
  const key = `salience:${JSON.stringify(options)}`;
  return document.shared(key, () => buildSalience(document, options));
}

const unitsOf = (document: Document) => document.shared('salience-units', () => splitUnits(document));

/** Inline scans of the units, shared by the fast path and the full analysis. */
const scansOf = (document: Document) => document.shared('salience-scans', () => scanUnits(document.text, unitsOf(document).units, document.format === 'markdown'));

/** Content tokens of the units, filled in as needed: the fast path reads only its hotspots'. */
function tokensOf(document: Document): (index: number) => UnitTokens {
  const cache = document.shared('salience-tokens', () => new Array<UnitTokens | undefined>(unitsOf(document).units.length));
  const scans = scansOf(document);
  return (index) => (cache[index] ??= unitTokens(scans[index].plain));
}

/**
 * True when the document may be flagged; false only when it cannot be, so the full analysis is
 * needed only when this says true. The salience figures are exact here. The low-content hotspot
 * share is bounded from above twice: by the share of all hotspots, whatever the content weights, and
 * then by the share of the hotspots whose content weight may fall below lowContent, from a floor of
 * each hotspot's weight that needs its own tokens only, not the document frequencies of the rest.
 */
export function mayFlag(document: Document, options: SalienceOptions): boolean {
  const { units: raw } = unitsOf(document);
  const n = raw.length;
  if (n < options.minUnits) return false;
  const scans = scansOf(document);
  const saliences: number[] = new Array<number>(n);
  const hotspots: number[] = [];
  let hotspotMass = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const presentation = presentationSalience(raw[i], scans[i], options.weights);
    const salience = withPosition(presentation, i, options);
    saliences[i] = salience;
    total += salience;
    if (presentation >= options.hotspotSalience) {
      hotspotMass += salience;
      hotspots.push(i);
    }
  }
  if (expectedCoverage(saliences, n) < options.minCoverage) return true;
  total ||= 1;
  if (round(hotspotMass / total) <= options.maxLowContentShare) return false;
  const tokens = tokensOf(document);
  let mayBeWeak = 0;
  for (const i of hotspots) if (contentFloor(tokens(i), n, options) < options.lowContent) mayBeWeak += saliences[i];
  return round(mayBeWeak / total) > options.maxLowContentShare;
}

function buildSalience(document: Document, options: SalienceOptions): DocumentSalience {
  const { units: raw, groups: rawGroups } = unitsOf(document);
  const scans = scansOf(document);
  const tokens = tokensOf(document);
  const content = withSectionContent(
    raw,
    weightsOfTokens(
      raw.map((_, i) => tokens(i)),
      options,
    ),
  );
  const units: SalienceUnit[] = raw.map((unit, i) => {
    const scan = scans[i];
    const features: Feature[] = [];
    const presentation = presentationSalience(unit, scan, options.weights, features);
    const salience = withPosition(presentation, i, options, features);
    const offset = unit.textOffset;
    return {
      kind: unit.kind,
      start: unit.start,
      end: unit.end,
      group: unit.group,
      features,
      salience,
      probability: 0,
      content: content[i],
      lowContent: content[i] < options.lowContent,
      hotspot: presentation >= options.hotspotSalience,
      emphasisMarkers: offset === undefined || unit.kind === 'code' ? [] : scan.emphasisMarkers.map(([s, e]) => [offset + s, offset + e] as Range),
      linkShare: Math.max(scan.linkShare, unit.linkShare ?? 0),
    };
  });
  const saliences = units.map((u) => u.salience);
  const probabilities = normalise(saliences);
  units.forEach((u, i) => (u.probability = probabilities[i]));
  const n = units.length;
  const total = saliences.reduce((a, b) => a + b, 0) || 1;
  const massOf = (filter: (u: SalienceUnit) => boolean) => units.filter(filter).reduce((sum, u) => sum + u.salience, 0) / total;

  const members: number[][] = rawGroups.map(() => []);
  units.forEach((u, i) => members[u.group].push(i));
  const texts = raw.map((u) => u.text);
  const groups: SalienceGroup[] = rawGroups.map((group, g) => {
    const ids = members[g];
    let name: string | undefined;
    const weak = ids.filter((i) => units[i].hotspot && units[i].lowContent);
    const decoration: Range[] = weak.flatMap((i) => units[i].emphasisMarkers);
    // A table loses its pipes only when every cell is low-content: a half-dismantled table is worse than either.
    if (group.tableDecoration && ids.length > 0 && ids.every((i) => units[i].lowContent)) decoration.push(...group.tableDecoration);
    return {
      kind: group.kind,
      start: group.start,
      end: group.end,
      units: ids,
      // Named on first read: only the groups a finding or a summary mentions need a name.
      get name() {
        return (name ??= nameOf(group, units, texts, ids));
      },
      lowContentHotspotShare: round(weak.reduce((sum, i) => sum + units[i].salience, 0) / total),
      share: round(ids.reduce((sum, i) => sum + units[i].salience, 0) / total),
      decoration,
    };
  });

  const contentTotal = units.reduce((sum, u) => sum + u.content, 0);
  const contentCovered = units.reduce((sum, u) => sum + u.content * (1 - Math.pow(1 - u.probability, n)), 0);
  const coverage: CoverageFigures = {
    salience: round(expectedCoverage(saliences, n)),
    content: round(contentTotal > 0 ? contentCovered / contentTotal : expectedCoverage(saliences, n)),
    uniform: round(uniformCoverage(n, n)),
    targeted: round(targetedCoverage(n, n)),
  };
  const lowContentHotspotShare = round(massOf((u) => u.hotspot && u.lowContent));
  const reasons: SalienceFigures['reasons'] = [];
  if (n >= options.minUnits) {
    if (coverage.salience < options.minCoverage) reasons.push('coverage');
    if (lowContentHotspotShare > options.maxLowContentShare) reasons.push('low-content-hotspots');
  }
  return {
    units,
    groups,
    figures: {
      units: n,
      questions: n,
      gini: round(gini(saliences)),
      lowContentShare: round(massOf((u) => u.lowContent)),
      lowContentHotspotShare,
      coverage,
      reasons,
    },
  };
}
