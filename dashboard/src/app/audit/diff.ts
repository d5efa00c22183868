/** One changed field of an audit entry: what it was and what it became (null: not there). */
export interface DiffLine {
  field: string;
  before: string | null;
  after: string | null;
}

const MAX_LENGTH = 120;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shorten(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** A value as one short line: lists joined, objects as JSON. */
export function formatValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return shorten(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return shorten(value.map(String).join(', '));
  }
  if (typeof value === 'object') return shorten(JSON.stringify(value));
  return String(value);
}

/**
 * The fields that differ between `before` and `after`, in the order they first appear. Creating
 * (no before) lists every field with its new value; deleting (no after) every field with its old.
 */
export function compactDiff(before: unknown, after: unknown): DiffLine[] {
  const from = isRecord(before) ? before : before === null || before === undefined ? {} : null;
  const to = isRecord(after) ? after : after === null || after === undefined ? {} : null;
  if (from === null || to === null) {
    // Not two objects: one line for the whole value.
    const a = formatValue(before);
    const b = formatValue(after);
    return a === b ? [] : [{ field: '', before: a, after: b }];
  }
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    // a field that is missing on one side and null on the other did not change
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, before: formatValue(from[field]), after: formatValue(to[field]) }));
}
