import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ItemDto, ModerationItemsResponse } from '@welcome-ruhr/contracts';
import { newItem, newSource, newTopic, wait } from '../../../testing/content';
import { choose, descriptionOf, getButton, getByLabel, queryButtons, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { ModerationPage, QUEUE_SEARCH_DELAY_MS } from './moderation-page';

describe('ModerationPage', () => {
  let fixture: ComponentFixture<ModerationPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const jobFair = newItem({
    id: 'i-1',
    title: 'Jobmesse an der Uni',
    html: '<p>Kommen Sie <strong>vorbei</strong>!</p>',
    language: 'de',
    cities: ['essen', 'bochum'],
    topics: ['work'],
  });
  const held = newItem({
    id: 'i-2',
    title: 'Wohnung gesucht',
    heldReasons: ['blocked phrase: "Kaution bar"'],
    duplicateOfId: 'i-0',
    language: 'tr',
    cities: [],
    topics: [],
  });
  const course = newItem({ id: 'i-3', title: 'Deutschkurs ab Mai', url: 'https://vhs.example/kurs' });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ModerationPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de'), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ModerationPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/topics').flush([newTopic({ slug: 'work', labels: { de: 'Arbeit', en: 'Work' } })]);
    http.expectOne('/api/sources').flush([newSource({ id: 'src-1', name: 'Uni Essen' })]);
  });

  afterEach(() => http.verify());

  function expectItems(): TestRequest {
    fixture.detectChanges();
    return http.expectOne((r) => r.method === 'GET' && r.url === '/api/moderation/items');
  }

  function showItems(items: ItemDto[], extra: Partial<ModerationItemsResponse> = {}): void {
    expectItems().flush({
      items,
      nextCursor: null,
      counts: { pending: items.length, approved: 10, rejected: 2 },
      ...extra,
    } satisfies ModerationItemsResponse);
    fixture.detectChanges();
  }

  function article(item: ItemDto): HTMLElement {
    const found = page.querySelector<HTMLElement>(`article[data-item-id="${item.id}"]`);
    if (!found) throw new Error(`no article for ${item.id}`);
    return found;
  }

  function tags(item: ItemDto): string[] {
    return Array.from(article(item).querySelectorAll('.item__tags > div')).map(
      (pair) => `${textOf(pair.querySelector('dt'))}: ${textOf(pair.querySelector('dd'))}`,
    );
  }

  function titles(): string[] {
    return Array.from(page.querySelectorAll('article h3')).map(textOf);
  }

  function press(key: string, target: EventTarget = document.activeElement ?? document.body): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    fixture.detectChanges();
    return event;
  }

  function click(name: string, root: HTMLElement = page): void {
    getButton(root, name).click();
    fixture.detectChanges();
  }

  function liveStatus(): string {
    return textOf(page.querySelector('[role="status"].live-region'));
  }

  it('asks for the pending items first, a page at a time', () => {
    const request = expectItems();
    expect(request.request.params.get('status')).toBe('pending');
    expect(request.request.params.get('limit')).toBe('25');
    expect(request.request.params.has('cursor')).toBe(false);
    expect(request.request.params.has('held')).toBe(false);
    request.flush({ items: [], nextCursor: null, counts: { pending: 0, approved: 0, rejected: 0 } });
  });

  it('shows each item with its preview, source, language, tags, why it was held and whether it is a duplicate', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const hostile = { ...jobFair, html: `${jobFair.html}<script>alert(1)</script><img src="x.png" onerror="alert(2)">` };
    showItems([hostile, held]);

    expect(titles()).toEqual(['Jobmesse an der Uni', 'Wohnung gesucht']);
    const first = article(jobFair);
    expect(first.querySelector('h3 a')?.getAttribute('href')).toBe(jobFair.url);
    expect(first.querySelector('h3 a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(textOf(first.querySelector('.item__meta'))).toContain('Uni Essen');
    expect(tags(jobFair)).toEqual(['Städte: Essen, Bochum', 'Themen: Arbeit', 'Sprache: Deutsch']);

    const preview = first.querySelector('.item__preview') as HTMLElement;
    expect(preview.querySelector('strong')?.textContent).toBe('vorbei');
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    // Angular's own sanitizer ran over the HTML that was already sanitized at ingest
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML stripped some content'));
    warn.mockRestore();

    const second = article(held);
    expect(textOf(second.querySelector('.item__meta'))).toContain('Zurückgehalten');
    expect(textOf(second.querySelector('.item__held p'))).toBe('Zurückgehalten, weil:');
    expect(Array.from(second.querySelectorAll('.item__held li')).map(textOf)).toEqual(['blocked phrase: "Kaution bar"']);
    expect(textOf(second.querySelector('.item__meta'))).toContain('Duplikat');
    expect(textOf(second)).toContain('Derselbe Link kam schon aus einer anderen Quelle.');
    expect(tags(held)).toEqual(['Städte: keine', 'Themen: keine', 'Sprache: Türkisch']);
  });

  it('shows the statuses as tabs with their counts and switches between them', () => {
    showItems([jobFair]);
    const tabs = Array.from(page.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    expect(tabs.map(textOf)).toEqual(['Offen 1', 'Freigegeben 10', 'Abgelehnt 2']);
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);

    tabs[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    const approved = expectItems();
    expect(approved.request.params.get('status')).toBe('approved');
    approved.flush({ items: [], nextCursor: null, counts: { pending: 1, approved: 0, rejected: 2 } });
    fixture.detectChanges();
    expect(page.querySelector('[role="tab"][aria-selected="true"]')?.id).toBe('queue-tab-approved');
    expect(page.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe('queue-tab-approved');
  });

  it('approves the selected items in one request and says how many', () => {
    showItems([jobFair, held, course]);
    getByLabel(page, 'Auswählen: Jobmesse an der Uni').click();
    getByLabel(page, 'Auswählen: Deutschkurs ab Mai').click();
    fixture.detectChanges();
    expect(textOf(page.querySelector('.bulk-bar__count'))).toBe('Ausgewählt: 2');

    click('Auswahl freigeben');
    const bulk = http.expectOne('/api/moderation/items/bulk');
    expect(bulk.request.method).toBe('POST');
    expect(bulk.request.body).toEqual({ ids: ['i-1', 'i-3'], action: 'approve' });
    bulk.flush({ updated: 2, skipped: [] });
    fixture.detectChanges();

    expect(liveStatus()).toBe('2 Einträge freigegeben.');
    showItems([held]); // the queue is read again
    expect(titles()).toEqual(['Wohnung gesucht']);
    expect(textOf(page.querySelector('.bulk-bar__count'))).toBe('Ausgewählt: 0');
  });

  it('selects every item on the page at once, and reports skipped items', () => {
    showItems([jobFair, held]);
    const all = getByLabel(page, 'Alle auf dieser Seite auswählen');
    all.click();
    fixture.detectChanges();
    expect(getByLabel(page, 'Auswählen: Wohnung gesucht').checked).toBe(true);

    click('Auswahl freigeben');
    const bulk = http.expectOne('/api/moderation/items/bulk');
    expect(bulk.request.body.ids).toEqual(['i-1', 'i-2']);
    bulk.flush({ updated: 1, skipped: [{ id: 'i-2', reason: 'Outside your cities.' }] });
    fixture.detectChanges();
    expect(liveStatus()).toBe(
      'Freigegeben: 1, übersprungen: 1 (nicht gefunden, schon entschieden oder nicht in Ihren Städten).',
    );
    showItems([held]);
  });

  it('asks for a reason before rejecting the selection', () => {
    showItems([jobFair, held]);
    getByLabel(page, 'Auswählen: Jobmesse an der Uni').click();
    getByLabel(page, 'Auswählen: Wohnung gesucht').click();
    fixture.detectChanges();
    click('Auswahl ablehnen');

    const dialog = page.querySelector('dialog') as HTMLElement;
    expect(textOf(dialog.querySelector('h2'))).toBe('2 Einträge ablehnen');
    expect(document.activeElement).toBe(getByLabel(dialog, 'Grund der Ablehnung'));
    click('Ablehnen', dialog);
    http.expectNone('/api/moderation/items/bulk');
    const reason = getByLabel<HTMLTextAreaElement>(dialog, 'Grund der Ablehnung');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(reason)).toBe('Bitte geben Sie einen Grund an.');

    type(reason as unknown as HTMLInputElement, '  Werbung  ');
    click('Ablehnen', dialog);
    const bulk = http.expectOne('/api/moderation/items/bulk');
    expect(bulk.request.body).toEqual({ ids: ['i-1', 'i-2'], action: 'reject', reason: 'Werbung' });
    expect(page.querySelector('dialog')).toBeNull();
    bulk.flush({ updated: 2, skipped: [] });
    fixture.detectChanges();
    expect(liveStatus()).toBe('2 Einträge abgelehnt.');
    showItems([]);
  });

  it('rejects one item with a reason; it leaves the pending list and the counts follow', () => {
    showItems([jobFair, held]);
    click('Ablehnen: Jobmesse an der Uni');
    const dialog = page.querySelector('dialog') as HTMLElement;
    expect(textOf(dialog.querySelector('h2'))).toBe('Ablehnen: Jobmesse an der Uni');
    click('Ablehnen', dialog);
    http.expectNone((r) => r.url.endsWith('/reject'));

    type(getByLabel(dialog, 'Grund der Ablehnung'), 'Abgelaufen');
    click('Ablehnen', dialog);
    const reject = http.expectOne('/api/moderation/items/i-1/reject');
    expect(reject.request.method).toBe('POST');
    expect(reject.request.body).toEqual({ reason: 'Abgelaufen' });
    reject.flush({ ...jobFair, status: 'rejected', rejectReason: 'Abgelaufen' });
    fixture.detectChanges();

    expect(titles()).toEqual(['Wohnung gesucht']);
    expect(liveStatus()).toBe('Abgelehnt: Jobmesse an der Uni');
    expect(Array.from(page.querySelectorAll('[role="tab"]')).map(textOf)).toEqual([
      'Offen 1',
      'Freigegeben 10',
      'Abgelehnt 3',
    ]);
  });

  it('approves the focused item with "a" and moves the focus to the next one', () => {
    showItems([jobFair, held, course]);
    article(held).focus();
    fixture.detectChanges();

    const event = press('a');
    expect(event.defaultPrevented).toBe(true);
    const approve = http.expectOne('/api/moderation/items/i-2/approve');
    expect(approve.request.method).toBe('POST');
    approve.flush({ ...held, status: 'approved' });
    fixture.detectChanges();

    expect(titles()).toEqual(['Jobmesse an der Uni', 'Deutschkurs ab Mai']);
    expect(document.activeElement).toBe(article(course));
    expect(article(course).classList).toContain('is-current');
    expect(liveStatus()).toBe('Freigegeben: Wohnung gesucht');
  });

  it('moves with j/k and the arrow keys, selects with x, pins with p, rejects with r and explains with ?', () => {
    showItems([jobFair, held, course]);
    press('j', document.body);
    expect(document.activeElement).toBe(article(jobFair));
    press('j');
    press('ArrowDown');
    expect(document.activeElement).toBe(article(course));
    press('k');
    expect(document.activeElement).toBe(article(held));
    press('ArrowUp');
    expect(document.activeElement).toBe(article(jobFair));
    expect(article(jobFair).getAttribute('tabindex')).toBe('0');
    expect(article(held).getAttribute('tabindex')).toBe('-1');

    press('x');
    expect(getByLabel(page, 'Auswählen: Jobmesse an der Uni').checked).toBe(true);

    press('p');
    const pin = http.expectOne('/api/moderation/items/i-1/pin');
    pin.flush({ ...jobFair, pinned: true });
    fixture.detectChanges();
    expect(textOf(article(jobFair).querySelector('.item__meta'))).toContain('Angeheftet');
    expect(queryButtons(page, 'Lösen: Jobmesse an der Uni')).toHaveLength(1);

    press('r');
    expect(textOf(page.querySelector('dialog h2'))).toBe('Ablehnen: Jobmesse an der Uni');
    press('a', page.querySelector('dialog textarea') as HTMLElement); // typing the reason approves nothing
    http.expectNone((r) => r.url.endsWith('/approve'));
    click('Abbrechen', page.querySelector('dialog') as HTMLElement);
    expect(page.querySelector('dialog')).toBeNull();

    press('?', document.body);
    expect(textOf(page.querySelector('dialog h2'))).toBe('Tastenkürzel in der Warteschlange');
    const rows = Array.from(page.querySelectorAll('dialog tbody tr')).map((tr) =>
      Array.from(tr.children).map(textOf).join(' = '),
    );
    expect(rows).toContain('a = Freigeben');
    expect(rows).toContain('j / ↓ = Nächster Eintrag (Pfeil nur innerhalb der Liste)');
    press('Escape', page.querySelector('dialog') as HTMLElement);
    expect(page.querySelector('dialog')).toBeNull();
  });

  it('ignores the shortcuts while typing in the search field', () => {
    showItems([jobFair]);
    article(jobFair).focus();
    const search = getByLabel(page, 'Suche');
    search.focus();

    for (const key of ['a', 'r', 'p', 'x', 'j', '?']) {
      const event = press(key, search);
      expect(event.defaultPrevented).toBe(false);
    }
    http.expectNone((r) => r.method === 'POST');
    expect(page.querySelector('dialog')).toBeNull();
    expect(getByLabel(page, 'Auswählen: Jobmesse an der Uni').checked).toBe(false);
    expect(document.activeElement).toBe(search);
  });

  it('filters by city, topic, language, source, held and search', async () => {
    showItems([jobFair, held]);
    choose(getByLabel<HTMLSelectElement>(page, 'Stadt'), 'essen');
    expectItems().flush({ items: [jobFair], nextCursor: null, counts: { pending: 1, approved: 0, rejected: 0 } });
    choose(getByLabel<HTMLSelectElement>(page, 'Thema'), 'work');
    expectItems().flush({ items: [jobFair], nextCursor: null, counts: { pending: 1, approved: 0, rejected: 0 } });
    choose(getByLabel<HTMLSelectElement>(page, 'Sprache'), 'de');
    expectItems().flush({ items: [jobFair], nextCursor: null, counts: { pending: 1, approved: 0, rejected: 0 } });
    choose(getByLabel<HTMLSelectElement>(page, 'Quelle'), 'src-1');
    expectItems().flush({ items: [jobFair], nextCursor: null, counts: { pending: 1, approved: 0, rejected: 0 } });
    getByLabel(page, 'Nur zurückgehaltene').click();
    const heldOnly = expectItems();
    expect(heldOnly.request.params.get('held')).toBe('true');
    heldOnly.flush({ items: [], nextCursor: null, counts: { pending: 0, approved: 0, rejected: 0 } });

    type(getByLabel(page, 'Suche'), ' messe ');
    fixture.detectChanges();
    http.expectNone((r) => r.url === '/api/moderation/items');
    await wait(QUEUE_SEARCH_DELAY_MS + 20);
    const search = expectItems();
    const params = search.request.params;
    expect(['city', 'topic', 'lang', 'sourceId', 'held', 'q'].map((name) => params.get(name))).toEqual([
      'essen',
      'work',
      'de',
      'src-1',
      'true',
      'messe',
    ]);
    search.flush({ items: [], nextCursor: null, counts: { pending: 0, approved: 0, rejected: 0 } });
    fixture.detectChanges();
    expect(textOf(page.querySelector('.empty'))).toBe('Keine Einträge passen zu diesen Filtern.');
  });

  it('loads more with the cursor and appends the next page', () => {
    showItems([jobFair], { nextCursor: 'c-2' });
    click('Weitere laden');
    const more = expectItems();
    expect(more.request.params.get('cursor')).toBe('c-2');
    more.flush({ items: [held], nextCursor: null, counts: { pending: 2, approved: 10, rejected: 2 } });
    fixture.detectChanges();

    expect(titles()).toEqual(['Jobmesse an der Uni', 'Wohnung gesucht']);
    expect(queryButtons(page, 'Weitere laden')).toHaveLength(0);
    expect(document.activeElement).toBe(article(held));
  });

  it('edits the tags of an item', () => {
    showItems([held]);
    click('Tags bearbeiten: Wohnung gesucht');
    const form = page.querySelector('wr-item-tags-form') as HTMLElement;
    expect(document.activeElement).toBe(form.querySelector('h4'));

    getByLabel(form, 'Herne').click();
    getByLabel(form, 'Arbeit').click();
    choose(getByLabel<HTMLSelectElement>(form, 'Sprache'), 'ar');
    fixture.detectChanges();
    click('Tags speichern', form);

    const patch = http.expectOne('/api/moderation/items/i-2');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ cities: ['herne'], topics: ['work'], language: 'ar' });
    patch.flush({ ...held, cities: ['herne'], topics: ['work'], language: 'ar' });
    fixture.detectChanges();

    expect(page.querySelector('wr-item-tags-form')).toBeNull();
    expect(tags(held)).toEqual(['Städte: Herne', 'Themen: Arbeit', 'Sprache: Arabisch']);
    expect(liveStatus()).toBe('Tags gespeichert: Wohnung gesucht');
  });
});
