export { FacebookModule } from './facebook.module';
export { FacebookPageFetchService, RATE_LIMIT_PAUSE_PREFIX } from './facebook-page-fetch.service';
export { FacebookPageReader, PAGE_READER_DEFAULTS, type PageReadRequest, type PageReadResult } from './facebook-page-reader';
export { PAGE_POST_FIELDS, toRawFeedItem, type GraphPagePost } from './facebook-post';
export { GraphClient, type GraphResult } from './graph-client';
export { PageSubscriptionService } from './page-subscription.service';
export { GraphError, RATE_LIMIT_CODES, type GraphErrorKind } from './graph-error';
export { parseGraphUsage, SLOW_DOWN_PERCENT, type GraphUsage } from './graph-usage';
