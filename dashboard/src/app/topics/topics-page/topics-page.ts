import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { TopicDto } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { errorMessage, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { MessageText } from '../../shared/message/message';
import { TopicForm } from '../topic-form/topic-form';
import { TopicsService } from '../topics.service';

type Panel = { mode: 'create' } | { mode: 'edit'; topic: TopicDto } | null;
type LoadResult = { topics: TopicDto[]; error: null } | { topics: null; error: Message };

/** Languages that always get a keyword field, before those the taxonomy already uses. */
const FIRST_LANGUAGES = ['de', 'en'];

/** Admins edit the topic taxonomy: labels, and keywords per language that tag items. */
@Component({
  selector: 'wr-topics-page',
  imports: [TranslatePipe, MessageText, Dialog, TopicForm],
  templateUrl: './topics-page.html',
  styleUrl: './topics-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopicsPage {
  private readonly topicsService = inject(TopicsService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly topics = signal<TopicDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  private readonly reloads = signal(0);
  protected readonly panel = signal<Panel>(null);
  protected readonly editingTopic = computed(() => {
    const panel = this.panel();
    return panel?.mode === 'edit' ? panel.topic : null;
  });
  protected readonly deleting = signal<TopicDto | null>(null);
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);
  protected readonly slugs = computed(() => this.topics().map((topic) => topic.slug));
  protected readonly languages = computed(() => [
    ...new Set([...FIRST_LANGUAGES, ...this.topics().flatMap((topic) => Object.keys(topic.keywords))]),
  ]);

  constructor() {
    toObservable(this.reloads)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(() => this.load()),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (result.topics) this.topics.set(result.topics);
      });
  }

  protected keywordCount(topic: TopicDto): number {
    return Object.values(topic.keywords).reduce((sum, words) => sum + words.length, 0);
  }

  protected keywordLanguages(topic: TopicDto): string {
    return Object.keys(topic.keywords).join(', ');
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected open(panel: Panel): void {
    this.status.set(null);
    this.actionError.set(null);
    this.panel.set(panel);
  }

  protected closePanel(): void {
    const panel = this.panel();
    this.panel.set(null);
    this.focusById(panel?.mode === 'edit' ? `edit-topic-${panel.topic.slug}` : 'topics-create-button');
  }

  protected saved(topic: TopicDto): void {
    const known = this.topics().some((t) => t.slug === topic.slug);
    this.topics.update((topics) => (known ? topics.map((t) => (t.slug === topic.slug ? topic : t)) : [...topics, topic]));
    this.status.set({ key: known ? 'topics.updated' : 'topics.created', params: { name: this.labelOf(topic) } });
    this.closePanel();
  }

  protected confirmDelete(): void {
    const topic = this.deleting();
    if (!topic) return;
    this.deleting.set(null);
    this.status.set(null);
    this.actionError.set(null);
    this.topicsService.remove(topic.slug).subscribe({
      next: () => {
        this.topics.update((topics) => topics.filter((t) => t.slug !== topic.slug));
        if (this.editingTopic()?.slug === topic.slug) this.panel.set(null);
        this.status.set({ key: 'topics.deleted', params: { name: this.labelOf(topic) } });
        afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  protected labelOf(topic: TopicDto): string {
    return topic.labels['de'] || topic.slug;
  }

  private load(): Observable<LoadResult> {
    return this.topicsService.list().pipe(
      map((topics): LoadResult => ({ topics, error: null })),
      catchError((error: unknown) => of<LoadResult>({ topics: null, error: errorMessage(error) })),
    );
  }

  private focusById(id: string): void {
    afterNextRender(() => this.host.nativeElement.ownerDocument.getElementById(id)?.focus(), {
      injector: this.injector,
    });
  }
}
