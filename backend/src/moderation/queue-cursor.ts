import { DomainError } from '../common/errors/domain-error';

/** Position in the moderation queue (newest first): the last item's published time (µs, UTC) and id. */
export interface QueueCursor {
  publishedAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt, cursor.id])).toString('base64url');
}

export function decodeQueueCursor(text: string): QueueCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && TIMESTAMP.test(String(value[0])) && UUID.test(String(value[1]))) {
      return { publishedAt: value[0] as string, id: value[1] as string };
    }
  } catch {
    // falls through to the error below
  }
  throw DomainError.invalidField('cursor', 'is not a cursor this list gave out; start again without it');
}
