import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { cityName, InvitationPreviewDto, PASSWORD_MIN_LENGTH } from '@welcome-ruhr/contracts';
import { LanguageSwitcher } from '../../i18n/language-switcher/language-switcher';
import { errorMessage, FieldMessages, Message } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { MessageText } from '../../shared/message/message';
import { TimeText } from '../../shared/time/time';
import { InvitationsService } from '../invitations.service';

/**
 * Where the invitation mail's link leads (`/invitations/:token`): who is invited as what, and a
 * password to set. The link works once; then the person signs in as usual.
 */
@Component({
  selector: 'wr-accept-invitation-page',
  imports: [TranslatePipe, RouterLink, MessageText, TimeText, LanguageSwitcher],
  templateUrl: './accept-invitation-page.html',
  styleUrl: './accept-invitation-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitationPage {
  private readonly invitations = inject(InvitationsService);

  /** From the route. */
  readonly token = input.required<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly invitation = signal<InvitationPreviewDto | null>(null);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly password = signal('');
  protected readonly repeat = signal('');
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly clearFieldError = this.state.clearField;
  protected readonly accepted = signal(false);
  protected readonly cityNames = computed(() => (this.invitation()?.cities ?? []).map(cityName).join(', '));

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() =>
        this.invitations.preview(token).subscribe({
          next: (invitation) => this.invitation.set(invitation),
          error: (error: unknown) => this.loadError.set(errorMessage(error)),
        }),
      );
    });
  }

  protected submit(): void {
    const errors: FieldMessages = {};
    if ([...this.password()].length < PASSWORD_MIN_LENGTH) {
      errors['password'] = { key: 'validation.minLength', params: { min: PASSWORD_MIN_LENGTH } };
    } else if (this.password() !== this.repeat()) {
      errors['repeat'] = { key: 'validation.passwordMismatch' };
    }
    if (this.busy() || this.state.invalid(errors)) return;
    this.state.submit(this.invitations.accept(this.token(), this.password()), () => this.accepted.set(true));
  }
}
