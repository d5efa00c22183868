export { CityTagger, type CityTagOptions } from './city-tagger';
export { detectLanguage, LANGUAGE_CONFIDENCE_THRESHOLD, type DetectedLanguage } from './detect-language';
export { enrichItem, type EnrichItemInput, type ItemEnrichment } from './enrich-item';
export { normalizeForKeywords, TopicTagger } from './topic-tagger';
export { DEFAULT_TAXONOMY, type TopicDefinition, type TopicTaxonomy } from './topic-taxonomy';
