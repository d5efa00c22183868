import type { ServiceImportJob, ServiceImportReport } from '@welcome-ruhr/contracts';
import { encode } from 'iconv-lite';
import { createTestApp, type TestApp } from '../testing/test-app';
import { ServiceEntity } from './service.entity';

const HEADER = 'category;city;name;address;latitude;longitude;opening_hours;phone;email;website;appointment_url;languages;description_de;description_en';

describe('services directory: CSV import', () => {
  let t: TestApp;
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  const upload = (body: Buffer | string, headers: object = admin, query = '', contentType = 'text/csv') =>
    t.app.inject({ method: 'POST', url: `/api/services/import${query}`, headers: { ...headers, 'content-type': contentType }, payload: body });
  const stored = (city: string) => t.dataSource.getRepository(ServiceEntity).find({ where: { city }, order: { name: 'ASC' } });

  it('stores the good lines and reports each bad one with its line, column and problem', async () => {
    const csv = [
      `${HEADER};fax`,
      'registration-office;herten;Bürgerbüro Herten;Kurt-Schumacher-Str. 2, 45699 Herten;51,5955;7,1393;"Mo-Fr 08:00-12:00; Do 14:00-18:00";+49 2366 303-0;buergerbuero@herten.example;https://herten.example;https://herten.example/termin;de,en;Anmeldung der Wohnung;Register your address;',
      'embassy;herten;Konsulat;;;;;;;;;;;;',
      'counselling;herten;Beratung Herten;;91;7,1;;;not-an-email;;;de;;;',
      'counselling;herten;Beratung Süd;;;;"Mo-Fx 08:00-12:00";;;;;;;;',
      'registration-office;herten;Bürgerbüro Herten;;;;;;;;;;;;',
      'language-courses;herten;Sprachschule Herten;;;;;;;;;de,uk;"Deutschkurse',
      'am Abend";Evening German courses;',
      'counselling;herten;Zu viele Werte;;;;;;;;;;;;;extra;more',
      'relocation;herten;"Relocation; Herten";;;;"2026-12-24 closed; sa 10:00-12:00";;;;;de en,tr|ar;;;',
      '',
      'counselling;koeln;Beratung Köln;;;;;;;;;;;;',
    ].join('\r\n');
    const response = await upload(csv);
    expect(response.statusCode).toBe(200);
    const report = response.json<ServiceImportReport>();
    expect(report).toMatchObject({ done: true, encoding: 'utf-8', delimiter: ';', total: 9, processed: 9, created: 3, updated: 0, invalid: 6 });
    expect(report.problems).toEqual([
      { line: 1, field: 'fax', problem: 'column "fax" is not known and was ignored' },
      { line: 3, field: 'category', problem: expect.stringMatching(/^category "embassy" is not one of the directory's categories \(counselling, foreigners-office/) },
      { line: 4, field: 'latitude', problem: 'latitude must be a number from -90 to 90' },
      { line: 4, field: 'email', problem: 'email must be an e-mail address' },
      { line: 5, field: 'opening_hours', problem: 'opening_hours: "Mo-Fx" is not a day or range of days; write e.g. Mo-Fr 08:00-12:00 or mon-fri 08:00-12:00' },
      { line: 6, field: 'name', problem: 'name: the same service (city, category and name) is on line 2 already' },
      { line: 9, field: null, problem: 'The line has 17 values, more than the header has columns; check the separators and quotes.' },
      { line: 12, field: 'city', problem: 'city must be an RVR city slug such as essen' },
    ]);
    const services = await stored('herten');
    expect(services.map((s) => s.name)).toEqual(['Bürgerbüro Herten', 'Relocation; Herten', 'Sprachschule Herten']);
    expect(services[0]).toMatchObject({ latitude: 51.5955, longitude: 7.1393, phone: '+49 2366 303-0', languages: ['de', 'en'], descriptions: { de: 'Anmeldung der Wohnung', en: 'Register your address' } });
    expect(services[0]!.openingHours!.weekly).toEqual([
      { day: 'mon', opens: '08:00', closes: '12:00' }, { day: 'tue', opens: '08:00', closes: '12:00' }, { day: 'wed', opens: '08:00', closes: '12:00' },
      { day: 'thu', opens: '08:00', closes: '12:00' }, { day: 'fri', opens: '08:00', closes: '12:00' }, { day: 'thu', opens: '14:00', closes: '18:00' },
    ]);
    expect(services[1]).toMatchObject({ languages: ['de', 'en', 'tr', 'ar'], openingHours: { weekly: [{ day: 'sat', opens: '10:00', closes: '12:00' }], exceptions: [{ date: '2026-12-24', closed: true }] } });
    expect(services[2]!.descriptions).toEqual({ de: 'Deutschkurse\nam Abend', en: 'Evening German courses' });

    const again = (await upload(csv)).json<ServiceImportReport>();
    expect(again).toMatchObject({ created: 0, updated: 3, invalid: 6 });
    expect(await stored('herten')).toHaveLength(3);
  });

  it('imports only the lines of their own cities for a moderator', async () => {
    const moderator = (await t.signIn('moderator', { cities: ['marl'] })).headers;
    const csv = ['category,city,name', 'counselling,marl,Beratung Marl', 'counselling,dorsten,Beratung Dorsten'].join('\n');
    const report = (await upload(csv, moderator)).json<ServiceImportReport>();
    expect(report).toMatchObject({ delimiter: ',', created: 1, invalid: 1, problems: [{ line: 3, field: 'city', problem: 'city dorsten is not one of your cities' }] });
    const ambassador = (await t.signIn('ambassador', { cities: ['marl'] })).headers;
    expect((await upload(csv, ambassador)).statusCode).toBe(403);
  });

  describe('encodings', () => {
    const germanCsv = 'category;city;name;description_de\nforeigners-office;haltern-am-see;Ausländerbehörde Haltern;Aufenthaltstitel für Familien – schnell & einfach\n';

    it.each([
      ['Windows-1252 (Excel on German Windows)', encode(germanCsv, 'win1252'), 'windows-1252'],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(germanCsv, 'utf8')]), 'utf-8-bom'],
      ['UTF-16 little endian with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), encode(germanCsv, 'utf-16le')]), 'utf-16le'],
      ['UTF-8 without BOM', Buffer.from(germanCsv, 'utf8'), 'utf-8'],
    ])('reads %s without mangling umlauts', async (_case, bytes, encoding) => {
      await t.dataSource.getRepository(ServiceEntity).delete({ city: 'haltern-am-see' });
      const report = (await upload(bytes)).json<ServiceImportReport>();
      expect(report).toMatchObject({ encoding, created: 1, invalid: 0, problems: [] });
      const [service] = await stored('haltern-am-see');
      expect(service!.name).toBe('Ausländerbehörde Haltern');
      expect(service!.descriptions).toEqual({ de: 'Aufenthaltstitel für Familien – schnell & einfach' });
    });

    it('reads tab-separated files too', async () => {
      const report = (await upload('category\tcity\tname\ncounselling\tdatteln\tBeratung Datteln\n')).json<ServiceImportReport>();
      expect(report).toMatchObject({ delimiter: '\t', created: 1 });
    });

    it.each([
      ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'file is not a text file; save the table as "CSV UTF-8" and upload that'],
      ['a file without the required columns', Buffer.from('Name;Ort\nBürgerbüro;Essen\n'), 'file must name the columns category, city, name in its first line; missing: category, city'],
      ['an empty file', Buffer.from('\n\n'), 'file is empty; the first line must name the columns, e.g. category;city;name'],
    ])('refuses %s with a 400 naming file', async (_case, bytes, problem) => {
      const response = await upload(bytes);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([{ field: 'file', problem }]);
    });

    it('refuses a body that is not a CSV file', async () => {
      const response = await upload(JSON.stringify({ csv: 'category;city;name' }), admin, '', 'application/json');
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([{ field: 'file', problem: 'file must be sent as the request body with Content-Type text/csv' }]);
    });
  });

  describe('10,000 lines', () => {
    const bigCsv = (city: string, badLines: number[] = []) => {
      const lines = [HEADER];
      for (let i = 0; i < 10_000; i++) {
        const line = i + 2;
        const email = badLines.includes(line) ? 'broken@' : `stelle-${i}@example.org`;
        lines.push(`counselling;${city};Beratungsstelle ${String(i).padStart(5, '0')};Musterweg ${i}, 45657 Recklinghausen;51,61;7,19;Mo-Fr 09:00-12:00;;${email};https://example.org/${i};;de,en;Beratung Nummer ${i};Counselling number ${i}`);
      }
      return Buffer.from(lines.join('\n') + '\n', 'utf8');
    };

    it('stores all of them and reports the bad ones by line', async () => {
      const report = (await upload(bigCsv('recklinghausen', [2, 5001, 10001]))).json<ServiceImportReport>();
      expect(report).toMatchObject({ done: true, total: 10_000, processed: 10_000, created: 9_997, updated: 0, invalid: 3 });
      expect(report.problems.map((p) => [p.line, p.field])).toEqual([[2, 'email'], [5001, 'email'], [10001, 'email']]);
      expect(await t.dataSource.getRepository(ServiceEntity).count({ where: { city: 'recklinghausen' } })).toBe(9_997);
      const last = await t.dataSource.getRepository(ServiceEntity).findOneByOrFail({ city: 'recklinghausen', name: 'Beratungsstelle 09998' });
      expect(last).toMatchObject({ email: 'stelle-9998@example.org', descriptions: { de: 'Beratung Nummer 9998', en: 'Counselling number 9998' } });
    }, 120_000);

    it('runs as a job with progress when asked, for its owner', async () => {
      const started = await upload(bigCsv('waltrop'), admin, '?async=1');
      expect(started.statusCode).toBe(202);
      const { jobId } = started.json<ServiceImportJob>();
      const poll = () => t.app.inject({ method: 'GET', url: `/api/services/import/${jobId}`, headers: admin });
      const other = (await t.signIn('admin')).headers;
      expect((await t.app.inject({ method: 'GET', url: `/api/services/import/${jobId}`, headers: (await t.signIn('moderator', { cities: ['waltrop'] })).headers })).statusCode).toBe(404);
      const seen: ServiceImportReport[] = [];
      for (;;) {
        const report = (await poll()).json<ServiceImportReport>();
        seen.push(report);
        if (report.done) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(seen[0]!.done).toBe(false);
      expect(seen[0]!.total).toBe(10_000);
      const processed = seen.map((r) => r.processed);
      expect(processed).toEqual([...processed].sort((a, b) => a - b));
      expect(seen.at(-1)).toMatchObject({ done: true, processed: 10_000, created: 10_000, invalid: 0 });
      expect(await t.dataSource.getRepository(ServiceEntity).count({ where: { city: 'waltrop' } })).toBe(10_000);
      // Another admin may look too.
      expect((await t.app.inject({ method: 'GET', url: `/api/services/import/${jobId}`, headers: other })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/services/import/6f1c3c43-0000-4000-8000-000000000000', headers: admin })).statusCode).toBe(404);
    }, 120_000);
  });
});
