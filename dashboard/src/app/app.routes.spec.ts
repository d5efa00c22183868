import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role, UserDto } from '@welcome-ruhr/contracts';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom, of } from 'rxjs';
import { textOf } from '../testing/dom';
import { provideTestTranslations } from '../testing/i18n';
import { newUser } from '../testing/users';
import { appRoutes } from './app.routes';
import { AuthService } from './auth/auth.service';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';

describe('app routes', () => {
  const user = signal<UserDto | null>(null);

  function signInAs(role: Role | null): void {
    user.set(role ? newUser({ role, name: 'Someone' }) : null);
  }

  async function open(url: string): Promise<{ url: string; root: HTMLElement }> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        {
          provide: AuthService,
          useValue: {
            ready: () => Promise.resolve(),
            user,
            signedIn: () => user() !== null,
            role: () => user()?.role ?? null,
            me: () => of(user()),
          },
        },
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    return { url: TestBed.inject(Router).url, root: harness.routeNativeElement as HTMLElement };
  }

  it('sends signed-out people to the sign-in page and remembers where they wanted to go', async () => {
    signInAs(null);
    const { url, root } = await open('/users');
    expect(url).toBe('/login?returnUrl=%2Fusers');
    expect(textOf(root.querySelector('h1'))).toBe('Anmelden');
    expect(TestBed.inject(Title).getTitle()).toBe('Anmelden – Welcome Ruhr');
  });

  it('opens the user administration for admins', async () => {
    signInAs('admin');
    const { url, root } = await open('/users');
    expect(url).toBe('/users');
    expect(textOf(root.querySelector('main h1'))).toBe('Benutzer');
    expect(TestBed.inject(Title).getTitle()).toBe('Benutzer – Welcome Ruhr');

    await firstValueFrom(TestBed.inject(TranslateService).use('en'));
    expect(TestBed.inject(Title).getTitle()).toBe('Users – Welcome Ruhr');
  });

  it.each<Role>(['moderator', 'ambassador'])('keeps a %s out of the user administration', async (role) => {
    signInAs(role);
    const { url } = await open('/users');
    expect(url).toBe('/');
  });

  it.each([
    ['/moderation', 'Moderation'],
    ['/moderation/rules', 'Gesperrte Begriffe'],
    ['/sources', 'Quellen'],
    ['/audit', 'Protokoll'],
    ['/moderation/posts', 'Beiträge prüfen'],
    ['/widgets', 'Widgets'],
    ['/services', 'Dienste'],
    ['/inbox', 'Anfragen'],
  ])('opens %s for moderators', async (path, title) => {
    signInAs('moderator');
    const { url, root } = await open(path);
    expect(url).toBe(path);
    expect(textOf(root.querySelector('main h1'))).toBe(title);
    expect(TestBed.inject(Title).getTitle()).toBe(`${title} – Welcome Ruhr`);
  });

  it('opens the topics for admins only', async () => {
    signInAs('admin');
    const { url, root } = await open('/topics');
    expect(url).toBe('/topics');
    expect(textOf(root.querySelector('main h1'))).toBe('Themen');
  });

  it('keeps a moderator out of the topics', async () => {
    signInAs('moderator');
    expect((await open('/topics')).url).toBe('/');
  });

  it.each(['/moderation', '/moderation/rules', '/sources', '/audit', '/topics'])(
    'keeps an ambassador out of %s',
    async (path) => {
      signInAs('ambassador');
      expect((await open(path)).url).toBe('/');
    },
  );

  it('sends signed-in people from the sign-in page to the overview', async () => {
    signInAs('ambassador');
    const { url, root } = await open('/login');
    expect(url).toBe('/');
    expect(textOf(root.querySelector('main h1'))).toBe('Willkommen, Someone');
  });

  it('opens the profile for every role, and the overview for unknown paths', async () => {
    signInAs('moderator');
    expect((await open('/profile')).url).toBe('/profile');
    expect(TestBed.inject(Title).getTitle()).toBe('Profil – Welcome Ruhr');
    await TestBed.inject(Router).navigateByUrl('/no-such-page');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('shows an ambassador their own start page, and everyone else the overview', async () => {
    signInAs('ambassador');
    const ambassador = await open('/');
    expect(ambassador.root.querySelector('wr-ambassador-home')).not.toBeNull();
    expect(TestBed.inject(Title).getTitle()).toBe('Übersicht – Welcome Ruhr');
    TestBed.resetTestingModule();
    signInAs('moderator');
    const moderator = await open('/');
    expect(moderator.root.querySelector('wr-ambassador-home')).toBeNull();
    expect(moderator.root.querySelector('wr-overview-page')).not.toBeNull();
  });

  it.each([
    ['/posts', 'Beiträge'],
    ['/posts/new', 'Neuer Beitrag'],
    ['/channels', 'Kanäle'],
    ['/ambassador-profile', 'Öffentliches Profil'],
    ['/inbox', 'Anfragen'],
  ])('opens %s for ambassadors', async (path, title) => {
    signInAs('ambassador');
    const { url } = await open(path);
    expect(url).toBe(path);
    expect(TestBed.inject(Title).getTitle()).toBe(`${title} – Welcome Ruhr`);
  });

  it.each(['/posts', '/posts/new', '/channels', '/ambassador-profile'])('keeps a moderator out of %s', async (path) => {
    signInAs('moderator');
    expect((await open(path)).url).toBe('/');
  });

  it.each(['/widgets', '/services', '/moderation/posts', '/mail-outbox'])('keeps an ambassador out of %s', async (path) => {
    signInAs('ambassador');
    expect((await open(path)).url).toBe('/');
  });

  it('opens the outbox for admins only', async () => {
    signInAs('moderator');
    expect((await open('/mail-outbox')).url).toBe('/');
    TestBed.resetTestingModule();
    signInAs('admin');
    const { url } = await open('/mail-outbox');
    expect(url).toBe('/mail-outbox');
    expect(TestBed.inject(Title).getTitle()).toBe('Postausgang – Welcome Ruhr');
  });

  it.each([
    ['/privacy', 'Datenschutz'],
    ['/services/categories', 'Kategorien der Dienste'],
  ])('opens %s for admins only', async (path, title) => {
    signInAs('moderator');
    expect((await open(path)).url).toBe('/');
    TestBed.resetTestingModule();
    signInAs('admin');
    const { url, root } = await open(path);
    expect(url).toBe(path);
    expect(textOf(root.querySelector('main h1'))).toBe(title);
    expect(TestBed.inject(Title).getTitle()).toBe(`${title} – Welcome Ruhr`);
  });

  it('opens one request of the inbox by its address', async () => {
    signInAs('ambassador');
    const { url, root } = await open('/inbox/r-1');
    expect(url).toBe('/inbox/r-1');
    expect(root.querySelector('wr-request-detail')).not.toBeNull();
  });

  it('opens an invitation link without a sign-in', async () => {
    signInAs(null);
    const { url, root } = await open('/invitations/tok-1');
    expect(url).toBe('/invitations/tok-1');
    expect(textOf(root.querySelector('h1'))).toBe('Einladung annehmen');
  });
});
