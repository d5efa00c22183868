import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role, UserDto } from '@welcome-ruhr/contracts';
import { textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { OverviewPage } from './overview-page';

describe('OverviewPage', () => {
  function render(user: UserDto): HTMLElement {
    TestBed.configureTestingModule({
      imports: [OverviewPage],
      providers: [
        provideRouter([]),
        provideTestTranslations('de'),
        { provide: AuthService, useValue: { user: signal(user), role: signal<Role>(user.role) } },
      ],
    });
    const fixture = TestBed.createComponent(OverviewPage);
    fixture.detectChanges();
    return fixture.nativeElement;
  }

  it("welcomes a moderator with their role, cities and the pages they can open", () => {
    const page = render(newUser({ name: 'Mo', role: 'moderator', cities: ['herne', 'muelheim-an-der-ruhr'] }));

    expect(textOf(page.querySelector('h1'))).toBe('Willkommen, Mo');
    expect(textOf(page.querySelector('.lead'))).toBe('Sie sind als Moderator:in angemeldet.');
    expect(Array.from(page.querySelectorAll('.city-list li')).map(textOf)).toEqual(['Herne', 'Mülheim an der Ruhr']);
    expect(Array.from(page.querySelectorAll('.page-links a')).map(textOf)).toEqual([
      'Moderation',
      'Beiträge prüfen',
      'Quellen',
      'Anfragen',
      'Widgets',
      'Dienste',
      'Protokoll',
      'Profil',
    ]);
  });

  it('tells an admin they work for all cities and links every page, topics and users included', () => {
    const page = render(newUser({ name: 'Ada', role: 'admin', cities: [] }));

    expect(textOf(page.querySelector('[aria-labelledby="overview-cities"] p'))).toBe(
      'Als Admin arbeiten Sie für alle Städte.',
    );
    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('.page-links a'));
    expect(links.map(textOf)).toEqual([
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
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/moderation',
      '/moderation/posts',
      '/sources',
      '/inbox',
      '/widgets',
      '/services',
      '/audit',
      '/topics',
      '/users',
      '/mail-outbox',
      '/privacy',
      '/profile',
    ]);
  });

  it('says so when an ambassador has no city yet', () => {
    const page = render(newUser({ role: 'ambassador', cities: [] }));
    expect(textOf(page.querySelector('[aria-labelledby="overview-cities"] p'))).toBe(
      'Ihnen ist noch keine Stadt zugeordnet.',
    );
  });

  it('keeps the headings in order', () => {
    const page = render(newUser());
    expect(Array.from(page.querySelectorAll('h1, h2, h3')).map((h) => h.tagName)).toEqual(['H1', 'H2', 'H2']);
  });
});
