// The knobs of the salience model, with their documented defaults. The rule exposes them as its
// options and `corpuslint stats` reads them from the same config, so both compute the same figures.
import type { OptionSchema } from '../types.js';

/** Presentation features that make a unit salient to a free-running generator. */
export const FEATURES = ['heading', 'listItem', 'tableCell', 'tableHeader', 'bold', 'italic', 'link', 'code', 'allCaps', 'markup', 'position'] as const;
export type Feature = (typeof FEATURES)[number];

export type FeatureWeights = Record<Feature, number>;

export const DEFAULT_WEIGHTS: FeatureWeights = {
  heading: 3,
  listItem: 1,
  tableCell: 1,
  tableHeader: 0.5,
  bold: 2,
  italic: 1,
  link: 1.5,
  code: 1,
  allCaps: 1,
  markup: 1.5,
  position: 2,
};

const WEIGHT_DOCS: Record<Feature, string> = {
  heading: 'a heading (scaled down by level: h1 full weight, h6 one sixth)',
  listItem: 'a list item',
  tableCell: 'a table cell',
  tableHeader: 'a table header cell, on top of tableCell',
  bold: 'bold (strong) text in the unit',
  italic: 'italic (emphasis) or strikethrough text in the unit',
  link: 'link text in the unit',
  code: 'inline code or a code block',
  allCaps: 'an all-caps word of three letters or more',
  markup: 'leftover markup: HTML tags, entities, images, empty links, bare URLs, backslash escapes',
  position: 'the first units of the document (fading linearly over positionUnits units)',
};

export interface SalienceOptions {
  weights: FeatureWeights;
  positionUnits: number;
  numberWeight: number;
  entityWeight: number;
  lowContent: number;
  hotspotSalience: number;
  minCoverage: number;
  maxLowContentShare: number;
  minUnits: number;
  maxFindings: number;
}

export const DEFAULT_SALIENCE_OPTIONS: SalienceOptions = {
  weights: DEFAULT_WEIGHTS,
  positionUnits: 5,
  numberWeight: 0.5,
  entityWeight: 0.5,
  lowContent: 3,
  hotspotSalience: 2,
  minCoverage: 0.55,
  maxLowContentShare: 0.2,
  minUnits: 5,
  maxFindings: 5,
};

const weightProperties = Object.fromEntries(
  FEATURES.map((f) => [f, { type: 'number', minimum: 0, description: `Salience added by ${WEIGHT_DOCS[f]} (default ${DEFAULT_WEIGHTS[f]}).`, default: DEFAULT_WEIGHTS[f] }]),
) as Record<Feature, OptionSchema>;

export const SALIENCE_OPTION_SCHEMA: Record<keyof SalienceOptions, OptionSchema> = {
  weights: {
    type: 'object',
    description: 'Presentation salience added to a unit per feature, on top of a base of 1 for a plain sentence. Keys you leave out keep their defaults.',
    default: DEFAULT_WEIGHTS,
    properties: weightProperties,
  },
  positionUnits: { type: 'integer', minimum: 0, description: 'How many leading units get the position bonus, which fades linearly to zero.', default: 5 },
  numberWeight: { type: 'number', minimum: 0, description: 'Content weight added per number in a unit.', default: 0.5 },
  entityWeight: { type: 'number', minimum: 0, description: 'Content weight added per capitalised, name-like word inside a sentence.', default: 0.5 },
  lowContent: {
    type: 'number',
    minimum: 0,
    description: 'A unit whose content weight (TF-IDF mass in units of the rarest word, plus number and name bonuses) is below this is low-content.',
    default: 3,
  },
  hotspotSalience: { type: 'number', minimum: 1, description: 'A unit whose salience, leaving out the position bonus, reaches this (a plain sentence has 1) is a hotspot.', default: 2 },
  minCoverage: {
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'Flag a document whose expected coverage under salience-proportional generation (k = n questions) is below this. Uniform generation reaches about 0.63.',
    default: 0.55,
  },
  maxLowContentShare: {
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'Flag a document whose low-content hotspots hold more than this share of the salience mass.',
    default: 0.2,
  },
  minUnits: { type: 'integer', minimum: 1, description: 'Documents with fewer units are never flagged.', default: 5 },
  maxFindings: { type: 'integer', minimum: 0, description: 'At most this many hotspot findings per document, the heaviest first.', default: 5 },
};

/** Fills in defaults, including the weights a user left out of a partial `weights` object. */
export function salienceOptions(raw: Partial<Record<keyof SalienceOptions, unknown>> | undefined): SalienceOptions {
  const merged = { ...DEFAULT_SALIENCE_OPTIONS, ...(raw ?? {}) } as SalienceOptions;
  merged.weights = { ...DEFAULT_WEIGHTS, ...((raw?.weights as Partial<FeatureWeights> | undefined) ?? {}) };
  return merged;
}
