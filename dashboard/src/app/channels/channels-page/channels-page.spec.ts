import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newChannel } from '../../../testing/posts';
import { EXTERNAL_NAVIGATION } from '../../shared/external-navigation';
import { ChannelsPage } from './channels-page';

describe('ChannelsPage', () => {
  let fixture: ComponentFixture<ChannelsPage>;
  let http: HttpTestingController;
  let page: HTMLElement;
  let navigatedTo: string[];

  const page1 = newChannel({ id: 'c-1', name: 'Ayşe in Dortmund' });
  const broken = newChannel({
    id: 'c-2',
    name: 'Türk Kültür Derneği',
    status: 'needs_reconnect',
    statusReason: 'Facebook hat den Zugang nicht mehr angenommen (Code 190).',
  });
  const expiring = newChannel({
    id: 'c-3',
    type: 'mastodon',
    name: '@ayse@social.example',
    externalId: '1@social.example',
    instanceUrl: 'https://social.example',
    tokenExpiresAt: new Date(Date.now() + 3.5 * 24 * 60 * 60_000).toISOString(),
  });

  beforeEach(() => {
    navigatedTo = [];
    TestBed.configureTestingModule({
      imports: [ChannelsPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        provideRouter([]),
        { provide: EXTERNAL_NAVIGATION, useValue: (url: string) => navigatedTo.push(url) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChannelsPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/channels').flush([page1, broken, expiring]);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function item(id: string): HTMLElement {
    return page.querySelector(`[data-channel-id="${id}"]`) as HTMLElement;
  }

  it('shows each channel’s health in words, why it needs reconnecting, and tokens about to expire', () => {
    expect(textOf(item('c-1').querySelector('.badge'))).toBe('✓ Verbunden');
    expect(textOf(item('c-2').querySelector('.badge'))).toBe('! Neu verbinden nötig');
    expect(item('c-2').querySelector('.badge')?.getAttribute('data-state')).toBe('needs_reconnect');
    expect(textOf(item('c-2'))).toContain('Facebook hat den Zugang nicht mehr angenommen (Code 190).');
    expect(textOf(item('c-3').querySelector('.channel__expiry'))).toBe(
      'Der Zugang zu diesem Kanal läuft in 3 Tagen ab. Bitte verbinden Sie ihn neu.',
    );
    expect(item('c-1').querySelector('[aria-label^="Neu verbinden"]')).toBeNull();
    expect(getButton(page, 'Neu verbinden: Türk Kültür Derneği')).toBeTruthy();
  });

  it('reconnects a Facebook page through Facebook Login', () => {
    getButton(page, 'Neu verbinden: Türk Kültür Derneği').click();
    http
      .expectOne('/api/channels/facebook/login')
      .flush({ url: 'https://www.facebook.com/v21.0/dialog/oauth?state=s', redirectUri: 'http://localhost/channels/facebook/callback' });
    expect(navigatedTo).toEqual(['https://www.facebook.com/v21.0/dialog/oauth?state=s']);
  });

  it('says why Facebook Login cannot start', () => {
    getButton(page, 'Facebook-Seite verbinden').click();
    http
      .expectOne('/api/channels/facebook/login')
      .flush(
        { statusCode: 503, code: 'FACEBOOK_NOT_CONFIGURED', message: 'Facebook Login is not set up on this portal.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"]'))).toBe('Facebook Login is not set up on this portal.');
    expect(navigatedTo).toEqual([]);
  });

  it('connects a Mastodon account with its instance and token', () => {
    getButton(page, 'Mastodon-Konto verbinden').click();
    fixture.detectChanges();
    getButton(page, 'Mastodon-Konto verbinden').click(); // the form's submit: nothing filled in
    fixture.detectChanges();
    expect(descriptionOf(getByLabel(page, 'Adresse der Instanz'))).toBe('Bitte füllen Sie dieses Feld aus.');
    http.expectNone('/api/channels');

    type(getByLabel(page, 'Adresse der Instanz'), 'https://social.example');
    type(getByLabel(page, 'Zugriffsschlüssel'), ' secret-token ');
    getButton(page, 'Mastodon-Konto verbinden').click();
    const request = http.expectOne({ method: 'POST', url: '/api/channels' });
    expect(request.request.body).toEqual({
      type: 'mastodon',
      instanceUrl: 'https://social.example',
      accessToken: 'secret-token',
    });
    request.flush(newChannel({ id: 'c-9', type: 'mastodon', name: '@new@social.example' }));
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toBe('„@new@social.example“ ist verbunden.');
    expect(item('c-9')).toBeTruthy();
  });

  it('checks a channel now and reports the result', () => {
    getButton(page, 'Jetzt prüfen: Ayşe in Dortmund').click();
    fixture.detectChanges();
    expect(getButton(page, 'Wird geprüft: Ayşe in Dortmund').getAttribute('aria-disabled')).toBe('true');
    http.expectOne({ method: 'POST', url: '/api/channels/c-1/check' }).flush({ ...page1, status: 'needs_reconnect' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"]'))).toBe(
      '„Ayşe in Dortmund“ funktioniert nicht: Bitte verbinden Sie den Kanal neu.',
    );
  });
});
