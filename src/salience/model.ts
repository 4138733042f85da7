// The salience model of one document: every unit gets a presentation salience and a content
// weight, and the document gets its skew and expected-coverage figures. The rule and
// `corpuslint stats` both call analyseSalience, and a future HTML report can draw its per-unit data.
import type { Document } from '../document/document.js';
import type { Range } from '../types.js';
import { gini, targetedCoverage, uniformCoverage } from './coverage.js';
import { linkShareOf } from './inline.js';
import { SalienceInputs } from './inputs.js';
import { nameOf } from './names.js';
import { presentationSalience, withPosition } from './presentation.js';
import type { Feature, SalienceOptions } from './options.js';
import type { GroupKind, RawUnit, UnitKind } from './units.js';

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
  /**
   * The groups whose shares pass `keep`, in document order: the same objects as in `groups`, but
   * only the selected ones are built.
   */
  selectGroups(keep: (lowContentHotspotShare: number, share: number) => boolean): SalienceGroup[];
  /** Per group index: the shares and unit count of each group, read without building it. */
  readonly groupFigures: { lowContentHotspotShare: Float64Array; share: Float64Array; units: Int32Array };
  /** The group at an index (as in `groups`), built when first asked for. */
  groupAt(index: number): SalienceGroup;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

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

/** The memo key of each options object seen: options are not changed once analysed with. */
const keys = new WeakMap<SalienceOptions, string>();

/** The document's inputs, kept with it for later readers of analyseSalience and mayFlag. */
const inputsOf = (document: Document) => document.shared('salience-inputs', () => new SalienceInputs(document));

export function analyseSalience(document: Document, options: SalienceOptions): DocumentSalience {
  let key = keys.get(options);
  if (key === undefined) keys.set(options, (key = `salience:${JSON.stringify(options)}`));
  return document.shared(key, () => buildSalience(inputsOf(document), options));
}

/**
 * mayFlag, then the analysis when it says true (else undefined), from inputs of their own that are
 * not kept with the document: what the rule needs, once per document.
 */
export function analyseIfFlaggable(document: Document, options: SalienceOptions): DocumentSalience | undefined {
  const inputs = new SalienceInputs(document);
  return mayFlagFrom(inputs, options) ? buildSalience(inputs, options) : undefined;
}

/**
 * True when the document may be flagged; false only when it cannot be, so the full analysis is
 * needed only when this says true. The salience figures are exact here. The low-content hotspot
 * share is bounded from above twice: by the share of all hotspots, whatever the content weights, and
 * then by the share of the hotspots whose content weight may fall below lowContent, from a floor of
 * each hotspot's weight that needs its own tokens only, not the document frequencies of the rest.
 */
export function mayFlag(document: Document, options: SalienceOptions): boolean {
  return mayFlagFrom(inputsOf(document), options);
}

function mayFlagFrom(inputs: SalienceInputs, options: SalienceOptions): boolean {
  const n = inputs.units.units.length;
  if (n < options.minUnits) return false;
  const { saliences, hotspot, chances } = inputs.presentation(options);
  let covered = 0;
  let hotspotMass = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    covered += chances[i];
    total += saliences[i];
    if (hotspot[i] === 1) hotspotMass += saliences[i];
  }
  // expectedCoverage over the saliences: the same chances summed in the same order.
  if (covered / n < options.minCoverage) return true;
  total ||= 1;
  if (round(hotspotMass / total) <= options.maxLowContentShare) return false;
  const tokens = inputs.tokens;
  let mayBeWeak = 0;
  for (let i = 0; i < n; i++) {
    if (hotspot[i] === 0) continue;
    inputs.readTokens(i);
    if (tokens.floor(i, n, options) < options.lowContent) mayBeWeak += saliences[i];
  }
  return round(mayBeWeak / total) > options.maxLowContentShare;
}

