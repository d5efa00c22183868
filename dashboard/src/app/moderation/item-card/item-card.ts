import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName, ItemDto, ModerationAction, TopicDto } from '@welcome-ruhr/contracts';
import { LanguageService } from '../../i18n/language.service';
import { languageName } from '../../shared/languages';
import { TimeText } from '../../shared/time/time';
import { topicLabel } from '../../topics/topics.service';
import { ITEM_STATUS_BADGES, ITEM_STATUS_KEYS } from '../item-labels';

/**
 * One item of the moderation queue: what it says (the HTML was sanitized at ingest, and Angular
 * sanitizes it again), where it comes from, its tags, why it was held, and the moderator's actions.
 * The article itself takes focus, so the queue can be worked through by keyboard.
 */
@Component({
  selector: 'wr-item-card',
  imports: [TranslatePipe, TimeText],
  templateUrl: './item-card.html',
  styleUrl: './item-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemCard {
  private readonly language = inject(LanguageService);

  readonly item = input.required<ItemDto>();
  readonly topics = input<TopicDto[]>([]);
  readonly selected = input(false);
  /** The item the keyboard works on; it is the one stop of the list in the tab order. */
  readonly current = input(false);
  /** The card is the list's entry point for Tab when no item is current yet. */
  readonly tabStop = input(false);
  readonly busy = input(false);

  readonly decide = output<ModerationAction>();
  readonly selectedChange = output<boolean>();
  readonly editTags = output<void>();

  protected readonly statusKeys = ITEM_STATUS_KEYS;
  protected readonly statusBadges = ITEM_STATUS_BADGES;
  protected readonly cityNames = computed(() => this.item().cities.map(cityName).join(', '));
  protected readonly topicNames = computed(() => {
    const lang = this.language.current();
    const bySlug = new Map(this.topics().map((topic) => [topic.slug, topic]));
    return this.item()
      .topics.map((slug) => {
        const topic = bySlug.get(slug);
        return topic ? topicLabel(topic, lang) : slug;
      })
      .join(', ');
  });
  protected readonly languageLabel = computed(() => {
    const code = this.item().language;
    return code ? languageName(code, this.language.current()) : null;
  });
}
