import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeedParseError, FeedParseErrorCode, parseFeed } from './index';

const fetchedAt = new Date('2025-06-15T12:00:00Z');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const options = { url: 'https://verein-duisburg.example/feed', fetchedAt };

async function parseError(body: string): Promise<FeedParseError> {
  try {
    await parseFeed(body, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error('parseFeed did not throw');
}

describe('parseFeed: broken and non-feed documents', () => {
  it('still yields the items of ill-formed XML (mismatched and unclosed tags) through the fallback', async () => {
    const feed = await parseFeed(fixture('ill-formed.xml'), options);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Migrantenverein Duisburg & Umgebung');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Sommerfest & Flohmarkt',
      'Hausaufgabenhilfe für Kinder < 12 Jahre',
      'Deutschkurs A1 startet',
    ]);
    expect(feed.items[0].url).toBe('https://verein-duisburg.example/sommerfest?tag=1&ort=marxloh');
    expect(feed.items[1].publishedAt.toISOString()).toBe('2025-06-09T13:00:00.000Z');
    expect(feed.warnings).toEqual([expect.stringContaining('read by a tolerant parser')]);
  });

  it('keeps relative links absolute and dates exact on the fallback path (broken Atom)', async () => {
    const body = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.ruhr-uni.example/news/">
  <title>RUB International</title>
  <entry>
    <title>Buddy programme</title><id>rub-1</id>
    <link href="buddy.html?utm_campaign=x"/>
    <published>2025-05-05T10:00:00+02:00</published>
    <content type="html">&lt;p&gt;&lt;img src="img/buddy.jpg"&gt;Sign up&lt;/p&gt;</content>
    <author><name>International Office</name></author>
  </entry>
  <entry><title>Broken</summary><id>rub-2</id></entry>
</feed>`;
    const feed = await parseFeed(body, { url: 'https://www.ruhr-uni.example/feeds/atom', fetchedAt });
    expect(feed.warnings).toEqual([expect.stringContaining('tolerant parser')]);
    const [first] = feed.items;
    expect(first.key).toBe('rub-1');
    expect(first.url).toBe('https://www.ruhr-uni.example/news/buddy.html');
    expect(first.imageUrl).toBe('https://www.ruhr-uni.example/news/img/buddy.jpg');
    expect(first.contentHtml).toContain('src="https://www.ruhr-uni.example/news/img/buddy.jpg"');
    expect(first.publishedAt.toISOString()).toBe('2025-05-05T08:00:00.000Z');
    expect(first.author).toBe('International Office');
  });

  it('escapes stray "&" and "<" and reads the feed with the primary parser', async () => {
    const body = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Kunst & Kultur</title>
<item><guid>t30</guid><title>Tempo < 30 vor Schulen</title><description><![CDATA[<p>a &amp; b</p>]]></description></item>
</channel></rss>`;
    const feed = await parseFeed(body, options);
    expect(feed.title).toBe('Kunst & Kultur');
    expect(feed.items[0].title).toBe('Tempo < 30 vor Schulen');
    // CDATA passes through the repair untouched.
    expect(feed.items[0].contentHtml).toBe('<p>a &amp; b</p>');
    expect(feed.warnings).toEqual([expect.stringContaining('escaped stray')]);
  });

  it("falls back when well-formed XML breaks the format's structure, and says so", async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><title>Ohne channel</title><item><guid>x1</guid><title>Trotzdem da</title></item></rss>',
      options,
    );
    expect(feed.items.map((item) => item.title)).toEqual(['Trotzdem da']);
    expect(feed.warnings).toEqual([expect.stringContaining('does not follow the structure')]);
  });

  it('reports XML broken beyond repair with its line', async () => {
    const error = await parseError(fixture('broken-beyond-repair.xml'));
    expect(error.code).toBe(FeedParseErrorCode.MalformedXml);
    expect(error.line).toBe(7);
    expect(error.message).toMatch(/^The feed's XML is broken at line 7: unexpected close tag/);
  });

  it('treats a download cut off before the closing tag as broken, not as a shorter feed', async () => {
    // Cut right after the second item: feedsmith alone would return two items without complaint.
    const complete = fixture('rss2-media.xml');
    const cut = complete.slice(0, complete.indexOf('</item>', complete.indexOf('</item>') + 1) + '</item>'.length);
    const feed = await parseFeed(cut, options);
    expect(feed.items.map((item) => item.key)).toEqual([
      'essen-aktuelles-0042',
      'https://www.essen.example/aktuelles/sprachcafe.html',
    ]);
    expect(feed.warnings).toEqual([expect.stringContaining('closing </rss> tag')]);
  });

  it('tells the moderator an HTML page is not a feed', async () => {
    const error = await parseError(fixture('html-page.html'));
    expect(error.code).toBe(FeedParseErrorCode.HtmlPage);
    expect(error.message).toBe("This is an HTML page, not a feed — look for the site's RSS link.");
  });

  it.each([
    ['XHTML with an XML declaration', '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
    ['HTML without doctype', '  <html><head><title>x</title></head></html>'],
    ['HTML after a comment', '<!-- cache: hit -->\n<!doctype html><html></html>'],
    ['a bare body', '<body><p>Wartungsarbeiten</p></body>'],
  ])('recognises %s as HTML', async (_name, body) => {
    expect((await parseError(body)).code).toBe(FeedParseErrorCode.HtmlPage);
  });

  it.each([['an empty string', ''], ['only whitespace', ' \n\t '], ['only a byte-order mark', '\uFEFF\n']])(
    'reports %s as an empty response',
    async (_name, body) => {
      const error = await parseError(body);
      expect(error.code).toBe(FeedParseErrorCode.Empty);
      expect(error.message).toMatch(/^Empty response/);
    },
  );

  it('reports broken JSON', async () => {
    const error = await parseError('{"version": "https://jsonfeed.org/version/1.1", "items": [');
    expect(error.code).toBe(FeedParseErrorCode.MalformedJson);
    expect(error.message).toMatch(/^The feed's JSON is broken: /);
  });

  it('reports JSON that is no JSON Feed', async () => {
    const error = await parseError('{"status": "ok", "data": []}');
    expect(error.code).toBe(FeedParseErrorCode.NotAFeed);
    expect(error.message).toContain('JSON Feed');
  });

  it('reports an OPML list as such', async () => {
    const error = await parseError('<?xml version="1.0"?><opml version="2.0"><head/><body><outline xmlUrl="https://a.example/rss"/></body></opml>');
    expect(error.code).toBe(FeedParseErrorCode.NotAFeed);
    expect(error.message).toContain('OPML');
  });

  it('reports other XML by its root element', async () => {
    const error = await parseError('<?xml version="1.0"?><sitemap><url>https://a.example/</url></sitemap>');
    expect(error.code).toBe(FeedParseErrorCode.NotAFeed);
    expect(error.message).toContain('<sitemap>');
  });

  it('reports plain text', async () => {
    const error = await parseError('Service Unavailable');
    expect(error.code).toBe(FeedParseErrorCode.NotAFeed);
    expect(error.message).toMatch(/^This is plain text, not a feed\./);
  });

  it('accepts a valid feed without items', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>Noch leer</title><link>https://a.example/</link></channel></rss>',
      options,
    );
    expect(feed.items).toEqual([]);
    expect(feed.title).toBe('Noch leer');
    expect(feed.warnings).toEqual([]);
  });

  it('reads a feed that starts with a byte-order mark and comments', async () => {
    const feed = await parseFeed(`\uFEFF<!-- generated -->\n${fixture('rss091.xml')}`, options);
    expect(feed.items).toHaveLength(2);
  });
});
