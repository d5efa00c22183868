// <welcome-ruhr-feed> on a page of another origin, in Debian's Chromium, against the built portal on
// localhost: bytes transferred for a first view of 12 items with images (scripts, language file, feed
// JSON, images, each apart) and the time from the script tag to the first items painted (median of 10
// cold loads, each in a fresh browser context, so nothing comes from the HTTP cache).
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { seedFeed } from '../../e2e/src/support/seed-feed.mjs';

const RUNS = 10;
const ITEMS = 12;
const SECRET_KEY = 'bench-secret-key-that-is-long-enough-0123456789';
// Published budgets of other embeddable widgets, for comparison.
const NOVU_INBOX_BUDGET_KB = 50; // novu: scripts/size-limit.mjs, the embeddable inbox, gzip
const OWN_BUDGET_BYTES = 12 * 1024; // issue 4: JavaScript + one language file, gzip

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The proxy address the public feed gives for an image (backend/src/images/image-url.ts, same key
 * derivation): items are seeded with it, so images go through the proxy whatever the feed does with raw ones.
 */
function signedImagePath(url) {
  const key = createHmac('sha256', SECRET_KEY).update('welcome-ruhr/image-proxy/v1').digest();
  const signature = createHmac('sha256', key).update(url).digest().subarray(0, 16).toString('base64url');
  return `/api/public/images/${signature}/${Buffer.from(url).toString('base64url')}`;
}

async function startPortal(root, dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SECRET_KEY, FETCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('the backend exited during start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Photos of a realistic weight (640×360 JPEG), drawn and encoded by the browser itself. */
async function photos(browser) {
  const page = await browser.newPage();
  const images = await page.evaluate((count) => {
    const out = [];
    for (let n = 0; n < count; n++) {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 360;
      const ctx = canvas.getContext('2d');
      const gradient = ctx.createLinearGradient(0, 0, 640, 360);
      gradient.addColorStop(0, `hsl(${n * 30}, 60%, 45%)`);
      gradient.addColorStop(1, `hsl(${n * 30 + 90}, 50%, 70%)`);
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, 640, 360);
      let seed = n + 1;
      const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      for (let i = 0; i < 400; i++) {
        ctx.fillStyle = `hsla(${random() * 360}, 50%, ${30 + random() * 50}%, 0.35)`;
        ctx.beginPath();
        ctx.arc(random() * 640, random() * 360, 4 + random() * 40, 0, Math.PI * 2);
        ctx.fill();
      }
      out.push(canvas.toDataURL('image/jpeg', 0.8).split(',')[1]);
    }
    return out;
  }, ITEMS);
  await page.close();
  return images.map((b64) => Buffer.from(b64, 'base64'));
}

function category(url) {
  if (url.includes('/widgets/i18n/')) return 'language';
  if (url.includes('/widgets/')) return 'scripts';
  if (url.includes('/api/public/feed')) return 'json';
  if (url.includes('/api/public/images/')) return 'images';
  return 'other';
}

/** One cold first view: bytes on the wire per kind (from the DevTools protocol) and time to the painted items. */
async function firstView(browser, pageUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2200 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  const bytes = { scripts: 0, language: 0, json: 0, images: 0, other: 0 };
  const requests = { scripts: 0, language: 0, json: 0, images: 0, other: 0 };
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (!url || url.startsWith(pageUrl)) return;
    const kind = category(url);
    bytes[kind] += e.encodedDataLength;
    requests[kind]++;
  });
  await page.goto(pageUrl);
  const paintedMs = await (await page.waitForFunction(() => window.__wrPainted)).jsonValue();
  // Every image of the first view has arrived.
  await page.waitForFunction(() => {
    const images = [...document.querySelector('welcome-ruhr-feed').shadowRoot.querySelectorAll('img')];
    return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
  });
  await page.waitForTimeout(200);
  const shown = await page.evaluate(() => document.querySelector('welcome-ruhr-feed').shadowRoot.querySelectorAll('li').length);
  await context.close();
  return { paintedMs, bytes, requests, shown };
}

