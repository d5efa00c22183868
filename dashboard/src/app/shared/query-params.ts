import { HttpParams } from '@angular/common/http';

/** Query parameters for the values that are set: no empty strings, no `false`, no nulls; text trimmed. */
export function queryParams(values: Record<string, string | number | boolean | null | undefined>): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    const text = String(value).trim();
    if (text !== '') params = params.set(name, text);
  }
  return params;
}
