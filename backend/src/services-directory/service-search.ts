import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import type { ServiceEntity } from './service.entity';

/**
 * Full-text search of the directory. The vectors repeat the expressions of the indexes in the migration
 * ContactAndServices verbatim (with the table alias "s"): only identical expressions use the indexes.
 */
export const SEARCH_VECTORS = {
  german: `to_tsvector('german'::regconfig, coalesce(s."name", '') || ' ' || coalesce(s."descriptions" ->> 'de', '') || ' ' || coalesce(s."address", ''))`,
  english: `to_tsvector('english'::regconfig, coalesce(s."name", '') || ' ' || coalesce(s."descriptions" ->> 'en', ''))`,
  simple: `(to_tsvector('simple'::regconfig, coalesce(s."name", '')) || jsonb_to_tsvector('simple'::regconfig, s."descriptions", '["string"]'))`,
} as const;

type Config = keyof typeof SEARCH_VECTORS;

/** Shorter stems than this must match exactly: "amt:*" would find half the directory. */
const PREFIX_FROM = 4;
/** Stems this long also match one letter shorter, which meets derivations: registration (registr) → register (regist). */
const SHORTEN_FROM = 7;

/**
 * Turns the stemmed query into one that also matches longer words and close derivations: each lexeme
 * becomes a prefix, long ones one letter shorter. German compounds profit too (anmeld → Anmeldeformular).
 */
export function widenTsQuery(tsquery: string): string {
  return tsquery.replace(/'((?:[^']|'')+)'/g, (_match, lexeme: string) => {
    const letters = [...lexeme.replace(/''/g, "'")];
    if (letters.length < PREFIX_FROM) return `'${lexeme}'`;
    const stem = letters.length >= SHORTEN_FROM ? letters.slice(0, -1).join('') : letters.join('');
    return `'${stem.replace(/'/g, "''")}':*`;
  });
}

export interface SearchQueries {
  german: string;
  english: string;
  simple: string;
}

/** The free text as three widened tsqueries (German, English, simple); null when it holds no searchable word. */
export async function searchQueries(dataSource: DataSource, q: string): Promise<SearchQueries | null> {
  const [row] = (await dataSource.query(
    `SELECT websearch_to_tsquery('german'::regconfig, $1)::text AS german,
            websearch_to_tsquery('english'::regconfig, $1)::text AS english,
            websearch_to_tsquery('simple'::regconfig, $1)::text AS simple`,
    [q],
  )) as SearchQueries[];
  if (!row || (!row.german && !row.english && !row.simple)) return null;
  return { german: widenTsQuery(row.german), english: widenTsQuery(row.english), simple: widenTsQuery(row.simple) };
}

/** Adds the text match (any of the three languages) and its rank as `rank` to a query on services "s". */
export function applyTextSearch(builder: SelectQueryBuilder<ServiceEntity>, queries: SearchQueries): void {
  const parts: string[] = [];
  const ranks: string[] = [];
  for (const config of Object.keys(SEARCH_VECTORS) as Config[]) {
    if (!queries[config]) continue;
    const parameter = `tsq_${config}`;
    parts.push(`${SEARCH_VECTORS[config]} @@ :${parameter}::tsquery`);
    ranks.push(`ts_rank(${SEARCH_VECTORS[config]}, :${parameter}::tsquery)`);
    builder.setParameter(parameter, queries[config]);
  }
  builder.andWhere(`(${parts.join(' OR ')})`).addSelect(ranks.join(' + '), 'rank');
}

const MAX_OFFSET = 100_000;

/** A page of search results continues where the previous one stopped; ranked results page by position. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeOffsetCursor(text: string): number {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof value.o === 'number' && Number.isSafeInteger(value.o) && value.o > 0 && value.o <= MAX_OFFSET) return value.o;
  } catch {
    // falls through to the error below
  }
  throw DomainError.invalidField('cursor', 'cursor is not one this list gave out; start again without it');
}
