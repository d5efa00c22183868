import { CityTagger } from './city-tagger';
import { detectLanguage } from './detect-language';
import { TopicTagger } from './topic-tagger';
import { DEFAULT_TAXONOMY, type TopicTaxonomy } from './topic-taxonomy';

/** Plain texts of an item (titles and summaries through textOnly, content through htmlToText) and its source's settings. */
export interface EnrichItemInput {
  title?: string | null;
  summary?: string | null;
  text?: string | null;
  sourceCities?: readonly string[];
  sourceLanguages?: readonly string[];
  sourceTopics?: readonly string[];
}

export interface ItemEnrichment {
  /** ISO 639-1, or null when neither the text nor the source tells. */
  language: string | null;
  /** The detector's confidence; 0 when the language is the source's only declared one, not detected. */
  languageConfidence: number;
  /** City slugs: the source's first, then those found in the text. */
  cities: string[];
  /** Topic slugs in taxonomy order: the source's and those found in the text. */
  topics: string[];
}

// Long articles say where and what early; this bounds the time spent on one item.
const MAX_TEXT_CHARS = 20_000;

let cityTagger: CityTagger | undefined;
const topicTagger = new TopicTagger();

/** Built on first use: compiling the city patterns takes about a millisecond. */
function cities(): CityTagger {
  cityTagger ??= new CityTagger();
  return cityTagger;
}

/** Language, cities and topics of an ingested item. */
export function enrichItem(input: EnrichItemInput, taxonomy: TopicTaxonomy = DEFAULT_TAXONOMY): ItemEnrichment {
  const text = [input.title, input.summary, input.text]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join('\n')
    .slice(0, MAX_TEXT_CHARS);
  const sourceLanguages = input.sourceLanguages ?? [];

  let { language, confidence } = detectLanguage(text, sourceLanguages);
  if (!language && sourceLanguages.length === 1) {
    // "Danke!" from a German-only page is German; the confidence of 0 says it was not detected.
    language = sourceLanguages[0];
    confidence = 0;
  }

  const found = new Set(topicTagger.tag(text, taxonomy));
  const declared = new Set(input.sourceTopics ?? []);
  const topics = taxonomy.map((topic) => topic.slug).filter((slug) => found.has(slug) || declared.has(slug));

  return {
    language,
    languageConfidence: confidence,
    cities: cities().tag(text, { sourceCities: input.sourceCities, language }),
    topics,
  };
}
