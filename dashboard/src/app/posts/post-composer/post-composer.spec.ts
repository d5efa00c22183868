import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { PostDto, PublicFeedItem } from '@welcome-ruhr/contracts';
import { AuthService } from '../../auth/auth.service';
import { wait } from '../../../testing/content';
import { descriptionOf, getButton, getByLabel, queryButtons, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newChannel, newPost } from '../../../testing/posts';
import { newUser } from '../../../testing/users';
import { PostComposer } from './post-composer';

@Component({ template: '' })
class StubPage {}

/** An approved item of the portal's feed. */
function feedItem(overrides: Partial<PublicFeedItem> = {}): PublicFeedItem {
  return {
    id: 'i-welcome',
    title: 'Welcome Days an der UDE',
    summary: 'Für neue internationale Studierende.',
    html: '<p>Für neue internationale Studierende.</p>',
    url: 'https://www.uni-due.de/news/welcome-days',
    imageUrl: null,
    publishedAt: '2026-04-20T08:00:00.000Z',
    language: 'de',
    topics: ['education'],
    cities: ['essen'],
    pinned: false,
    source: { name: 'Uni Duisburg-Essen', type: 'rss', kind: 'partner' },
    ...overrides,
  };
}

/** Without the direction isolates around names (U+2068, U+2069), which only matter to the eye. */
function plain(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}