export async function run({ root, log }) {
  const imageHost = createHttpServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'wr-bench-widget-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let portal;
  let site;
  try {
    const images = await photos(browser);
    const originalBytes = images.reduce((sum, image) => sum + image.length, 0);
    imageHost.on('request', (request, response) => {
      const n = Number(/\/photo-(\d+)\.jpg$/.exec(request.url ?? '')?.[1]);
      if (!images[n]) return response.writeHead(404).end();
      response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': images[n].length }).end(images[n]);
    });
    await new Promise((resolve) => imageHost.listen(0, '127.0.0.1', resolve));
    const imageOrigin = `http://127.0.0.1:${imageHost.address().port}`;

    // First start creates the embedded database; then it is seeded while the server is down.
    await (await startPortal(root, dataDir)).stop();
    const hour = 3600_000;
    await seedFeed(
      { dataDir },
      {
        sources: [{ name: 'Stadt Essen – Integrationsbüro', kind: 'city', cities: ['essen'] }],
        items: Array.from({ length: 30 }, (_, i) => ({
          source: 0,
          title: `Neu in Essen: Termin ${i + 1} im Bürgeramt, Sprachkurse und Beratung für Zugewanderte`,
          summary:
            'Das Integrationsbüro lädt zu einer offenen Sprechstunde ein. Fragen zu Anmeldung, Aufenthalt, Arbeit und Wohnen werden in mehreren Sprachen beantwortet.',
          html: '<p>Das Integrationsbüro lädt zu einer offenen Sprechstunde ein.</p>',
          url: `https://www.essen.de/news/${i + 1}`,
          imageUrl: signedImagePath(`${imageOrigin}/photo-${i % ITEMS}.jpg`),
          publishedAt: new Date(Date.now() - (i + 1) * hour).toISOString(),
          language: 'de',
          cities: ['essen'],
          topics: ['work'],
        })),
      },
    );
    portal = await startPortal(root, dataDir);

    const page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadt Essen</title>
<script>addEventListener('wr-render', () => requestAnimationFrame(() => requestAnimationFrame(() => {
  window.__wrPainted ??= performance.now() - performance.getEntriesByName('wr-start')[0].startTime;
})));</script></head><body><h1>Neu in Essen</h1>
<script>performance.mark('wr-start')</script>
<script type="module" src="${portal.url}/widgets/feed.js"></script>
<welcome-ruhr-feed city="essen" layout="grid" limit="${ITEMS}"></welcome-ruhr-feed></body></html>`;
    site = createHttpServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page));
    await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
    const pageUrl = `http://127.0.0.1:${site.address().port}/`;

    // The proxy fetches each photo once; the measured runs see the portal's cache, as visitors do.
    await firstView(browser, pageUrl);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await firstView(browser, pageUrl);
      runs.push(result);
      log(`run ${i + 1}: ${result.shown} items painted after ${result.paintedMs.toFixed(0)} ms; ${kb(Object.values(result.bytes).reduce((a, b) => a + b, 0))} transferred`);
    }

    const wire = (kind) => median(runs.map((r) => r.bytes[kind]));
    const count = (kind) => median(runs.map((r) => r.requests[kind]));
    const gz = (file) => gzipSync(readFileSync(join(root, 'dist', 'widgets', file)), { level: 9 }).length;
    const scriptGzip = gz('feed.js');
    const languageGzip = gz('i18n/de.json');
    const paint = runs.map((r) => r.paintedMs);
    const total = ['scripts', 'language', 'json', 'images'].reduce((sum, kind) => sum + wire(kind), 0);

    return [
      '## Feed widget: first view and time to first items',
      '',
      `\`<welcome-ruhr-feed city="essen" layout="grid" limit="12">\` on a page of another origin, against the built portal on localhost (embedded database, 12 items with 640×360 JPEG photos through the image proxy, its cache warm). ${RUNS} cold loads in Chromium, each in a fresh browser context; median of each figure. "On the wire" is what Chromium counted (headers included), as the built backend serves it.`,
      '',
      '| what | requests | on the wire | gzip of the file |',
      '|---|---|---|---|',
      `| scripts (\`/widgets/feed.js\`) | ${count('scripts')} | ${kb(wire('scripts'))} | ${kb(scriptGzip)} |`,
      `| language file (\`/widgets/i18n/de.json\`) | ${count('language')} | ${kb(wire('language'))} | ${kb(languageGzip)} |`,
      `| feed JSON (\`/api/public/feed\`) | ${count('json')} | ${kb(wire('json'))} | (sent compressed by the API) |`,
      `| images (\`/api/public/images/…?w=480\`, resized by the proxy, WebP) | ${count('images')} | ${kb(wire('images'))} | originals: ${kb(originalBytes)} |`,
      `| **total** | ${count('scripts') + count('language') + count('json') + count('images')} | **${kb(total)}** | |`,
      '',
      '| time from the script tag to the first items painted | median | fastest | slowest |',
      '|---|---|---|---|',
      `| Chromium, localhost, cold cache | ${median(paint).toFixed(0)} ms | ${Math.min(...paint).toFixed(0)} ms | ${Math.max(...paint).toFixed(0)} ms |`,
      '',
      '| budget (JavaScript + one language file, gzip) | size | budget | share |',
      '|---|---|---|---|',
      `| Welcome Ruhr feed widget (issue 4, \`npm run widgets:size\` in CI) | ${kb(scriptGzip + languageGzip)} | ${kb(OWN_BUDGET_BYTES)} | ${Math.round(((scriptGzip + languageGzip) / OWN_BUDGET_BYTES) * 100)} % |`,
      `| novu's embeddable inbox widget (its \`scripts/size-limit.mjs\`) | – | ${NOVU_INBOX_BUDGET_KB} KB | ours is ${Math.round(((scriptGzip + languageGzip) / (NOVU_INBOX_BUDGET_KB * 1024)) * 100)} % of it |`,
      '',
      `Scripts travel uncompressed unless the server sends the precompressed copies that \`widgets/build.mjs\` writes next to each file (\`.gz\`, \`.br\`); with \`preCompressed\` on the \`/widgets/\` static route the scripts row shrinks to about the gzip column. Images dominate the first view even when resized; the originals column is what the photos would cost unresized.`,
    ].join('\n');
  } finally {
    await browser.close();
    await portal?.stop();
    site?.close();
    imageHost.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
