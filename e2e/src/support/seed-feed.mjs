// Puts sources and approved items straight into a Welcome Ruhr database, for browser tests and the
// benchmark that need exact content (including hostile HTML that ingestion would have cleaned).
// Works on the embedded database of a stopped server (DATA_DIR/pglite) or on a PostgreSQL database.
//
// As a module: `await seedFeed({ dataDir } | { databaseUrl }, { sources, items })`.
// From the command line (jest runs it so, as its transform cannot load PGlite): JSON
// `{ "target": …, "seed": … }` on stdin.
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';

/**
 * @typedef {{ id?: string, name: string, kind?: 'ambassador'|'partner'|'city', cities?: string[] }} SeedSource
 * @typedef {{ source: number, title: string, summary?: string, html?: string, url?: string|null, imageUrl?: string|null,
 *   publishedAt: string, language?: string|null, cities?: string[], topics?: string[], pinned?: boolean, status?: string }} SeedItem
 */

async function connect(target) {
  if (target.databaseUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    return { query: (text, values) => client.query(text, values), close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: join(target.dataDir, 'pglite') });
  return { query: (text, values) => db.query(text, values), close: () => db.close() };
}

/** @param {{dataDir?: string, databaseUrl?: string}} target @param {{sources: SeedSource[], items: SeedItem[]}} seed */
export async function seedFeed(target, seed) {
  const db = await connect(target);
  try {
    const sourceIds = [];
    for (const [index, source] of seed.sources.entries()) {
      const id = source.id ?? randomUUID();
      sourceIds.push(id);
      await db.query(
        `INSERT INTO sources (id, type, kind, name, url, cities, auto_approve) VALUES ($1, 'rss', $2, $3, $4, $5, true)`,
        [id, source.kind ?? 'partner', source.name, `https://seed.example/${index}/feed.xml`, source.cities ?? []],
      );
    }
    for (const [index, item] of seed.items.entries()) {
      const hash = createHash('sha256').update(`${index}${item.title}`).digest('hex');
      await db.query(
        `INSERT INTO items (source_id, key, title, summary, html, url, image_url, published_at, fetched_at, content_hash, language, cities, topics, status, pinned)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11, $12, $13, $14)`,
        [
          sourceIds[item.source],
          `seed-${index}`,
          item.title,
          item.summary ?? '',
          item.html ?? '',
          item.url ?? null,
          item.imageUrl ?? null,
          item.publishedAt,
          hash,
          item.language ?? null,
          item.cities ?? [],
          item.topics ?? [],
          item.status ?? 'approved',
          item.pinned ?? false,
        ],
      );
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { target, seed } = JSON.parse(input);
  await seedFeed(target, seed);
}
