import type { OpmlImportJob, OpmlImportReport, SourceDto } from '@welcome-ruhr/contracts';
import { AuditService } from '../audit/audit.service';
import { createTestApp, type TestApp } from '../testing/test-app';
import { SourceEntity } from './source.entity';

type Headers = { authorization: string };

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Feeds of the integration office</title></head>
  <body>
    <outline text="Universities">
      <outline text="UDE International" type="rss" xmlUrl="https://www.uni-due.de/international/rss.xml" htmlUrl="https://www.uni-due.de/"/>
      <outline text="RUB News" type="rss" xmlUrl="https://news.rub.de/feed"/>
    </outline>
    <outline text="No address" type="rss"/>
    <outline text="FTP" type="rss" xmlUrl="ftp://files.example/feed"/>
    <outline text="RUB again" type="rss" xmlUrl="https://NEWS.rub.de/feed"/>
    <outline text="Presse Essen" type="rss" xmlUrl="https://presse.essen.de/rss" category="/city/essen,/topic/residence,/language/de,/kind/city"/>
    <outline text="Ayşe" type="rss" xmlUrl="https://social.example/@ayse.rss" category="/type/mastodon,/kind/ambassador,/language/tr"/>
    <outline text="Köln" type="rss" xmlUrl="https://koeln.example/rss" category="/city/koeln"/>
  </body>
