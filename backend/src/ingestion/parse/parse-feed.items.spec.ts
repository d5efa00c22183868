import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedFeed, parseFeed, RawFeedItem } from './index';

const fetchedAt = new Date('2025-06-15T12:00:00Z');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const url = 'https://grenzfall.example/feed.xml';

describe('parseFeed: item normalisation', () => {
  let feed: ParsedFeed;
  const item = (title: string): RawFeedItem => {
    const found = feed.items.find((candidate) => candidate.title === title);
    if (!found) throw new Error(`no item titled ${title}`);
    return found;
  };

  beforeAll(async () => {
    feed = await parseFeed(fixture('edge-items.xml'), { url, fetchedAt });
  });

  it('derives a title from the first words of an untitled item', () => {
    const untitled = feed.items[0];
    expect(untitled.title).toBe('Die Ausländerbehörde zieht um: Ab dem ersten Juli finden Sie uns im neuen…');
    expect(untitled.title.length).toBeLessThanOrEqual(80);
    expect(untitled.key).toBe('no-title-1');
  });

  it('keys an item without guid on its canonical link, tracking parameters removed in order', () => {
    const tracked = item('Ohne guid, mit Tracking');
    expect(tracked.guid).toBeUndefined();
    expect(tracked.url).toBe('https://grenzfall.example/artikel?b=2&a=1');
    expect(tracked.key).toBe('https://grenzfall.example/artikel?b=2&a=1');
  });

  it('keys an item with neither guid nor link on a sha256 of title and content', () => {
    const anonymous = item('Weder guid noch Link');
    expect(anonymous.url).toBeUndefined();
    expect(anonymous.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('produces the same keys when a re-fetch differs only in whitespace', async () => {
    const reindented = fixture('edge-items.xml').replace(/\n/g, '\n    ').replace(/ {2}Text\./, '\tText.');
    const again = await parseFeed(reindented, { url, fetchedAt });
    expect(again.items.map((i) => i.key)).toEqual(feed.items.map((i) => i.key));
  });

  it('produces a different hash key when the content changes', async () => {
    const edited = fixture('edge-items.xml').replace('Nur   Titel und', 'Nur Titel, geändert, und');
    const again = await parseFeed(edited, { url, fetchedAt });
    const before = item('Weder guid noch Link').key;
    const after = again.items.find((i) => i.title === 'Weder guid noch Link')?.key;
    expect(after).toMatch(/^[0-9a-f]{64}$/);
    expect(after).not.toBe(before);
  });

  it.each([
    ['Die Ausländerbehörde zieht um: Ab dem ersten Juli finden Sie uns im neuen…', '2025-06-15T07:00:00.000Z'], // CEST
    ['Ohne guid, mit Tracking', '2025-06-13T12:30:00.000Z'], // +0530
    ['Zeitzone EST', '2025-06-12T13:00:00.000Z'],
    ['ISO ohne Zone', '2025-01-15T09:00:00.000Z'], // German winter time
    ['Deutscher Monatsname', '2025-03-02T09:00:00.000Z'], // "So, 02 Mär 2025 10:00:00 MEZ"
    ['Zweistelliges Jahr', '2025-06-01T12:00:00.000Z'],
    ['Morgen früh', '2025-06-16T06:00:00.000Z'], // less than a day ahead: kept
    ['Weder guid noch Link', '2025-06-01T12:00:00.000Z'], // dc:date
  ])('dates %p at the exact UTC instant %p', (title, expected) => {
    expect(item(title).publishedAt.toISOString()).toBe(expected);
  });

  it.each(['Ohne Datum', 'Unlesbares Datum', 'Weit in der Zukunft'])('uses the fetch time for %p', (title) => {
    expect(item(title).publishedAt.toISOString()).toBe(fetchedAt.toISOString());
  });

  it('skips an item with nothing to show and says so', () => {
    expect(feed.items).toHaveLength(11);
    expect(feed.warnings).toEqual([expect.stringContaining('1 item(s) had no title, text or link')]);
  });

  it('gives empty summary and body, not undefined, to items with only a title', () => {
    expect(item('Zeitzone EST').summary).toBe('');
    expect(item('Zeitzone EST').contentHtml).toBe('');
  });

  it('collapses whitespace in summaries', () => {
    expect(item('Weder guid noch Link').summary).toBe('Nur Titel und Text.');
  });
});

describe('parseFeed: languages', () => {
  let feed: ParsedFeed;
  beforeAll(async () => {
    feed = await parseFeed(fixture('multilingual.xml'), { url: 'https://welcome.ruhr.example/feed', fetchedAt });
  });

  it('keeps German umlauts and ß intact', () => {
    expect(feed.items[0].title).toBe('Größere Räume für die Beratungsstelle in Mülheim an der Ruhr');
    expect(feed.items[0].summary).toContain('Schloßstraße – größer');
  });

  it('keeps Turkish dotted and dotless i apart', () => {
    expect(feed.items[1].title).toBe("İş arayanlar için ücretsiz danışmanlık: Şubat ayında Ağustos'a kadar uzatıldı");
    expect(feed.items[1].summary).toBe("Iğdır'dan, İzmir'den ya da Isparta'dan gelen herkes başvurabilir.");
    expect(feed.items[1].categories).toEqual(['İş']);
    expect(feed.items[1].publishedAt.toISOString()).toBe('2025-06-10T06:00:00.000Z');
  });

  it('derives an Arabic title at a word boundary', () => {
    const arabic = feed.items[2];
    const text = 'يجب على كل من ينتقل إلى مدينة إيسن تسجيل عنوان السكن الجديد لدى مكتب المواطنين';
    expect(arabic.title).toBe(`${text}…`);
    expect(arabic.summary.startsWith('يجب على كل من ينتقل إلى مدينة إيسن')).toBe(true);
    expect(arabic.categories).toEqual(['تسجيل']);
  });
});

describe('parseFeed: summary length', () => {
  it('cuts long summaries at a word boundary below about 300 characters', async () => {
    const sentence = 'Das Welcome Center berät neu zugezogene Fachkräfte und ihre Familien. ';
    const body = `<rss version="2.0"><channel><title>t</title><item><guid>g</guid><title>Lang</title>
      <description>${sentence.repeat(10)}</description></item></channel></rss>`;
    const [item] = (await parseFeed(body, { url, fetchedAt })).items;
    expect(item.summary.length).toBeLessThanOrEqual(300);
    expect(item.summary.length).toBeGreaterThan(250);
    expect(item.summary.endsWith('…')).toBe(true);
    expect(sentence.repeat(10).startsWith(item.summary.slice(0, -1))).toBe(true);
  });
});
