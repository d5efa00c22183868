import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OverviewDay, OverviewDto, Role, UserDto } from '@welcome-ruhr/contracts';
import { getButton, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newUser } from '../../../testing/users';
import { AuthService } from '../../auth/auth.service';
import { LanguageService } from '../../i18n/language.service';
import { AA_NON_TEXT_RATIO, contrastRatio } from '../../shared/contrast';
import { SERIES } from '../overview-chart/overview-chart';
import { OverviewPage } from './overview-page';

function day(date: string, autoApproved = 0, approved = 0, rejected = 0, pending = 0): OverviewDay {
  return { date, autoApproved, approved, rejected, pending };
}

/** 1 to 14 March 2026: 4 items on the first day, 8 (the peak) on the 13th, 2 pending today. */
function twoWeeks(): OverviewDay[] {
  const days = Array.from({ length: 14 }, (_, i) => day(`2026-03-${String(i + 1).padStart(2, '0')}`));
  days[0] = day('2026-03-01', 2, 1, 1, 0);
  days[12] = day('2026-03-13', 3, 2, 1, 2);
  days[13] = day('2026-03-14', 0, 0, 0, 2);
  return days;
}

function newOverview(overrides: Partial<OverviewDto> = {}): OverviewDto {
  return {
    days: twoWeeks(),
    queue: { pending: 7, held: 2, duplicates: 1 },
    sources: { new: 1, fetching: 0, healthy: 12, failing: 3, paused: 2, inactive: 4 },
    posts: { pendingReview: 5 },
    contactRequests: { new: 6 },
    mail: null,
    ...overrides,
  };
}

