import type { DataSource } from 'typeorm';
import type { PublishEngine } from '../publish-engine';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Open deliveries of these posts (all posts when none are named). */
export async function openDeliveries(dataSource: DataSource, postIds?: string[]): Promise<number> {
  const rows: { n: number }[] = await dataSource.query(
    `SELECT count(*)::int AS n FROM post_deliveries WHERE status IN ('pending', 'sending', 'unknown')
       AND ($1::text IS NULL OR post_id IN (SELECT value::uuid FROM json_array_elements_text($1::json)))`,
    [postIds ? JSON.stringify(postIds) : null],
  );
  return rows[0].n;
}

/**
 * Lets the engines claim and process due deliveries, each as its own "process", until no delivery of
 * the posts is open. Engines for which `alive` says false are left alone (they were "killed").
 */
export async function drain(
  dataSource: DataSource,
  engines: () => PublishEngine[],
  options: { postIds?: string[]; timeoutMs?: number; batch?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    let claimed = 0;
    await Promise.all(
      engines().map(async (engine) => {
        const batch = await engine.leases.claimDue(options.batch ?? 4, ['facebook_page', 'mastodon']);
        claimed += batch.length;
        await Promise.all(batch.map((delivery) => engine.process(delivery)));
      }),
    );
    if ((await openDeliveries(dataSource, options.postIds)) === 0) return;
    if (claimed === 0) await sleep(25);
  }
  throw new Error(`deliveries still open after ${options.timeoutMs ?? 20_000} ms`);
}
