/** pg answers an UPDATE … RETURNING with [rows, count]; PGlite with the rows alone. */
export function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) && result.length === 2 && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}
