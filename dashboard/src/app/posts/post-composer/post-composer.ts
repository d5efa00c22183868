import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  ChannelDto,
  channelText,
  EDITABLE_POST_STATUSES,
  MASTODON_URL_LENGTH,
  POST_IMAGE_MAX_BYTES,
  POST_IMAGE_TYPES,
  POST_LENGTH_LIMITS,
  PostDto,
  postLength,
  PublicFeedItem,
} from '@welcome-ruhr/contracts';
import { concatMap, Observable, of } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { CHANNEL_STATUS_LOOKS, CHANNEL_TYPE_KEYS } from '../../channels/channel-labels';
import { ChannelsService } from '../../channels/channels.service';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, FieldMessages, Message } from '../../shared/api-error';
import { isolate } from '../../shared/bidi';
import { Dialog } from '../../shared/dialog/dialog';
import { formState } from '../../shared/form-state';
import { MessageText } from '../../shared/message/message';
import { StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { FeedItemPicker } from '../feed-item-picker/feed-item-picker';
import { PortalFeedService } from '../portal-feed.service';
import { POST_STATUS_LOOKS } from '../post-labels';
import { PostsService } from '../posts.service';
import { isWebAddress } from '../../shared/web-address';

type Timing = 'at' | 'asap';
type Intent = 'draft' | 'review' | 'save';

/** The portal item a post shares: its link is the post's link; the details only once looked up. */
interface SharedItem {
  id: string;
  url: string | null;
  details: PublicFeedItem | null;
}

interface ChannelLength {
  channel: ChannelDto;
  length: number;
  limit: number;
  over: number;
}

/** "2026-05-14T09:30" (a datetime-local value) for a moment, in local time. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Writes or edits a post: text with a length counter per chosen channel (Mastodon counts links as 23
 * characters) and a preview as each channel will show it, an optional link and image, the channels,
 * and a time or "as soon as approved". Saved as a draft or sent for review; over-long text is stopped
 * before it reaches the API. Instead of a link of her own, a new post can share an item of the portal's
 * feed (the text is then her comment); a post keeps the item it shares.
 */
@Component({
  selector: 'wr-post-composer',
  imports: [TranslatePipe, RouterLink, MessageText, Dialog, StateBadge, TimeText, FeedItemPicker],
  templateUrl: './post-composer.html',
  styleUrl: './post-composer.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PostComposer {
  private readonly postsApi = inject(PostsService);
  private readonly feed = inject(PortalFeedService);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly auth = inject(AuthService);

  /** From the route: the post to edit. */
  readonly id = input<string | undefined>();
  /** From the query: a rejected post to write again. */
  readonly from = input<string | undefined>();
  /** From the query (the calendar): the day to plan for, YYYY-MM-DD. */
  readonly date = input<string | undefined>();
  /** From the query: the id of an item of the portal's feed to share. */
  readonly item = input<string | undefined>();

  protected readonly channelTypeKeys = CHANNEL_TYPE_KEYS;
  protected readonly channelStatusLooks = CHANNEL_STATUS_LOOKS;
  protected readonly statusLooks = POST_STATUS_LOOKS;
  protected readonly imageTypes = POST_IMAGE_TYPES.join(',');
  protected readonly urlLength = MASTODON_URL_LENGTH;

  protected readonly channels = signal<ChannelDto[]>([]);
  protected readonly channelsLoaded = signal(false);
  protected readonly post = signal<PostDto | null>(null);
  /** The rejected post this one is written from. */
  protected readonly source = signal<PostDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<Message | null>(null);

  protected readonly text = signal('');
  protected readonly link = signal('');
  protected readonly channelIds = signal<string[]>([]);
  protected readonly timing = signal<Timing>('at');
  protected readonly scheduledAt = signal('');
  /** A newly chosen image and its preview address. */
  protected readonly image = signal<{ file: File; url: string | null } | null>(null);
  protected readonly removeImage = signal(false);
  protected readonly existingImageBroken = signal(false);
  protected readonly shared = signal<SharedItem | null>(null);
  protected readonly pickerOpen = signal(false);
  protected readonly itemLoading = signal(false);
  /** Why the item of `?item=` is not shared. */
  protected readonly itemProblem = signal<Message | null>(null);
  /** The feed starts with the ambassador's own cities. */
  protected readonly myCities = computed(() => this.auth.user()?.cities ?? []);

  /** The channel checkboxes and the shared item are marked invalid on their fieldset or section, not on a control. */
  private readonly state = formState(
    '[aria-invalid="true"], fieldset[data-invalid="true"] input, [data-invalid="true"][tabindex="-1"]',
  );
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly confirmWithdraw = signal(false);

  protected readonly editing = computed(() => this.post() !== null);
  /** The API takes an item only with a new post, and keeps it: no other item, no link of its own. */
  protected readonly sharedFixed = computed(() => !!this.post()?.itemId);
  protected readonly canShare = computed(() => this.post() === null);
  /** The link the post carries: the shared item's, else the one she wrote. */
  protected readonly postLink = computed(() => {
    const shared = this.shared();
    return shared ? (shared.url ?? '') : this.link().trim();
  });
  protected readonly isDraft = computed(() => {
    const post = this.post();
    return post === null || post.status === 'draft';
  });
  protected readonly editable = computed(() => {
    const post = this.post();
    return post === null || EDITABLE_POST_STATUSES.includes(post.status);
  });
  /** Channels that can be chosen: every connected one, and those already on the post. */
  protected readonly choices = computed(() => {
    const chosen = new Set(this.channelIds());
    return this.channels().filter((c) => c.status !== 'disconnected' || chosen.has(c.id));
  });
  protected readonly selected = computed(() => {
    const ids = new Set(this.channelIds());
    return this.channels().filter((c) => ids.has(c.id));
  });
  protected readonly lengths = computed((): ChannelLength[] => {
    const text = this.text();
    const link = this.postLink() || null;
    return this.selected().map((channel) => {
      const length = postLength(channel.type, text, link);
      const limit = POST_LENGTH_LIMITS[channel.type];
      return { channel, length, limit, over: Math.max(0, length - limit) };
    });
  });
  protected readonly tooLong = computed(() => this.lengths().filter((entry) => entry.over > 0));
  /** Names of the channels the text is too long for: the live region announces only when this changes. */
  protected readonly tooLongNames = computed(() =>
    this.tooLong()
      .map((entry) => entry.channel.name)
      .join(', '),
  );
  protected readonly previews = computed(() => {
    const text = this.text();
    const link = this.postLink() || null;
    return this.selected().map((channel) => ({ channel, text: channelText(channel.type, text, link) }));
  });
  protected readonly hasMastodonLink = computed(
    () => this.postLink() !== '' && this.selected().some((c) => c.type === 'mastodon'),
  );
  protected readonly imagePreview = computed(() => {
    const image = this.image();
    if (image) return image.url;
    const post = this.post();
    return post?.imageUrl && !this.removeImage() && !this.existingImageBroken() ? post.imageUrl : null;
  });
  protected readonly hasImage = computed(() => this.image() !== null || (!!this.post()?.imageUrl && !this.removeImage()));

  constructor() {
    inject(ChannelsService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (channels) => {
          this.channels.set(channels);
          this.channelsLoaded.set(true);
          // A new post goes to the only channel there is without asking.
          const usable = channels.filter((c) => c.status === 'connected');
          if (!this.id() && !this.from() && usable.length === 1 && this.channelIds().length === 0) {
            this.channelIds.set([usable[0].id]);
          }
        },
        error: (error: unknown) => this.loadError.set(errorMessage(error)),
      });
    effect(() => {
      const id = this.id() ?? this.from();
      const copy = !this.id();
      untracked(() => this.loadPost(id, copy));
    });
    effect(() => {
      const item = this.item();
      if (item && !this.id() && !this.from()) untracked(() => this.prefillItem(item));
    });
    effect(() => {
      const date = this.date();
      if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) untracked(() => this.scheduledAt.set(`${date}T09:00`));
    });
    inject(DestroyRef).onDestroy(() => this.revokePreview());
  }

  private loadPost(id: string | undefined, copy: boolean): void {
    if (!id) return;
    this.loading.set(true);
    this.postsApi.get(id).subscribe({
      next: (post) => {
        this.loading.set(false);
        if (copy) this.source.set(post);
        else this.post.set(post);
        this.text.set(post.text);
        // A shared item's link is the item's, not one she wrote: removing the item leaves the field empty.
        this.link.set(post.itemId ? '' : (post.link ?? ''));
        this.channelIds.set(post.deliveries.map((d) => d.channelId));
        if (post.itemId) this.shareFromPost(post.itemId, post.link);
        if (!copy || post.scheduledAt) {
          this.timing.set(post.asSoonAsApproved ? 'asap' : 'at');
          this.scheduledAt.set(post.scheduledAt && !copy ? toLocalInput(post.scheduledAt) : '');
        }
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorMessage(error));
      },
    });
  }

  /** `?item=`: shares the item while it is approved. */
  private prefillItem(id: string): void {
    this.itemLoading.set(true);
    this.itemProblem.set(null);
    this.feed.find(id).subscribe({
      next: (item) => {
        this.itemLoading.set(false);
        if (item?.url) this.shared.set({ id: item.id, url: item.url, details: item });
        else this.itemProblem.set({ key: 'composer.itemNotFound' });
      },
      error: (error: unknown) => {
        this.itemLoading.set(false);
        this.itemProblem.set(errorMessage(error));
      },
    });
  }

  /** A saved post knows only the item's id and link; its title and source are looked up while it is approved. */
  private shareFromPost(id: string, link: string | null): void {
    this.shared.set({ id, url: link, details: null });
    this.feed.find(id).subscribe({
      next: (item) => {
        if (item) this.shared.update((shared) => (shared?.id === id ? { ...shared, details: item } : shared));
      },
      // Without the details the link still shows what is shared.
      error: () => undefined,
    });
  }

  // Editing

  protected setText(value: string): void {
    this.text.set(value);
    this.state.clearField('text');
  }

  protected setLink(value: string): void {
    this.link.set(value);
    this.state.clearField('link');
  }

  protected togglePicker(): void {
    this.pickerOpen.update((open) => !open);
  }

  protected chooseItem(item: PublicFeedItem): void {
    this.shared.set({ id: item.id, url: item.url, details: item });
    this.pickerOpen.set(false);
    this.itemProblem.set(null);
    this.state.clearField('itemId');
    this.state.clearField('link');
    this.focus('#composer-shared-item');
  }

  protected removeShared(): void {
    this.shared.set(null);
    this.pickerOpen.set(false);
    this.state.clearField('itemId');
    this.focus('#composer-share-toggle');
  }

  protected toggleChannel(id: string, checked: boolean): void {
    this.channelIds.update((ids) => (checked ? [...new Set([...ids, id])] : ids.filter((i) => i !== id)));
    this.state.clearField('channelIds');
  }

  protected setTiming(timing: Timing): void {
    this.timing.set(timing);
    this.state.clearField('scheduledAt');
  }

  protected setScheduledAt(value: string): void {
    this.scheduledAt.set(value);
    this.state.clearField('scheduledAt');
  }

  protected chooseImage(input: HTMLInputElement): void {
    const file = input.files?.[0];
    this.state.clearField('image');
    if (!file) return;
    if (!(POST_IMAGE_TYPES as readonly string[]).includes(file.type)) {
      this.fieldErrors.update((errors) => ({ ...errors, image: { key: 'composer.imageType' } }));
      input.value = '';
      return;
    }
    if (file.size > POST_IMAGE_MAX_BYTES) {
      this.fieldErrors.update((errors) => ({
        ...errors,
        image: { key: 'composer.imageSize', params: { max: POST_IMAGE_MAX_BYTES / 1024 / 1024 } },
      }));
      input.value = '';
      return;
    }
    this.revokePreview();
    const url = this.document.defaultView?.URL;
    this.image.set({ file, url: typeof url?.createObjectURL === 'function' ? url.createObjectURL(file) : null });
    this.removeImage.set(false);
  }

  protected dropImage(input: HTMLInputElement): void {
    this.revokePreview();
    this.image.set(null);
    input.value = '';
    if (this.post()?.imageUrl) this.removeImage.set(true);
  }

  private revokePreview(): void {
    const url = this.image()?.url;
    if (url) this.document.defaultView?.URL.revokeObjectURL(url);
  }

  protected isolated(text: string): string {
    return isolate(text);
  }

  protected formatNumber(value: number): string {
    return new Intl.NumberFormat(this.language.current()).format(value);
  }

  // Saving

  protected submit(intent: Intent): void {
    if (this.busy() || this.state.invalid(this.check(intent))) return;
    this.state.submit(this.save(intent), (post) => {
      const key =
        intent === 'draft' ? 'composer.savedDraft' : intent === 'review' ? 'composer.sentForReview' : 'composer.saved';
      void this.router.navigate(['/posts'], { state: { notice: { key } satisfies Message } });
      this.post.set(post);
    });
  }

  /** What the API would refuse, said before asking it. */
  private check(intent: Intent): FieldMessages {
    const errors: FieldMessages = {};
    if (this.text().trim() === '') errors['text'] = { key: 'validation.required' };
    else if (this.tooLong().length > 0) {
      const first = this.tooLong()[0];
      errors['text'] = {
        key: 'composer.tooLongFor',
        params: { channel: isolate(first.channel.name), over: first.over, limit: first.limit },
      };
    }
    const link = this.link().trim();
    if (!this.shared() && link && !isWebAddress(link)) errors['link'] = { key: 'composer.invalidLink' };
    if (this.channelIds().length === 0) errors['channelIds'] = { key: 'composer.chooseChannel' };
    if (this.timing() === 'at') {
      const value = this.scheduledAt();
      const at = value ? new Date(value).getTime() : NaN;
      if (!value && intent !== 'draft') errors['scheduledAt'] = { key: 'composer.chooseTime' };
      else if (value && Number.isNaN(at)) errors['scheduledAt'] = { key: 'validation.invalid' };
      else if (value && at < Date.now()) errors['scheduledAt'] = { key: 'composer.timeInPast' };
    }
    return errors;
  }

  private save(intent: Intent): Observable<PostDto> {
    const text = this.text().replace(/\s+$/, '');
    const link = this.link().trim();
    const asap = this.timing() === 'asap';
    const scheduledAt = !asap && this.scheduledAt() ? new Date(this.scheduledAt()).toISOString() : undefined;
    const existing = this.post();
    const shared = this.shared();
    let saved: Observable<PostDto>;
    if (existing) {
      saved = this.postsApi.update(existing.id, {
        text,
        ...(existing.itemId ? {} : { link: link || null }),
        channelIds: this.channelIds(),
        asSoonAsApproved: asap,
        ...(scheduledAt ? { scheduledAt } : {}),
      });
    } else {
      saved = this.postsApi.create({
        text,
        ...(shared ? { itemId: shared.id } : link ? { link } : {}),
        channelIds: this.channelIds(),
        ...(asap ? { asSoonAsApproved: true } : {}),
        ...(scheduledAt ? { scheduledAt } : {}),
        ...(intent === 'draft' ? { draft: true } : {}),
      });
    }
    // The image and the step to review need the post's id, so they follow one after the other.
    return saved.pipe(
      concatMap((post) => {
        const image = this.image();
        const withImage = image
          ? this.postsApi.setImage(post.id, image.file)
          : this.removeImage() && post.imageUrl
            ? this.postsApi.removeImage(post.id)
            : of(post);
        return withImage.pipe(
          concatMap((withIt) =>
            intent === 'review' && withIt.status === 'draft' ? this.postsApi.submit(withIt.id) : of(withIt),
          ),
        );
      }),
    );
  }

  protected withdraw(): void {
    const post = this.post();
    this.confirmWithdraw.set(false);
    if (!post || this.busy()) return;
    this.busy.set(true);
    this.postsApi.cancel(post.id).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigate(['/posts'], { state: { notice: { key: 'composer.withdrawn' } satisfies Message } });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(error));
      },
    });
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
