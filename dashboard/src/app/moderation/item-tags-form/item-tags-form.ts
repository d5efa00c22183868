import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ItemDto, TopicDto } from '@welcome-ruhr/contracts';
import { LanguageService } from '../../i18n/language.service';
import { apiFieldMessages, errorMessage, FieldMessages, Message } from '../../shared/api-error';
import { COMMON_LANGUAGES, languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { topicLabel } from '../../topics/topics.service';
import { CityPicker } from '../../users/city-picker/city-picker';
import { ModerationService } from '../moderation.service';

/** Corrects an item's cities, topics and language. */
@Component({
  selector: 'wr-item-tags-form',
  imports: [TranslatePipe, MessageText, CityPicker],
  templateUrl: './item-tags-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemTagsForm {
  private readonly moderation = inject(ModerationService);
  private readonly language = inject(LanguageService);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  readonly item = input.required<ItemDto>();
  readonly topics = input<TopicDto[]>([]);
  readonly saved = output<ItemDto>();
  readonly cancelled = output<void>();

  protected readonly cities = signal<string[]>([]);
  protected readonly selectedTopics = signal<string[]>([]);
  protected readonly itemLanguage = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<Message | null>(null);
  protected readonly fieldErrors = signal<FieldMessages>({});
  protected readonly topicOptions = computed(() =>
    this.topics().map((topic) => ({ slug: topic.slug, label: topicLabel(topic, this.language.current()) })),
  );
  /** The usual languages, and the item's own when it is another. */
  protected readonly languageOptions = computed(() => {
    const own = this.item().language;
    const codes = own && !COMMON_LANGUAGES.includes(own) ? [...COMMON_LANGUAGES, own] : COMMON_LANGUAGES;
    const lang = this.language.current();
    return codes.map((code) => ({ code, name: languageName(code, lang) }));
  });

  constructor() {
    effect(() => {
      const item = this.item();
      untracked(() => {
        this.cities.set([...item.cities]);
        this.selectedTopics.set([...item.topics]);
        this.itemLanguage.set(item.language ?? '');
      });
    });
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected toggleTopic(slug: string, checked: boolean): void {
    this.selectedTopics.update((slugs) => (checked ? [...new Set([...slugs, slug])] : slugs.filter((s) => s !== slug)));
  }

  protected submit(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.moderation
      .update(this.item().id, {
        cities: this.cities(),
        topics: this.selectedTopics(),
        language: this.itemLanguage() || null,
      })
      .subscribe({
        next: (item) => {
          this.busy.set(false);
          this.saved.emit(item);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(errorMessage(error));
          this.fieldErrors.set(apiFieldMessages(error));
        },
      });
  }
}
