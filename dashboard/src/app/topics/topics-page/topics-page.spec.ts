import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TopicDto } from '@welcome-ruhr/contracts';
import { newTopic } from '../../../testing/content';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { TopicsPage } from './topics-page';

describe('TopicsPage', () => {
  let fixture: ComponentFixture<TopicsPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const work = newTopic({
    slug: 'work',
    labels: { de: 'Arbeit', en: 'Work' },
    keywords: { de: ['Arbeit', 'Job*'], en: ['job', 'jobs'], tr: ['iş ilan*'] },
  });
  const housing = newTopic({ slug: 'housing', labels: { de: 'Wohnen', en: 'Housing' }, keywords: { de: ['Wohnung*'] } });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TopicsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TopicsPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/topics').flush([work, housing]);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function click(name: string, root: HTMLElement = page): void {
    getButton(root, name).click();
    fixture.detectChanges();
  }

  function form(): HTMLElement {
    const found = page.querySelector<HTMLElement>('wr-topic-form');
    if (!found) throw new Error('no topic form');
    return found;
  }

  function textarea(label: string): HTMLTextAreaElement {
    return getByLabel<HTMLTextAreaElement>(form(), label);
  }

  it('lists the topics with their labels and how many keywords they have', () => {
    const rows = Array.from(page.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map(textOf));
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['Arbeit', 'Work', 'work', 'Schlüsselwörter: 5 de, en, tr'],
      ['Wohnen', 'Housing', 'housing', 'Schlüsselwörter: 1 de'],
    ]);
  });

  it('saves labels and keywords, one per line, blank lines dropped', () => {
    click('Bearbeiten: Arbeit');
    expect(textOf(form().querySelector('h2'))).toBe('Thema bearbeiten: Arbeit');
    expect(textarea('Deutsch (de)').value).toBe('Arbeit\nJob*');
    expect(textarea('Türkisch (tr)').value).toBe('iş ilan*');
    expect(textOf(form().querySelector('.keywords__help'))).toContain('Ein * steht für beliebige weitere Buchstaben');

    type(getByLabel(form(), 'Bezeichnung (Englisch)'), 'Jobs and work');
    type(textarea('Englisch (en)') as unknown as HTMLInputElement, 'job\n\n  career*  \njob');
    type(textarea('Türkisch (tr)') as unknown as HTMLInputElement, '   ');
    click('Änderungen speichern', form());

    const save = http.expectOne('/api/topics/work');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({
      labels: { de: 'Arbeit', en: 'Jobs and work' },
      keywords: { de: ['Arbeit', 'Job*'], en: ['job', 'career*'] },
    });
    save.flush({ ...work, labels: { de: 'Arbeit', en: 'Jobs and work' }, keywords: { de: ['Arbeit', 'Job*'], en: ['job', 'career*'] } });
    fixture.detectChanges();

    expect(page.querySelector('wr-topic-form')).toBeNull();
    expect(textOf(page.querySelector('[role="status"].live-region'))).toBe('Die Änderungen an Arbeit wurden gespeichert.');
    expect(textOf(page.querySelector('tbody tr td'))).toBe('Jobs and work');
  });

  it('adds a topic with a valid, unused slug and a keyword field for another language', () => {
    click('Thema hinzufügen');
    const slug = getByLabel(form(), 'Kennung');
    type(slug, 'Language Courses');
    type(getByLabel(form(), 'Bezeichnung (Deutsch)'), 'Sprachkurse');
    click('Thema anlegen', form());
    http.expectNone((r) => r.method === 'PUT');
    expect(descriptionOf(slug)).toBe('Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. language-courses.');
    expect(getByLabel(form(), 'Bezeichnung (Englisch)').getAttribute('aria-invalid')).toBe('true');

    type(slug, 'work');
    type(getByLabel(form(), 'Bezeichnung (Englisch)'), 'Language courses');
    click('Thema anlegen', form());
    http.expectNone((r) => r.method === 'PUT');
    expect(descriptionOf(slug)).toBe('Diese Kennung gibt es schon.');

    type(slug, 'language-courses');
    type(getByLabel(form(), 'Weitere Sprache'), 'fa');
    click('Sprache hinzufügen', form());
    type(textarea('Persisch (fa)') as unknown as HTMLInputElement, 'کلاس زبان');
    type(textarea('Deutsch (de)') as unknown as HTMLInputElement, 'Sprachkurs*\nDeutschkurs*');
    click('Thema anlegen', form());

    const save = http.expectOne('/api/topics/language-courses');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({
      labels: { de: 'Sprachkurse', en: 'Language courses' },
      keywords: { de: ['Sprachkurs*', 'Deutschkurs*'], fa: ['کلاس زبان'] },
    });
    const created: TopicDto = { slug: 'language-courses', position: 3, ...save.request.body };
    save.flush(created);
    fixture.detectChanges();
    expect(Array.from(page.querySelectorAll('tbody th')).map(textOf)).toEqual(['Arbeit', 'Wohnen', 'Sprachkurse']);
    expect(textOf(page.querySelector('[role="status"].live-region'))).toBe('Das Thema Sprachkurse wurde angelegt.');
  });

  it('deletes a topic after confirming', () => {
    click('Löschen: Wohnen');
    const dialog = page.querySelector('dialog') as HTMLElement;
    expect(textOf(dialog.querySelector('p'))).toBe('Das Thema „Wohnen“ wird gelöscht. Neue Einträge bekommen es nicht mehr.');
    click('Thema löschen', dialog);
    const remove = http.expectOne('/api/topics/housing');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();
    expect(Array.from(page.querySelectorAll('tbody th')).map(textOf)).toEqual(['Arbeit']);
  });
});