/**
 * The figures and groups come from per-unit numbers and feature bits; the per-unit objects (with
 * their feature lists and source ranges of emphasis markers) are built only when `units` is read,
 * which the rule and `corpuslint stats` never do.
 */
function buildSalience(inputs: SalienceInputs, options: SalienceOptions): DocumentSalience {
  const { units: raw, groups: rawGroups } = inputs.units;
  const scans = inputs.scans;
  const n = raw.length;
  for (let i = 0; i < n; i++) inputs.readTokens(i);
  const content = withSectionContent(raw, inputs.tokens.weights(options));
  const { saliences, hotspot, features, probabilities, chances } = inputs.presentation(options);
  const lowContent = (i: number) => content[i] < options.lowContent;
  const weak = (i: number) => hotspot[i] === 1 && lowContent(i);
  const linkShare = (i: number) => {
    const scan = scans[i];
    return Math.max(scan ? linkShareOf(raw[i].text, scan) : 0, raw[i].linkShare ?? 0);
  };
  const emphasisMarkers = (i: number): Range[] => {
    const offset = raw[i].textOffset;
    return offset === undefined || raw[i].kind === 'code' ? [] : (scans[i]?.emphasisMarkers ?? []).map(([s, e]) => [offset + s, offset + e] as Range);
  };
  const total = saliences.reduce((a, b) => a + b, 0) || 1;
  const massOf = (filter: (i: number) => boolean) => {
    let mass = 0;
    for (let i = 0; i < n; i++) if (filter(i)) mass += saliences[i];
    return mass / total;
  };

  // Per group: its salience mass and that of its low-content hotspots, from one pass over the units.
  // Group objects (member list, name, decoration) are built only for the groups a caller selects:
  // the rule names at most maxFindings of them, while a paragraph-heavy document has thousands.
  const groupMass = new Float64Array(rawGroups.length);
  const groupWeakMass = new Float64Array(rawGroups.length);
  const groupAllLow = new Uint8Array(rawGroups.length).fill(1);
  const groupSize = new Int32Array(rawGroups.length);
  for (let i = 0; i < n; i++) {
    const g = raw[i].group;
    groupMass[g] += saliences[i];
    groupSize[g]++;
    if (!lowContent(i)) groupAllLow[g] = 0;
    if (weak(i)) groupWeakMass[g] += saliences[i];
  }
  const lowShares = new Float64Array(rawGroups.length);
  const shares = new Float64Array(rawGroups.length);
  for (let g = 0; g < rawGroups.length; g++) {
    lowShares[g] = round(groupWeakMass[g] / total);
    shares[g] = round(groupMass[g] / total);
  }
  // Units come in group order, so a group's members are a run of indices from its first.
  const firstOf = new Int32Array(rawGroups.length + 1);
  for (let g = 0; g < rawGroups.length; g++) firstOf[g + 1] = firstOf[g] + groupSize[g];
  const ordered = raw.every((unit, i) => i === 0 || unit.group >= raw[i - 1].group);
  const membersOf = (g: number): number[] => {
    if (!ordered) return raw.flatMap((unit, i) => (unit.group === g ? [i] : []));
    const ids = new Array<number>(groupSize[g]);
    for (let k = 0; k < ids.length; k++) ids[k] = firstOf[g] + k;
    return ids;
  };
  const built = new Array<SalienceGroup | undefined>(rawGroups.length);
  const groupAt = (g: number): SalienceGroup => {
    const cached = built[g];
    if (cached) return cached;
    const group = rawGroups[g];
    const ids = membersOf(g);
    const decoration: Range[] = [];
    // Markers in unit order, as the per-unit pass collected them.
    for (const i of ids) if (weak(i)) for (const marker of emphasisMarkers(i)) decoration.push(marker);
    // A table loses its pipes only when every cell is low-content: a half-dismantled table is worse than either.
    if (group.tableDecoration && ids.length > 0 && groupAllLow[g] === 1) decoration.push(...group.tableDecoration);
    return (built[g] = {
      kind: group.kind,
      start: group.start,
      end: group.end,
      units: ids,
      name: nameOf(group, ids, ids.length > 0 ? raw[ids[0]].text : '', features, linkShare),
      lowContentHotspotShare: lowShares[g],
      share: shares[g],
      decoration,
    });
  };

  // Each unit's chance of a question, 1 - (1 - p_i)^n, is what expectedCoverage sums over the same
  // probabilities in the same order: computed once for both coverages (and the fast path).
  let covered = 0;
  let contentTotal = 0;
  let contentCovered = 0;
  for (let i = 0; i < n; i++) {
    const chance = chances[i];
    covered += chance;
    contentTotal += content[i];
    contentCovered += content[i] * chance;
  }
  const salienceCoverage = n === 0 ? 1 : covered / n;
  const coverage: CoverageFigures = {
    salience: round(salienceCoverage),
    content: round(contentTotal > 0 ? contentCovered / contentTotal : salienceCoverage),
    uniform: round(uniformCoverage(n, n)),
    targeted: round(targetedCoverage(n, n)),
  };
  const lowContentHotspotShare = round(massOf(weak));
  const reasons: SalienceFigures['reasons'] = [];
  if (n >= options.minUnits) {
    if (coverage.salience < options.minCoverage) reasons.push('coverage');
    if (lowContentHotspotShare > options.maxLowContentShare) reasons.push('low-content-hotspots');
  }
  const unitsOfAnalysis = () =>
    raw.map((unit, i): SalienceUnit => {
      const list: Feature[] = [];
      const presentation = presentationSalience(unit, scans[i], options.weights, list);
      return {
        kind: unit.kind,
        start: unit.start,
        end: unit.end,
        group: unit.group,
        features: list,
        salience: withPosition(presentation, i, options, list),
        probability: probabilities[i],
        content: content[i],
        lowContent: lowContent(i),
        hotspot: hotspot[i] === 1,
        emphasisMarkers: emphasisMarkers(i),
        linkShare: linkShare(i),
      };
    });
  const figures: SalienceFigures = {
    units: n,
    questions: n,
    gini: round(gini(saliences)),
    lowContentShare: round(massOf(lowContent)),
    lowContentHotspotShare,
    coverage,
    reasons,
  };
  return new Analysis(figures, { lowContentHotspotShare: lowShares, share: shares, units: groupSize }, groupAt, unitsOfAnalysis);
}

