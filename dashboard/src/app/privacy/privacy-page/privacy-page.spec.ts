import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ContactDataExport, ContactRequestDto } from '@welcome-ruhr/contracts';
import { descriptionOf, getButton, getByLabel, queryButtons, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { exportFileName, PrivacyPage } from './privacy-page';

function contactRequest(id: string): ContactRequestDto {
  return {
    id,
    status: 'answered',
    routedTo: 'portal',
    city: 'essen',
    ambassador: null,
    name: 'Olena',
    language: 'uk',
    createdAt: '2026-03-01T10:00:00.000Z',
    answeredAt: '2026-03-02T10:00:00.000Z',
    closedAt: null,
    email: 'olena+test@example.org',
    message: 'Wo melde ich mich an?',
    consentAt: '2026-03-01T10:00:00.000Z',
    privacyNoticeVersion: 'uk-3f2a9c0d11be',
    assignedAt: null,
    replyAddress: 'portal+abc@example.org',
    replies: [],
  };
}

function exportOf(requests: number, mails: number): ContactDataExport {
  return {
    email: 'olena+test@example.org',
    exportedAt: '2026-04-01T12:00:00.000Z',
    contactRequests: Array.from({ length: requests }, (_, i) => contactRequest(`r-${i + 1}`)),
    mails: Array.from({ length: mails }, (_, i) => ({
      id: `m-${i + 1}`,
      to: 'olena+test@example.org',
      subject: 'Ihre Anfrage',
      text: 'Guten Tag',
      createdAt: '2026-03-02T10:00:00.000Z',
      sentAt: null,
    })),
  };
}

/** jsdom's Blob has no text(). */
function textOfBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** The address as the page puts it into sentences: isolated, so it keeps its direction in Arabic. */
const OLENA = '\u2068olena+test@example.org\u2069';

describe('PrivacyPage', () => {
  let fixture: ComponentFixture<PrivacyPage>;
  let http: HttpTestingController;
  let page: HTMLElement;
  let downloads: { name: string; blob: Blob }[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [PrivacyPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PrivacyPage);
    page = fixture.nativeElement;
    fixture.detectChanges();

    // jsdom has no object URLs and does not download; record what the page hands to the browser.
    downloads = [];
    let blob: Blob | null = null;
    Object.assign(window.URL, {
      createObjectURL: jest.fn((b: Blob) => ((blob = b), 'blob:export')),
      revokeObjectURL: jest.fn(),
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (blob) downloads.push({ name: this.download, blob });
    });
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
    delete (window.URL as Partial<typeof URL>).createObjectURL;
    delete (window.URL as Partial<typeof URL>).revokeObjectURL;
  });

  function emailField(): HTMLInputElement {
    return getByLabel(page, 'E-Mail-Adresse der Person');
  }

  function click(name: string, root: HTMLElement = page): void {
    getButton(root, name).click();
    fixture.detectChanges();
  }

  function status(): string {
    return textOf(page.querySelector('[role="status"].live-region'));
  }

  function startExport(address: string): TestRequest {
    type(emailField(), address);
    fixture.detectChanges();
    click('Daten exportieren');
    return http.expectOne((r) => r.url === '/api/contact-requests/export');
  }

  function exportFound(requests: number, mails: number): void {
    startExport('Olena+Test@example.org').flush(exportOf(requests, mails));
    fixture.detectChanges();
  }

  function dialog(): HTMLElement {
    const found = page.querySelector<HTMLElement>('dialog');
    if (!found) throw new Error('no dialog');
    return found;
  }

  it('exports the data of an address as a JSON file and says how much was found', async () => {
    const request = startExport('  Olena+Test@example.org ');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('email')).toBe('Olena+Test@example.org');
    // A plus in the address must reach the server as a plus, not as a space.
    expect(request.request.urlWithParams).toContain('email=Olena%2BTest@example.org');
    expect(getButton(page, 'Daten werden exportiert …')).toBeTruthy();
    request.flush(exportOf(2, 3));
    fixture.detectChanges();

    expect(status()).toBe(
      `Die Datei mit den Daten von ${OLENA} wurde heruntergeladen. Gefunden – Anfragen: 2, E-Mails: 3.`,
    );
    expect(downloads.map((d) => d.name)).toEqual(['welcome-ruhr-contact-data-olena+test@example.org.json']);
    expect(downloads[0].blob.type).toBe('application/json');
    const saved = JSON.parse(await textOfBlob(downloads[0].blob)) as ContactDataExport;
    expect(saved.contactRequests.map((r) => r.id)).toEqual(['r-1', 'r-2']);
    expect(saved.mails).toHaveLength(3);
  });

  it('names a file safely whatever the address holds', () => {
    expect(exportFileName('a/b\\c:d@example.org')).toBe('welcome-ruhr-contact-data-a_b_c_d@example.org.json');
  });

  it('asks for an address before it sends anything', () => {
    click('Daten exportieren');
    http.expectNone('/api/contact-requests/export');
    expect(emailField().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(emailField())).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(page.ownerDocument.activeElement).toBe(emailField());

    type(emailField(), 'olena');
    fixture.detectChanges();
    expect(emailField().getAttribute('aria-invalid')).toBeNull();
    click('Daten exportieren');
    http.expectNone('/api/contact-requests/export');
    expect(descriptionOf(emailField())).toBe('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
  });

  it('shows the API’s problem with the address next to the field', () => {
    startExport('olena@example').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'email must be an e-mail address',
        fields: [{ field: 'email', problem: 'email must be an e-mail address' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(emailField().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(emailField())).toBe('email must be an e-mail address');
    expect(textOf(page.querySelector('[role="alert"].live-region'))).toBe('');
    expect(downloads).toEqual([]);
    expect(queryButtons(page, 'Alle Daten löschen')).toEqual([]);
  });

  it('reports other failures in an alert and downloads nothing', () => {
    startExport('olena@example.org').flush(
      { statusCode: 403, code: 'FORBIDDEN', message: 'Only admins may do this.' },
      { status: 403, statusText: 'Forbidden' },
    );
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"].live-region'))).toBe('Only admins may do this.');
    expect(emailField().getAttribute('aria-invalid')).toBeNull();
    expect(downloads).toEqual([]);
  });

  it('offers erasure only after an export of the same address', () => {
    expect(queryButtons(page, 'Alle Daten löschen')).toEqual([]);
    exportFound(2, 0);
    expect(queryButtons(page, 'Alle Daten löschen')).toHaveLength(1);

    type(emailField(), 'someone@example.org');
    fixture.detectChanges();
    expect(queryButtons(page, 'Alle Daten löschen')).toEqual([]);
  });

  it('offers no erasure when the address was changed while its export ran', () => {
    const running = startExport('Olena+Test@example.org');
    type(emailField(), 'someone@example.org');
    fixture.detectChanges();
    running.flush(exportOf(2, 0));
    fixture.detectChanges();

    expect(downloads).toHaveLength(1);
    expect(queryButtons(page, 'Alle Daten löschen')).toEqual([]);
  });

  it('says when nothing is stored about an address and offers nothing to erase', () => {
    exportFound(0, 0);
    expect(status()).toBe(
      `Zu ${OLENA} ist nichts gespeichert: keine Anfragen, keine E-Mails. Die Datei mit diesem Ergebnis wurde heruntergeladen.`,
    );
    expect(downloads).toHaveLength(1);
    expect(queryButtons(page, 'Alle Daten löschen')).toEqual([]);
  });

  it('erases after a confirmation that says how many requests and mails go, and shows what went', () => {
    exportFound(2, 3);
    click('Alle Daten löschen');
    expect(textOf(dialog().querySelector('h2'))).toBe('Daten endgültig löschen?');
    expect(Array.from(dialog().querySelectorAll('li')).map(textOf)).toEqual([
      'Anfragen mit ihren Antworten: 2',
      'E-Mails an diese Adresse: 3',
    ]);
    expect(textOf(dialog().querySelector('p'))).toBe(`Für ${OLENA} wird gelöscht:`);

    click('Abbrechen', dialog());
    expect(page.querySelector('dialog')).toBeNull();
    http.expectNone((r) => r.method === 'DELETE');

    click('Alle Daten löschen');
    click('Endgültig löschen', dialog());
    // The address the export found (as the server stores it), not whatever the field holds.
    const erase = http.expectOne((r) => r.url === '/api/contact-requests');
    expect(erase.request.method).toBe('DELETE');
    expect(erase.request.params.get('email')).toBe('olena+test@example.org');
    erase.flush({ email: 'olena+test@example.org', contactRequests: 2, mails: 4 });
    fixture.detectChanges();

    expect(status()).toBe(`Die Daten von ${OLENA} wurden gelöscht – Anfragen: 2, E-Mails: 4.`);
    expect(queryButtons(page, 'Alle Daten löschen')).toEqual([]);
    expect(emailField().value).toBe('');
  });

  it('keeps the erasure on offer when it fails, with the reason', () => {
    exportFound(1, 0);
    click('Alle Daten löschen');
    click('Endgültig löschen', dialog());
    http.expectOne((r) => r.method === 'DELETE').error(new ProgressEvent('error'), { status: 0 });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"].live-region'))).toBe(
      'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    );
    expect(queryButtons(page, 'Alle Daten löschen')).toHaveLength(1);
  });
});
