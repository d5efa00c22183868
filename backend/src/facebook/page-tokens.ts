import type { DataSource, EntityManager } from 'typeorm';

/**
 * The sealed token of a connected ambassador channel of this page, the page's own ambassador first,
 * then the most recently updated; null when no channel of the page is connected.
 */
export async function channelPageToken(db: DataSource | EntityManager, pageId: string, ambassadorId: string | null): Promise<string | null> {
  const rows: { access_token_encrypted: string }[] = await db.query(
    `SELECT access_token_encrypted FROM channels
     WHERE type = 'facebook_page' AND external_id = $1 AND status = 'connected' AND access_token_encrypted IS NOT NULL
     ORDER BY (ambassador_id = $2) DESC NULLS LAST, updated_at DESC LIMIT 1`,
    [pageId, ambassadorId],
  );
  return rows[0]?.access_token_encrypted ?? null;
}