describe('OverviewPage', () => {
  let fixture: ComponentFixture<OverviewPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  function render(user: UserDto): HTMLElement {
    TestBed.configureTestingModule({
      imports: [OverviewPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations('de'),
        { provide: AuthService, useValue: { user: signal(user), role: signal<Role>(user.role) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OverviewPage);
    fixture.detectChanges();
    page = fixture.nativeElement;
    return page;
  }

  function answer(overview: OverviewDto): void {
    const request = http.expectOne('/api/overview');
    expect(request.request.method).toBe('GET');
    request.flush(overview);
    fixture.detectChanges();
  }

  function card(id: string): { label: string; count: string; href: string | null; detail: string } {
    const li = page.querySelector(`[data-card="${id}"]`) as HTMLElement;
    return {
      label: textOf(li.querySelector('.attention-card__label')),
      count: textOf(li.querySelector('.attention-card__count')),
      href: li.querySelector('a')?.getAttribute('href') ?? null,
      detail: textOf(li.querySelector('.attention-card__detail')),
    };
  }

  function cardIds(): string[] {
    return Array.from(page.querySelectorAll('[data-card]')).map((li) => li.getAttribute('data-card') ?? '');
  }

  function chart(): SVGSVGElement {
    return page.querySelector('[aria-labelledby="overview-items"] svg.chart__svg') as SVGSVGElement;
  }

  /** The parts of one day's bar, bottom first, as series, top edge and height. */
  function segments(date: string): Array<{ series: string; y: number; height: number }> {
    return Array.from(chart().querySelectorAll(`g[data-date="${date}"] rect`))
      .map((rect) => ({
        series: rect.getAttribute('data-series') ?? '',
        y: Number(rect.getAttribute('y')),
        height: Number(rect.getAttribute('height')),
      }))
      .sort((a, b) => b.y - a.y);
  }

  afterEach(() => {
    http.verify();
    document.documentElement.dir = 'ltr';
  });

  it('welcomes a moderator with their role, cities and the pages they can open', () => {
    render(newUser({ name: 'Mo', role: 'moderator', cities: ['herne', 'muelheim-an-der-ruhr'] }));
    answer(newOverview());

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
    render(newUser({ name: 'Ada', role: 'admin', cities: [] }));
    answer(newOverview({ mail: { waiting: 0, failed: 0 } }));

    expect(textOf(page.querySelector('[aria-labelledby="overview-cities"] p'))).toBe(
      'Als Admin arbeiten Sie für alle Städte.',
    );
    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('.page-links a'));
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

  it('asks nothing for an ambassador and says so when they have no city yet', () => {
    render(newUser({ role: 'ambassador', cities: [] }));
    http.expectNone('/api/overview');
    expect(page.querySelector('.attention')).toBeNull();
    expect(textOf(page.querySelector('[aria-labelledby="overview-cities"] p'))).toBe(
      'Ihnen ist noch keine Stadt zugeordnet.',
    );
  });

  it('keeps the headings in order', () => {
    render(newUser({ role: 'moderator' }));
    answer(newOverview());
    expect(Array.from(page.querySelectorAll('h1, h2, h3')).map((h) => `${h.tagName} ${textOf(h)}`)).toEqual([
      expect.stringMatching(/^H1 /),
      'H2 Was ansteht',
      'H2 Einträge der letzten zwei Wochen',
      'H2 Zustand der Quellen',
      'H2 Ihre Städte',
      'H2 Ihre Bereiche',
    ]);
  });

  it("shows a moderator what waits, each number a link to the work, and no mail card", () => {
    render(newUser({ role: 'moderator' }));
    answer(newOverview());

    expect(cardIds()).toEqual(['queue', 'posts', 'questions', 'sources']);
    expect(card('queue')).toEqual({
      label: 'Einträge in der Warteschlange',
      count: '7',
      href: '/moderation',
      detail: 'davon 2 von einer Regel angehalten, 1 mögliche Dubletten',
    });
    expect(card('posts')).toMatchObject({ label: 'Beiträge zur Prüfung', count: '5', href: '/moderation/posts' });
    expect(card('questions')).toMatchObject({ label: 'Neue Anfragen', count: '6', href: '/inbox' });
    expect(card('sources')).toEqual({
      label: 'Quellen mit Problemen',
      count: '5',
      href: '/sources',
      detail: '3 fehlerhaft, 2 pausiert',
    });
    // Work waiting is marked; a card with nothing to do is not.
    expect(page.querySelector('[data-card="queue"]')?.classList).toContain('attention-card--work');
  });

  it('shows an admin the failed and waiting mails as well, linked to the outbox', () => {
    render(newUser({ role: 'admin', cities: [] }));
    answer(newOverview({ mail: { waiting: 4, failed: 1 }, posts: { pendingReview: 0 } }));

    expect(cardIds()).toEqual(['queue', 'posts', 'questions', 'sources', 'mail']);
    expect(card('mail')).toEqual({
      label: 'Fehlgeschlagene E-Mails',
      count: '1',
      href: '/mail-outbox',
      detail: '4 warten auf den Versand',
    });
    expect(card('posts').count).toBe('0');
    expect(page.querySelector('[data-card="posts"]')?.classList).not.toContain('attention-card--work');
  });

  it('keeps cards, chart and source list in place while the numbers load', () => {
    render(newUser({ role: 'moderator' }));

    expect(textOf(page.querySelector('.attention [role="status"]'))).toBe('Zahlen werden geladen …');
    expect(page.querySelector('.attention')?.getAttribute('aria-busy')).toBe('true');
    expect(cardIds()).toEqual(['queue', 'posts', 'questions', 'sources']);
    expect(card('queue').count).toBe('…');
    const loadingBox = chart().getAttribute('viewBox');
    expect(chart().getAttribute('aria-hidden')).toBe('true');
    expect(chart().querySelectorAll('rect.chart__segment')).toHaveLength(0);
    expect(page.querySelectorAll('.health dd')).toHaveLength(6);

    answer(newOverview());

    expect(chart().getAttribute('viewBox')).toBe(loadingBox);
    expect(page.querySelector('.attention')?.getAttribute('aria-busy')).toBe('false');
    expect(textOf(page.querySelector('.attention [role="status"]'))).toBe('');
    expect(card('queue').count).toBe('7');
  });

  it('stacks each day from auto-approved up to pending, bars in proportion to the busiest day', () => {
    render(newUser({ role: 'moderator' }));
    answer(newOverview());

    expect(chart().querySelectorAll('g[data-date]')).toHaveLength(14);
    // The peak (8 items) fills the plot of 120 units: 3, 2, 1 and 2 items as 45, 30, 15 and 30.
    expect(segments('2026-03-13')).toEqual([
      { series: 'autoApproved', y: 83, height: 45 },
      { series: 'approved', y: 53, height: 30 },
      { series: 'rejected', y: 38, height: 15 },
      { series: 'pending', y: 8, height: 30 },
    ]);
    // Half as many items, half as high; a series with no items draws nothing.
    expect(segments('2026-03-01').map((s) => [s.series, s.height])).toEqual([
      ['autoApproved', 30],
      ['approved', 15],
      ['rejected', 15],
    ]);
    expect(segments('2026-03-14')).toEqual([{ series: 'pending', y: 98, height: 30 }]);
    expect(segments('2026-03-02')).toEqual([]);
    // Time runs left to right: the oldest day first.
    const x = (date: string) => Number(chart().querySelector(`g[data-date="${date}"] rect`)?.getAttribute('x'));
    expect(x('2026-03-01')).toBeLessThan(x('2026-03-14'));
  });

  it('sums the two weeks up for screen readers and names the series in stack order', () => {
    render(newUser({ role: 'moderator' }));
    answer(newOverview());

    const summary =
      'In den letzten 14 Tagen kamen 14 Einträge: 5 automatisch freigegeben, 3 von der Moderation freigegeben, ' +
      '2 abgelehnt, 4 noch offen. Höchstens 8 an einem Tag (13. März).';
    // Said once, by the caption; the drawing itself is for the eyes (the table below holds every number).
    expect(textOf(page.querySelector('[aria-labelledby="overview-items"] figcaption'))).toBe(summary);
    expect(chart().getAttribute('aria-hidden')).toBe('true');
    expect(chart().hasAttribute('aria-label')).toBe(false);
    expect(Array.from(page.querySelectorAll('.chart__legend li')).map(textOf)).toEqual([
      'Automatisch freigegeben',
      'Von der Moderation freigegeben',
      'Abgelehnt',
      'Noch offen',
    ]);
    expect(textOf(chart().querySelector('g[data-date="2026-03-13"] title'))).toBe(
      '13. März: 3 automatisch freigegeben, 2 von der Moderation freigegeben, 1 abgelehnt, 2 noch offen',
    );
  });

  it('says so when nothing came in', () => {
    render(newUser({ role: 'moderator' }));
    answer(newOverview({ days: twoWeeks().map((d) => day(d.date)) }));
    expect(textOf(page.querySelector('[aria-labelledby="overview-items"] figcaption'))).toBe('In den letzten 14 Tagen kamen keine Einträge.');
    expect(chart().querySelectorAll('rect.chart__segment')).toHaveLength(0);
  });

  it('puts the figures in a table behind a toggle, with the sums', () => {
    render(newUser({ role: 'moderator' }));
    answer(newOverview());

    const details = page.querySelector('[aria-labelledby="overview-items"] details') as HTMLDetailsElement;
    expect(textOf(details.querySelector('summary'))).toBe('Zahlen als Tabelle');
    const rowOf = (tr: Element) => Array.from(tr.children).map(textOf);
    expect(rowOf(details.querySelector('thead tr') as Element)).toEqual([
      'Tag',
      'Automatisch freigegeben',
      'Von der Moderation freigegeben',
      'Abgelehnt',
      'Noch offen',
      'Gesamt',
    ]);
    const rows = Array.from(details.querySelectorAll('tbody tr')).map(rowOf);
    expect(rows).toHaveLength(14);
    expect(rows[12]).toEqual(['13. März', '3', '2', '1', '2', '8']);
    expect(rowOf(details.querySelector('tfoot tr') as Element)).toEqual(['Summe', '5', '3', '2', '4', '14']);
  });

  it('mirrors the time axis in Arabic: the oldest day at the right, the value axis too', async () => {
    render(newUser({ role: 'moderator' }));
    await TestBed.inject(LanguageService).use('ar');
    answer(newOverview());

    const x = (date: string) => Number(chart().querySelector(`g[data-date="${date}"] rect`)?.getAttribute('x'));
    expect(x('2026-03-01')).toBeGreaterThan(x('2026-03-14'));
    const width = Number(chart().getAttribute('viewBox')?.split(' ')[2]);
    const valueTicks = Array.from(chart().querySelectorAll('text.chart__tick')).filter((t) => /^\d+$/.test(textOf(t)));
    expect(valueTicks.map((t) => Number(t.getAttribute('x')))).toEqual([width - 24, width - 24]);
    // The bars keep their heights.
    expect(segments('2026-03-13').map((s) => s.height)).toEqual([45, 30, 15, 30]);
  });

  it('lists the sources by state in the words of the sources page', () => {
    render(newUser({ role: 'moderator' }));
    answer(newOverview());

    const lines = Array.from(page.querySelectorAll('.health > div')).map((line) => [
      line.getAttribute('data-state'),
      textOf(line.querySelector('dt')),
      textOf(line.querySelector('dd')),
    ]);
    expect(lines).toEqual([
      ['new', '★ Neu', '1'],
      ['fetching', '↻ Wird abgerufen', '0'],
      ['healthy', '✓ In Ordnung', '12'],
      ['failing', '! Fehlerhaft', '3'],
      ['paused', '‖ Pausiert', '2'],
      ['inactive', '– Deaktiviert', '4'],
    ]);
    expect(page.querySelector('.health [data-state="failing"] .badge')?.classList).toContain('badge--error');
    expect(textOf(page.querySelector('.health__total'))).toBe('Quellen insgesamt: 22 Zu den Quellen');
  });

  it('reports a failed load and tries again on request', () => {
    render(newUser({ role: 'moderator' }));
    http.expectOne('/api/overview').flush(null, { status: 500, statusText: 'Server Error' });
    fixture.detectChanges();

    expect(textOf(page.querySelector('.attention [role="alert"] p'))).toBe(
      'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    );
    expect(page.querySelector('[data-card]')).toBeNull();
    expect(page.querySelector('wr-overview-chart')).toBeNull();
    // The rest of the page stays usable.
    expect(page.querySelectorAll('.page-links a').length).toBeGreaterThan(0);

    getButton(page, 'Erneut versuchen').click();
    fixture.detectChanges();
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(document.activeElement?.id).toBe('overview-attention');
    answer(newOverview());

    expect(card('queue').count).toBe('7');
    expect(chart().querySelectorAll('g[data-date]')).toHaveLength(14);
  });
});

describe('overview chart series', () => {
  it('stand out against the card and the page by 3 : 1 at least', () => {
    for (const series of SERIES) {
      expect(contrastRatio(series.color, '#ffffff')).toBeGreaterThanOrEqual(AA_NON_TEXT_RATIO);
      expect(contrastRatio(series.color, '#f4f6f8')).toBeGreaterThanOrEqual(AA_NON_TEXT_RATIO);
    }
  });

  it('differ in texture, not only in colour', () => {
    expect(new Set(SERIES.map((series) => series.texture)).size).toBe(SERIES.length);
  });
});
