import { isCitySlug, isLanguageCode, SOURCE_KINDS, type SourceKind } from '@welcome-ruhr/contracts';
import { DomainError } from '../common/errors/domain-error';
import { decodeFeedCursor, encodeFeedCursor, type FeedCursor } from './feed-cursor';

export const DEFAULT_FEED_LIMIT = 12;
export const MAX_FEED_LIMIT = 50;
const TOPIC_SLUG = /^[a-z][a-z0-9-]{1,39}$/;

/** Each list holds distinct values, sorted; an empty list does not filter. */
export interface FeedFilter {
  cities: string[];
  topics: string[];
  languages: string[];
  kinds: SourceKind[];
}

export interface FeedRequest {
  filter: FeedFilter;
  limit: number;
  cursor: FeedCursor | null;
  /** The request in one canonical string: equal requests (in any spelling) share one cached response. */
  key: string;
}

type RawQuery = Record<string, unknown>;

/** `?city=essen,bochum` and `?city=essen&city=bochum` mean the same. */
function values(query: RawQuery, name: string, max: number, valid: (value: string) => boolean, what: string): string[] {
  const raw = query[name];
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((part) => String(part).split(','))
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  const distinct = [...new Set(parts)].sort();
  if (distinct.length > max) throw DomainError.invalidField(name, `may name at most ${max} values`);
  const invalid = distinct.filter((value) => !valid(value));
  if (invalid.length > 0) throw DomainError.invalidField(name, `must contain only ${what}; not: ${invalid.slice(0, 5).join(', ')}`);
  return distinct;
}

function single(query: RawQuery, name: string): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return value === undefined || value === '' ? undefined : String(value);
}

/**
 * Reads and checks the public feed's query. `topics`: the taxonomy's slugs; null checks only their form
 * (enough to compute the key of a request that may already be cached). Unknown parameters are ignored,
 * so cache-busting parameters do not break embeds.
 */
export function parseFeedQuery(query: RawQuery, topics: ReadonlySet<string> | null): FeedRequest {
  const cities = values(query, 'city', 60, isCitySlug, 'RVR city slugs such as essen or muelheim-an-der-ruhr');
  const topicList = values(query, 'topic', 50, (t) => TOPIC_SLUG.test(t) && (topics === null || topics.has(t)), 'topics of the taxonomy (see /api/public/topics)');
  const languages = values(query, 'lang', 20, isLanguageCode, 'ISO 639-1 language codes such as de or tr');
  const kinds = values(query, 'kind', SOURCE_KINDS.length, (k) => (SOURCE_KINDS as readonly string[]).includes(k), SOURCE_KINDS.join(', ')) as SourceKind[];

  const limitText = single(query, 'limit');
  let limit = DEFAULT_FEED_LIMIT;
  if (limitText !== undefined) {
    limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= MAX_FEED_LIMIT)) throw DomainError.invalidField('limit', `must be a whole number from 1 to ${MAX_FEED_LIMIT}`);
  }
  const cursorText = single(query, 'cursor');
  const cursor = cursorText === undefined ? null : decodeFeedCursor(cursorText);

  const key = [cities.join(','), topicList.join(','), languages.join(','), kinds.join(','), limit, cursor ? encodeFeedCursor(cursor) : ''].join('|');
  return { filter: { cities, topics: topicList, languages, kinds }, limit, cursor, key };
}
