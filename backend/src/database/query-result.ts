/**
 * What TypeORM's `query()` answers for a data-changing statement differs by driver: pg answers an
 * UPDATE … RETURNING with [rows, count], PGlite with the rows alone. These read both.
 */

/** The rows of an UPDATE/DELETE … RETURNING (or of a SELECT). */
export function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) && result.length === 2 && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}

/** How many rows an UPDATE or DELETE changed, when the driver says so ([rows, count]). */
export function affectedRows(result: unknown): number | undefined {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : undefined;
}
