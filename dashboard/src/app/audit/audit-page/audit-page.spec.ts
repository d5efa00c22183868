import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AuditEntryDto } from '@welcome-ruhr/contracts';
import { newAuditEntry } from '../../../testing/content';
import { choose, getButton, getByLabel, queryButtons, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { AUDIT_PAGE_SIZE, AuditPage } from './audit-page';

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const approval = newAuditEntry({
    id: '42',
    at: new Date(Date.now() - 3 * 60_000).toISOString(),
    actor: { id: 'u-7', name: 'Mo Moderator' },
    action: 'item.approve',
    entityType: 'item',
    entityId: 'item-9',
    before: { status: 'pending', title: 'Jobmesse' },
    after: { status: 'approved', title: 'Jobmesse' },
  });
  const pause = newAuditEntry({
    id: '41',
    actor: null,
    action: 'source.pause',
    entityType: 'source',
    entityId: 'src-3',
    before: { active: true },
    after: { active: false, pausedReason: '10 failures in a row' },
  });
  const phrase = newAuditEntry({
    id: '40',
    action: 'blocked_phrase.create',
    entityType: 'blocked_phrase',
    entityId: 'bp-1',
    before: null,
    after: { phrase: 'Kaution bar', language: null },
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AuditPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de')],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function expectList(): TestRequest {
    fixture.detectChanges();
    return http.expectOne((r) => r.method === 'GET' && r.url === '/api/audit');
  }

  function show(entries: AuditEntryDto[]): void {
    expectList().flush(entries);
    fixture.detectChanges();
  }

  function cells(index: number): HTMLElement[] {
    return Array.from(page.querySelectorAll('tbody tr')[index].children) as HTMLElement[];
  }

  function diff(index: number): string[] {
    return Array.from(cells(index)[4].querySelectorAll('.diff li')).map(textOf);
  }

  it('shows when, who, what and the change from before to after', () => {
    show([approval, pause, phrase]);

    expect(Array.from(page.querySelectorAll('thead th')).map(textOf)).toEqual([
      'Zeitpunkt',
      'Wer',
      'Aktion',
      'Was',
      'Änderung',
    ]);
    const [when, who, action, what] = cells(0);
    expect(textOf(when.querySelector('time'))).toBe('vor 3 Minuten');
    expect(textOf(who)).toBe('Mo Moderator');
    expect(textOf(action)).toBe('item.approve');
    expect(textOf(what)).toBe('Eintrag item-9');
    // only what changed, with the old value struck through and the new one named for screen readers
    expect(diff(0)).toEqual(['status: vorher: pending → nachher: approved']);
    expect(cells(0)[4].querySelector('del')?.textContent).toBe('pending');
    expect(cells(0)[4].querySelector('ins')?.textContent).toBe('approved');

    expect(textOf(cells(1)[1])).toBe('System');
    expect(diff(1)).toEqual(['active: vorher: true → nachher: false', 'pausedReason: nachher: 10 failures in a row']);
    expect(textOf(cells(2)[3])).toBe('Gesperrter Begriff bp-1');
    expect(diff(2)).toEqual(['phrase: nachher: Kaution bar']);
  });

  it('filters by kind, action and person', async () => {
    show([approval]);
    choose(getByLabel<HTMLSelectElement>(page, 'Art'), 'source');
    const byType = expectList();
    expect(byType.request.params.get('entityType')).toBe('source');
    expect(byType.request.params.get('limit')).toBe(String(AUDIT_PAGE_SIZE));
    byType.flush([approval]);
    fixture.detectChanges();

    getButton(page, 'Nur Einträge von Mo Moderator zeigen').click();
    const byActor = expectList();
    expect(byActor.request.params.get('actorId')).toBe('u-7');
    expect(byActor.request.params.get('entityType')).toBe('source');
    byActor.flush([]);
    fixture.detectChanges();
    expect(textOf(page.querySelector('.empty'))).toBe('Keine Einträge passen zu diesen Filtern.');

    getButton(page, 'Nur von Mo Moderator – Filter entfernen').click();
    expect(expectList().request.params.has('actorId')).toBe(false);
  });

  it('pages to older entries with the id of the last one', () => {
    const full = Array.from({ length: AUDIT_PAGE_SIZE }, (_, i) => newAuditEntry({ id: String(500 - i) }));
    show(full);
    getButton(page, 'Ältere Einträge').click();
    const older = expectList();
    expect(older.request.params.get('before')).toBe(String(500 - AUDIT_PAGE_SIZE + 1));
    older.flush([approval]);
    fixture.detectChanges();

    expect(page.querySelectorAll('tbody tr')).toHaveLength(AUDIT_PAGE_SIZE + 1);
    expect(queryButtons(page, 'Ältere Einträge')).toHaveLength(0);
    expect(textOf(page.querySelector('.result-count'))).toBe(`Angezeigte Einträge: ${AUDIT_PAGE_SIZE + 1}`);
  });

  it('says when the log could not be read and tries again on request', () => {
    expectList().flush({ statusCode: 403, code: 'FORBIDDEN', message: 'Not allowed.' }, { status: 403, statusText: 'Forbidden' });
    fixture.detectChanges();
    expect(textOf(page.querySelector('[role="alert"]'))).toContain('Not allowed.');
    getButton(page, 'Erneut versuchen').click();
    show([approval]);
    expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
