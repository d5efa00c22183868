import type { PublicServiceListDto, ServiceCategoryDto, ServiceDto, ServiceImportReport } from '@welcome-ruhr/contracts';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { createTestApp, type TestApp } from '../testing/test-app';
import { SEARCH_VECTORS, widenTsQuery } from './service-search';
import { ServiceEntity } from './service.entity';
import { newService } from './testing';

const valid = (fields: Record<string, unknown> = {}) => ({
  category: 'registration-office',
  city: 'essen',
  name: `Bürgeramt ${Math.random().toString(36).slice(2, 8)}`,
  address: 'Porscheplatz 1, 45127 Essen',
  latitude: 51.4556,
  longitude: 7.0116,
  openingHours: {
    weekly: [
      { day: 'mon', opens: '08:00', closes: '12:00' },
      { day: 'thu', opens: '08:00', closes: '12:00' },
      { day: 'thu', opens: '14:00', closes: '18:00' },
    ],
    exceptions: [{ date: '2026-12-24', closed: true, note: 'Heiligabend' }, { date: '2026-12-31', ranges: [{ opens: '08:00', closes: '11:00' }] }],
    notes: { de: 'Nur mit Termin', en: 'By appointment only' },
  },
  phone: '+49 201 88-0',
  email: 'Buergeramt@Essen.example',
  website: 'https://www.essen.example/buergeramt',
  appointmentUrl: 'https://termine.essen.example',
  languages: ['de', 'en', 'tr'],
  descriptions: { de: 'Anmeldung der Wohnung', en: 'Register your address' },
  ...fields,
});

