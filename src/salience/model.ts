// The salience model of one document: every unit gets a presentation salience and a content
// weight, and the document gets its skew and expected-coverage figures. The rule and
// `corpuslint stats` both call analyseSalience, and a future HTML report can draw its per-unit data.
import type { Document } from '../document/document.js';
import type { Range } from '../types.js';
import { contentWeights } from './content.js';
import { expectedCoverage, gini, normalise, targetedCoverage, uniformCoverage } from './coverage.js';
import { scanInline } from './inline.js';
import type { Feature, SalienceOptions } from './options.js';
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

function structuralFeatures(unit: RawUnit, weights: SalienceOptions['weights']): { features: Feature[]; salience: number } {
  const features: Feature[] = [];
  let salience = 0;
  const add = (feature: Feature, amount: number) => {
    if (amount <= 0) return;
    features.push(feature);
    salience += amount;
  };
  if (unit.kind === 'heading') add('heading', (weights.heading * (7 - Math.min(6, Math.max(1, unit.headingLevel ?? 1)))) / 6);
  if (unit.kind === 'list-item') add('listItem', weights.listItem);
  if (unit.kind === 'table-cell') {
    add('tableCell', weights.tableCell);
    if (unit.tableHeader) add('tableHeader', weights.tableHeader);
  }
  if (unit.kind === 'code') add('code', weights.code);
  if (unit.kind === 'markup') add('markup', weights.markup);
  return { features, salience };
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

interface Presentation {
  features: Feature[];
  /** Salience with position. */
  salience: number;
  /** Salience from presentation alone, without position: what makes a hotspot. */
  presentation: number;
}

/** Per-unit presentation salience: structure, inline decoration and position; no content weights. */
function presentationOf(raw: readonly RawUnit[], scans: readonly ReturnType<typeof scanInline>[], options: SalienceOptions): Presentation[] {
  const { weights } = options;
  return raw.map((unit, i) => {
    const scan = scans[i];
    const { features, salience: structural } = structuralFeatures(unit, weights);
    let salience = 1 + structural;
    const known = unit.inline;
    const inline: [Feature, boolean][] = [
      ['bold', scan.bold || Boolean(known?.bold)],
      ['italic', scan.italic || Boolean(known?.italic)],
      ['link', scan.link || Boolean(known?.link)],
      ['code', (scan.code || Boolean(known?.code)) && unit.kind !== 'code'],
      ['allCaps', scan.allCaps],
      ['markup', scan.markup && unit.kind !== 'markup'],
    ];
    for (const [feature, present] of inline) {
      if (!present || weights[feature] <= 0) continue;
      features.push(feature);
      salience += weights[feature];
    }
    // Position raises the chance of a question but is not decoration: a title line or an opening
    // sentence is not a hotspot for being first.
    const presentation = salience;
    if (i < options.positionUnits && weights.position > 0) {
      features.push('position');
      salience += weights.position * (1 - i / options.positionUnits);
    }
    return { features, salience, presentation };
  });
}

/**
 * True when the document may be flagged. Exact, and cheap: the low-content hotspot share can never
 * exceed the share of all hotspots, so the TF-IDF pass is needed only when the hotspots together hold
 * more than the allowed share, or when the coverage from salience alone is below the threshold.
 */
const unitsOf = (document: Document) => document.shared('salience-units', () => splitUnits(document));

export function mayFlag(document: Document, options: SalienceOptions): boolean {
  const { units: raw } = unitsOf(document);
  if (raw.length < options.minUnits) return false;
  const presentation = presentationOf(raw, raw.map((unit) => scanInline(unit.text, document.format === 'markdown')), options);
  const saliences = presentation.map((p) => p.salience);
  if (expectedCoverage(saliences, raw.length) < options.minCoverage) return true;
  // The low-content hotspot share is at most the share of all hotspots, whatever the content weights.
  const total = saliences.reduce((a, b) => a + b, 0) || 1;
  const hotspotMass = presentation.reduce((sum, p) => sum + (p.presentation >= options.hotspotSalience ? p.salience : 0), 0);
  return round(hotspotMass / total) > options.maxLowContentShare;
}

function buildSalience(document: Document, options: SalienceOptions): DocumentSalience {
  const { units: raw, groups: rawGroups } = unitsOf(document);
  const scans = raw.map((unit) => scanInline(unit.text, document.format === 'markdown'));
  const content = withSectionContent(
    raw,
    contentWeights(
      scans.map((s) => s.plain),
      options,
    ),
  );
  const presentations = presentationOf(raw, scans, options);
  const units: SalienceUnit[] = raw.map((unit, i) => {
    const scan = scans[i];
    const { features, salience, presentation } = presentations[i];
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
    const weak = ids.filter((i) => units[i].hotspot && units[i].lowContent);
    const decoration: Range[] = weak.flatMap((i) => units[i].emphasisMarkers);
    // A table loses its pipes only when every cell is low-content: a half-dismantled table is worse than either.
    if (group.tableDecoration && ids.length > 0 && ids.every((i) => units[i].lowContent)) decoration.push(...group.tableDecoration);
    return {
      kind: group.kind,
      start: group.start,
      end: group.end,
      units: ids,
      name: nameOf(group, units, texts, ids),
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
