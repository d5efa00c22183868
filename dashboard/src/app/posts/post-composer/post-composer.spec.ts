import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { PostDto } from '@welcome-ruhr/contracts';
import { wait } from '../../../testing/content';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newChannel, newPost } from '../../../testing/posts';
import { PostComposer } from './post-composer';

@Component({ template: '' })
class StubPage {}

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
});
