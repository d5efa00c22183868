import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@welcome-ruhr/contracts';
import { getButton, textOf } from '../../testing/dom';
import { provideTestTranslations } from '../../testing/i18n';
import { newUser } from '../../testing/users';
import { AuthService } from '../auth/auth.service';
import { Shell } from './shell';

@Component({ template: '<h1>Page</h1>' })
class StubPage {}

describe('Shell', () => {
  let http: HttpTestingController;

  async function openAs(role: Role, url = '/'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        provideRouter([
          {
            path: '',
            component: Shell,
            children: [
              { path: '', component: StubPage },
              { path: 'users', component: StubPage },
              { path: 'moderation', component: StubPage },
              { path: 'moderation/rules', component: StubPage },
              { path: 'sources', component: StubPage },
              { path: 'audit', component: StubPage },
              { path: 'topics', component: StubPage },
              { path: 'profile', component: StubPage },
              { path: 'ambassador-profile', component: StubPage },
              { path: 'posts', component: StubPage },
              { path: 'posts/new', component: StubPage },
              { path: 'channels', component: StubPage },
              { path: 'inbox', component: StubPage },
              { path: 'widgets', component: StubPage },
              { path: 'services', component: StubPage },
              { path: 'moderation/posts', component: StubPage },
              { path: 'mail-outbox', component: StubPage },
            ],
          },
          { path: 'login', component: StubPage },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login({ email: 'x@example.org', password: 'pw' }).subscribe();
    http.expectOne('/api/auth/login').flush({
      accessToken: 'token',
      expiresIn: 900,
      user: newUser({ name: 'Rana Role', role, cities: ['herne'] }),
    });
    const harness = await RouterTestingHarness.create(url);
    return harness.routeNativeElement as HTMLElement;
  }

  function navLinks(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('nav a')).map(textOf);
  }

  it('offers admins every page, the topics and the user administration included', async () => {
    const root = await openAs('admin');
    expect(navLinks(root)).toEqual([
      'Übersicht',
      'Moderation',
      'Beiträge prüfen',
      'Quellen',
      'Anfragen',
      'Widgets',
      'Dienste',
      'Protokoll',
      'Themen',
      'Benutzer',
      'Postausgang',
      'Datenschutz',
      'Profil',
    ]);
    expect(root.querySelector('[data-testid="nav-users"]')?.getAttribute('href')).toBe('/users');
    expect(root.querySelector('[data-testid="nav-topics"]')?.getAttribute('href')).toBe('/topics');
    expect(root.querySelector('[data-testid="nav-outbox"]')?.getAttribute('href')).toBe('/mail-outbox');
    expect(root.querySelector('[data-testid="nav-privacy"]')?.getAttribute('href')).toBe('/privacy');
  });

  it('offers moderators moderation, post review, sources, requests, widgets, services and the audit log, but not topics, users or the outbox', async () => {
    const root = await openAs('moderator');
    expect(navLinks(root)).toEqual([
      'Übersicht',
      'Moderation',
      'Beiträge prüfen',
      'Quellen',
      'Anfragen',
      'Widgets',
      'Dienste',
      'Protokoll',
      'Profil',
    ]);
    const hrefs = ['nav-moderation', 'nav-post-review', 'nav-sources', 'nav-inbox', 'nav-widgets', 'nav-services', 'nav-audit'].map(
      (id) => root.querySelector(`[data-testid="${id}"]`)?.getAttribute('href'),
    );
    expect(hrefs).toEqual(['/moderation', '/moderation/posts', '/sources', '/inbox', '/widgets', '/services', '/audit']);
  });

  it('offers an ambassador their posts, channels, requests and profile', async () => {
    const root = await openAs('ambassador');
    expect(navLinks(root)).toEqual(['Übersicht', 'Beiträge', 'Kanäle', 'Anfragen', 'Profil']);
    expect(root.querySelector('[data-testid="nav-profile"]')?.getAttribute('href')).toBe('/ambassador-profile');
  });

  it('marks one link as current: the post review, not moderation; the composer under posts', async () => {
    const review = await openAs('moderator', '/moderation/posts');
    expect(Array.from(review.querySelectorAll('nav a[aria-current="page"]')).map(textOf)).toEqual(['Beiträge prüfen']);
  });

  it('counts an ambassador’s account page as part of their profile', async () => {
    const root = await openAs('ambassador', '/profile');
    expect(Array.from(root.querySelectorAll('nav a[aria-current="page"]')).map(textOf)).toEqual(['Profil']);
    await TestBed.inject(Router).navigateByUrl('/posts/new');
    await new Promise((resolve) => setTimeout(resolve));
    expect(Array.from(root.querySelectorAll('nav a[aria-current="page"]')).map(textOf)).toEqual(['Beiträge']);
  });

  it('marks moderation as current on its sub-pages too', async () => {
    const root = await openAs('moderator', '/moderation/rules');
    const current = Array.from(root.querySelectorAll('nav a[aria-current="page"]')).map(textOf);
    expect(current).toEqual(['Moderation']);
  });

  it('labels the navigation and marks the current page', async () => {
    const root = await openAs('admin', '/users');
    const nav = root.querySelector('nav') as HTMLElement;
    expect(nav.getAttribute('aria-label')).toBe('Hauptnavigation');
    const current = Array.from(nav.querySelectorAll('a[aria-current="page"]')).map(textOf);
    expect(current).toEqual(['Benutzer']);
  });

  it('shows who is signed in, with their role', async () => {
    const root = await openAs('moderator');
    expect(textOf(root.querySelector('.account__who'))).toBe('Rana Role, Moderator:in');
  });

  it('has a skip link to the main content', async () => {
    const root = await openAs('admin');
    const skip = root.querySelector('a.skip-link') as HTMLAnchorElement;
    const main = root.querySelector('main#main') as HTMLElement;
    expect(root.firstElementChild).toBe(skip);
    expect(textOf(skip)).toBe('Zum Inhalt springen');

    skip.click();
    expect(document.activeElement).toBe(main);
  });

  it('signs out and goes to the sign-in page', async () => {
    const root = await openAs('admin');
    getButton(root, 'Abmelden').click();
    const logout = http.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(TestBed.inject(AuthService).signedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/login');
  });
});