describe('PostComposer', () => {
  let fixture: ComponentFixture<PostComposer>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const facebook = newChannel({ id: 'c-fb', type: 'facebook_page', name: 'Ayşe in Dortmund' });
  const mastodon = newChannel({
    id: 'c-md',
    type: 'mastodon',
    name: '@ayse@social.example',
    instanceUrl: 'https://social.example',
  });

  function open(inputs: Record<string, string> = {}): void {
    TestBed.configureTestingModule({
      imports: [PostComposer],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        provideRouter([{ path: 'posts', component: StubPage }]),
        { provide: AuthService, useValue: { user: signal(newUser({ role: 'ambassador', cities: ['essen'] })) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PostComposer);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/channels').flush([facebook, mastodon]);
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  function write(text: string): void {
    type(getByLabel(page, 'Text') as unknown as HTMLInputElement, text);
    fixture.detectChanges();
  }

  function check(label: string): void {
    getByLabel(page, label).click();
    fixture.detectChanges();
  }

  function counters(): string[] {
    return Array.from(page.querySelectorAll('#composer-lengths li')).map((li) => plain(textOf(li)));
  }

  it('counts the length for each chosen channel and shows when Mastodon’s limit is passed', () => {
    open();
    check('Ayşe in Dortmund (Facebook-Seite)');
    check('@ayse@social.example (Mastodon)');
    write('x'.repeat(510));

    expect(counters()).toEqual([
      'Facebook-Seite „Ayşe in Dortmund“: 510 von 63.206 Zeichen',
      'Mastodon „@ayse@social.example“: 510 von 500 Zeichen – 10 zu viel',
    ]);
    expect(plain(textOf(page.querySelector('p[role="status"]')))).toBe('Der Text ist zu lang für: @ayse@social.example');
    expect(descriptionOf(getByLabel(page, 'Text'))).toContain('510 von 500 Zeichen');
    // The names keep their own direction inside a right-to-left sentence.
    expect(textOf(page.querySelector('#composer-lengths li'))).toContain('\u2068Ayşe in Dortmund\u2069');
  });

  it('counts a link as 23 characters for Mastodon, appended to the text', () => {
    open();
    check('@ayse@social.example (Mastodon)');
    write('y'.repeat(470));
    type(getByLabel(page, 'Link (optional)'), 'https://www.dortmund.de/de/leben_in_dortmund/buergerdienste/anmeldung.html');
    fixture.detectChanges();

    expect(counters()).toEqual(['Mastodon „@ayse@social.example“: 495 von 500 Zeichen']);
    const preview = page.querySelector('article.preview .preview__text') as HTMLElement;
    expect(preview.textContent).toBe(`${'y'.repeat(470)}\n\nhttps://www.dortmund.de/de/leben_in_dortmund/buergerdienste/anmeldung.html`);
  });

  it('blocks an over-long Mastodon post before it reaches the API', () => {
    open();
    check('@ayse@social.example (Mastodon)');
    write('z'.repeat(501));
    check('Sobald freigegeben');

    getButton(page, 'Zur Prüfung senden').click();
    fixture.detectChanges();

    http.expectNone('/api/posts'); // nothing is sent
    const text = getByLabel(page, 'Text');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(plain(descriptionOf(text))).toContain(
      'Der Text ist für „@ayse@social.example“ um 1 Zeichen zu lang (höchstens 500). Bitte kürzen Sie ihn oder wählen Sie diesen Kanal ab.',
    );
    expect(textOf(page.querySelector('[role="alert"]'))).toBe('Bitte prüfen Sie die markierten Felder.');

    // Without the Mastodon account, the same text fits Facebook.
    check('@ayse@social.example (Mastodon)');
    check('Ayşe in Dortmund (Facebook-Seite)');
    getButton(page, 'Zur Prüfung senden').click();
    const request = http.expectOne({ method: 'POST', url: '/api/posts' });
    expect(request.request.body).toEqual({ text: 'z'.repeat(501), channelIds: ['c-fb'], asSoonAsApproved: true });
    request.flush(newPost({ status: 'pending_review' }));
  });

  it('asks for channels and a time before sending for review', () => {
    open();
    write('Hallo');
    getButton(page, 'Zur Prüfung senden').click();
    fixture.detectChanges();
    expect(textOf(page.querySelector('#composer-channels-error'))).toBe('Bitte wählen Sie mindestens einen Kanal.');
    expect(descriptionOf(getByLabel(page, 'Datum und Uhrzeit'))).toBe(
      'Bitte wählen Sie Datum und Uhrzeit oder „Sobald freigegeben“.',
    );
  });

  it('saves a draft without a time and goes to the posts', async () => {
    open();
    check('Ayşe in Dortmund (Facebook-Seite)');
    write('Sprachcafé am Freitag   ');
    getButton(page, 'Als Entwurf speichern').click();

    const request = http.expectOne({ method: 'POST', url: '/api/posts' });
    expect(request.request.body).toEqual({ text: 'Sprachcafé am Freitag', channelIds: ['c-fb'], draft: true });
    request.flush(newPost({ status: 'draft' }));
    await wait();
    expect(TestBed.inject(Router).url).toBe('/posts');
  });

  it('schedules at the chosen local time', () => {
    open();
    check('Ayşe in Dortmund (Facebook-Seite)');
    write('Morgen!');
    const time = getByLabel(page, 'Datum und Uhrzeit');
    type(time, '2099-06-01T09:30');
    fixture.detectChanges();
    getButton(page, 'Zur Prüfung senden').click();
    const request = http.expectOne({ method: 'POST', url: '/api/posts' });
    expect(request.request.body.scheduledAt).toBe(new Date(2099, 5, 1, 9, 30).toISOString());
    request.flush(newPost());
  });

  it('edits a draft: saves the changes and sends it for review', () => {
    const draft: PostDto = newPost({
      id: 'p-7',
      status: 'draft',
      text: 'Alter Text',
      scheduledAt: null,
      asSoonAsApproved: true,
      deliveries: [
        {
          channelId: 'c-md',
          channelType: 'mastodon',
          channelName: '@ayse@social.example',
          status: 'pending',
          externalId: null,
          externalUrl: null,
          publishedAt: null,
          error: null,
          attempts: 0,
          nextAttemptAt: null,
        },
      ],
    });
    open({ id: 'p-7' });
    http.expectOne('/api/posts/p-7').flush(draft);
    fixture.detectChanges();

    expect(textOf(page.querySelector('h1'))).toBe('Beitrag bearbeiten');
    expect((getByLabel(page, 'Text') as unknown as HTMLTextAreaElement).value).toBe('Alter Text');
    expect(getByLabel(page, '@ayse@social.example (Mastodon)').checked).toBe(true);
    expect(getByLabel(page, 'Sobald freigegeben').checked).toBe(true);

    write('Neuer Text');
    getButton(page, 'Zur Prüfung senden').click();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/posts/p-7' });
    expect(patch.request.body).toEqual({ text: 'Neuer Text', link: null, channelIds: ['c-md'], asSoonAsApproved: true });
    patch.flush({ ...draft, text: 'Neuer Text' });
    http.expectOne({ method: 'POST', url: '/api/posts/p-7/submit' }).flush({ ...draft, status: 'pending_review' });
  });

  describe('sharing an item of the portal’s feed', () => {
    const welcomeDays = feedItem();
    const languageCafe = feedItem({ id: 'i-cafe', title: 'Sprachcafé', url: 'https://www.essen.de/sprachcafe' });
    const shareLabel = 'Einen Eintrag aus dem Feed des Portals teilen';

    function feedRequest(): TestRequest {
      return http.expectOne((r) => r.method === 'GET' && r.url === '/api/public/feed');
    }

    /** The look-up of one approved item, however old. */
    function itemRequest(id: string): TestRequest {
      return http.expectOne({ method: 'GET', url: `/api/public/feed/items/${id}` });
    }

    function notFound(request: TestRequest): void {
      request.flush({ statusCode: 404, code: 'NOT_FOUND', message: 'The item was not found.' }, { status: 404, statusText: 'Not Found' });
    }

    function openPicker(): void {
      const toggle = getButton(page, shareLabel);
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      toggle.click();
      fixture.detectChanges();
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      const request = feedRequest();
      expect(request.request.params.get('city')).toBe('essen'); // her cities first
      request.flush({ items: [languageCafe, welcomeDays], nextCursor: null });
      fixture.detectChanges();
    }

    function pick(id: string): void {
      page.querySelector<HTMLButtonElement>(`button[data-item-id="${id}"]`)?.click();
      fixture.detectChanges();
    }

    /** With an item shared, the text is her comment on it. */
    function comment(text: string): void {
      type(getByLabel(page, 'Ihr Kommentar') as unknown as HTMLInputElement, text);
      fixture.detectChanges();
    }

    function sharedCard(): HTMLElement | null {
      return page.querySelector('#composer-shared-item');
    }

    it('shares the chosen item with her comment: sends its id and no link', () => {
      open();
      check('@ayse@social.example (Mastodon)');
      write('Ich bin auch da!');
      type(getByLabel(page, 'Link (optional)'), 'https://example.org/mein-link');
      fixture.detectChanges();

      openPicker();
      pick('i-welcome');

      // The item takes the link field's place, and the focus moves to it.
      expect(page.querySelector('#composer-link')).toBeNull();
      expect(page.querySelector('wr-feed-item-picker')).toBeNull();
      expect(document.activeElement).toBe(sharedCard());
      expect(textOf(page.querySelector('#composer-shared-title'))).toBe('Welcome Days an der UDE');
      expect(textOf(sharedCard())).toContain('Uni Duisburg-Essen');
      expect(sharedCard()?.querySelector('a')?.getAttribute('href')).toBe('https://www.uni-due.de/news/welcome-days');
      expect(sharedCard()?.querySelector('time')?.getAttribute('datetime')).toBe('2026-04-20T08:00:00.000Z');
      expect((getByLabel(page, 'Ihr Kommentar') as unknown as HTMLTextAreaElement).value).toBe('Ich bin auch da!');
      // Mastodon gets the item's link appended: 16 + 2 + 23.
      expect(counters()).toEqual(['Mastodon „@ayse@social.example“: 41 von 500 Zeichen']);
      expect(page.querySelector('article.preview .preview__text')?.textContent).toBe(
        'Ich bin auch da!\n\nhttps://www.uni-due.de/news/welcome-days',
      );

      check('Sobald freigegeben');
      getButton(page, 'Zur Prüfung senden').click();
      const request = http.expectOne({ method: 'POST', url: '/api/posts' });
      expect(request.request.body).toEqual({
        text: 'Ich bin auch da!',
        itemId: 'i-welcome',
        channelIds: ['c-md'],
        asSoonAsApproved: true,
      });
      request.flush(newPost({ status: 'pending_review', itemId: 'i-welcome', link: welcomeDays.url }));
    });

    it('marks the shared item in the list, and gives the link field back when the choice is removed', () => {
      open();
      check('Ayşe in Dortmund (Facebook-Seite)');
      write('Hallo');
      type(getByLabel(page, 'Link (optional)'), 'https://example.org/mein-link');
      fixture.detectChanges();
      openPicker();
      pick('i-welcome');

      getButton(page, 'Anderen Eintrag wählen').click();
      fixture.detectChanges();
      feedRequest().flush({ items: [languageCafe, welcomeDays], nextCursor: null });
      fixture.detectChanges();
      const pressed = Array.from(page.querySelectorAll('button[aria-pressed="true"]')).map((b) => b.getAttribute('data-item-id'));
      expect(pressed).toEqual(['i-welcome']);

      getButton(page, 'Eintrag entfernen').click();
      fixture.detectChanges();
      expect(sharedCard()).toBeNull();
      expect(getByLabel(page, 'Link (optional)').value).toBe('https://example.org/mein-link');
      expect(document.activeElement).toBe(getButton(page, shareLabel));

      getButton(page, 'Als Entwurf speichern').click();
      const request = http.expectOne({ method: 'POST', url: '/api/posts' });
      expect(request.request.body).toEqual({
        text: 'Hallo',
        link: 'https://example.org/mein-link',
        channelIds: ['c-fb'],
        draft: true,
      });
      request.flush(newPost({ status: 'draft' }));
    });

    it('opens with ?item= already sharing that item, and shows the API’s refusal of it', () => {
      open({ item: 'i-welcome' });
      expect(textOf(page.querySelector('.share p[role="status"]'))).toBe('Der Eintrag zum Teilen wird geladen …');
      itemRequest('i-welcome').flush(welcomeDays);
      fixture.detectChanges();

      expect(textOf(page.querySelector('#composer-shared-title'))).toBe('Welcome Days an der UDE');
      expect(page.querySelector('#composer-link')).toBeNull();

      check('Ayşe in Dortmund (Facebook-Seite)');
      comment('Kommt vorbei!');
      getButton(page, 'Als Entwurf speichern').click();
      const request = http.expectOne({ method: 'POST', url: '/api/posts' });
      expect(request.request.body).toEqual({ text: 'Kommt vorbei!', itemId: 'i-welcome', channelIds: ['c-fb'], draft: true });
      request.flush(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Bitte prüfen Sie die Eingaben.',
          fields: [{ field: 'itemId', problem: 'itemId must be the id of an approved item of the portal’s feed' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      fixture.detectChanges();

      expect(textOf(page.querySelector('#composer-item-error'))).toBe(
        'itemId must be the id of an approved item of the portal’s feed',
      );
      expect(sharedCard()?.getAttribute('aria-describedby')).toBe('composer-item-error');
      expect(document.activeElement).toBe(sharedCard());
    });

    it('says when the item of ?item= is not in the feed (404), and offers the link field', () => {
      open({ item: 'i-gone' });
      notFound(itemRequest('i-gone'));
      fixture.detectChanges();

      expect(textOf(page.querySelector('.notice--warning'))).toBe(
        'Der Eintrag zum Teilen ist nicht im Feed des Portals. Wählen Sie einen über „Einen Eintrag aus dem Feed des Portals teilen“.',
      );
      expect(sharedCard()).toBeNull();
      expect(getByLabel(page, 'Link (optional)')).toBeTruthy();
    });

    it('tells a failed look-up of the item of ?item= apart from a missing item', () => {
      open({ item: 'i-welcome' });
      itemRequest('i-welcome').flush(null, { status: 503, statusText: 'Service Unavailable' });
      fixture.detectChanges();

      expect(textOf(page.querySelector('.notice--warning'))).toBe('Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.');
      expect(sharedCard()).toBeNull();
    });

    it('edits a post that shares an item: shows the item, offers no link field, and sends no link', () => {
      const shared = newPost({
        id: 'p-9',
        status: 'scheduled',
        text: 'Welcome Days – ich bin auch da!',
        itemId: 'i-welcome',
        link: 'https://www.uni-due.de/news/welcome-days',
        scheduledAt: '2099-06-01T07:30:00.000Z',
        deliveries: [],
      });
      open({ id: 'p-9' });
      http.expectOne('/api/posts/p-9').flush(shared);
      fixture.detectChanges();
      itemRequest('i-welcome').flush(welcomeDays);
      fixture.detectChanges();

      expect(textOf(page.querySelector('#composer-shared-title'))).toBe('Welcome Days an der UDE');
      expect(page.querySelector('#composer-link')).toBeNull();
      expect(queryButtons(page, shareLabel)).toEqual([]);
      expect(queryButtons(page, 'Eintrag entfernen')).toEqual([]);
      expect(textOf(sharedCard())).toContain('Eintrag und Link lassen sich nicht ändern.');

      check('Ayşe in Dortmund (Facebook-Seite)');
      comment('Welcome Days – wir sehen uns!');
      getButton(page, 'Änderungen speichern').click();
      const patch = http.expectOne({ method: 'PATCH', url: '/api/posts/p-9' });
      expect(patch.request.body).toEqual({
        text: 'Welcome Days – wir sehen uns!',
        channelIds: ['c-fb'],
        asSoonAsApproved: false,
        scheduledAt: '2099-06-01T07:30:00.000Z',
      });
      expect('link' in patch.request.body).toBe(false);
      patch.flush({ ...shared, text: 'Welcome Days – wir sehen uns!' });
    });

    it('writes a rejected shared post again with the same item, which she may remove', () => {
      open({ from: 'p-3' });
      http.expectOne('/api/posts/p-3').flush(
        newPost({
          id: 'p-3',
          status: 'rejected',
          text: 'Alter Kommentar',
          itemId: 'i-welcome',
          link: 'https://www.uni-due.de/news/welcome-days',
          rejectReason: 'Bitte ohne Emojis.',
        }),
      );
      fixture.detectChanges();
      itemRequest('i-welcome').flush(welcomeDays);
      fixture.detectChanges();

      expect(textOf(page.querySelector('#composer-shared-title'))).toBe('Welcome Days an der UDE');
      check('Ayşe in Dortmund (Facebook-Seite)');
      getButton(page, 'Als Entwurf speichern').click();
      const request = http.expectOne({ method: 'POST', url: '/api/posts' });
      expect(request.request.body).toEqual({ text: 'Alter Kommentar', itemId: 'i-welcome', channelIds: ['c-fb'], draft: true });
      request.flush(newPost({ status: 'draft' }));

      // The composer outlives the navigation in this test: the choice can still be removed.
      getButton(page, 'Eintrag entfernen').click();
      fixture.detectChanges();
      expect(getByLabel(page, 'Link (optional)').value).toBe(''); // the item's link was never hers
    });

    it('still shows the link of a shared item that is no longer approved', () => {
      open({ id: 'p-9' });
      http
        .expectOne('/api/posts/p-9')
        .flush(newPost({ id: 'p-9', status: 'draft', itemId: 'i-old', link: 'https://www.essen.de/alt' }));
      fixture.detectChanges();
      notFound(itemRequest('i-old'));
      fixture.detectChanges();

      expect(page.querySelector('#composer-shared-title')).toBeNull();
      expect(textOf(sharedCard())).toContain('Der Eintrag ist nicht mehr im Feed des Portals');
      expect(sharedCard()?.querySelector('a')?.getAttribute('href')).toBe('https://www.essen.de/alt');
      expect(page.querySelector('#composer-link')).toBeNull();
    });
  });
});
