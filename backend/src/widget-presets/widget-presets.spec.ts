import type { WidgetPresetDto } from '@welcome-ruhr/contracts';
import { createTestApp, type TestApp } from '../testing/test-app';

describe('widget presets', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let essen: { authorization: string };
  let bochum: { authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.signIn('admin')).headers;
    essen = (await t.signIn('moderator', { cities: ['essen'] })).headers;
    bochum = (await t.signIn('moderator', { cities: ['bochum'] })).headers;
  });
  afterAll(() => t.close());

  const request = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: object = {}, payload?: object) =>
    t.app.inject({ method, url, headers: headers as Record<string, string>, payload });

  const attributes = {
    topics: ['work', 'housing'],
    languages: ['tr', 'ar'],
    kind: 'partner',
    limit: 8,
    layout: 'carousel',
    lang: 'de',
    theme: 'light',
    colors: { accent: '#0b5cad', background: '#ffffff', text: '#1b1c20', radius: 4, font: '"Fira Sans", sans-serif' },
  };

  async function create(headers: object, body: object): Promise<WidgetPresetDto> {
    const response = await request('POST', '/api/widget-presets', headers, body);
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json();
  }

  it('lets a moderator save a preset for their city, and anyone read it through the public endpoint', async () => {
    const preset = await create(essen, { city: 'essen', name: ' Startseite ', attributes });
    expect(preset).toMatchObject({ city: 'essen', name: 'Startseite', attributes });

    const open = await request('GET', `/api/public/widget-presets/${preset.id}`, { origin: 'https://www.essen.de' });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ id: preset.id, city: 'essen', attributes });
    expect(open.headers['access-control-allow-origin']).toBe('*');
    expect(open.headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers 404 for an unknown or malformed preset id', async () => {
    expect((await request('GET', '/api/public/widget-presets/0b5cad00-1111-4222-8333-444455556666')).statusCode).toBe(404);
    expect((await request('GET', '/api/public/widget-presets/not-an-id')).statusCode).toBe(404);
  });

  it('keeps moderators to their cities: not created, not listed, not edited elsewhere', async () => {
    const forbidden = await request('POST', '/api/widget-presets', bochum, { city: 'essen', name: 'Fremd', attributes: {} });
    expect(forbidden.statusCode).toBe(403);

    const own = await create(essen, { city: 'essen', name: 'Nur Essen', attributes: {} });
    const listed = (await request('GET', '/api/widget-presets', bochum)).json() as WidgetPresetDto[];
    expect(listed.map((p) => p.id)).not.toContain(own.id);
    expect((await request('GET', '/api/widget-presets?city=essen', bochum)).statusCode).toBe(403);
    expect((await request('PATCH', `/api/widget-presets/${own.id}`, bochum, { name: 'x' })).statusCode).toBe(404);
    expect((await request('DELETE', `/api/widget-presets/${own.id}`, bochum)).statusCode).toBe(404);
    expect((await request('PATCH', `/api/widget-presets/${own.id}`, essen, { city: 'bochum' })).statusCode).toBe(403);
  });

  it('lets admins see and edit the presets of every city; ambassadors and visitors none', async () => {
    const preset = await create(essen, { city: 'essen', name: 'Für den Admin', attributes: {} });
    const all = (await request('GET', '/api/widget-presets', admin)).json() as WidgetPresetDto[];
    expect(all.map((p) => p.id)).toContain(preset.id);

    const renamed = await request('PATCH', `/api/widget-presets/${preset.id}`, admin, { name: 'Umbenannt', attributes: { layout: 'grid' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Umbenannt', attributes: { layout: 'grid' } });

    const ambassador = (await t.signIn('ambassador')).headers;
    expect((await request('GET', '/api/widget-presets', ambassador)).statusCode).toBe(403);
    expect((await request('GET', '/api/widget-presets')).statusCode).toBe(401);
  });

  it('deletes a preset, after which the public endpoint no longer knows it, and audits every change', async () => {
    const preset = await create(essen, { city: 'essen', name: 'Kurzlebig', attributes: {} });
    expect((await request('DELETE', `/api/widget-presets/${preset.id}`, essen)).statusCode).toBe(204);
    expect((await request('GET', `/api/public/widget-presets/${preset.id}`)).statusCode).toBe(404);

    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'widget_preset' AND entity_id = $1 ORDER BY id`,
      [preset.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['widget_preset.create', 'widget_preset.delete']);
  });

  it('refuses a second preset of the same name in a city with 409', async () => {
    await create(essen, { city: 'essen', name: 'Doppelt', attributes: {} });
    const again = await request('POST', '/api/widget-presets', essen, { city: 'essen', name: 'Doppelt', attributes: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toEqual([{ field: 'name', problem: 'is taken in this city' }]);
  });

  it.each([
    [{ layout: 'table' }, 'attributes.layout must be one of list, grid, carousel'],
    [{ limit: 500 }, 'limit must not be greater than 50'],
    [{ languages: ['klingon'] }, 'attributes.languages must contain ISO 639-1 codes such as tr'],
    [{ colors: { accent: 'red;background:url(x)' } }, 'colors.accent must be a colour like #0b5cad or #fff'],
    [{ colors: { font: 'x;}</style><script>' } }, 'colors.font must be a font-family list'],
    [{ script: 'alert(1)' }, 'property script should not exist'],
  ])('validates attributes: %p', async (bad, problem) => {
    const response = await request('POST', '/api/widget-presets', admin, { city: 'essen', name: `bad ${JSON.stringify(bad)}`, attributes: bad });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(problem);
  });
});
