import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AmbassadorProfileDto } from '@welcome-ruhr/contracts';
import { choose, descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { AmbassadorProfilePage } from './ambassador-profile-page';

describe('AmbassadorProfilePage', () => {
  let fixture: ComponentFixture<AmbassadorProfilePage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const profile: AmbassadorProfileDto = {
    id: 'amb-1',
    displayName: 'Ayşe Yılmaz',
    languages: ['tr', 'de'],
    city: 'dortmund',
    community: null,
    bio: { tr: 'Dortmund’a altı yıl önce geldim.' },
    visible: false,
    photoUrl: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AmbassadorProfilePage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de'), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AmbassadorProfilePage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/ambassadors/me').flush(profile);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function tab(name: string): HTMLElement {
    const found = Array.from(page.querySelectorAll<HTMLElement>('[role="tab"]')).find((t) => textOf(t) === name);
    if (!found) throw new Error(`no tab "${name}"`);
    return found;
  }

  function tabs(): string[] {
    return Array.from(page.querySelectorAll('[role="tab"]')).map((tab) => textOf(tab));
  }

  it('fills the form and shows one bio tab per language, in that language and direction', async () => {
    expect(getByLabel(page, 'Angezeigter Name').value).toBe('Ayşe Yılmaz');
    expect(getByLabel<HTMLSelectElement>(page, 'Stadt').value).toBe('dortmund');
    expect(getByLabel(page, 'Türkisch').checked).toBe(true);
    expect(tabs()).toEqual(['Türkisch (ausgefüllt)✓', 'Deutsch']);

    const turkish = getByLabel<HTMLTextAreaElement>(page, 'Vorstellung auf Türkisch');
    expect(turkish.value).toBe('Dortmund’a altı yıl önce geldim.');
    expect(turkish.getAttribute('lang')).toBe('tr');
    expect(descriptionOf(turkish)).toBe('32 von 1000 Zeichen');

    getByLabel(page, 'Arabisch').click();
    fixture.detectChanges();
    const arabicTab = tab('Arabisch');
    arabicTab.click();
    fixture.detectChanges();
    const arabic = getByLabel<HTMLTextAreaElement>(page, 'Vorstellung auf Arabisch');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabicTab.getAttribute('aria-selected')).toBe('true');
  });

  it('moves between the language tabs with the arrow keys', async () => {
    const first = tab('Türkisch (ausgefüllt)✓');
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(textOf(document.activeElement)).toBe('Deutsch');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
  });

  it('saves the profile with a bio per language and shows it in the directory', () => {
    type(getByLabel(page, 'Community'), 'Türkischer Elternverein Dortmund');
    tab('Deutsch').click();
    fixture.detectChanges();
    type(getByLabel(page, 'Vorstellung auf Deutsch') as unknown as HTMLInputElement, 'Ich kam vor sechs Jahren.');
    getByLabel(page, 'Im öffentlichen Verzeichnis zeigen').click();
    fixture.detectChanges();
    getButton(page, 'Profil speichern').click();

    const request = http.expectOne({ method: 'PUT', url: '/api/ambassadors/me' });
    expect(request.request.body).toEqual({
      displayName: 'Ayşe Yılmaz',
      languages: ['tr', 'de'],
      city: 'dortmund',
      community: 'Türkischer Elternverein Dortmund',
      bio: { tr: 'Dortmund’a altı yıl önce geldim.', de: 'Ich kam vor sechs Jahren.' },
      visible: true,
    });
    request.flush({ ...profile, visible: true });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toBe(
      'Das Profil wurde gespeichert und ist im Verzeichnis sichtbar.',
    );
  });

  it('will not show a profile without a city', () => {
    choose(getByLabel<HTMLSelectElement>(page, 'Stadt'), '');
    getByLabel(page, 'Im öffentlichen Verzeichnis zeigen').click();
    fixture.detectChanges();
    expect(textOf(page.querySelector('#profile-visible-hint'))).toContain(
      'Damit Neuankömmlinge Ihr Profil sehen, fehlt noch: eine Stadt.',
    );
    getButton(page, 'Profil speichern').click();
    fixture.detectChanges();
    http.expectNone('/api/ambassadors/me');
    expect(getByLabel(page, 'Im öffentlichen Verzeichnis zeigen').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks a photo before uploading it as the request body', () => {
    const input = getByLabel(page, 'Foto auswählen');
    const pdf = new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [pdf], configurable: true });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(descriptionOf(input)).toBe('Bitte wählen Sie ein Foto im Format JPEG, PNG oder WebP.');

    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'me.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [photo], configurable: true });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    getButton(page, 'Foto hochladen').click();
    const upload = http.expectOne({ method: 'PUT', url: '/api/ambassadors/me/photo' });
    expect(upload.request.body).toBe(photo);
    expect(upload.request.headers.get('Content-Type')).toBe('image/jpeg');
    upload.flush({ ...profile, photoUrl: '/api/ambassadors/me/photo?v=1' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="status"]'))).toBe('Das Foto wurde gespeichert.');
  });
});
