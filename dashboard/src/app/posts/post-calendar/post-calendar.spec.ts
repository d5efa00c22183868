import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { getButton, textOf } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newPost } from '../../../testing/posts';
import { PostCalendar } from './post-calendar';

describe('PostCalendar', () => {
  let fixture: ComponentFixture<PostCalendar>;
  let root: HTMLElement;

  const tomorrowsPost = newPost({ text: 'Anmeldung beim Bürgeramt', scheduledAt: new Date(2026, 4, 14, 10, 0).toISOString() });
  const publishedToday = newPost({
    status: 'published',
    text: 'Sprachcafé heute',
    scheduledAt: new Date(2026, 4, 13, 8, 0).toISOString(),
    publishedAt: new Date(2026, 4, 13, 8, 1).toISOString(),
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [PostCalendar],
      providers: [provideTestTranslations('de'), provideRouter([])],
    });
    fixture = TestBed.createComponent(PostCalendar);
    fixture.componentRef.setInput('today', new Date(2026, 4, 13, 15, 30)); // Wednesday
    fixture.componentRef.setInput('posts', [tomorrowsPost, publishedToday]);
    fixture.detectChanges();
    root = fixture.nativeElement;
  });

  afterEach(() => (document.documentElement.dir = 'ltr'));

  function cell(key: string): HTMLElement {
    const found = root.querySelector<HTMLElement>(`td[data-day="${key}"]`);
    if (!found) throw new Error(`no cell for ${key}`);
    return found;
  }

  async function press(key: string): Promise<void> {
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  /** What a screen reader names the cell: its text without the parts hidden from it. */
  function nameOfCell(cell: Element | null): string {
    const copy = cell?.cloneNode(true) as HTMLElement | undefined;
    copy?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return textOf(copy);
  }

  function focusedDay(): string | null {
    return (document.activeElement as HTMLElement).getAttribute('data-day');
  }

  it('shows the month as a grid with one tab stop and a full name for every day', () => {
    const grid = root.querySelector('[role="grid"]') as HTMLElement;
    expect(textOf(document.getElementById(grid.getAttribute('aria-labelledby') ?? ''))).toBe('Mai 2026');
    expect(root.querySelectorAll('[role="gridcell"]')).toHaveLength(35); // 27 April to 31 May
    expect(root.querySelectorAll('[role="gridcell"][tabindex="0"]')).toHaveLength(1);

    const today = cell('2026-05-13');
    expect(today.getAttribute('tabindex')).toBe('0');
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(nameOfCell(today)).toMatch(/^Mittwoch, 13\. Mai 2026: 1 Beitrag \d\d:\d\d Sprachcafé heute$/);
    expect(textOf(today.querySelector('.calendar__day'))).toBe('13'); // all else of the date is for screen readers
    expect(nameOfCell(cell('2026-05-15'))).toBe('Freitag, 15. Mai 2026: keine Beiträge');
    expect(Array.from(root.querySelectorAll('th')).map((th) => th.getAttribute('aria-label'))).toEqual([
      'Montag',
      'Dienstag',
      'Mittwoch',
      'Donnerstag',
      'Freitag',
      'Samstag',
      'Sonntag',
    ]);
  });

  it('moves by day, week, to the week’s ends and by month with the keyboard', async () => {
    cell('2026-05-13').focus();

    await press('ArrowRight');
    expect(focusedDay()).toBe('2026-05-14');
    expect(nameOfCell(document.activeElement)).toMatch(/^Donnerstag, 14\. Mai 2026: 1 Beitrag 10:00 Anmeldung beim Bürgeramt$/);
    expect(cell('2026-05-13').getAttribute('tabindex')).toBe('-1');

    await press('ArrowDown');
    expect(focusedDay()).toBe('2026-05-21');
    await press('ArrowUp');
    await press('ArrowLeft');
    expect(focusedDay()).toBe('2026-05-13');

    await press('End');
    expect(focusedDay()).toBe('2026-05-17');
    await press('Home');
    expect(focusedDay()).toBe('2026-05-11');

    await press('PageDown');
    expect(focusedDay()).toBe('2026-06-11');
    expect(textOf(root.querySelector('.calendar__title'))).toBe('Juni 2026');

    await press('ArrowUp');
    await press('ArrowUp'); // leaves June: the view follows
    expect(focusedDay()).toBe('2026-05-28');
    expect(textOf(root.querySelector('.calendar__title'))).toBe('Mai 2026');
  });

  it('mirrors the arrow keys right to left', async () => {
    document.documentElement.dir = 'rtl';
    cell('2026-05-13').focus();
    await press('ArrowRight');
    expect(focusedDay()).toBe('2026-05-12');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(focusedDay()).toBe('2026-05-14');
  });

  it('lists the posts of a day on Enter', async () => {
    cell('2026-05-13').focus();
    await press('ArrowRight');
    await press('Enter');

    const details = root.querySelector('.calendar__details') as HTMLElement;
    expect(textOf(details.querySelector('h3'))).toBe('Beiträge am Donnerstag, 14. Mai 2026');
    expect(textOf(details.querySelector('li'))).toContain('Anmeldung beim Bürgeramt');
    expect(textOf(details.querySelector('.badge'))).toBe('◷ Geplant');
    expect(details.querySelector('a')?.getAttribute('href')).toBe(`/posts/${tomorrowsPost.id}/edit`);
    expect(cell('2026-05-14').getAttribute('aria-selected')).toBe('true');
  });

  it('shows a week at a time, and pages by week', () => {
    getButton(root, 'Woche').click();
    fixture.detectChanges();
    expect(root.querySelectorAll('[role="gridcell"]')).toHaveLength(7);
    expect(textOf(root.querySelector('.calendar__title'))).toBe('11.–17. Mai 2026');

    getButton(root, 'Nächste Woche ›').click();
    fixture.detectChanges();
    expect(cell('2026-05-18')).toBeTruthy();
    expect(root.querySelectorAll('[role="gridcell"]')).toHaveLength(7);
  });
});