</opml>`;

describe('OPML import and export', () => {
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  const importJson = (payload: object, headers: Headers = admin, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/sources/import${query}`, headers, payload });

  it('imports an OPML file with a report line per feed outline: created, exists and invalid, with reasons', async () => {
    const existing = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: admin,
      payload: { type: 'rss', url: 'https://www.uni-due.de/international/rss.xml', name: 'UDE (added by hand)' },
    });
    const response = await importJson({ opml: OPML, cities: ['bochum'], languages: ['de'] });
    expect(response.statusCode).toBe(200);
    const report = response.json<OpmlImportReport>();
    expect(report).toMatchObject({ done: true, total: 8, processed: 8, created: 3, exists: 2, invalid: 3 });
    expect(report.lines.map((l) => [l.line, l.title, l.result, l.message])).toEqual([
      [6, 'UDE International', 'exists', 'Already a source: “UDE (added by hand)”.'],
      [7, 'RUB News', 'created', null],
      [9, 'No address', 'invalid', 'This outline has no feed address (xmlUrl).'],
      [10, 'FTP', 'invalid', 'The feed address must be an http or https address.'],
      [11, 'RUB again', 'exists', 'The same feed appears earlier in the file (line 7).'],
      [12, 'Presse Essen', 'created', null],
      [13, 'Ayşe', 'created', null],
      [14, 'Köln', 'invalid', '“koeln” is not an RVR city.'],
    ]);
    expect(report.lines[0].sourceId).toBe(existing.json<SourceDto>().id);

    const sources = (await t.app.inject({ method: 'GET', url: '/api/sources', headers: admin })).json<SourceDto[]>();
    const byName = new Map(sources.map((s) => [s.name, s]));
    expect(byName.get('RUB News')).toMatchObject({ type: 'rss', url: 'https://news.rub.de/feed', cities: ['bochum'], languages: ['de'], kind: 'partner' });
    expect(byName.get('Presse Essen')).toMatchObject({ cities: ['essen'], topics: ['residence'], languages: ['de'], kind: 'city' });
    expect(byName.get('Ayşe')).toMatchObject({ type: 'mastodon', url: 'https://social.example/@ayse', kind: 'ambassador', languages: ['de', 'tr'] });
    const created = await t.app.get(AuditService).list({ action: 'source.create', entityId: byName.get('RUB News')!.id }, 'system');
    expect(created[0].after).toMatchObject({ via: 'opml', url: 'https://news.rub.de/feed' });
  });

  it('refuses a file that is no OPML, naming the field', async () => {
    const notOpml = await importJson({ opml: 'Hello, this is a text file.' });
    expect(notOpml.statusCode).toBe(400);
    expect(notOpml.json().fields).toEqual([{ field: 'opml', problem: 'is not an OPML file: it has no <opml> element and no <outline> with an xmlUrl' }]);
    const noBody = await importJson({});
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().fields[0].field).toBe('opml');
  });

  it('takes the file itself as text/xml with the settings in the query', async () => {
    const file = '<opml version="1.0"><body><outline text="WAZ Essen" xmlUrl="https://waz.example/essen.rss"/></body></opml>';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sources/import?cities=essen,muelheim-an-der-ruhr&kind=partner&autoApprove=true',
      headers: { ...admin, 'content-type': 'text/xml' },
      payload: file,
    });
    expect(response.statusCode).toBe(200);
    const [line] = response.json<OpmlImportReport>().lines;
    expect(line.result).toBe('created');
    const source = (await t.app.inject({ method: 'GET', url: `/api/sources/${line.sourceId}`, headers: admin })).json<SourceDto>();
    expect(source).toMatchObject({ cities: ['essen', 'muelheim-an-der-ruhr'], autoApprove: true });
  });

  it('keeps a moderator to their cities, on the whole request and per line', async () => {
    const moderator = (await t.signIn('moderator', { cities: ['herne'] })).headers;
    const outside = await importJson({ opml: OPML, cities: ['bochum'] }, moderator);
    expect(outside.statusCode).toBe(403);
    const file = `<opml><body>
      <outline text="Herne" xmlUrl="https://herne.example/rss"/>
      <outline text="Bochum" xmlUrl="https://bochum.example/rss" category="/city/bochum"/>
    </body></opml>`;
    const report = (await importJson({ opml: file, cities: ['herne'] }, moderator)).json<OpmlImportReport>();
    expect(report.lines.map((l) => [l.title, l.result, l.message])).toEqual([
      ['Herne', 'created', null],
      ['Bochum', 'invalid', 'You do not work for bochum.'],
    ]);
    const regional = (await importJson({ opml: file }, moderator)).json<OpmlImportReport>();
    expect(regional.lines[0]).toMatchObject({
      result: 'invalid',
      message: 'Name at least one of your cities for the imported sources (only admins add regional sources).',
    });
  });

  it('runs a large import as a job whose progress can be polled', async () => {
    const count = 450;
    const outlines = Array.from({ length: count }, (_, i) => `<outline text="Feed ${i}" xmlUrl="https://bulk.example/${i}.rss"/>`).join('\n');
    const started = await importJson({ opml: `<opml><body>\n${outlines}\n</body></opml>`, cities: ['dortmund'] }, admin, '?async=1');
    expect(started.statusCode).toBe(202);
    const { jobId } = started.json<OpmlImportJob>();
    const seen: number[] = [];
    let report: OpmlImportReport;
    do {
      const progress = await t.app.inject({ method: 'GET', url: `/api/sources/import/${jobId}`, headers: admin });
      expect(progress.statusCode).toBe(200);
      report = progress.json<OpmlImportReport>();
      seen.push(report.processed);
      expect(report.lines).toHaveLength(report.processed);
      if (!report.done) await new Promise((resolve) => setTimeout(resolve, 5));
    } while (!report.done);
    expect(report).toMatchObject({ total: count, processed: count, created: count, exists: 0, invalid: 0 });
    expect(report.lines[0]).toMatchObject({ line: 2, title: 'Feed 0', result: 'created' });
    expect(seen.every((value, i) => i === 0 || value >= seen[i - 1])).toBe(true);

    const stranger = (await t.signIn('moderator', { cities: ['dortmund'] })).headers;
    expect((await t.app.inject({ method: 'GET', url: `/api/sources/import/${jobId}`, headers: stranger })).statusCode).toBe(404);
  });

  it('exports OPML that imports back into the same sources', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/sources/export.opml', headers: admin });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/x-opml/);
    expect(exported.body).toContain('xmlUrl="https://social.example/@ayse.rss"');
    expect(exported.body).toContain('category="/kind/city,/city/essen,/topic/residence,/language/de"');

    const before = (await t.app.inject({ method: 'GET', url: '/api/sources', headers: admin })).json<SourceDto[]>();
    const settingsOf = (s: SourceDto) => ({ type: s.type, url: s.url, name: s.name, kind: s.kind, cities: s.cities, topics: s.topics, languages: s.languages, autoApprove: s.autoApprove });
    const feeds = before.filter((s) => s.type !== 'facebook_page');

    // Everything exists: the round trip recognises each source.
    const again = (await importJson({ opml: exported.body })).json<OpmlImportReport>();
    expect(again).toMatchObject({ total: feeds.length, exists: feeds.length, created: 0, invalid: 0 });

    // Gone and back: the same settings.
    await t.dataSource.getRepository(SourceEntity).delete(feeds.map((s) => s.id));
    const restored = (await importJson({ opml: exported.body })).json<OpmlImportReport>();
    expect(restored).toMatchObject({ created: feeds.length, invalid: 0 });
    const after = (await t.app.inject({ method: 'GET', url: '/api/sources', headers: admin })).json<SourceDto[]>();
    expect(after.map(settingsOf)).toEqual(feeds.map(settingsOf));
  });
});
