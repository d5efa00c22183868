import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UserDto, WidgetPresetDto } from '@welcome-ruhr/contracts';
import { newTopic, wait } from '../../../testing/content';
import { choose, descriptionOf, getButton, getByLabel, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { WidgetConfigPage } from './widget-config-page';

describe('WidgetConfigPage', () => {
  let fixture: ComponentFixture<WidgetConfigPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const saved: WidgetPresetDto = {
    id: 'preset-1',
    city: 'bochum',
    name: 'Startseite',
    attributes: { languages: ['uk'], layout: 'grid' },
    createdBy: 'user-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  function open(user: UserDto = newUser({ role: 'moderator', cities: ['essen', 'bochum'] }), presets = [saved]): void {
    TestBed.configureTestingModule({
      imports: [WidgetConfigPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        { provide: AuthService, useValue: { user: signal(user) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WidgetConfigPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/topics').flush([newTopic({ slug: 'work', labels: { de: 'Arbeit', en: 'Work' } })]);
    http.expectOne('/api/widget-presets').flush(presets);
    fixture.detectChanges();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('script[data-wr-widget-script]').forEach((script) => script.remove());
  });

  function snippet(): string {
    return getByLabel<HTMLTextAreaElement>(page, 'Code').value;
  }

  function check(label: string): void {
    getByLabel(page, label).click();
    fixture.detectChanges();
  }

  it('offers the moderator’s cities and builds the script snippet from the choices', () => {
    open();
    const city = getByLabel<HTMLSelectElement>(page, 'Stadt');
    expect(Array.from(city.options).map((o) => o.textContent?.trim())).toEqual(['Essen', 'Bochum']);
    expect(snippet()).toBe(
      '<script type="module" src="http://localhost/widgets/feed.js"></script>\n' +
        '<welcome-ruhr-feed city="essen"></welcome-ruhr-feed>',
    );

    choose(city, 'bochum');
    check('Arbeit');
    check('Türkisch');
    check('Raster');
    const limit = getByLabel(page, 'Anzahl der Einträge');
    limit.value = '6';
    limit.dispatchEvent(new Event('change'));
    choose(getByLabel<HTMLSelectElement>(page, 'Sprache des Widgets'), 'tr');
    fixture.detectChanges();

    expect(snippet().split('\n')[1]).toBe(
      '<welcome-ruhr-feed city="bochum" topics="work" languages="tr" limit="6" layout="grid" lang="tr"></welcome-ruhr-feed>',
    );
  });

  it('shows the real element in the preview with the chosen attributes and colours', () => {
    open();
    check('Karussell');
    const text = getByLabel(page, 'Textfarbe');
    text.value = '#202020';
    text.dispatchEvent(new Event('input'));
    fixture.detectChanges();

    const script = document.querySelector<HTMLScriptElement>('script[data-wr-widget-script]');
    expect(script?.type).toBe('module');
    expect(script?.getAttribute('src')).toBe('/widgets/feed.js');
    const element = page.querySelector('welcome-ruhr-feed') as HTMLElement;
    expect(element.getAttribute('city')).toBe('essen');
    expect(element.getAttribute('layout')).toBe('carousel');
    expect(element.hasAttribute('topics')).toBe(false);
    expect(element.style.getPropertyValue('--wr-text')).toBe('#202020');
    expect(snippet()).toContain('style="--wr-text: #202020"');
  });

  it('warns in a live region when the chosen colours miss WCAG AA, and stops when they are fixed', () => {
    open();
    const warnings = page.querySelector('[data-testid="contrast-warnings"]') as HTMLElement;
    expect(warnings.getAttribute('role')).toBe('status');
    expect(textOf(warnings)).toBe('');

    choose(getByLabel<HTMLSelectElement>(page, 'Farbschema'), 'light');
    const text = getByLabel(page, 'Textfarbe');
    text.value = '#777777';
    text.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(textOf(warnings)).toContain('Diese Farben sind schwer zu lesen (WCAG AA nicht erfüllt):');
    expect(textOf(warnings)).toContain('Text auf Hintergrund: Kontrast 4,4 : 1, nötig sind mindestens 4,5 : 1.');

    text.value = '#767676';
    text.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(textOf(warnings)).toBe('');
  });

  it('saves the configuration as a preset of the city, then names only the preset in the snippet', () => {
    open(undefined, []);
    check('Arbeit');
    getButton(page, 'Als neue Vorlage speichern').click();
    fixture.detectChanges();
    const name = getByLabel(page, 'Name der Vorlage');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(name)).toBe('Bitte füllen Sie dieses Feld aus.');

    name.value = 'Arbeit in Essen';
    name.dispatchEvent(new Event('input'));
    getButton(page, 'Als neue Vorlage speichern').click();
    const request = http.expectOne({ method: 'POST', url: '/api/widget-presets' });
    expect(request.request.body).toEqual({ city: 'essen', name: 'Arbeit in Essen', attributes: { topics: ['work'] } });
    request.flush({ ...saved, id: 'preset-9', city: 'essen', name: 'Arbeit in Essen', attributes: { topics: ['work'] } });
    fixture.detectChanges();

    expect(textOf(page.querySelector('[role="status"]'))).toBe('Die Vorlage „Arbeit in Essen“ wurde gespeichert.');
    expect(snippet().split('\n')[1]).toBe('<welcome-ruhr-feed preset="preset-9"></welcome-ruhr-feed>');

    check('Türkisch'); // an unsaved change: the snippet spells everything out again
    expect(snippet()).toContain('city="essen" topics="work" languages="tr"');
    expect(descriptionOf(getByLabel(page, 'Code'))).toContain('ungespeicherte Änderungen');
  });

  it('loads a saved preset into the form and offers its iframe variant', () => {
    open();
    choose(getByLabel<HTMLSelectElement>(page, 'Gespeicherte Vorlage'), 'preset-1');
    fixture.detectChanges();
    expect(getByLabel<HTMLSelectElement>(page, 'Stadt').value).toBe('bochum');
    expect(getByLabel(page, 'Raster').checked).toBe(true);
    expect(getByLabel(page, 'Ukrainisch').checked).toBe(true);

    check('Als iframe (für Seiten ohne Skripte)');
    expect(snippet()).toBe(
      '<iframe src="http://localhost/embed/feed?preset=preset-1" title="Welcome Ruhr" loading="lazy" style="width: 100%; height: 30rem; border: 0"></iframe>\n' +
        '<script type="module" src="http://localhost/widgets/embed-host.js"></script>',
    );
  });

  it('copies the snippet and confirms it in a live region', async () => {
    open();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      getButton(page, 'Code kopieren').click();
      await wait();
      fixture.detectChanges();
      expect(writeText).toHaveBeenCalledWith(snippet());
      const confirmation = page.querySelector('.copy-status') as HTMLElement;
      expect(confirmation.getAttribute('role')).toBe('status');
      expect(textOf(confirmation)).toBe('Der Code wurde in die Zwischenablage kopiert.');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});
