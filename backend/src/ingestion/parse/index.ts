export { parseFeed } from './parse-feed';
export type { FeedFormat, ParsedFeed, ParseFeedOptions, RawFeedItem } from './feed.types';
export { FeedParseError, FeedParseErrorCode } from './feed-parse.error';
export { canonicalizeUrl, isTrackingParam, resolveUrl } from './canonical-url';
export { parseFeedDate, resolvePublishedAt } from './feed-date';
export { htmlToText, truncateAtWord } from './plain-text';
export { SUMMARY_MAX_CHARS, DERIVED_TITLE_MAX_CHARS } from './normalize-item';
