import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ModerationPostsResponse } from '@welcome-ruhr/contracts';
import { descriptionOf, getButton, getByLabel, textOf, type } from '../../../testing/dom';
import { provideTestTranslations } from '../../../testing/i18n';
import { newPost } from '../../../testing/posts';
import { PostReviewPage } from './post-review-page';

describe('PostReviewPage', () => {
  let fixture: ComponentFixture<PostReviewPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const first = newPost({
    id: 'p-1',
    status: 'pending_review',
    ambassadorName: 'Ayşe Yılmaz',
    text: 'Elternabend <script>alert(1)</script>',
    link: 'https://example.org/abend',
    asSoonAsApproved: true,
    scheduledAt: null,
    deliveries: [
      {
        channelId: 'c-1',
        channelType: 'facebook_page',
        channelName: 'Ayşe in Dortmund',
        status: 'pending',
        externalId: null,
        externalUrl: null,
        publishedAt: null,
        error: null,
        attempts: 0,
        nextAttemptAt: null,
      },
    ],
  });
  const second = newPost({ id: 'p-2', status: 'pending_review', ambassadorName: 'Olek', text: 'Sprachcafé' });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [PostReviewPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTranslations('de'), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PostReviewPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    const request = http.expectOne((r) => r.url === '/api/moderation/posts');
    expect(request.request.params.get('status')).toBe('pending_review');
    request.flush({ posts: [first, second], counts: { pending_review: 2, rejected: 4 } } satisfies ModerationPostsResponse);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows the pending posts beside the queue, their text as text', () => {
    expect(Array.from(page.querySelectorAll('.sub-nav a')).map(textOf)).toEqual([
      'Warteschlange',
      'Beiträge prüfen',
      'Gesperrte Begriffe',
    ]);
    expect(Array.from(page.querySelectorAll('[role="tab"]')).map(textOf)).toEqual([
      'Zur Prüfung 2',
      'Freigegeben und geplant',
      'Veröffentlicht',
      'Abgelehnt 4',
    ]);
    const post = page.querySelector('[data-post-id="p-1"]') as HTMLElement;
    expect(textOf(post.querySelector('h2'))).toBe('Beitrag von Ayşe Yılmaz');
    expect(post.querySelector('script')).toBeNull();
    expect(textOf(post.querySelector('.review__text'))).toBe('Elternabend <script>alert(1)</script>');
    expect(textOf(post.querySelector('.details'))).toContain('Sobald freigegeben');
    expect(textOf(post.querySelector('.details'))).toContain('Ayşe in Dortmund (Facebook-Seite)');
  });

  it('approves a post, which then leaves the list', () => {
    getButton(page, 'Freigeben: Ayşe Yılmaz: Elternabend <script>alert(1)</script>').click();
    http.expectOne({ method: 'POST', url: '/api/moderation/posts/p-1/approve' }).flush({ ...first, status: 'scheduled' });
    fixture.detectChanges();
    expect(page.querySelector('[data-post-id="p-1"]')).toBeNull();
    expect(textOf(page.querySelector('[role="status"]'))).toBe(
      'Freigegeben: Ayşe Yılmaz: Elternabend <script>alert(1)</script>',
    );
    expect(textOf(page.querySelector('#review-tab-pending_review'))).toBe('Zur Prüfung 1');
  });

  it('rejects only with a reason', () => {
    getButton(page, 'Ablehnen: Olek: Sprachcafé').click();
    fixture.detectChanges();
    const dialog = page.querySelector('dialog') as HTMLElement;
    expect(textOf(dialog.querySelector('h2'))).toBe('Ablehnen: Beitrag von Olek');

    getButton(dialog, 'Ablehnen').click();
    fixture.detectChanges();
    const reason = getByLabel<HTMLTextAreaElement>(dialog, 'Grund der Ablehnung');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/moderation/posts/p-2/reject');

    type(reason as unknown as HTMLInputElement, 'Bitte nenne die Uhrzeit.');
    fixture.detectChanges();
    expect(descriptionOf(reason)).toBe('Der Ambassador liest den Grund: Schreiben Sie, was geändert werden soll.');
    getButton(dialog, 'Ablehnen').click();
    const request = http.expectOne({ method: 'POST', url: '/api/moderation/posts/p-2/reject' });
    expect(request.request.body).toEqual({ reason: 'Bitte nenne die Uhrzeit.' });
    request.flush({ ...second, status: 'rejected', rejectReason: 'Bitte nenne die Uhrzeit.' });
    fixture.detectChanges();
    expect(page.querySelector('[data-post-id="p-2"]')).toBeNull();
  });
});
