import { DomainError } from '../common/errors/domain-error';

/**
 * Where a page of the public feed ended: the last item's sort key (pinned, published_at, id). The next page
 * starts strictly after it, so items arriving meanwhile (newer, hence before it) neither repeat nor push
 * items off. The time keeps PostgreSQL's microseconds, which a JavaScript Date would round away.
 */
export interface FeedCursor {
  pinned: boolean;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ` */
  publishedAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeFeedCursor(cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify([cursor.pinned ? 1 : 0, cursor.publishedAt, cursor.id])).toString('base64url');
}

export function decodeFeedCursor(text: string): FeedCursor {
  if (BASE64URL.test(text)) {
    try {
      const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      if (
        Array.isArray(value) &&
        value.length === 3 &&
        (value[0] === 0 || value[0] === 1) &&
        typeof value[1] === 'string' &&
        TIMESTAMP.test(value[1]) &&
        !Number.isNaN(Date.parse(value[1])) &&
        typeof value[2] === 'string' &&
        UUID.test(value[2])
      ) {
        return { pinned: value[0] === 1, publishedAt: value[1], id: value[2] };
      }
    } catch {
      // not JSON: the error below
    }
  }
  throw DomainError.invalidField('cursor', 'is not a cursor this feed gave out; start again without it');
}
