import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PublicFeedItem } from '@welcome-ruhr/contracts';
import { choose, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { FeedItemPicker } from './feed-item-picker';

let sequence = 0;

function feedItem(overrides: Partial<PublicFeedItem> = {}): PublicFeedItem {
  sequence += 1;
  return {
    id: `item-${sequence}`,
    title: `Item ${sequence}`,
    summary: 'A summary.',
    html: '<p>A summary.</p>',
    url: `https://example.org/items/${sequence}`,
    imageUrl: null,
    publishedAt: new Date(Date.now() - 2 * 60 * 60_000).toISOString(),
    language: 'de',
    topics: [],
    cities: ['essen'],
    pinned: false,
    source: { name: 'Uni Essen', type: 'rss', kind: 'partner' },
    ...overrides,
  };
}

describe('FeedItemPicker', () => {
  let fixture: ComponentFixture<FeedItemPicker>;
  let http: HttpTestingController;
  let page: HTMLElement;
  let chosen: PublicFeedItem[];

  const welcomeDays = feedItem({ id: 'i-welcome', title: 'Welcome Days an der UDE', source: { name: 'Uni Duisburg-Essen', type: 'rss', kind: 'partner' } });
  const languageCafe = feedItem({ id: 'i-cafe', title: 'Sprachcafé im Stadtteilzentrum', summary: 'Jeden Freitag.' });
  const withoutLink = feedItem({ id: 'i-nolink', title: 'Nur ein Hinweis', url: null });

  function open(cities: string[] = ['essen', 'bochum']): void {
    TestBed.configureTestingModule({
      imports: [FeedItemPicker],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FeedItemPicker);
    fixture.componentRef.setInput('cities', cities);
    chosen = [];
    fixture.componentInstance.chosen.subscribe((item) => chosen.push(item));
    page = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  function feedRequest(): TestRequest {
    return http.expectOne((r) => r.method === 'GET' && r.url === '/api/public/feed');
  }

  function itemButton(id: string): HTMLButtonElement {
    const button = page.querySelector<HTMLButtonElement>(`button[data-item-id="${id}"]`);
    if (!button) throw new Error(`no button for ${id}`);
    return button;
  }

  function titles(): string[] {
    return Array.from(page.querySelectorAll('.feed-item__title')).map(textOf);
  }

  it('starts with the ambassador’s cities, lists items with a link, and reports the one chosen', () => {
    open();
    expect(textOf(page.querySelector('p[role="status"]'))).toBe('Einträge werden geladen …');
    const request = feedRequest();
    expect(request.request.params.get('city')).toBe('essen,bochum');
    expect(request.request.params.get('limit')).toBe('12');
    expect(request.request.params.has('cursor')).toBe(false);
    request.flush({ items: [welcomeDays, withoutLink, languageCafe], nextCursor: null });
    fixture.detectChanges();

    // An item without a link cannot be shared: the post's link is the item's.
    expect(titles()).toEqual(['Welcome Days an der UDE', 'Sprachcafé im Stadtteilzentrum']);
    const button = itemButton('i-cafe');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.getAttribute('aria-label')).toBe('Auswählen: „\u2068Sprachcafé im Stadtteilzentrum\u2069“');
    button.click();
    expect(chosen.map((item) => item.id)).toEqual(['i-cafe']);

    fixture.componentRef.setInput('chosenId', 'i-cafe');
    fixture.detectChanges();
    expect(itemButton('i-cafe').getAttribute('aria-pressed')).toBe('true');
    expect(itemButton('i-welcome').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows untrusted item text as text, never as markup', () => {
    open();
    const hostile = feedItem({ id: 'i-x', title: '<img src=x onerror="alert(1)">Kurs', summary: '<b>fett</b>' });
    feedRequest().flush({ items: [hostile], nextCursor: null });
    fixture.detectChanges();

    expect(titles()).toEqual(['<img src=x onerror="alert(1)">Kurs']);
    expect(page.querySelector('.feed-item img, .feed-item b')).toBeNull();
  });

  it('changes the city filter, and loads more with the cursor, focusing the first new item', () => {
    open();
    feedRequest().flush({ items: [welcomeDays], nextCursor: null });
    fixture.detectChanges();

    const city = getByLabel<HTMLSelectElement>(page, 'Stadt');
    expect(city.value).toBe('mine');
    choose(city, 'dortmund');
    fixture.detectChanges();
    const dortmund = feedRequest();
    expect(dortmund.request.params.get('city')).toBe('dortmund');
    dortmund.flush({ items: [welcomeDays], nextCursor: 'c-2' });
    fixture.detectChanges();

    getButton(page, 'Weitere laden').click();
    fixture.detectChanges();
    const more = feedRequest();
    expect(more.request.params.get('city')).toBe('dortmund');
    expect(more.request.params.get('cursor')).toBe('c-2');
    more.flush({ items: [languageCafe], nextCursor: null });
    fixture.detectChanges();

    expect(titles()).toEqual(['Welcome Days an der UDE', 'Sprachcafé im Stadtteilzentrum']);
    expect(document.activeElement).toBe(itemButton('i-cafe'));
    expect(page.querySelector('.load-more')).toBeNull();

    choose(city, '');
    fixture.detectChanges();
    expect(feedRequest().request.params.has('city')).toBe(false);
  });

  it('keeps its list when the session hands over the same cities again (a token refresh)', () => {
    open(['essen', 'bochum']);
    feedRequest().flush({ items: [welcomeDays], nextCursor: 'c-2' });
    fixture.detectChanges();
    getButton(page, 'Weitere laden').click();
    fixture.detectChanges();
    feedRequest().flush({ items: [languageCafe], nextCursor: null });
    fixture.detectChanges();

    fixture.componentRef.setInput('cities', ['essen', 'bochum']);
    fixture.detectChanges();
    http.expectNone('/api/public/feed');
    expect(titles()).toEqual(['Welcome Days an der UDE', 'Sprachcafé im Stadtteilzentrum']);

    fixture.componentRef.setInput('cities', ['essen']);
    fixture.detectChanges();
    expect(feedRequest().request.params.get('city')).toBe('essen');
  });

  it('drops a "show more" answer that comes after the filter changed', () => {
    open();
    feedRequest().flush({ items: [welcomeDays], nextCursor: 'c-2' });
    fixture.detectChanges();
    getButton(page, 'Weitere laden').click();
    fixture.detectChanges();
    const stale = feedRequest();

    choose(getByLabel<HTMLSelectElement>(page, 'Stadt'), 'dortmund');
    fixture.detectChanges();
    expect(stale.cancelled).toBe(true);
    const dortmund = http.expectOne((r) => r.params.get('city') === 'dortmund');
    dortmund.flush({ items: [languageCafe], nextCursor: null });
    fixture.detectChanges();

    expect(titles()).toEqual(['Sprachcafé im Stadtteilzentrum']);
    expect(page.querySelector('.load-more')).toBeNull();
  });

  it('searches the items loaded and says when none matches', () => {
    open();
    feedRequest().flush({ items: [welcomeDays, languageCafe], nextCursor: null });
    fixture.detectChanges();

    type(getByLabel(page, 'In den angezeigten Einträgen suchen'), 'duisburg');
    fixture.detectChanges();
    expect(titles()).toEqual(['Welcome Days an der UDE']); // by its source's name

    type(getByLabel(page, 'In den angezeigten Einträgen suchen'), 'Schwimmkurs');
    fixture.detectChanges();
    expect(titles()).toEqual([]);
    expect(textOf(page.querySelector('.empty'))).toBe(
      'Keiner der angezeigten Einträge passt zu „\u2068Schwimmkurs\u2069“. Laden Sie weitere Einträge oder ändern Sie die Suche.',
    );
  });

  it('says when there is nothing to share, and offers every city for an ambassador without cities', () => {
    open([]);
    const request = feedRequest();
    expect(request.request.params.has('city')).toBe(false);
    request.flush({ items: [withoutLink], nextCursor: null });
    fixture.detectChanges();

    expect(getByLabel<HTMLSelectElement>(page, 'Stadt').value).toBe('');
    expect(page.querySelector('.feed-items')).toBeNull();
    expect(textOf(page.querySelector('.empty'))).toBe(
      'Hier gibt es noch keine freigegebenen Einträge mit Link. Wählen Sie eine andere Stadt oder alle Städte.',
    );
  });

  it('shows a failed load with a way to try again', () => {
    open();
    feedRequest().flush({ statusCode: 503, code: 'UNAVAILABLE', message: 'Der Feed ist gerade nicht erreichbar.' }, { status: 503, statusText: 'Service Unavailable' });
    fixture.detectChanges();

    expect(textOf(page.querySelector('[role="alert"]'))).toBe('Der Feed ist gerade nicht erreichbar. Erneut versuchen');
    expect(page.querySelector('.feed-items')).toBeNull();

    getButton(page, 'Erneut versuchen').click();
    fixture.detectChanges();
    feedRequest().flush({ items: [welcomeDays], nextCursor: null });
    fixture.detectChanges();
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(titles()).toEqual(['Welcome Days an der UDE']);
  });
});
