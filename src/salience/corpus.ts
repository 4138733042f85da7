// Corpus-level summaries of the per-document salience figures: distributions and the documents
// that cover worst. Shared by `corpuslint stats` and, later, the HTML report.
import type { Document } from '../document/document.js';
import type { RecordRef } from '../types.js';
import { analyseSalience, type SalienceFigures } from './model.js';
import type { SalienceOptions } from './options.js';

export interface DocumentStats {
  path: string;
  record?: RecordRef;
  format: string;
  units: number;
  gini: number;
  lowContentShare: number;
  lowContentHotspotShare: number;
  coverage: SalienceFigures['coverage'];
  /** Salience coverage as a share of uniform coverage: 1 means no loss to skew. */
  relativeCoverage: number;
  /** Why salience-skew would flag the document under the configured thresholds. */
  flagged: SalienceFigures['reasons'];
  /** The heaviest low-content hotspot spans, named. */
  hotspots: string[];
}

export interface Distribution {
  min: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  max: number;
  mean: number;
}

export interface CorpusStats {
  documents: number;
  flagged: number;
  distribution: {
    units: Distribution;
    coverage: Distribution;
    contentCoverage: Distribution;
    relativeCoverage: Distribution;
    gini: Distribution;
    lowContentHotspotShare: Distribution;
  };
  /** Mean coverage of the three generators over the corpus. */
  meanCoverage: { salience: number; content: number; uniform: number; targeted: number };
  worst: DocumentStats[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function relativeCoverage(figures: Pick<SalienceFigures, 'coverage'>): number {
  return round(figures.coverage.uniform > 0 ? figures.coverage.salience / figures.coverage.uniform : 1);
}

/** The figures of one document, with its heaviest low-content hotspots named. */
export function documentStats(document: Document, options: SalienceOptions, hotspotNames = 3): DocumentStats {
  const salience = analyseSalience(document, options);
  const { figures } = salience;
  const hotspots = salience.selectGroups((low) => low > 0)
    .sort((a, b) => b.lowContentHotspotShare - a.lowContentHotspotShare)
    .slice(0, hotspotNames)
    .map((g) => `${g.name}: ${Math.round(g.lowContentHotspotShare * 100)}%`);
  return {
    path: document.path,
    ...(document.record ? { record: document.record } : {}),
    format: document.format,
    units: figures.units,
    gini: figures.gini,
    lowContentShare: figures.lowContentShare,
    lowContentHotspotShare: figures.lowContentHotspotShare,
    coverage: figures.coverage,
    relativeCoverage: relativeCoverage(figures),
    flagged: figures.reasons,
    hotspots,
  };
}

/** Quantiles by linear interpolation between order statistics. */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = q * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return round(sorted[low] + (sorted[high] - sorted[low]) * (position - low));
  };
  return {
    min: round(sorted[0]),
    p10: at(0.1),
    p25: at(0.25),
    median: at(0.5),
    p75: at(0.75),
    p90: at(0.9),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** The corpus summary; `top` is how many of the worst-covered documents to keep. */
export function summariseCorpus(documents: readonly DocumentStats[], top: number): CorpusStats {
  const mean = (pick: (d: DocumentStats) => number) => (documents.length === 0 ? 0 : round(documents.reduce((sum, d) => sum + pick(d), 0) / documents.length));
  // Worst relative to uniform: short documents have a higher uniform coverage, so raw coverage would favour them.
  const worst = [...documents].filter((d) => d.units > 0).sort((a, b) => a.relativeCoverage - b.relativeCoverage || a.coverage.salience - b.coverage.salience || (a.path < b.path ? -1 : 1));
  return {
    documents: documents.length,
    flagged: documents.filter((d) => d.flagged.length > 0).length,
    distribution: {
      units: distribution(documents.map((d) => d.units)),
      coverage: distribution(documents.map((d) => d.coverage.salience)),
      contentCoverage: distribution(documents.map((d) => d.coverage.content)),
      relativeCoverage: distribution(documents.map((d) => d.relativeCoverage)),
      gini: distribution(documents.map((d) => d.gini)),
      lowContentHotspotShare: distribution(documents.map((d) => d.lowContentHotspotShare)),
    },
    meanCoverage: { salience: mean((d) => d.coverage.salience), content: mean((d) => d.coverage.content), uniform: mean((d) => d.coverage.uniform), targeted: mean((d) => d.coverage.targeted) },
    worst: worst.slice(0, Math.max(0, top)),
  };
}
