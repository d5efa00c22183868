import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import {
  INVITATION_LANGUAGES,
  InvitationDto,
  InvitationLanguage,
  InvitationStatus,
  Role,
  ROLES,
} from '@welcome-ruhr/contracts';
import { InvitationsService } from '../../invitations/invitations.service';
import { clientFieldMessages, errorMessage, Message } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { MessageText } from '../../shared/message/message';
import { BadgeLook, StateBadge } from '../../shared/state-badge/state-badge';
import { TimeText } from '../../shared/time/time';
import { CityPicker } from '../city-picker/city-picker';

let nextId = 0;

/** Translation keys, written out so that the check of the translation files sees every one. */
export const INVITATION_STATUS_LOOKS: Record<InvitationStatus, BadgeLook> = {
  pending: { key: 'invite.statuses.pending', icon: '◷', badge: 'badge--info' },
  accepted: { key: 'invite.statuses.accepted', icon: '✓', badge: 'badge--success' },
  expired: { key: 'invite.statuses.expired', icon: '–', badge: 'badge--muted' },
  revoked: { key: 'invite.statuses.revoked', icon: '✕', badge: 'badge--muted' },
};
const LANGUAGE_KEYS: Record<InvitationLanguage, string> = { de: 'language.de', en: 'language.en' };

/**
 * Invites a person by e-mail (the friendly way to add a user): they get a link that expires and set
 * their own password. Below, the invitations so far, with their state; open ones can be withdrawn.
 */
@Component({
  selector: 'wr-invite-form',
  imports: [ReactiveFormsModule, TranslatePipe, MessageText, CityPicker, StateBadge, TimeText],
  templateUrl: './invite-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteForm {
  private readonly invitations = inject(InvitationsService);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  readonly invited = output<InvitationDto>();
  readonly cancelled = output<void>();

  protected readonly id = `invite-form-${nextId++}`;
  protected readonly roles = ROLES;
  protected readonly languages = INVITATION_LANGUAGES;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly statusLooks = INVITATION_STATUS_LOOKS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    name: ['', Validators.required],
    role: ['' as Role | '', Validators.required],
    language: ['de' as InvitationLanguage],
  });
  protected readonly role = signal<Role | ''>('');
  protected readonly cities = signal<string[]>([]);
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly status = signal<Message | null>(null);
  protected readonly busy = this.state.busy;
  protected readonly clearFieldError = this.state.clearField;
  protected readonly list = signal<InvitationDto[] | null>(null);

  constructor() {
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      this.role.set(role);
      this.clearFieldError('role');
    });
    afterNextRender(() => this.heading().nativeElement.focus());
    this.invitations.list().subscribe({
      next: (list) => this.list.set(list),
      error: () => this.list.set([]),
    });
  }

  protected setCities(cities: string[]): void {
    this.cities.set(cities);
    this.clearFieldError('cities');
  }

  protected submit(): void {
    if (this.busy() || this.state.invalid(clientFieldMessages(this.form))) return;
    this.status.set(null);
    const { email, name, role, language } = this.form.getRawValue();
    const validRole = role as Role;
    const cities = validRole === 'admin' ? [] : this.cities();
    const request = this.invitations.create({ email: email.trim(), name: name.trim(), role: validRole, cities, language });
    this.state.submit(request, (invitation) => {
      // A new invitation replaces an open one to the same address.
      this.list.update((list) => [
        invitation,
        ...(list ?? []).filter((i) => i.id !== invitation.id && !(i.email === invitation.email && i.status === 'pending')),
      ]);
      this.invited.emit(invitation);
    });
  }

  protected revoke(invitation: InvitationDto): void {
    this.status.set(null);
    this.error.set(null);
    this.invitations.revoke(invitation.id).subscribe({
      next: (revoked) => {
        this.list.update((list) => (list ?? []).map((i) => (i.id === revoked.id ? revoked : i)));
        this.status.set({ key: 'invite.revoked', params: { email: revoked.email } });
      },
      error: (error: unknown) => this.error.set(errorMessage(error)),
    });
  }
}
