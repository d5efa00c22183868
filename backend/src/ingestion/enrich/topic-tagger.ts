import { normalizeForKeywords } from './topic-keywords';
import { TopicMatcher } from './topic-matcher';
import { DEFAULT_TAXONOMY, type TopicTaxonomy } from './topic-taxonomy';

export { normalizeForKeywords } from './topic-keywords';

/**
 * Tags texts with the topics whose keywords they contain. A taxonomy is compiled (TopicMatcher) the first
 * time it is used; callers should keep passing the same taxonomy object (e.g. the one loaded at the start of
 * an ingestion run) so the compiled form is reused.
 */
export class TopicTagger {
  private readonly compiled = new WeakMap<TopicTaxonomy, TopicMatcher>();

  constructor(private readonly defaultTaxonomy: TopicTaxonomy = DEFAULT_TAXONOMY) {}

  /** Topic slugs in taxonomy order. */
  tag(text: string, taxonomy: TopicTaxonomy = this.defaultTaxonomy): string[] {
    if (!text) return [];
    const found = this.matcherFor(taxonomy).topicsIn(normalizeForKeywords(text));
    return taxonomy.filter((_topic, index) => found[index]).map((topic) => topic.slug);
  }

  private matcherFor(taxonomy: TopicTaxonomy): TopicMatcher {
    let matcher = this.compiled.get(taxonomy);
    if (!matcher) {
      matcher = new TopicMatcher(taxonomy);
      this.compiled.set(taxonomy, matcher);
    }
    return matcher;
  }
}