/**
 * A document's analysis, its lists built when first read. A class, not an object literal with
 * getters: a literal's getters are closures of its document, and V8 keeps them in the literal's
 * hidden class, which lives in the old generation. Every document's analysis (its units, scans and
 * arrays) then outlived the young-generation collections, which copied and promoted it until the
 * next full collection: most of the collectors' time in a run of the rule.
 */
class Analysis implements DocumentSalience {
  private unitList: SalienceUnit[] | undefined;
  private groupList: SalienceGroup[] | undefined;

  constructor(
    readonly figures: SalienceFigures,
    readonly groupFigures: DocumentSalience['groupFigures'],
    readonly groupAt: (index: number) => SalienceGroup,
    private readonly unitsOfAnalysis: () => SalienceUnit[],
  ) {}

  get units(): SalienceUnit[] {
    return (this.unitList ??= this.unitsOfAnalysis());
  }

  get groups(): SalienceGroup[] {
    return (this.groupList ??= this.selectGroups(() => true));
  }

  selectGroups(keep: (lowContentHotspotShare: number, share: number) => boolean): SalienceGroup[] {
    const { lowContentHotspotShare: low, share } = this.groupFigures;
    const selected: SalienceGroup[] = [];
    for (let g = 0; g < share.length; g++) if (keep(low[g], share[g])) selected.push(this.groupAt(g));
    return selected;
  }
}
