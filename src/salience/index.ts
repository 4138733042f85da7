// The salience model: where a free-running question generator would look in a document.
export { analyseSalience, type DocumentSalience, type SalienceUnit, type SalienceGroup, type SalienceFigures, type CoverageFigures } from './model.js';
export { expectedCoverage, uniformCoverage, targetedCoverage, gini, normalise } from './coverage.js';
export { DEFAULT_SALIENCE_OPTIONS, DEFAULT_WEIGHTS, SALIENCE_OPTION_SCHEMA, salienceOptions, FEATURES, type SalienceOptions, type Feature, type FeatureWeights } from './options.js';
export type { UnitKind, GroupKind } from './units.js';
export { documentStats, summariseCorpus, distribution, relativeCoverage, type DocumentStats, type CorpusStats, type Distribution } from './corpus.js';
