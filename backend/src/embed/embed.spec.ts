import { createTestApp, type TestApp } from '../testing/test-app';
import { embedAttributes, renderEmbedPage } from './embed-page';

describe('iframe page GET /embed/feed', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('is a minimal public page that loads the widget with the query’s filters', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/embed/feed?city=essen&topics=work,housing&languages=tr,ar&layout=grid&limit=6&lang=ar' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html lang="ar" dir="rtl">');
    expect(response.body).toContain('<script type="module" src="/widgets/feed.js"></script>');
    expect(response.body).toContain('<script type="module" src="/widgets/embed-frame.js"></script>');
    expect(response.body).toContain('<welcome-ruhr-feed city="essen" topics="work,housing" languages="tr,ar" limit="6" layout="grid"></welcome-ruhr-feed>');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('may be framed by any site, unlike the rest of the portal, and runs only the portal’s scripts', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/embed/feed?city=essen' });
    const csp = String(response.headers['content-security-policy']);

    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("img-src 'self'");
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['referrer-policy']).toBe('no-referrer');

    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(elsewhere.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('falls back to German and leaves out values that are not valid instead of failing', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/embed/feed?city=atlantis&layout=table&limit=500&kind=partner&lang=xx' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="de" dir="ltr">');
    expect(response.body).toContain('<welcome-ruhr-feed kind="partner"></welcome-ruhr-feed>');
  });
});

describe('embedAttributes and renderEmbedPage', () => {
  it('never lets a query value out of its attribute', () => {
    const { attributes, lang } = embedAttributes({
      city: '"><script>alert(1)</script>',
      topics: 'work,"><img src=x onerror=alert(1)>',
      preset: 'javascript:alert(1)',
      theme: ['dark', 'light'],
    });
    const html = renderEmbedPage(attributes, lang);
    expect(html).not.toMatch(/<script>|<img|onerror|javascript:/);
    expect(html).toContain('<welcome-ruhr-feed topics="work" theme="dark"></welcome-ruhr-feed>');
  });

  it('passes a preset id and escapes what it writes', () => {
    expect(embedAttributes({ preset: '0b5cad00-1111-4222-8333-444455556666' }).attributes.preset).toBe('0b5cad00-1111-4222-8333-444455556666');
    expect(renderEmbedPage({ topics: 'a&b"c' }, 'de')).toContain('topics="a&amp;b&quot;c"');
  });
});