describe('services directory', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let essen: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
    admin = (await t.signIn('admin')).headers;
    essen = (await t.signIn('moderator', { cities: ['essen'] })).headers;
  });
  afterAll(() => t.close());

  const create = (payload: object, headers = essen) => t.app.inject({ method: 'POST', url: '/api/services', headers, payload });
  const search = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/services?${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<PublicServiceListDto>();
  };

  describe('editing', () => {
    it('lets a moderator add a service of their city with structured opening hours, and records it', async () => {
      const response = await create(valid({ name: 'Bürgeramt Essen-Mitte' }));
      expect(response.statusCode).toBe(201);
      const service = response.json<ServiceDto>();
      expect(service).toMatchObject({
        name: 'Bürgeramt Essen-Mitte',
        email: 'buergeramt@essen.example',
        location: { lat: 51.4556, lon: 7.0116 },
        languages: ['de', 'en', 'tr'],
        descriptions: { de: 'Anmeldung der Wohnung', en: 'Register your address' },
        demo: false,
      });
      expect(service.openingHours!.exceptions).toHaveLength(2);
      const audit = await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ action: 'service.create', entityId: service.id });
      expect(audit.after).toMatchObject({ name: 'Bürgeramt Essen-Mitte' });
    });

    it("refuses other cities' services to moderators and every change to ambassadors", async () => {
      expect((await create(valid({ city: 'bochum' }))).statusCode).toBe(403);
      const bochum = await newService(t.dataSource, { city: 'bochum' });
      const own = await newService(t.dataSource, { city: 'essen' });
      expect((await t.app.inject({ method: 'PATCH', url: `/api/services/${bochum.id}`, headers: essen, payload: { name: 'x' } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'PATCH', url: `/api/services/${own.id}`, headers: essen, payload: { city: 'bochum' } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/services/${bochum.id}`, headers: essen })).statusCode).toBe(403);
      const ambassador = (await t.signIn('ambassador', { cities: ['essen'] })).headers;
      expect((await create(valid(), ambassador)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/services/${own.id}`, headers: ambassador })).statusCode).toBe(403);
      expect((await create(valid())).statusCode).toBe(201);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/services/${own.id}`, headers: essen })).statusCode).toBe(204);
      expect(await t.dataSource.getRepository(ServiceEntity).exists({ where: { id: own.id } })).toBe(false);
      expect((await t.app.inject({ method: 'PATCH', url: `/api/services/${bochum.id}`, headers: admin, payload: { name: 'Admin edit' } })).statusCode).toBe(200);
    });

    it.each([
      [{ category: 'Registration Office' }, 'category', 'category must be a category slug such as registration-office'],
      [{ category: 'embassy' }, 'category', 'category must be one of the categories of GET /api/public/service-categories; "embassy" is not'],
      [{ city: 'koeln' }, 'city', 'city must be an RVR city slug such as essen'],
      [{ name: '' }, 'name', 'name must be 1 to 200 characters long'],
      [{ name: 'x'.repeat(201) }, 'name', 'name must be 1 to 200 characters long'],
      [{ address: 'a'.repeat(301) }, 'address', 'address must be 1 to 300 characters long'],
      [{ latitude: 91 }, 'latitude', 'latitude must be a number from -90 to 90'],
      [{ latitude: '51.4' }, 'latitude', 'latitude must be a number from -90 to 90'],
      [{ longitude: -181 }, 'longitude', 'longitude must be a number from -180 to 180'],
      [{ longitude: null }, 'longitude', 'longitude must be given together with latitude'],
      [{ openingHours: { weekly: [{ day: 'monday', opens: '08:00', closes: '12:00' }] } }, 'openingHours', 'openingHours.weekly[0].day must be one of mon, tue, wed, thu, fri, sat, sun'],
      [{ openingHours: { weekly: [{ day: 'mon', opens: '12:00', closes: '08:00' }] } }, 'openingHours', 'openingHours.weekly[0].closes must be later than opens'],
      [{ openingHours: { weekly: [{ day: 'mon', opens: '8:00', closes: '12:00' }] } }, 'openingHours', 'openingHours.weekly[0].opens must be a time such as 08:00'],
      [{ openingHours: { weekly: [{ day: 'tue', opens: '08:00', closes: '12:00' }, { day: 'tue', opens: '11:00', closes: '13:00' }] } }, 'openingHours', 'openingHours.weekly has overlapping ranges on tue'],
      [{ openingHours: { weekly: [], exceptions: [{ date: '2026-02-30', closed: true }] } }, 'openingHours', 'openingHours.exceptions[0].date must be a date such as 2026-12-24'],
      [{ openingHours: { weekly: [], exceptions: [{ date: '2026-12-24', closed: true, ranges: [{ opens: '08:00', closes: '09:00' }] }] } }, 'openingHours', 'openingHours.exceptions[0] must be either closed or have ranges, not both'],
      [{ openingHours: { weekly: [], exceptions: [{ date: '2026-12-24' }] } }, 'openingHours', 'openingHours.exceptions[0] must be closed: true or have ranges'],
      [{ openingHours: { weekly: [], holidays: [] } }, 'openingHours', 'openingHours.holidays is not a field of opening hours'],
      [{ openingHours: 'Mo-Fr 8-12' }, 'openingHours', 'openingHours must be an object with weekly ranges'],
      [{ phone: 'call us' }, 'phone', 'phone must be a phone number: digits, spaces and + ( ) / - .'],
      [{ email: 'office-at-essen' }, 'email', 'email must be an e-mail address'],
      [{ website: 'ftp://essen.example' }, 'website', 'website must be an http or https address'],
      [{ appointmentUrl: 'javascript:alert(1)' }, 'appointmentUrl', 'appointmentUrl must be an http or https address'],
      [{ languages: ['de', 'german'] }, 'languages', 'languages must contain only ISO 639-1 codes such as de, en or uk'],
      [{ languages: 'de' }, 'languages', 'languages must be a list of at most 40 ISO 639-1 codes'],
      [{ descriptions: { deutsch: 'x' } }, 'descriptions', 'descriptions.deutsch is not an ISO 639-1 language code'],
      [{ descriptions: { de: 5 } }, 'descriptions', 'descriptions.de must be a text of at most 4000 characters'],
      [{ descriptions: ['x'] }, 'descriptions', 'descriptions must be an object of plain texts per ISO 639-1 language, e.g. {"de": "…", "en": "…"}'],
      [{ descriptions: { de: 'a\u0000b' } }, 'descriptions', 'descriptions.de must not contain control characters'],
      [{ rating: 5 }, 'rating', 'property rating should not exist'],
    ])('refuses %j with a 400 naming %s', async (change, field, problem) => {
      const before = await t.dataSource.getRepository(ServiceEntity).count();
      const response = await create(valid(change));
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toContainEqual({ field, problem });
      expect(await t.dataSource.getRepository(ServiceEntity).count()).toBe(before);
    });

    it('refuses a second service of the same name, category and city with a 409 naming name', async () => {
      expect((await create(valid({ name: 'Doppelt' }))).statusCode).toBe(201);
      const again = await create(valid({ name: 'Doppelt' }));
      expect(again.statusCode).toBe(409);
      expect(again.json().fields).toEqual([{ field: 'name', problem: 'name is taken by another service of this category in this city' }]);
      expect((await create(valid({ name: 'Doppelt', category: 'counselling' }))).statusCode).toBe(201);
    });

    it('edits single fields; null clears an optional one but not a required one', async () => {
      const service = (await create(valid())).json<ServiceDto>();
      const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/services/${service.id}`, headers: essen, payload });
      const cleared = await patch({ address: null, latitude: null, longitude: null, descriptions: { uk: 'Реєстрація' } });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json<ServiceDto>()).toMatchObject({ address: null, location: null, descriptions: { uk: 'Реєстрація' }, phone: '+49 201 88-0' });
      const noName = await patch({ name: null });
      expect(noName.json().fields).toEqual([{ field: 'name', problem: 'name cannot be removed' }]);
      const halfLocation = await patch({ latitude: 51.5 });
      expect(halfLocation.json().fields).toEqual([{ field: 'longitude', problem: 'longitude must be given together with latitude' }]);
      expect((await t.app.inject({ method: 'PATCH', url: '/api/services/6f1c3c43-0000-4000-8000-000000000000', headers: essen, payload: { name: 'x' } })).statusCode).toBe(404);
    });
  });

  describe('categories', () => {
    it('starts with the nine categories, labelled in de, en, tr, ar and uk', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/public/service-categories' });
      const categories = response.json<ServiceCategoryDto[]>();
      expect(categories.map((c) => c.slug)).toEqual([
        'registration-office', 'foreigners-office', 'welcome-centre', 'recognition', 'language-courses',
        'relocation', 'migrant-association', 'counselling', 'university-international-office',
      ]);
      for (const category of categories) expect(Object.keys(category.labels).sort()).toEqual(['ar', 'de', 'en', 'tr', 'uk']);
      expect(categories[1]!.labels['de']).toBe('Ausländerbehörde');
    });

    it('lets admins add, relabel and remove unused categories', async () => {
      const put = (slug: string, payload: object, headers = admin) => t.app.inject({ method: 'PUT', url: `/api/service-categories/${slug}`, headers, payload });
      expect((await put('job-centre', { labels: { de: 'Jobcenter', en: 'Job centre' } }, essen)).statusCode).toBe(403);
      const added = await put('job-centre', { labels: { de: 'Jobcenter', en: 'Job centre', uk: 'Джобцентр' } });
      expect(added.statusCode).toBe(200);
      expect(added.json<ServiceCategoryDto>()).toMatchObject({ slug: 'job-centre', position: 100 });
      expect((await put('job-centre', { labels: { de: 'Jobcenter', en: 'Jobcentre' }, position: 5 })).json()).toMatchObject({ labels: { de: 'Jobcenter', en: 'Jobcentre' }, position: 5 });
      const noEnglish = await put('job-centre', { labels: { de: 'Jobcenter' } });
      expect(noEnglish.json().fields).toEqual([{ field: 'labels', problem: 'labels.en is required' }]);
      const badSlug = await put('Job Centre', { labels: { de: 'a', en: 'b' } });
      expect(badSlug.json().fields).toEqual([{ field: 'slug', problem: 'slug must be 1 to 40 lower-case letters, digits and hyphens' }]);

      const inUse = await newService(t.dataSource, { category: 'job-centre' });
      expect((await t.app.inject({ method: 'DELETE', url: '/api/service-categories/job-centre', headers: admin })).statusCode).toBe(409);
      await t.dataSource.getRepository(ServiceEntity).delete({ id: inUse.id });
      expect((await t.app.inject({ method: 'DELETE', url: '/api/service-categories/job-centre', headers: admin })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/service-categories/job-centre', headers: admin })).statusCode).toBe(404);
    });
  });

  describe('public search', () => {
    beforeAll(async () => {
      const fixtures: Array<Partial<ServiceEntity>> = [
        { name: 'Bürgerbüro Hattingen', category: 'registration-office', languages: ['de', 'en'], descriptions: { de: 'Hier können Sie Ihre Wohnung anmelden und ummelden.', en: 'Register your new address here.' } },
        { name: 'Ausländerbehörde Hattingen', category: 'foreigners-office', languages: ['de', 'uk', 'ru'], descriptions: { de: 'Aufenthaltstitel und Blaue Karte', en: 'Residence permits and the EU Blue Card', uk: 'Дозвіл на проживання' } },
        { name: 'Sprachschule Hattingen', category: 'language-courses', languages: ['de', 'ar'], descriptions: { de: 'Deutschkurse am Abend', en: 'German courses in the evening' } },
        { name: 'Beratungsstelle Hattingen', category: 'counselling', languages: ['tr'], descriptions: { tr: 'Göç danışmanlığı' } },
      ];
      for (const fields of fixtures) await newService(t.dataSource, { city: 'hattingen', ...fields });
    });

    it('finds by German and English words with stemming and derivations', async () => {
      const names = async (q: string) => (await search(`city=hattingen&q=${encodeURIComponent(q)}`)).items.map((i) => i.name);
      expect(await names('Anmeldung')).toEqual(['Bürgerbüro Hattingen']);
      expect(await names('registration')).toEqual(['Bürgerbüro Hattingen']);
      expect(await names('Aufenthalt')).toEqual(['Ausländerbehörde Hattingen']);
      expect(await names('residence permit')).toEqual(['Ausländerbehörde Hattingen']);
      expect(await names('auslanderbehorde')).toEqual(['Ausländerbehörde Hattingen']);
      expect(await names('Deutschkurs')).toEqual(['Sprachschule Hattingen']);
      expect(await names('course')).toEqual(['Sprachschule Hattingen']);
      expect(await names('проживання')).toEqual(['Ausländerbehörde Hattingen']);
      expect(await names('danışmanlığı')).toEqual(['Beratungsstelle Hattingen']);
      expect(await names('Fahrradwerkstatt')).toEqual([]);
      expect((await search('city=hattingen&q=%20')).items).toHaveLength(4);
    });

    it('ranks the better match first', async () => {
      await newService(t.dataSource, { city: 'sprockhoevel', name: 'Sprachcafé', category: 'counselling', descriptions: { de: 'Treffpunkt, manchmal auch Infos zur Anmeldung' } });
      await newService(t.dataSource, { city: 'sprockhoevel', name: 'Anmeldung Sprockhövel', category: 'registration-office', descriptions: { de: 'Anmeldung, Ummeldung, Abmeldung: hier melden Sie sich an' } });
      expect((await search('city=sprockhoevel&q=Anmeldung')).items.map((i) => i.name)).toEqual(['Anmeldung Sprockhövel', 'Sprachcafé']);
    });

    it('filters by city, category and languages spoken, and answers in the language asked for', async () => {
      expect((await search('city=hattingen&category=foreigners-office')).items.map((i) => i.name)).toEqual(['Ausländerbehörde Hattingen']);
      expect((await search('city=hattingen&languages=uk,ar')).items.map((i) => i.name)).toEqual(['Ausländerbehörde Hattingen', 'Sprachschule Hattingen']);
      expect((await search('city=hattingen&languages=zh')).items).toEqual([]);
      const [inUkrainian] = (await search('city=hattingen&category=foreigners-office&lang=uk')).items;
      expect(inUkrainian).toMatchObject({ description: 'Дозвіл на проживання', descriptionLanguage: 'uk', category: { slug: 'foreigners-office', label: 'Відомство у справах іноземців' } });
      const [fallback] = (await search('city=hattingen&category=language-courses&lang=fr')).items;
      expect(fallback).toMatchObject({ descriptionLanguage: 'de', category: { label: 'Sprachkurse' } });
      const [onlyTurkish] = (await search('city=hattingen&category=counselling&lang=en')).items;
      expect(onlyTurkish).toMatchObject({ description: 'Göç danışmanlığı', descriptionLanguage: 'tr', category: { label: 'Counselling' } });
    });

    it('answers any origin, is cacheable, and refuses bad filters naming them', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/public/services?city=hattingen', headers: { origin: 'https://www.hattingen.de' } });
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['cache-control']).toBe('public, max-age=60');
      for (const [query, field] of [['city=paris', 'city'], ['category=Bad Slug', 'category'], ['languages=de,xx', 'languages'], ['lang=deutsch', 'lang'], ['limit=0', 'limit'], ['limit=101', 'limit'], ['cursor=nope', 'cursor'], [`q=${'x'.repeat(201)}`, 'q']]) {
        const bad = await t.app.inject({ method: 'GET', url: `/api/public/services?${query}` });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().fields[0].field).toBe(field);
      }
    });

    it('pages through results without gaps or repeats', async () => {
      for (let i = 0; i < 23; i++) await newService(t.dataSource, { city: 'wetter-ruhr', name: `Stelle ${String(i).padStart(2, '0')}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: PublicServiceListDto = await search(`city=wetter-ruhr&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.name));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `Stelle ${String(i).padStart(2, '0')}`));
    });

    it('has the german and english text search configurations and uses the expression indexes', async () => {
      const configs: Array<{ cfgname: string }> = await t.dataSource.query(`SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('german', 'english', 'simple') ORDER BY cfgname`);
      expect(configs.map((c) => c.cfgname)).toEqual(['english', 'german', 'simple']);
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        // With a handful of rows the planner prefers a scan; forbidding it shows whether the index fits the query.
        await runner.query('SET LOCAL enable_seqscan = off');
        for (const [config, index] of [['german', 'services_search_de_idx'], ['english', 'services_search_en_idx'], ['simple', 'services_search_simple_idx']] as const) {
          const plan: Array<{ 'QUERY PLAN': string }> = await runner.query(`EXPLAIN SELECT s.id FROM services s WHERE ${SEARCH_VECTORS[config]} @@ $1::tsquery`, ["'anmeld':*"]);
          expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(index);
        }
        await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
    });

    it('widens stems into prefixes, long ones one letter shorter', () => {
      expect(widenTsQuery(`'registr' & 'offic'`)).toBe(`'regist':* & 'offic':*`);
      expect(widenTsQuery(`'amt' | 'anmeld'`)).toBe(`'amt' | 'anmeld':*`);
      expect(widenTsQuery(`'o''connell' <-> !'straß'`)).toBe(`'o''connel':* <-> !'straß':*`);
    });
  });

  it('loads and removes the clearly marked demo data set (admins only)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/services/demo', headers: essen })).statusCode).toBe(403);
    const loaded = await t.app.inject({ method: 'POST', url: '/api/services/demo', headers: admin });
    expect(loaded.statusCode).toBe(200);
    const report = loaded.json<ServiceImportReport>();
    expect(report).toMatchObject({ done: true, created: 15, updated: 0, invalid: 0, problems: [], encoding: 'utf-8', delimiter: ';' });
    const demo = await t.dataSource.getRepository(ServiceEntity).find({ where: { demo: true } });
    expect(demo).toHaveLength(15);
    for (const service of demo) {
      expect(service.name).toMatch(/^Beispiel: .+ \(Demo\)$/);
      expect(service.descriptions['de']).toMatch(/^DEMO-EINTRAG/);
      expect(service.website).toMatch(/^https:\/\/example\.org\//);
    }
    const [essenOffice] = (await search('city=essen&category=registration-office&q=Anmeldung')).items.filter((i) => i.demo);
    expect(essenOffice).toMatchObject({ name: 'Beispiel: Bürgerbüro Essen (Demo)', demo: true, location: { lat: 51.4556, lon: 7.0116 } });
    expect(essenOffice!.openingHours!.exceptions).toEqual([{ date: '2026-12-24', closed: true }]);
    expect((await t.app.inject({ method: 'POST', url: '/api/services/demo', headers: admin })).json<ServiceImportReport>()).toMatchObject({ created: 0, updated: 15 });
    const removed = await t.app.inject({ method: 'DELETE', url: '/api/services/demo', headers: admin });
    expect(removed.json()).toEqual({ deleted: 15 });
    expect(await t.dataSource.getRepository(ServiceEntity).count({ where: { demo: true } })).toBe(0);
  });
});
