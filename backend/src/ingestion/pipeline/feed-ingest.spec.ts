import type { SourceDto } from '@welcome-ruhr/contracts';
import { AuditService } from '../../audit/audit.service';
import { ContentEvents } from '../../items/content-events';
import { ItemEntity } from '../../items/item.entity';
import { BlockedPhraseEntity } from '../../moderation/blocked-phrase.entity';
import { ModerationRulesService } from '../../moderation/moderation-rules.service';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { FeedServer, largeRssFeed, rssFeed, type FeedItemFixture } from '../testing/feed-server';
import { INGEST_BATCH_SIZE } from './feed-ingest.service';
import { ItemStore } from './item-store';

type Headers = { authorization: string };

/** The whole path through the API: fetch now → fetch → parse → sanitize → tag → hold → store. */
describe('ingesting a feed (fetch now)', () => {
  let t: TestApp;
  let admin: Headers;
  let server: FeedServer;
  let approvedChanges = 0;

  beforeAll(async () => {
    server = await new FeedServer().start();
    t = await createTestApp({ FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1', SCHEDULER_ENABLED: 'false' });
    admin = (await t.signIn('admin')).headers;
    t.app.get(ContentEvents).itemsChanged$.subscribe(() => approvedChanges++);
  });
  afterAll(async () => {
    await t.close();
    await server.stop();
  });

  let pathCounter = 0;
  /** A feed on the test server whose items the test can change between fetches, and a source reading it. */
  async function feedSource(items: FeedItemFixture[], fields: object = {}, ttlMinutes?: number) {
    const path = `/feeds/${++pathCounter}.xml`;
    const feed = { items, ttlMinutes };
    server.feed(path, () => rssFeed(feed));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: admin,
      payload: { type: 'rss', url: server.url(path), name: `Feed ${pathCounter}`, ...fields },
    });
    expect(response.statusCode).toBe(201);
    return { path, feed, source: response.json<SourceDto>() };
  }

  async function fetchNow(id: string): Promise<SourceDto> {
    const response = await t.app.inject({ method: 'POST', url: `/api/sources/${id}/fetch`, headers: admin });
    expect(response.statusCode).toBe(200);
    return response.json<SourceDto>();
  }

  const itemsOf = (sourceId: string) => t.dataSource.getRepository(ItemEntity).find({ where: { sourceId }, order: { key: 'ASC' } });
  const pubDate = new Date('2026-11-20T09:30:00Z');

  it('stores new items pending: text titles and summaries, sanitized HTML, canonical links, language, cities, topics', async () => {
    const { source, path } = await feedSource(
      [
        {
          guid: 'a-1',
          title: 'Deutschkurs für Anfänger in <b>Dortmund</b>',
          link: 'https://vhs.example.org/kurse/deutsch-a1?utm_source=rss&utm_medium=feed&kurs=12',
          description: 'Anmeldung ab sofort bei der Volkshochschule Dortmund. Der Kurs beginnt im Januar.',
          content:
            '<p>Anmeldung ab sofort. <a href="/anmeldung" onclick="steal()">Zur Anmeldung</a></p>' +
            '<script>alert(1)</script><img src="https://vhs.example.org/t.gif" width="1" height="1">',
          pubDate,
          author: 'VHS Dortmund',
        },
        {
          guid: 'a-2',
          title: 'Neue Termine bei der Ausländerbehörde Essen',
          link: 'https://essen.example.org/auslaenderbehoerde/termine',
          description: 'Die Ausländerbehörde in Essen bietet neue Termine für den Aufenthaltstitel an.',
          pubDate,
        },
        {
          guid: 'a-3',
          title: "Essen'de Almanca kursu",
          link: 'https://essen.example.org/tr/almanca',
          description: "Essen'de yeni gelenler için Almanca kursu başlıyor; kayıtlar açıldı.",
          pubDate,
        },
      ],
      { cities: ['essen'], languages: ['de'] },
    );
    const after = await fetchNow(source.id);
    expect(after).toMatchObject({ state: 'healthy', lastHttpStatus: 200, lastError: null, consecutiveFailures: 0 });
    expect(after.items).toEqual({ total: 3, pending: 3, approved: 0, rejected: 0 });
    expect(after.lastFetch).toMatchObject({ outcome: 'ok', items: 3, new: 3, updated: 0, unchanged: 0, approved: 0 });
    expect(server.statsOf(path).requests).toBe(1);

    const [course, office, turkish] = await itemsOf(source.id);
    expect(course).toMatchObject({
      status: 'pending',
      title: 'Deutschkurs für Anfänger in Dortmund',
      summary: 'Anmeldung ab sofort bei der Volkshochschule Dortmund. Der Kurs beginnt im Januar.',
      url: 'https://vhs.example.org/kurse/deutsch-a1?kurs=12',
      canonicalUrl: 'https://vhs.example.org/kurse/deutsch-a1?kurs=12',
      author: 'VHS Dortmund',
      language: 'de',
      decidedAt: null,
    });
    expect(course.publishedAt.toISOString()).toBe(pubDate.toISOString());
    expect(course.cities).toEqual(['essen', 'dortmund']);
    expect(course.topics).toContain('language-courses');
    // Relative links were made absolute by the parser, against the feed's address.
    expect(course.html).toContain(`href="${server.url('/anmeldung')}"`);
    expect(course.html).toContain('rel="noopener noreferrer nofollow"');
    expect(course.html).not.toMatch(/script|onclick|t\.gif/);
    expect(office.topics).toContain('residence');
    expect(office.cities).toEqual(['essen']);
    expect(turkish.language).toBe('tr');
    expect(turkish.topics).toContain('language-courses');

    const log = await t.app.get(AuditService).list({ entityType: 'source', entityId: source.id, action: 'source.fetch' }, 'system');
    expect(log).toHaveLength(1);
    expect(log[0].after).toMatchObject({ outcome: 'ok', new: 3, error: null });
  });

  it('asks again with the ETag: a 304 brings nothing and parses nothing', async () => {
    const { source, path } = await feedSource([{ guid: 'b-1', title: 'Sommerfest in Duisburg', link: 'https://duisburg.example.org/fest', pubDate }]);
    await fetchNow(source.id);
    const again = await fetchNow(source.id);
    expect(server.statsOf(path)).toMatchObject({ requests: 2, notModified: 1 });
    expect(again).toMatchObject({ lastHttpStatus: 304, lastError: null, state: 'healthy' });
    expect(again.lastFetch).toMatchObject({ outcome: 'not_modified', items: 0, new: 0 });
    expect(again.items.total).toBe(1);
  });

  it('updates a changed item in place, leaves unchanged ones alone, keeps moderator-edited tags', async () => {
    const { source, feed } = await feedSource([
      { guid: 'c-1', title: 'Jobmesse in Herne', link: 'https://herne.example.org/jobmesse', description: 'Arbeitgeber suchen Fachkräfte.', pubDate },
      { guid: 'c-2', title: 'Kita-Anmeldung in Oberhausen', link: 'https://oberhausen.example.org/kita', description: 'So melden Familien an.', pubDate },
      { guid: 'c-3', title: 'Wohnungssuche', link: 'https://gelsenkirchen.example.org/wohnen', description: 'Tipps.', pubDate },
    ]);
    await fetchNow(source.id);
    const [job, kita, housing] = await itemsOf(source.id);
    await t.dataSource.getRepository(ItemEntity).update(housing.id, { cities: ['gelsenkirchen', 'herne'], topics: ['family'], tagsEdited: true });

    feed.items[0].title = 'Jobmesse in Herne: neuer Termin';
    feed.items[2].description = 'Tipps zur Wohnungssuche für Neuzugezogene.';
    const after = await fetchNow(source.id);
    expect(after.lastFetch).toMatchObject({ new: 0, updated: 2, unchanged: 1 });

    const [job2, kita2, housing2] = await itemsOf(source.id);
    expect(job2.id).toBe(job.id);
    expect(job2.title).toBe('Jobmesse in Herne: neuer Termin');
    expect(job2.contentHash).not.toBe(job.contentHash);
    expect(kita2.updatedAt.getTime()).toBe(kita.updatedAt.getTime());
    expect(housing2.summary).toBe('Tipps zur Wohnungssuche für Neuzugezogene.');
    expect(housing2.cities).toEqual(['gelsenkirchen', 'herne']);
    expect(housing2.topics).toEqual(['family']);
  });

  it('never revives or changes a rejected item (tombstone), even when the feed changes it', async () => {
    const { source, feed } = await feedSource([{ guid: 'd-1', title: 'Werbung', link: 'https://spam.example.org/1', description: 'Kaufen!', pubDate }]);
    await fetchNow(source.id);
    const [item] = await itemsOf(source.id);
    await t.dataSource.getRepository(ItemEntity).update(item.id, { status: 'rejected', rejectReason: 'advertising' });
    feed.items[0].title = 'Werbung, jetzt noch lauter';
    const after = await fetchNow(source.id);
    expect(after.lastFetch).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    const [still] = await itemsOf(source.id);
    expect(still).toMatchObject({ id: item.id, status: 'rejected', title: 'Werbung', rejectReason: 'advertising' });
  });

  it('approves items of a trusted source at once and tells the public feed', async () => {
    const before = approvedChanges;
    const { source } = await feedSource(
      [{ guid: 'e-1', title: 'Welcome Week an der Ruhr-Universität Bochum', link: 'https://rub.example.org/welcome', pubDate }],
      { autoApprove: true },
    );
    const after = await fetchNow(source.id);
    expect(after.items).toMatchObject({ approved: 1, pending: 0 });
    expect(after.lastFetch).toMatchObject({ new: 1, approved: 1, held: 0 });
    const [item] = await itemsOf(source.id);
    expect(item.status).toBe('approved');
    expect(item.decidedAt).not.toBeNull();
    expect(item.decidedBy).toBeNull();
    expect(approvedChanges).toBe(before + 1);
  });

  it('holds an item with a blocked phrase even from a trusted source, and says why; an approved item that turns bad goes back to review', async () => {
    await t.dataSource.getRepository(BlockedPhraseEntity).save({ phrase: 'schnell reich' });
    t.app.get(ModerationRulesService).invalidate();
    const { source, feed } = await feedSource(
      [
        { guid: 'f-1', title: 'Schnell reich werden in Essen!', link: 'https://scam.example.org/1', pubDate },
        { guid: 'f-2', title: 'Stadtbibliothek Essen verlängert Öffnungszeiten', link: 'https://essen.example.org/bib', pubDate },
      ],
      { autoApprove: true },
    );
    const after = await fetchNow(source.id);
    expect(after.lastFetch).toMatchObject({ new: 2, approved: 1, held: 1 });
    const [held, fine] = await itemsOf(source.id);
    expect(held).toMatchObject({ status: 'pending', heldReasons: ['blocked phrase: "schnell reich"'], decidedAt: null });
    expect(fine.status).toBe('approved');

    feed.items[1].title = 'Stadtbibliothek Essen: schnell reich an Wissen';
    await fetchNow(source.id);
    const [, demoted] = await itemsOf(source.id);
    expect(demoted).toMatchObject({ status: 'pending', heldReasons: ['blocked phrase: "schnell reich"'], decidedAt: null });

    feed.items[0].title = 'Geld sparen in Essen';
    await fetchNow(source.id);
    const [cleared] = await itemsOf(source.id);
    expect(cleared).toMatchObject({ status: 'approved', heldReasons: [] });
  });

  it('flags the same link from a second source as a duplicate and holds it, even when that source is trusted', async () => {
    const link = 'https://uni.example.org/news/stipendium';
    const first = await feedSource([{ guid: 'g-1', title: 'Stipendium für internationale Studierende', link, pubDate }]);
    await fetchNow(first.source.id);
    const [original] = await itemsOf(first.source.id);
    const second = await feedSource(
      [{ guid: 'other-guid', title: 'Stipendium!', link: `${link}?utm_campaign=share&fbclid=abc`, pubDate }],
      { autoApprove: true, name: 'Zweite Quelle' },
    );
    const after = await fetchNow(second.source.id);
    expect(after.lastFetch).toMatchObject({ new: 1, duplicates: 1, approved: 0, held: 1 });
    const [copy] = await itemsOf(second.source.id);
    expect(copy).toMatchObject({ status: 'pending', duplicateOfId: original.id, canonicalUrl: link });
    expect(copy.heldReasons).toEqual([`duplicate of an item from ${first.source.name}`]);

    // The original changing later must not turn it into a duplicate of its own copy.
    first.feed.items[0].title = 'Stipendium für internationale Studierende (Frist verlängert)';
    await fetchNow(first.source.id);
    const [originalAgain] = await itemsOf(first.source.id);
    expect(originalAgain).toMatchObject({ duplicateOfId: null, heldReasons: [] });
  });

  it('reads a Mastodon account through its public RSS', async () => {
    server.feed('/@ayse.rss', rssFeed({ items: [{ guid: 'https://social.example/@ayse/1', title: 'Merhaba Essen!', link: 'https://social.example/@ayse/1', pubDate }] }));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: admin,
      payload: { type: 'mastodon', url: server.url('/@ayse'), name: 'Ayşe', kind: 'ambassador', cities: ['essen'] },
    });
    const after = await fetchNow(created.json<SourceDto>().id);
    expect(after).toMatchObject({ url: server.url('/@ayse'), lastHttpStatus: 200, items: { total: 1 } });
    expect(server.statsOf('/@ayse.rss').requests).toBe(1);
  });

  it('ingests a large feed in batches: a few statements per 250 items, not per item', async () => {
    const count = 3000;
    const path = '/feeds/large.xml';
    server.feed(path, largeRssFeed(count, 'spec'));
    const created = await t.app.inject({ method: 'POST', url: '/api/sources', headers: admin, payload: { type: 'rss', url: server.url(path), name: 'Large' } });
    const statements = [jest.spyOn(ItemStore.prototype, 'known'), jest.spyOn(ItemStore.prototype, 'earlierCopies'), jest.spyOn(ItemStore.prototype, 'upsert')];
    const started = performance.now();
    const after = await fetchNow(created.json<SourceDto>().id);
    const seconds = (performance.now() - started) / 1000;
    expect(after.lastFetch).toMatchObject({ items: count, new: count });
    expect(after.items.total).toBe(count);
    // One of each statement per batch: known keys, earlier copies, upsert.
    for (const statement of statements) {
      expect(statement).toHaveBeenCalledTimes(Math.ceil(count / INGEST_BATCH_SIZE));
      statement.mockRestore();
    }
    // Informational only: the shared test machine is too busy for a timing bound; `npm run bench` measures.
    console.log(`ingested ${count} items in ${seconds.toFixed(2)} s: ${Math.round(count / seconds)} items/s (${process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`);

    server.feed(path, largeRssFeed(count, 'spec'), { etag: false });
    const again = await fetchNow(after.id);
    expect(again.lastFetch).toMatchObject({ items: count, new: 0, updated: 0, unchanged: count });
  }, 120_000);

});
