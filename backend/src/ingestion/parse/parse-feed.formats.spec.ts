import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedFeed, parseFeed, RawFeedItem } from './index';

const fetchedAt = new Date('2025-06-15T12:00:00Z');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const parseFixture = (name: string, url = `https://feeds.example/${name}`) => parseFeed(fixture(name), { url, fetchedAt });

describe('parseFeed: formats', () => {
  describe('RSS 2.0 with content:encoded, media:content and enclosures', () => {
    let feed: ParsedFeed;
    let items: RawFeedItem[];
    beforeAll(async () => {
      feed = await parseFixture('rss2-media.xml', 'https://www.essen.example/feeds/neu.xml');
      items = feed.items;
    });

    it('reads the channel', () => {
      expect(feed.format).toBe('rss');
      expect(feed.title).toBe('Stadt Essen – Neu in Essen');
      expect(feed.siteUrl).toBe('https://www.essen.example/neu-in-essen/');
      expect(feed.ttlMinutes).toBe(90);
      expect(feed.warnings).toEqual([]);
      expect(items).toHaveLength(4);
    });

    it('prefers content:encoded as HTML and the description as summary', () => {
      expect(items[0].contentHtml).toContain('<a href="https://www.essen.example/buergeramt/termine">');
      expect(items[0].summary).toBe('Ab Juli können Sie Ihre Wohnsitzanmeldung auch samstags erledigen.');
    });

    it('uses the guid as key and the canonical link as url', () => {
      expect(items[0].key).toBe('essen-aktuelles-0042');
      expect(items[0].guid).toBe('essen-aktuelles-0042');
      expect(items[0].url).toBe('https://www.essen.example/aktuelles/buergeramt-samstag.html?id=42');
    });

    it('takes an image enclosure or media:content, never the audio enclosure', () => {
      expect(items[0].imageUrl).toBe('https://cdn.essen.example/bilder/buergeramt-gross.jpg');
      expect(items[1].imageUrl).toBe('https://www.essen.example/bilder/sprachcafe.jpg');
    });

    it('takes the thumbnail of a media:group whose content is a video', () => {
      expect(items[2].imageUrl).toBe('https://cdn.essen.example/video/nahverkehr-vorschau.jpg');
    });

    it('falls back to the first real <img> of the content, skipping tracking pixels', () => {
      expect(items[3].imageUrl).toBe('https://www.essen.example/bilder/kita.png');
    });

    it('reads the author name without the e-mail address, and dc:creator', () => {
      expect(items[0].author).toBe('Stadt Essen Redaktion');
      expect(items[1].author).toBe('Max Müller');
      expect(items[2].author).toBeUndefined();
    });

    it('keeps categories once, whatever their case', () => {
      expect(items[0].categories).toEqual(['Verwaltung', 'Neu in Essen']);
    });

    it('converts RFC 822 dates with offsets and GMT to exact instants', () => {
      expect(items[0].publishedAt.toISOString()).toBe('2025-06-10T12:30:00.000Z');
      expect(items[1].publishedAt.toISOString()).toBe('2025-06-11T08:00:00.000Z');
    });
  });

  it('reads RSS 0.91 with its doctype and HTML entities; items without guid key on their link', async () => {
    const feed = await parseFixture('rss091.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Integrationsrat Herne');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Sitzung des Integrationsrats am 3. Juli',
      'Beratung für Geflüchtete',
    ]);
    expect(feed.items[0].summary).toBe('Die öffentliche Sitzung beginnt um 17 Uhr im Rathaus.');
    expect(feed.items[1].key).toBe('http://www.herne.example/integrationsrat/beratung.html');
    expect(feed.items[1].guid).toBeUndefined();
    expect(feed.items[0].publishedAt).toEqual(fetchedAt);
  });

  it('reads RSS 1.0 (RDF) with dc:date, dc:creator and dc:subject', async () => {
    const feed = await parseFixture('rdf-rss1.xml');
    expect(feed.format).toBe('rdf');
    expect(feed.siteUrl).toBe('https://www.rvr.example/presse/');
    const [first, second] = feed.items;
    expect(first.publishedAt.toISOString()).toBe('2025-03-30T00:30:00.000Z');
    expect(first.author).toBe('Pressestelle RVR');
    expect(first.categories).toEqual(['Kultur', 'Tourismus']);
    expect(first.contentHtml).toBe('<p>Die <strong>Ankerpunkte</strong> öffnen wieder.</p>');
    expect(first.key).toBe('https://www.rvr.example/presse/2025-031');
    // A date without time is midnight German time (summer time in April).
    expect(second.publishedAt.toISOString()).toBe('2025-04-01T22:00:00.000Z');
  });

  describe('Atom 1.0 with xml:base and relative links', () => {
    let feed: ParsedFeed;
    beforeAll(async () => {
      feed = await parseFixture('atom1-xmlbase.xml', 'https://www.uni-due.example/feeds/international');
    });

    it('resolves the feed link against the feed xml:base', () => {
      expect(feed.format).toBe('atom');
      expect(feed.title).toBe('UDE International Office');
      expect(feed.siteUrl).toBe('https://www.uni-due.example/international/');
    });

    it('resolves entry links through the nested xml:base chain and cleans them', () => {
      expect(feed.items[0].url).toBe('https://www.uni-due.example/news/2025/welcome-week.html?lang=en');
      expect(feed.items[1].url).toBe('https://www.uni-due.example/news/traffic.html');
    });

    it('makes relative src, srcset and href in the content absolute', () => {
      const html = feed.items[0].contentHtml;
      expect(html).toContain('src="https://www.uni-due.example/news/2025/img/welcome.jpg"');
      expect(html).toContain('https://www.uni-due.example/news/2025/img/welcome@2x.jpg 2x');
      expect(html).toContain('href="https://www.uni-due.example/international/campus-map.html"');
      expect(feed.items[0].imageUrl).toBe('https://www.uni-due.example/news/2025/img/welcome.jpg');
      expect(feed.items[1].contentHtml).toContain('href="https://www.uni-due.example/news/map/"');
    });

    it('reads an HTML title as text and keeps "<" in a declared text title', () => {
      expect(feed.items[0].title).toBe('Welcome Week Winter 2025');
      expect(feed.items[1].title).toBe('Speed limit: Tempo <30 on campus roads');
    });

    it('prefers published over updated, and uses updated when published is missing', () => {
      expect(feed.items[0].publishedAt.toISOString()).toBe('2025-04-07T07:00:00.000Z');
      expect(feed.items[1].publishedAt.toISOString()).toBe('2025-03-30T02:30:00.000Z');
    });

    it('lets entries without an author inherit the feed author', () => {
      expect(feed.items[0].author).toBe('Dr. Ayşe Yılmaz');
      expect(feed.items[1].author).toBe('International Office');
    });

    it('reads category labels, else terms', () => {
      expect(feed.items[0].categories).toEqual(['Students', 'events']);
    });

    it('takes an image link rel="enclosure" and turns a plain-text summary into HTML', () => {
      expect(feed.items[2].imageUrl).toBe('https://www.uni-due.example/media/housing.png');
      expect(feed.items[2].contentHtml).toBe('<p>Rooms &amp; flats for students.</p>');
      expect(feed.items[2].summary).toBe('Rooms & flats for students.');
    });
  });

  it('reads Atom 0.3 (issued, escaped content)', async () => {
    const feed = await parseFixture('atom03.xml');
    expect(feed.format).toBe('atom');
    expect(feed.siteUrl).toBe('https://www.wirtschaft-dortmund.example/');
    const [item] = feed.items;
    expect(item.key).toBe('tag:wirtschaft-dortmund.example,2025:17');
    expect(item.url).toBe('https://www.wirtschaft-dortmund.example/gruendung-englisch');
    expect(item.publishedAt.toISOString()).toBe('2025-05-02T09:30:00.000Z');
    expect(item.contentHtml).toBe('<p>Beratung für internationale Gründerinnen und Gründer.</p>');
    expect(item.author).toBe('Wirtschaftsförderung');
  });

  it('reads JSON Feed 1.0 (author object, content_text, numeric id, relative image)', async () => {
    const feed = await parseFixture('jsonfeed-1.0.json', 'https://welcome.bochum.example/feed.json');
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Welcome Center Bochum');
    expect(feed.siteUrl).toBe('https://welcome.bochum.example/');
    const [first, second] = feed.items;
    expect(first.key).toBe('2001');
    expect(first.url).toBe('https://welcome.bochum.example/news/stammtisch?page=2');
    expect(first.contentHtml).toBe('<p>Jeden ersten Freitag im Monat.</p>\n<p>Ort: Bermuda3eck.</p>');
    expect(first.summary).toBe('Jeden ersten Freitag im Monat. Ort: Bermuda3eck.');
    expect(first.imageUrl).toBe('https://welcome.bochum.example/images/stammtisch.jpg');
    expect(first.publishedAt.toISOString()).toBe('2025-06-06T17:00:00.000Z');
    expect(first.author).toBe('Lena Schulz');
    expect(first.categories).toEqual(['Community', 'Events']);
    expect(second.url).toBe('https://www.ruhr-uni.example/jobs/');
    expect(second.author).toBe('Welcome Center Team');
  });

  it('reads JSON Feed 1.1 (authors, summary, attachments, Turkish text)', async () => {
    const feed = await parseFixture('jsonfeed-1.1.json');
    expect(feed.format).toBe('json');
    const [first, second] = feed.items;
    expect(first.title).toBe('İkamet kaydı için randevu nasıl alınır?');
    expect(first.summary).toBe('Şehrimize yeni taşındıysanız, iki hafta içinde ikamet kaydı yaptırmanız gerekir.');
    expect(first.contentHtml).toContain('<strong>iki hafta</strong>');
    expect(first.author).toBe('Gül Demir, Oğuz Çelik');
    expect(first.imageUrl).toBe('https://www.gelsenkirchen.example/files/kayit-afis.png');
    expect(first.categories).toEqual(['kayıt', 'belediye']);
    expect(first.publishedAt.toISOString()).toBe('2025-06-09T05:00:00.000Z');
    expect(second.title).toBe("Yabancılar Dairesi 24 Haziran'da kapalıdır. Acil durumlarda lütfen e-posta ile…");
    expect(second.author).toBe('Integrationscenter');
  });

  it('detects the format from the content, whatever the URL says', async () => {
    const feed = await parseFeed(fixture('jsonfeed-1.1.json'), { url: 'https://x.example/rss.xml', fetchedAt });
    expect(feed.format).toBe('json');
    const atom = await parseFeed(fixture('atom03.xml'), { url: 'https://x.example/feed.json', fetchedAt });
    expect(atom.format).toBe('atom');
  });

  it('reads CDATA, double-escaped and numeric entities into clean text', async () => {
    const feed = await parseFixture('cdata-entities.xml');
    expect(feed.title).toBe('Kunst & Kultur in Oberhausen');
    const [first, second] = feed.items;
    expect(first.title).toBe('Ludwiggalerie: Comics & Karikaturen');
    expect(first.summary).toBe('Ausstellung „Zeichnen“ – bis 31. August.');
    expect(first.summary).not.toContain('track');
    expect(second.title).toBe('Theater – "Die Physiker" & mehr 🎭');
    expect(second.summary).toBe('Karten ab 12 € Ermäßigt für Studierende');
    // content:encoded wins over the description and is passed on unsanitised.
    expect(second.contentHtml).toMatch(/^<p>Karten ab 12&nbsp;&euro;<\/p>.*<p>Ermäßigt für Studierende<\/p>$/);
    expect(second.contentHtml).not.toContain('<br/>');
    // The description is the body when there is no content:encoded — scripts included, for the sanitizer.
    expect(first.contentHtml).toContain('<script>track()</script>');
  });
});
