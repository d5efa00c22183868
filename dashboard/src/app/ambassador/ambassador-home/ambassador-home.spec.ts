import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PostDeliveryDto } from '@welcome-ruhr/contracts';
import { getButton, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newChannel, newNotification, newPost } from '../../../testing/posts';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { EXTERNAL_NAVIGATION } from '../../shared/external-navigation';
import { AmbassadorHome } from './ambassador-home';

describe('AmbassadorHome', () => {
  let fixture: ComponentFixture<AmbassadorHome>;
  let http: HttpTestingController;
  let page: HTMLElement;
  let navigatedTo: string[];

  const brokenPage = newChannel({ id: 'c-fb', name: 'Ayşe in Dortmund', status: 'needs_reconnect' });
  const delivery: PostDeliveryDto = {
    channelId: 'c-fb',
    channelType: 'facebook_page',
    channelName: 'Ayşe in Dortmund',
    status: 'failed',
    externalId: null,
    externalUrl: null,
    publishedAt: null,
    error: 'Facebook hat den Zugang zur Seite abgelehnt. Verbinden Sie die Seite neu.',
    attempts: 1,
    nextAttemptAt: null,
  };
  const failed = newPost({ id: 'p-failed', status: 'failed', text: 'Elternabend in der Moschee', deliveries: [delivery] });
  const rejected = newPost({ id: 'p-rej', status: 'rejected', text: 'Wohnung frei', rejectReason: 'Bitte ohne Telefonnummer.' });
  const scheduled = newPost({ id: 'p-sched', status: 'scheduled', text: 'Sprachcafé' });
  const draft = newPost({ id: 'p-draft', status: 'draft', text: 'Idee' });

  beforeEach(() => {
    navigatedTo = [];
    TestBed.configureTestingModule({
      imports: [AmbassadorHome],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        provideRouter([]),
        { provide: AuthService, useValue: { user: signal(newUser({ name: 'Ayşe', role: 'ambassador' })) } },
        { provide: EXTERNAL_NAVIGATION, useValue: (url: string) => navigatedTo.push(url) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AmbassadorHome);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/posts').flush([failed, rejected, scheduled, draft]);
    http.expectOne('/api/channels').flush([brokenPage]);
    http.expectOne('/api/notifications').flush([
      newNotification({
        id: 'n-1',
        kind: 'channel_token_expiring',
        message: 'Der Zugang zu „@ayse@social.example“ läuft in 6 Tagen ab.',
      }),
      newNotification({ id: 'n-2', kind: 'post_published', message: 'Alt', readAt: '2026-01-01T00:00:00Z' }),
    ]);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('counts the posts by state, with links to each', () => {
    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('.count-list a'));
    expect(links.map(textOf)).toEqual(['Entwürfe: 1', 'Geplant: 1', 'Fehlgeschlagen: 1', 'Abgelehnt: 1']);
    expect(links[2].getAttribute('href')).toBe('/posts?status=failed');
  });

  it('says in plain words why a post failed and retries it', () => {
    const attention = page.querySelector('[aria-labelledby="home-attention"]') as HTMLElement;
    const item = attention.querySelector('[data-post-id="p-failed"]') as HTMLElement;
    expect(textOf(item.querySelector('.badge'))).toBe('! Fehlgeschlagen');
    expect(textOf(item)).toContain(
      'Nicht veröffentlicht: Facebook hat den Zugang zur Seite abgelehnt. Verbinden Sie die Seite neu. Verbinden Sie den Kanal neu und versuchen Sie es dann erneut.',
    );
    expect(textOf(attention.querySelector('[data-post-id="p-rej"]'))).toContain('Abgelehnt, weil: Bitte ohne Telefonnummer.');

    getButton(page, 'Erneut versuchen: Elternabend in der Moschee').click();
    http.expectOne({ method: 'POST', url: '/api/posts/p-failed/retry' }).flush({ ...failed, status: 'scheduled' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toBe('Wird erneut versucht: Elternabend in der Moschee');
    expect(attention.isConnected ? attention.querySelector('[data-post-id="p-failed"]') : null).toBeNull();
  });

  it('shows unread notifications, a token about to expire among them, and marks them read', () => {
    const section = page.querySelector('[aria-labelledby="home-notifications"]') as HTMLElement;
    expect(textOf(section.querySelector('h2'))).toBe('Neue Hinweise (1)');
    expect(textOf(section.querySelector('li'))).toContain('◷ Zugang läuft ab');
    expect(textOf(section.querySelector('li'))).toContain('Der Zugang zu „@ayse@social.example“ läuft in 6 Tagen ab.');

    getButton(section, 'Als gelesen markieren: Der Zugang zu „@ayse@social.example“ läuft in 6 Tagen ab.').click();
    http.expectOne({ method: 'POST', url: '/api/notifications/n-1/read' }).flush(
      newNotification({ id: 'n-1', kind: 'channel_token_expiring', readAt: new Date().toISOString() }),
    );
    fixture.detectChanges();
    expect(page.querySelector('[aria-labelledby="home-notifications"]')).toBeNull();
  });

  it('shows the channels’ health and reconnects a refused Facebook page', () => {
    const channels = page.querySelector('[aria-labelledby="home-channels"]') as HTMLElement;
    expect(textOf(channels.querySelector('.notice'))).toBe('Kanäle, die Sie neu verbinden sollten: 1');
    expect(textOf(channels.querySelector('.badge'))).toBe('! Neu verbinden nötig');
    getButton(channels, 'Neu verbinden: Ayşe in Dortmund').click();
    http.expectOne('/api/channels/facebook/login').flush({ url: 'https://www.facebook.com/dialog', redirectUri: 'x' });
    expect(navigatedTo).toEqual(['https://www.facebook.com/dialog']);
  });

  it('shows the calendar', () => {
    expect(page.querySelector('[aria-labelledby="home-calendar"] [role="grid"]')).not.toBeNull();
  });
});
