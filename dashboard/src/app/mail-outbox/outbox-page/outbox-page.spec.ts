import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { OutboxMessageDto } from '@welcome-ruhr/contracts';
import { choose, getButton, getByLabel, queryButtons, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { OutboxPage } from './outbox-page';

function mail(overrides: Partial<OutboxMessageDto> = {}): OutboxMessageDto {
  return {
    id: 'm-1',
    kind: 'contact.reply',
    to: 'olena@example.org',
    subject: 'Ihre Frage an Welcome Ruhr',
    language: 'uk',
    status: 'failed',
    attempts: 8,
    nextAttemptAt: null,
    lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
    sentAt: null,
    failedAt: new Date().toISOString(),
    createdAt: new Date(Date.now() - 86_400_000).toISOString(),
    ...overrides,
  };
}

describe('OutboxPage', () => {
  let fixture: ComponentFixture<OutboxPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OutboxPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OutboxPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/mail/outbox').flush({
      items: [mail(), mail({ id: 'm-2', status: 'sent', subject: 'Einladung', sentAt: new Date().toISOString(), lastError: null })],
      nextCursor: null,
      smtpConfigured: false,
    });
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows each mail’s state in words, why it failed, and that no mail server is set up', () => {
    expect(textOf(page.querySelector('.notice--warning'))).toContain('Es ist kein Mailserver eingestellt');
    const failed = page.querySelector('[data-mail-id="m-1"]') as HTMLElement;
    expect(textOf(failed.querySelector('.badge'))).toBe('! Fehlgeschlagen');
    expect(textOf(failed)).toContain('Letzter Fehler: connect ECONNREFUSED 127.0.0.1:2525');
    expect(textOf(failed)).toContain('contact.reply · Ukrainisch');
    expect(queryButtons(page, 'Erneut senden: Einladung an olena@example.org')).toHaveLength(0); // sent already
  });

  it('sends a failed mail again', () => {
    getButton(page, 'Erneut senden: Ihre Frage an Welcome Ruhr an olena@example.org').click();
    http.expectOne({ method: 'POST', url: '/api/mail/outbox/m-1/retry' }).flush(mail({ status: 'sent', lastError: null }));
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toBe(
      '„Ihre Frage an Welcome Ruhr“ wurde an olena@example.org gesendet.',
    );
    expect(textOf(page.querySelector('[data-mail-id="m-1"] .badge'))).toBe('✓ Gesendet');
  });

  it('filters by state', () => {
    choose(getByLabel<HTMLSelectElement>(page, 'Status'), 'waiting');
    fixture.detectChanges();
    const request = http.expectOne((r) => r.url === '/api/mail/outbox');
    expect(request.request.params.get('status')).toBe('waiting');
    request.flush({ items: [], nextCursor: null, smtpConfigured: true });
    fixture.detectChanges();
    expect(textOf(page.querySelector('.empty'))).toBe('Keine E-Mails in diesem Status.');
    expect(page.querySelector('.notice--warning')).toBeNull();
  });
});
