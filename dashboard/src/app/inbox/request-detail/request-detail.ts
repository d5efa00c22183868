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
import { cityName, CONTACT_REPLY_MAX_LENGTH, ContactRequestDto, UserDto } from '@welcome-ruhr/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { LanguageService } from '../../i18n/language.service';
import { apiFieldMessages, errorMessage, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { UsersService } from '../../users/users.service';
import { InboxService } from '../inbox.service';
import { REQUEST_STATUS_LOOKS } from '../inbox-labels';

/**
 * One contact request: the newcomer's message and the replies, as plain text (never as HTML); a reply
 * form (sent from the portal's address), closing, and — for moderators — handing it to an ambassador.
 */
@Component({
  selector: 'wr-request-detail',
  imports: [TranslatePipe, MessageText, Dialog, StateBadge, TimeText],
  templateUrl: './request-detail.html',
  styleUrl: './request-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestDetail {
  private readonly inbox = inject(InboxService);
  private readonly users = inject(UsersService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly replyField = viewChild<ElementRef<HTMLTextAreaElement>>('replyField');

  readonly requestId = input.required<string>();
  /** The request changed (answered, closed, reassigned). */
  readonly changed = output<ContactRequestDto>();

  protected readonly statusLooks = REQUEST_STATUS_LOOKS;
  protected readonly replyMax = CONTACT_REPLY_MAX_LENGTH;
  private readonly role = inject(AuthService).role;
  /** Moderators and admins may hand a request to an ambassador. */
  protected readonly staff = computed(() => {
    const role = this.role();
    return role === 'admin' || role === 'moderator';
  });

  protected readonly request = signal<ContactRequestDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly reply = signal('');
  protected readonly replyError = signal<Message | null>(null);
  protected readonly ambassadors = signal<UserDto[]>([]);
  protected readonly assignTo = signal('');
  protected readonly assignError = signal<Message | null>(null);
  protected readonly confirmClose = signal(false);
  protected readonly busy = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly error = signal<Message | null>(null);

  protected readonly languageLabel = computed(() => {
    const request = this.request();
    return request ? languageName(request.language, this.language.current()) : '';
  });
  protected readonly cityLabel = computed(() => {
    const city = this.request()?.city;
    return city ? cityName(city) : null;
  });

  constructor() {
    effect(() => {
      const id = this.requestId();
      untracked(() => this.load(id));
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.status.set(null);
    this.error.set(null);
    this.reply.set('');
    this.replyError.set(null);
    this.inbox.get(id).subscribe({
      next: (request) => {
        this.loading.set(false);
        this.request.set(request);
        if (this.staff()) this.loadAmbassadors(request);
        afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.request.set(null);
        this.loadError.set(errorMessage(error));
      },
    });
  }

  /** The ambassadors of the request's city, to hand it to one of them. */
  private loadAmbassadors(request: ContactRequestDto): void {
    this.users
      .list({ role: 'ambassador', city: request.city ?? '' })
      .pipe(catchError(() => of<UserDto[]>([])))
      .subscribe((users) =>
        this.ambassadors.set(
          users.filter((u) => u.active && u.ambassadorId && u.ambassadorId !== request.ambassador?.id),
        ),
      );
  }

  protected sendReply(): void {
    const request = this.request();
    const message = this.reply().trim();
    if (!request || this.busy()) return;
    if (!message) {
      this.replyError.set({ key: 'validation.required' });
      this.replyField()?.nativeElement.focus();
      return;
    }
    this.run(this.inbox.reply(request.id, message), 'inbox.replied', () => this.reply.set(''), (error) => {
      this.replyError.set(apiFieldMessages(error)['message'] ?? null);
    });
  }

  protected close(): void {
    const request = this.request();
    this.confirmClose.set(false);
    if (request) this.run(this.inbox.close(request.id), 'inbox.closedDone');
  }

  protected assign(): void {
    const request = this.request();
    const ambassadorId = this.assignTo();
    if (!request || this.busy()) return;
    if (!ambassadorId) {
      this.assignError.set({ key: 'inbox.chooseAmbassador' });
      return;
    }
    this.assignError.set(null);
    this.run(this.inbox.assign(request.id, ambassadorId), 'inbox.assigned', () => this.assignTo.set(''));
  }

  private run(
    call: ReturnType<InboxService['close']>,
    doneKey: string,
    after?: () => void,
    failed?: (error: unknown) => void,
  ): void {
    this.busy.set(true);
    this.status.set(null);
    this.error.set(null);
    call.subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.request.set(updated);
        this.changed.emit(updated);
        this.status.set({
          key: doneKey,
          params: { name: updated.name, ambassador: updated.ambassador?.displayName ?? '' },
        });
        after?.();
        if (this.staff()) this.loadAmbassadors(updated);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(error));
        failed?.(error);
      },
    });
  }
}
