// Presentation salience of one unit: structure, inline decoration and position. Shared by the fast
// path (numbers only), the full analysis (feature bits) and the per-unit view (feature lists).
import type { InlineScan } from './inline.js';
import { FEATURES, type Feature, type FeatureWeights, type SalienceOptions } from './options.js';
import type { RawUnit } from './units.js';

/** Where the features found go: an array of names, or a bit set. */
export interface FeatureSink {
  push(feature: Feature): unknown;
}

export const FEATURE_BIT = Object.fromEntries(FEATURES.map((feature, i) => [feature, 1 << i])) as Record<Feature, number>;

/** The features of one unit at a time as bits: no array per unit. */
export class FeatureBits implements FeatureSink {
  bits = 0;
  push(feature: Feature): void {
    this.bits |= FEATURE_BIT[feature];
  }
}

function addFeature(sum: number, features: FeatureSink | undefined, feature: Feature, amount: number): number {
  if (amount <= 0) return sum;
  features?.push(feature);
  return sum + amount;
}

/**
 * Salience from presentation alone (structure and inline decoration, no position): what makes a
 * hotspot. Pushes the features found onto `features` when given, in the order a unit lists them.
 */
export function presentationSalience(unit: RawUnit, scan: InlineScan | undefined, weights: FeatureWeights, features?: FeatureSink): number {
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
  if (scan?.bold || known?.bold) salience = addFeature(salience, features, 'bold', weights.bold);
  if (scan?.italic || known?.italic) salience = addFeature(salience, features, 'italic', weights.italic);
  if (scan?.link || known?.link) salience = addFeature(salience, features, 'link', weights.link);
  if ((scan?.code || known?.code) && unit.kind !== 'code') salience = addFeature(salience, features, 'code', weights.code);
  if (scan?.allCaps) salience = addFeature(salience, features, 'allCaps', weights.allCaps);
  if (scan?.markup && unit.kind !== 'markup') salience = addFeature(salience, features, 'markup', weights.markup);
  return salience;
}

/**
 * Position raises the chance of a question but is not decoration: a title line or an opening
 * sentence is not a hotspot for being first.
 */
export function withPosition(presentation: number, index: number, options: SalienceOptions, features?: FeatureSink): number {
  if (!(index < options.positionUnits && options.weights.position > 0)) return presentation;
  features?.push('position');
  return presentation + options.weights.position * (1 - index / options.positionUnits);
}
