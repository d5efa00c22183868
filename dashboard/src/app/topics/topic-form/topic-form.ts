import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { isLanguageCode, TopicDto } from '@welcome-ruhr/contracts';
import { LanguageService } from '../../i18n/language.service';
import { FieldMessages, withoutField } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { TopicsService } from '../topics.service';

/** Lower-case words joined by hyphens, as topic slugs are ("language-courses"). */
export const TOPIC_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One keyword per line; blank lines and surrounding spaces do not count. */
export function keywordLines(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
}

let nextId = 0;

/**
 * Creates a topic (no `topic` given) or edits its labels and keywords, with one textarea per
 * language and one keyword per line.
 */
@Component({
  selector: 'wr-topic-form',
  imports: [TranslatePipe, MessageText],
  templateUrl: './topic-form.html',
  styleUrl: './topic-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopicForm {
  private readonly topicsService = inject(TopicsService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** The topic to edit; without one, a new topic. */
  readonly topic = input<TopicDto | null>(null);
  /** Languages that have keywords in any topic: each gets a field. */
  readonly languages = input<string[]>(['de', 'en']);
  /** Slugs in use, so a new topic does not replace one by accident. */
  readonly takenSlugs = input<string[]>([]);
  readonly saved = output<TopicDto>();
  readonly cancelled = output<void>();

  protected readonly id = `topic-form-${nextId++}`;
  protected readonly slug = signal('');
  protected readonly labelDe = signal('');
  protected readonly labelEn = signal('');
  /** Keywords per language, as typed (one per line). */
  protected readonly keywords = signal<Record<string, string>>({});
  protected readonly addedLanguages = signal<string[]>([]);
  protected readonly newLanguage = signal('');
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly editing = computed(() => this.topic() !== null);
  protected readonly keywordLanguages = computed(() => {
    const codes = [...this.languages(), ...Object.keys(this.topic()?.keywords ?? {}), ...this.addedLanguages()];
    const lang = this.language.current();
    return [...new Set(codes)].map((code) => ({ code, name: languageName(code, lang) }));
  });

  constructor() {
    effect(() => {
      const topic = this.topic();
      untracked(() => this.fill(topic));
    });
  }

  private fill(topic: TopicDto | null): void {
    this.state.clear();
    this.slug.set(topic?.slug ?? '');
    this.labelDe.set(topic?.labels['de'] ?? '');
    this.labelEn.set(topic?.labels['en'] ?? '');
    this.keywords.set(
      Object.fromEntries(Object.entries(topic?.keywords ?? {}).map(([code, words]) => [code, words.join('\n')])),
    );
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  protected keywordsOf(code: string): string {
    return this.keywords()[code] ?? '';
  }

  protected setKeywords(code: string, text: string): void {
    this.keywords.update((all) => ({ ...all, [code]: text }));
  }

  protected setText(field: 'slug' | 'labelDe' | 'labelEn', value: string): void {
    this[field].set(value);
    // The API names problems with either label `labels`.
    this.fieldErrors.update((errors) => withoutField(withoutField(errors, field), 'labels'));
  }

  protected addLanguage(): void {
    const code = this.newLanguage().trim().toLowerCase();
    if (!isLanguageCode(code)) {
      this.fieldErrors.update((errors) => ({ ...errors, newLanguage: { key: 'topicForm.unknownLanguage' } }));
      this.state.focusFirstInvalid();
      return;
    }
    this.addedLanguages.update((codes) => [...new Set([...codes, code])]);
    this.newLanguage.set('');
    this.state.clearField('newLanguage');
    afterNextRender(() => this.host.nativeElement.ownerDocument.getElementById(`${this.id}-keywords-${code}`)?.focus(), {
      injector: this.injector,
    });
  }

  protected typeNewLanguage(value: string): void {
    this.newLanguage.set(value);
    this.state.clearField('newLanguage');
  }

  protected submit(): void {
    if (this.busy() || this.state.invalid(this.check())) return;
    const topic = this.topic();
    const keywords = Object.fromEntries(
      Object.entries(this.keywords())
        .map(([code, text]) => [code, keywordLines(text)] as const)
        .filter(([, words]) => words.length > 0),
    );
    const labels = { ...(topic?.labels ?? {}), de: this.labelDe().trim(), en: this.labelEn().trim() };
    const request = this.topicsService.save(topic?.slug ?? this.slug().trim(), { labels, keywords });
    this.state.submit(request, (saved) => this.saved.emit(saved));
  }

  private check(): FieldMessages {
    const errors: FieldMessages = {};
    if (!this.editing()) {
      const slug = this.slug().trim();
      if (slug === '') errors['slug'] = { key: 'validation.required' };
      else if (!TOPIC_SLUG_PATTERN.test(slug)) errors['slug'] = { key: 'topicForm.slugInvalid' };
      else if (this.takenSlugs().includes(slug)) errors['slug'] = { key: 'topicForm.slugTaken' };
    }
    if (this.labelDe().trim() === '') errors['labelDe'] = { key: 'validation.required' };
    if (this.labelEn().trim() === '') errors['labelEn'] = { key: 'validation.required' };
    return errors;
  }
}
