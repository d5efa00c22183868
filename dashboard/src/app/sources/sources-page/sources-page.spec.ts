import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { OpmlImportReport, SourceDto } from '@welcome-ruhr/contracts';
import { newSource, newTopic, wait } from '../../../testing/content';
import { descriptionOf, getButton, getByLabel, queryButtons, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { IMPORT_POLL_MS } from '../opml-import/opml-import';
import { SourcesPage } from './sources-page';

describe('SourcesPage', () => {
  let fixture: ComponentFixture<SourcesPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const essen = newSource({
    id: 'src-essen',
    name: 'Uni Essen',
    state: 'healthy',
    items: { total: 12, pending: 2, approved: 9, rejected: 1 },
    lastFetch: {
      at: new Date().toISOString(),
      outcome: 'ok',
      durationMs: 120,
      items: 20,
      new: 2,
      updated: 0,
      unchanged: 18,
      approved: 0,
      held: 0,
      duplicates: 0,
      warnings: [],
    },
  });
  const failing = newSource({
    id: 'src-failing',
    name: 'Stadt Herne Presse',
    state: 'failing',
    lastHttpStatus: 503,
    lastError: 'The server answered 503 Service Unavailable; the next try follows in 20 minutes.',
    consecutiveFailures: 3,
  });
  const paused = newSource({
    id: 'src-paused',
    name: 'Alter Blog',
    state: 'paused',
    pausedReason: 'Paused after 10 failed fetches in a row.',
    lastError: 'The address answered 404 Not Found.',
    lastHttpStatus: 404,
    consecutiveFailures: 10,
  });
  const inactive = newSource({ id: 'src-inactive', name: 'Ruhepause', state: 'inactive', active: false });
  const fresh = newSource({
    id: 'src-new',
    name: 'Neuer Feed',
    state: 'new',
    lastFetchedAt: null,
    lastSuccessAt: null,
    lastHttpStatus: null,
    nextFetchAt: new Date().toISOString(),
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SourcesPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        { provide: IMPORT_POLL_MS, useValue: 5 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SourcesPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http
      .expectOne('/api/topics')
      .flush([newTopic({ slug: 'work', labels: { de: 'Arbeit', en: 'Work' } }), newTopic({ slug: 'study', labels: { de: 'Studium', en: 'Study' } })]);
  });

  afterEach(() => http.verify());

  function expectList(): TestRequest {
    fixture.detectChanges();
    return http.expectOne((r) => r.method === 'GET' && r.url === '/api/sources');
  }

  function showSources(sources: SourceDto[]): void {
    expectList().flush(sources);
    fixture.detectChanges();
  }

  function row(name: string): HTMLTableRowElement {
    const found = Array.from(page.querySelectorAll<HTMLTableRowElement>('tbody tr')).find((tr) =>
      textOf(tr.querySelector('th .source-name')) === name,
    );
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  }

  function cells(tr: HTMLTableRowElement): HTMLElement[] {
    return Array.from(tr.children) as HTMLElement[];
  }

  function click(name: string, root: HTMLElement = page): void {
    getButton(root, name).click();
    fixture.detectChanges();
  }

  function liveStatus(): string {
    return textOf(page.querySelector('[role="status"].live-region'));
  }

  function liveAlert(): string {
    return textOf(page.querySelector('[role="alert"].live-region'));
  }

  it('shows each state in words with a symbol, never by colour alone', () => {
    showSources([essen, failing, paused, inactive, fresh]);

    const states = [essen, failing, paused, inactive, fresh].map((s) => textOf(row(s.name).querySelector('wr-source-state')));
    expect(states).toEqual(['✓ In Ordnung', '! Fehlerhaft', '‖ Pausiert', '– Deaktiviert', '★ Neu']);
    // the symbol is decoration; the word is what assistive technology reads
    expect(row('Uni Essen').querySelector('wr-source-state [aria-hidden="true"]')?.textContent).toBe('✓');
    expect(textOf(page.querySelector('.result-count'))).toBe('Gefundene Quellen: 5');
  });

  it("shows a Facebook page's webhook subscription, and in words why it failed", () => {
    const subscribed = newSource({ id: 'src-fb-ok', name: 'Ayşe hilft', type: 'facebook_page', url: null, externalId: '1001', webhookState: 'subscribed' });
    const refused = newSource({
      id: 'src-fb-failed',
      name: 'Uni Duisburg',
      type: 'facebook_page',
      url: null,
      externalId: '1002',
      webhookState: 'failed',
      webhookMessage: 'Facebook refused the page token (Session has expired). Give the source a new page token.',
      webhookCheckedAt: new Date().toISOString(),
    });
    showSources([essen, subscribed, refused]);

    const ok = row('Ayşe hilft').querySelector('[data-webhook-state]');
    expect(textOf(ok)).toBe('Webhooks: ✓ abonniert');
    expect(ok?.classList).not.toContain('source-problem');
    const failed = row('Uni Duisburg').querySelector('[data-webhook-state]');
    expect(failed?.getAttribute('data-webhook-state')).toBe('failed');
    expect(failed?.classList).toContain('source-problem');
    expect(textOf(failed)).toContain('Abonnieren fehlgeschlagen');
    expect(textOf(failed)).toContain('Facebook refused the page token (Session has expired).');
    // feeds have no webhook line
    expect(row('Uni Essen').querySelector('[data-webhook-state]')).toBeNull();
  });

  it('says in words what went wrong, and when a source stopped being fetched', () => {
    showSources([failing, paused, inactive]);

    const failingState = textOf(cells(row('Stadt Herne Presse'))[1]);
    expect(failingState).toContain(
      'Letzter Fehler: The server answered 503 Service Unavailable; the next try follows in 20 minutes. (HTTP-Status 503)',
    );
    expect(failingState).toContain('Fehlgeschlagene Abrufe in Folge: 3');
    expect(textOf(cells(row('Alter Blog'))[1])).toContain('Pausiert, weil: Paused after 10 failed fetches in a row.');
    expect(textOf(cells(row('Alter Blog'))[4])).toBe('Nicht geplant');
    expect(textOf(cells(row('Ruhepause'))[4])).toBe('Nicht geplant');
  });

  it('shows the last fetch relative and exact, the next fetch, and the item counts', () => {
    showSources([essen, fresh]);

    const [, , lastFetch, items, nextFetch] = cells(row('Uni Essen'));
    expect(textOf(lastFetch.querySelector('time'))).toBe('vor 5 Minuten');
    expect(lastFetch.querySelector('time')?.getAttribute('datetime')).toBe(essen.lastFetchedAt);
    expect(textOf(lastFetch.querySelector('.time-exact'))).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(textOf(lastFetch)).toContain('20 im Feed, 2 neu');
    expect(textOf(items.querySelector('.source-total'))).toBe('Gesamt: 12');
    expect(textOf(items.querySelector('.source-meta'))).toBe('Offen: 2 · Freigegeben: 9 · Abgelehnt: 1');
    expect(textOf(nextFetch.querySelector('time'))).toBe('in 25 Minuten');
    expect(textOf(cells(row('Neuer Feed'))[2])).toBe('Noch nie abgerufen');
  });

  it('fetches a source now: busy while it runs, then what the fetch brought', () => {
    showSources([essen]);
    click('Jetzt abrufen: Uni Essen');

    const fetch = http.expectOne('/api/sources/src-essen/fetch');
    expect(fetch.request.method).toBe('POST');
    const busy = getButton(page, 'Wird abgerufen: Uni Essen');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(textOf(busy)).toBe('Wird abgerufen …');
    expect(textOf(row('Uni Essen').querySelector('wr-source-state'))).toBe('↻ Wird abgerufen');
    busy.click(); // a second click while busy sends nothing
    http.expectNone('/api/sources/src-essen/fetch');

    fetch.flush({
      ...essen,
      items: { total: 15, pending: 4, approved: 10, rejected: 1 },
      lastFetch: { ...essen.lastFetch, items: 21, new: 3, updated: 1, held: 1 },
    });
    fixture.detectChanges();

    expect(liveStatus()).toBe('Uni Essen wurde abgerufen: 21 Einträge im Feed, 3 neu, 1 aktualisiert, 1 zurückgehalten.');
    expect(queryButtons(page, 'Jetzt abrufen: Uni Essen')).toHaveLength(1);
    expect(textOf(cells(row('Uni Essen'))[3])).toContain('Gesamt: 15');
  });

  it('says why a fetch failed, whether the feed or the request failed', () => {
    showSources([essen]);
    click('Jetzt abrufen: Uni Essen');
    http.expectOne('/api/sources/src-essen/fetch').flush({
      ...essen,
      state: 'failing',
      lastError: 'The feed is not valid XML (line 3).',
      lastFetch: { ...essen.lastFetch, outcome: 'failed' },
    });
    fixture.detectChanges();
    expect(liveAlert()).toBe('Abruf von Uni Essen fehlgeschlagen: The feed is not valid XML (line 3).');
    expect(textOf(row('Uni Essen').querySelector('wr-source-state'))).toBe('! Fehlerhaft');

    click('Jetzt abrufen: Uni Essen');
    http
      .expectOne('/api/sources/src-essen/fetch')
      .flush(
        { statusCode: 409, code: 'SOURCE_BUSY', message: 'This source is being fetched right now.' },
        { status: 409, statusText: 'Conflict' },
      );
    fixture.detectChanges();
    expect(liveAlert()).toBe('Abruf von Uni Essen fehlgeschlagen: This source is being fetched right now.');
  });

  it('imports OPML: a progress bar while the job runs, then a report per line', async () => {
    showSources([essen]);
    click('OPML importieren');
    const panel = page.querySelector('wr-opml-import') as HTMLElement;

    type(getByLabel(panel, 'OPML-Inhalt'), '<opml version="2.0"><body><outline xmlUrl="https://a.example/feed"/></body></opml>');
    click('Import starten', panel);
    const start = http.expectOne((r) => r.url === '/api/sources/import');
    expect(start.request.method).toBe('POST');
    expect(start.request.params.get('async')).toBe('1');
    expect(start.request.body).toEqual(expect.objectContaining({ opml: expect.stringContaining('a.example/feed'), kind: 'partner' }));
    start.flush({ jobId: 'job-7' });

    const running: OpmlImportReport = { done: false, total: 4, processed: 1, created: 1, exists: 0, invalid: 0, lines: [] };
    http.expectOne('/api/sources/import/job-7').flush(running);
    fixture.detectChanges();
    const progress = getByLabel<HTMLProgressElement>(panel, 'Fortschritt des Imports');
    expect(progress.tagName).toBe('PROGRESS');
    expect(progress.max).toBe(4);
    expect(progress.value).toBe(1);
    expect(textOf(panel.querySelector('[role="status"]'))).toBe('1 von 4 Feeds verarbeitet');

    await wait(20);
    http.expectOne('/api/sources/import/job-7').flush({
      done: true,
      total: 3,
      processed: 3,
      created: 1,
      exists: 1,
      invalid: 1,
      lines: [
        { line: 3, title: 'Uni Bochum', url: 'https://a.example/feed', result: 'created', message: null, sourceId: 's-9' },
        { line: 4, title: 'Uni Essen', url: essen.url, result: 'exists', message: 'Already a source.', sourceId: essen.id },
        { line: 5, title: 'Kaputt', url: 'notaurl', result: 'invalid', message: 'Not a web address.' },
      ],
    } satisfies OpmlImportReport);
    fixture.detectChanges();

    expect(getByLabel<HTMLProgressElement>(panel, 'Fortschritt des Imports').value).toBe(3);
    expect(textOf(panel.querySelector('[role="status"]'))).toBe(
      'Import abgeschlossen: 1 angelegt, 1 schon vorhanden, 1 ungültig.',
    );
    expect(textOf(panel.querySelector('caption'))).toBe('Ergebnis je Zeile');
    const reportRows = Array.from(panel.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map(textOf));
    expect(reportRows).toEqual([
      ['3', 'Uni Bochum', 'https://a.example/feed', '✓ Angelegt', ''],
      ['4', 'Uni Essen', essen.url, '= Schon vorhanden', 'Already a source.'],
      ['5', 'Kaputt', 'notaurl', '! Ungültig', 'Not a web address.'],
    ]);
    // a source was created: the list is read again
    showSources([essen, newSource({ name: 'Uni Bochum' })]);
    expect(page.querySelectorAll('tbody tr').length).toBeGreaterThanOrEqual(2);
  });

  it('asks for OPML before starting an import', () => {
    showSources([]);
    click('OPML importieren');
    const panel = page.querySelector('wr-opml-import') as HTMLElement;
    click('Import starten', panel);

    http.expectNone((r) => r.url === '/api/sources/import');
    const field = getByLabel(panel, 'OPML-Inhalt');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toBe('Bitte wählen Sie eine OPML-Datei oder fügen Sie ihren Inhalt ein.');
  });

  it('adds a source with cities, topics, languages and trust', () => {
    showSources([]);
    click('Quelle hinzufügen');
    const form = page.querySelector('wr-source-form') as HTMLElement;

    type(getByLabel(form, 'Name'), 'International Office');
    type(getByLabel(form, 'Adresse (URL)'), 'ftp://uni.example/feed');
    type(getByLabel(form, 'Sprachen'), 'de, xx');
    click('Quelle hinzufügen', form);
    http.expectNone((r) => r.method === 'POST');
    expect(descriptionOf(getByLabel(form, 'Adresse (URL)'))).toBe(
      'Bitte geben Sie eine Adresse ein, die mit http:// oder https:// beginnt.',
    );
    expect(descriptionOf(getByLabel(form, 'Sprachen'))).toBe('Unbekannte Sprachcodes: xx');

    type(getByLabel(form, 'Adresse (URL)'), ' https://uni.example/feed ');
    type(getByLabel(form, 'Sprachen'), 'de, TR');
    getByLabel(form, 'Essen').click();
    getByLabel(form, 'Arbeit').click();
    getByLabel(form, 'Automatisch freigeben (vertrauenswürdige Quelle)').click();
    fixture.detectChanges();
    click('Quelle hinzufügen', form);

    const create = http.expectOne('/api/sources');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      type: 'rss',
      name: 'International Office',
      url: 'https://uni.example/feed',
      kind: 'partner',
      cities: ['essen'],
      topics: ['work'],
      languages: ['de', 'tr'],
      autoApprove: true,
    });
    create.flush(newSource({ name: 'International Office' }), { status: 201, statusText: 'Created' });
    fixture.detectChanges();

    expect(page.querySelector('wr-source-form')).toBeNull();
    expect(liveStatus()).toBe('Die Quelle International Office wurde hinzugefügt.');
    expect(textOf(row('International Office').querySelector('.source-name'))).toBe('International Office');
  });

  it('asks for a page id instead of an address for a Facebook page', () => {
    showSources([]);
    click('Quelle hinzufügen');
    const form = page.querySelector('wr-source-form') as HTMLElement;
    const typeSelect = getByLabel<HTMLSelectElement>(form, 'Typ');
    typeSelect.value = 'facebook_page';
    typeSelect.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    expect(() => getByLabel(form, 'Adresse (URL)')).toThrow();
    type(getByLabel(form, 'Name'), 'Welcome Ruhr FB');
    type(getByLabel(form, 'Seiten-ID'), '1234567890');
    type(getByLabel(form, 'Zugriffsschlüssel (Page Access Token)'), 'EAAB-token');
    click('Quelle hinzufügen', form);

    const create = http.expectOne('/api/sources');
    expect(create.request.body).toEqual(
      expect.objectContaining({ type: 'facebook_page', externalId: '1234567890', accessToken: 'EAAB-token' }),
    );
    expect(create.request.body.url).toBeUndefined();
    create.flush(newSource({ type: 'facebook_page', name: 'Welcome Ruhr FB', url: null, externalId: '1234567890' }));
  });

  it('edits a source without sending its type', () => {
    showSources([essen]);
    click('Bearbeiten: Uni Essen');
    const form = page.querySelector('wr-source-form') as HTMLElement;
    expect(textOf(form.querySelector('h2'))).toBe('Quelle bearbeiten: Uni Essen');
    expect(getByLabel(form, 'Adresse (URL)').value).toBe(essen.url);
    expect(getByLabel<HTMLSelectElement>(form, 'Typ').disabled).toBe(true);

    type(getByLabel(form, 'Name'), 'Universität Duisburg-Essen');
    click('Änderungen speichern', form);
    const update = http.expectOne('/api/sources/src-essen');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body.type).toBeUndefined();
    expect(update.request.body.name).toBe('Universität Duisburg-Essen');
    update.flush({ ...essen, name: 'Universität Duisburg-Essen' });
    fixture.detectChanges();
    expect(liveStatus()).toBe('Die Änderungen an Universität Duisburg-Essen wurden gespeichert.');
  });

  it('deactivates and activates a source', () => {
    showSources([essen, inactive]);
    click('Deaktivieren: Uni Essen');
    const deactivate = http.expectOne('/api/sources/src-essen');
    expect(deactivate.request.method).toBe('PATCH');
    expect(deactivate.request.body).toEqual({ active: false });
    deactivate.flush({ ...essen, active: false, state: 'inactive' });
    fixture.detectChanges();
    expect(liveStatus()).toBe('Uni Essen wurde deaktiviert.');
    expect(textOf(row('Uni Essen').querySelector('wr-source-state'))).toBe('– Deaktiviert');

    click('Aktivieren: Ruhepause');
    expect(http.expectOne('/api/sources/src-inactive').request.body).toEqual({ active: true });
  });

  it('resumes a paused source', () => {
    showSources([paused, essen]);
    expect(queryButtons(page, 'Fortsetzen: Uni Essen')).toHaveLength(0);
    click('Fortsetzen: Alter Blog');
    const resume = http.expectOne('/api/sources/src-paused');
    expect(resume.request.method).toBe('PATCH');
    expect(resume.request.body).toEqual({ active: true });
    resume.flush({ ...paused, state: 'healthy', pausedReason: null, consecutiveFailures: 0, lastError: null });
    fixture.detectChanges();
    expect(liveStatus()).toBe('Alter Blog wird wieder abgerufen.');
    expect(queryButtons(page, 'Fortsetzen: Alter Blog')).toHaveLength(0);
  });

  it('deletes a source only after the dialog confirms it', () => {
    showSources([essen, failing]);
    click('Löschen: Uni Essen');
    const dialog = page.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(textOf(dialog.querySelector('h2'))).toBe('Quelle löschen?');
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')?.id);

    click('Abbrechen', dialog);
    expect(page.querySelector('dialog')).toBeNull();
    http.expectNone((r) => r.method === 'DELETE');

    click('Löschen: Uni Essen');
    click('Quelle löschen', page.querySelector('dialog') as HTMLElement);
    const remove = http.expectOne('/api/sources/src-essen');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();

    expect(Array.from(page.querySelectorAll('tbody th .source-name')).map(textOf)).toEqual(['Stadt Herne Presse']);
    expect(liveStatus()).toBe('Die Quelle Uni Essen wurde gelöscht.');
  });

  it('shows items per day as a bar chart with a summary and the figures as a table', () => {
    showSources([essen]);
    click('Einträge pro Tag: Uni Essen');
    const stats = http.expectOne((r) => r.url === '/api/sources/src-essen/stats');
    expect(stats.request.params.get('days')).toBe('30');
    stats.flush({
      sourceId: 'src-essen',
      days: [
        { date: '2026-03-01', total: 2, pending: 0, approved: 2, rejected: 0 },
        { date: '2026-03-02', total: 5, pending: 1, approved: 3, rejected: 1 },
        { date: '2026-03-03', total: 0, pending: 0, approved: 0, rejected: 0 },
      ],
    });
    fixture.detectChanges();

    const panel = page.querySelector('.chart-panel') as HTMLElement;
    expect(textOf(panel.querySelector('h2'))).toBe('Einträge pro Tag: Uni Essen');
    const svg = panel.querySelector('svg') as SVGElement;
    const summary = 'Einträge pro Tag in den letzten 3 Tagen: insgesamt 7, höchstens 5 an einem Tag (2. März).';
    // Said once, by the caption; the drawing itself is for the eyes (the table holds every number).
    expect(textOf(panel.querySelector('figcaption'))).toBe(summary);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const heights = Array.from(svg.querySelectorAll('rect')).map((rect) => Number(rect.getAttribute('height')));
    expect(heights).toEqual([40, 100, 0]);
    const tableRows = Array.from(panel.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map(textOf));
    expect(tableRows[1]).toEqual(['2. März', '5', '1', '3', '1']);
  });

  it('exports the sources as an OPML file through the signed-in API', () => {
    showSources([essen]);
    click('OPML exportieren');
    const download = http.expectOne('/api/sources/export.opml');
    expect(download.request.responseType).toBe('blob');
    download.flush(new Blob(['<opml/>'], { type: 'text/x-opml' }));
    fixture.detectChanges();
    expect(liveStatus()).toBe('Die OPML-Datei wurde heruntergeladen.');
  });

  it('sends the filters to the API', () => {
    showSources([essen, failing]);
    const state = getByLabel<HTMLSelectElement>(page, 'Nach Zustand filtern');
    state.value = 'failing';
    state.dispatchEvent(new Event('change'));
    const filtered = expectList();
    expect(filtered.request.params.get('state')).toBe('failing');
    expect(filtered.request.params.has('city')).toBe(false);
    filtered.flush([failing]);
    fixture.detectChanges();
    expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
