import { DomainError } from '../common/errors/domain-error';

/**
 * Position in a newest-first list: the last row's creation time (µs, UTC, as the database keeps it) and id.
 * Used by the outbox and the contact inbox.
 */
export interface CreatedCursor {
  createdAt: string;
  id: string;
}

/** SQL for the cursor's time of a row, with PostgreSQL's full precision (JavaScript dates stop at ms). */
export function cursorTimeSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCreatedCursor(cursor: CreatedCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCreatedCursor(text: string): CreatedCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && TIMESTAMP.test(String(value[0])) && UUID.test(String(value[1]))) {
      return { createdAt: value[0] as string, id: value[1] as string };
    }
  } catch {
    // falls through to the error below
  }
  throw DomainError.invalidField('cursor', 'cursor is not one this list gave out; start again without it');
}
