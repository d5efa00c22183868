import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ContactRequestDto, ContactRequestSummaryDto, Role, UserDto } from '@welcome-ruhr/contracts';
import { choose, descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { InboxPage } from './inbox-page';

const HOSTILE = 'Hallo!\n<script>window.hacked = true</script><img src=x onerror="window.hacked = true"><b>fett</b>';

function summary(overrides: Partial<ContactRequestSummaryDto> = {}): ContactRequestSummaryDto {
  return {
    id: 'r-1',
    status: 'new',
    routedTo: 'portal',
    city: 'bochum',
    ambassador: null,
    name: 'Olena',
    language: 'uk',
    createdAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    answeredAt: null,
    closedAt: null,
    ...overrides,
  };
}

function detail(overrides: Partial<ContactRequestDto> = {}): ContactRequestDto {
  return {
    ...summary(),
    email: null,
    message: HOSTILE,
    consentAt: '2026-05-01T10:00:00.000Z',
    privacyNoticeVersion: 'uk-1',
    assignedAt: null,
    replyAddress: 'reply+r-1@portal.example',
    replies: [],
    ...overrides,
  };
}

describe('InboxPage', () => {
  let fixture: ComponentFixture<InboxPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  function open(user: UserDto, id?: string): void {
    TestBed.configureTestingModule({
      imports: [InboxPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        provideRouter([]),
        { provide: AuthService, useValue: { user: signal(user), role: signal<Role>(user.role) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InboxPage);
    if (id) fixture.componentRef.setInput('id', id);
    page = fixture.nativeElement;
    fixture.detectChanges();
    const list = http.expectOne((r) => r.url === '/api/contact-requests');
    expect(list.request.params.get('status')).toBe('new');
    list.flush({ items: [summary(), summary({ id: 'r-2', name: 'Ahmad', language: 'ar', city: null })], nextCursor: null });
    fixture.detectChanges();
  }

  afterEach(() => {
    http.verify();
    delete (window as { hacked?: boolean }).hacked;
  });

  const ambassador = newUser({ role: 'ambassador', name: 'Ayşe', ambassadorId: 'amb-1', cities: ['bochum'] });
  const moderator = newUser({ role: 'moderator', name: 'Mo', cities: ['bochum', 'herne'] });

  it('lists the new requests with their state in words', () => {
    open(ambassador);
    const rows = Array.from(page.querySelectorAll('[data-request-id]'));
    expect(rows.map((row) => textOf(row.querySelector('a')))).toEqual(['Anfrage von Olena', 'Anfrage von Ahmad']);
    expect(textOf(rows[0].querySelector('.badge'))).toBe('★ Neu');
    expect(textOf(rows[0].querySelector('.inbox__meta'))).toContain('Ukrainisch · Bochum · an das Portal');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/inbox/r-1');
    expect(page.querySelector('#inbox-city')).toBeNull(); // ambassadors see only their own requests
  });

  it('shows the message as plain text: markup in it stays text and never runs', () => {
    open(ambassador, 'r-1');
    http.expectOne('/api/contact-requests/r-1').flush(detail());
    fixture.detectChanges();

    const message = page.querySelector('[data-testid="request-message"]') as HTMLElement;
    expect(message.textContent).toBe(HOSTILE);
    expect(message.children).toHaveLength(0);
    expect(page.querySelector('.request script, .request img, .request b')).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
    expect(message.getAttribute('lang')).toBe('uk');
    expect(page.querySelector('[aria-current="page"]')?.textContent?.trim()).toBe('Anfrage von Olena');
  });

  it('sends a reply, and the request becomes answered', () => {
    open(ambassador, 'r-1');
    http.expectOne('/api/contact-requests/r-1').flush(detail());
    fixture.detectChanges();

    getButton(page, 'Antwort senden').click();
    fixture.detectChanges();
    expect(descriptionOf(getByLabel(page, 'Antwort'))).toBe('Bitte füllen Sie dieses Feld aus.');

    type(getByLabel(page, 'Antwort') as unknown as HTMLInputElement, 'Привіт, Олено! Das Bürgeramt ist …');
    getButton(page, 'Antwort senden').click();
    const reply = http.expectOne({ method: 'POST', url: '/api/contact-requests/r-1/reply' });
    expect(reply.request.body).toEqual({ message: 'Привіт, Олено! Das Bürgeramt ist …' });
    reply.flush(
      detail({
        status: 'answered',
        replies: [{ id: 'a-1', authorName: 'Ayşe', message: 'Привіт, Олено! Das Bürgeramt ist …', createdAt: new Date().toISOString() }],
      }),
    );
    fixture.detectChanges();

    expect(textOf(page.querySelector('.request [role="status"]'))).toBe('Die Antwort an Olena wurde gesendet.');
    expect(textOf(page.querySelector('[data-request-id="r-1"] .badge'))).toBe('✓ Beantwortet');
    expect(textOf(page.querySelector('.replies'))).toContain('Привіт, Олено!');
  });

  it('closes a request after asking', () => {
    open(ambassador, 'r-1');
    http.expectOne('/api/contact-requests/r-1').flush(detail());
    fixture.detectChanges();
    getButton(page, 'Anfrage schließen').click();
    fixture.detectChanges();
    const dialog = page.querySelector('dialog') as HTMLElement;
    getButton(dialog, 'Anfrage schließen').click();
    http.expectOne({ method: 'POST', url: '/api/contact-requests/r-1/close' }).flush(detail({ status: 'closed' }));
    fixture.detectChanges();
    expect(textOf(page.querySelector('[data-request-id="r-1"] .badge'))).toBe('– Geschlossen');
    expect(page.querySelector('#request-reply')).toBeNull();
  });

  it('lets a moderator filter by city and hand a request to an ambassador of its city', () => {
    open(moderator, 'r-1');
    http.expectOne('/api/contact-requests/r-1').flush(detail());
    const ambassadors = http.expectOne((r) => r.url === '/api/users');
    expect(ambassadors.request.params.get('role')).toBe('ambassador');
    expect(ambassadors.request.params.get('city')).toBe('bochum');
    ambassadors.flush([ambassador, newUser({ role: 'ambassador', name: 'Ohne Profil', ambassadorId: null })]);
    fixture.detectChanges();

    const select = getByLabel<HTMLSelectElement>(page, 'An Ambassador weitergeben');
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual(['Bitte wählen', 'Ayşe']);
    choose(select, 'amb-1');
    getButton(page, 'Weitergeben').click();
    const assign = http.expectOne({ method: 'POST', url: '/api/contact-requests/r-1/assign' });
    expect(assign.request.body).toEqual({ ambassadorId: 'amb-1' });
    assign.flush(detail({ routedTo: 'ambassador', ambassador: { id: 'amb-1', displayName: 'Ayşe' } }));
    http.expectOne((r) => r.url === '/api/users').flush([ambassador]);
    fixture.detectChanges();
    expect(textOf(page.querySelector('.request [role="status"]'))).toBe('Die Anfrage wurde an Ayşe weitergegeben.');
    expect(textOf(page.querySelector('[data-request-id="r-1"] .inbox__meta'))).toContain('an Ayşe');

    const city = getByLabel<HTMLSelectElement>(page, 'Stadt');
    expect(Array.from(city.options).map((o) => o.textContent?.trim())).toEqual(['Alle Städte', 'Bochum', 'Herne']);
    choose(city, 'herne');
    fixture.detectChanges();
    const filtered = http.expectOne((r) => r.url === '/api/contact-requests');
    expect(filtered.request.params.get('city')).toBe('herne');
    filtered.flush({ items: [], nextCursor: null });
  });
});
