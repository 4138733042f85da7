// The per-unit inputs of one document's salience: its units, their inline scans, their content
// tokens and the presentation figures for an options object. One object holds them, built as first
// asked for, so the fast path and the full analysis share them, and a caller that needs them for one
// check (the rule) lets them go with it: kept with the document, every document's units and scans
// outlived the young-generation collections until the document died, which made the collectors
// copy and promote them (about a fifth of the rule's time on JSONL records).
import type { Document } from '../document/document.js';
import { ContentTokens } from './content.js';
import { normalise } from './coverage.js';
import { scanUnits, type InlineScan } from './inline.js';
import { FeatureBits, presentationSalience, withPosition } from './presentation.js';
import type { SalienceOptions } from './options.js';
import { splitUnits, type UnitSplit } from './units.js';

export interface Presentation {
  saliences: number[];
  /** 1 where the salience without position reaches hotspotSalience. */
  hotspot: Uint8Array;
  /** The FeatureBits of each unit. */
  features: Uint16Array;
  probabilities: number[];
  /** Each unit's chance of at least one of n questions, 1 - (1 - p_i)^n. */
  chances: Float64Array;
}

export class SalienceInputs {
  private split: UnitSplit | undefined;
  private scanList: (InlineScan | undefined)[] | undefined;
  private tokenSet: ContentTokens | undefined;
  // One options object at a time: the rule hands the fast path and the full analysis the same one.
  private presentationOptions: SalienceOptions | undefined;
  private presentationFigures: Presentation | undefined;

  constructor(readonly document: Document) {}

  get units(): UnitSplit {
    return (this.split ??= splitUnits(this.document));
  }

  get scans(): (InlineScan | undefined)[] {
    return (this.scanList ??= scanUnits(this.units.units, this.document.format === 'markdown'));
  }

  /** The content tokens of the units, filled in by readTokens as needed (the fast path reads only its hotspots'). */
  get tokens(): ContentTokens {
    return (this.tokenSet ??= new ContentTokens(this.units.units.length));
  }

  /**
   * Reads a unit's tokens unless read: from its source range when it has one, else its text, in
   * either case around the skips of its scan.
   */
  readTokens(index: number): void {
    const tokens = this.tokens;
    if (tokens.has(index)) return;
    const scan = this.scans[index];
    const unit = this.units.units[index];
    const offset = unit.textOffset;
    if (offset === undefined) tokens.read(index, unit.text, 0, unit.text.length, scan?.skips);
    else tokens.read(index, this.document.text, offset, offset + unit.text.length, scan?.skips);
  }

  /** The per-unit figures that need no content weights, for an options object. */
  presentation(options: SalienceOptions): Presentation {
    if (this.presentationOptions !== options || !this.presentationFigures) {
      this.presentationFigures = presentationOf(this.units, this.scans, options);
      this.presentationOptions = options;
    }
    return this.presentationFigures;
  }
}

function presentationOf({ units: raw }: UnitSplit, scans: readonly (InlineScan | undefined)[], options: SalienceOptions): Presentation {
  const n = raw.length;
  const saliences = new Array<number>(n);
  const hotspot = new Uint8Array(n);
  const features = new Uint16Array(n);
  const sink = new FeatureBits();
  for (let i = 0; i < n; i++) {
    sink.bits = 0;
    const presentation = presentationSalience(raw[i], scans[i], options.weights, sink);
    saliences[i] = withPosition(presentation, i, options, sink);
    hotspot[i] = presentation >= options.hotspotSalience ? 1 : 0;
    features[i] = sink.bits;
  }
  const probabilities = normalise(saliences);
  const chances = new Float64Array(n);
  // Runs of units share a probability (sentences of equal salience, table cells): the power is
  // taken once per run, the same function of the same numbers.
  let runProbability = NaN;
  let runChance = 0;
  for (let i = 0; i < n; i++) {
    if (probabilities[i] !== runProbability) {
      runProbability = probabilities[i];
      runChance = 1 - Math.pow(1 - runProbability, n);
    }
    chances[i] = runChance;
  }
  return { saliences, hotspot, features, probabilities, chances };
}
