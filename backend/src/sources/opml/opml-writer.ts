import { generateOpml } from 'feedsmith';
import { feedUrlOf } from '../source-urls';
import type { SourceEntity } from '../source.entity';
import { writeCategories } from './opml-reader';

/**
 * OPML 2.0 of the feed sources (Facebook pages have no feed address and are left out). Our settings
 * travel in each outline's `category` attribute, so an export imports back into the same sources;
 * other feed readers ignore them.
 */
export function writeOpml(sources: readonly SourceEntity[], now = new Date()): string {
  const outlines = sources
    .filter((s) => feedUrlOf(s) !== null)
    .map((s) => ({
      text: s.name,
      title: s.name,
      type: 'rss',
      xmlUrl: feedUrlOf(s) as string,
      ...(s.type === 'mastodon' && s.url ? { htmlUrl: s.url } : {}),
      category: writeCategories({
        type: s.type === 'rss' ? null : s.type,
        kind: s.kind,
        cities: s.cities,
        topics: s.topics,
        languages: s.languages,
        autoApprove: s.autoApprove,
      }),
    }));
  return generateOpml({ head: { title: 'Welcome Ruhr sources', dateCreated: now }, body: { outlines } });
}
