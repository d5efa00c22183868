import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { PASSWORD_MIN_LENGTH } from '@welcome-ruhr/contracts';
import { AuthService } from '../../auth/auth.service';
import {
  apiFieldMessages,
  clientFieldMessages,
  errorMessage,
  FieldMessages,
  Message,
  withoutField,
} from '../../shared/api-error';
import { MessageText } from '../../shared/message/message';

/** The repetition must equal the new password (checked on the repetition's control). */
function sameAsNewPassword(control: AbstractControl): ValidationErrors | null {
  const newPassword = control.parent?.get('newPassword')?.value;
  return control.value && control.value !== newPassword ? { mismatch: true } : null;
}

@Component({
  selector: 'wr-change-password-form',
  imports: [ReactiveFormsModule, TranslatePipe, MessageText],
  templateUrl: './change-password-form.html',
  styleUrl: './change-password-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordForm {
  private readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    confirmPassword: ['', [Validators.required, sameAsNewPassword]],
  });
  protected readonly fieldErrors = signal<FieldMessages>({});
  protected readonly error = signal<Message | null>(null);
  protected readonly done = signal(false);
  protected readonly busy = signal(false);

  protected clearFieldError(field: string): void {
    this.fieldErrors.update((errors) => withoutField(errors, field));
  }

  protected submit(): void {
    if (this.busy()) return;
    this.done.set(false);
    this.form.controls.confirmPassword.updateValueAndValidity();
    const clientErrors = clientFieldMessages(this.form);
    this.fieldErrors.set(clientErrors);
    if (Object.keys(clientErrors).length > 0) {
      this.error.set({ key: 'validation.summary' });
      this.focusFirstInvalid();
      return;
    }
    this.error.set(null);
    this.busy.set(true);
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.auth.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.busy.set(false);
        this.form.reset();
        this.done.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(error));
        this.fieldErrors.set(apiFieldMessages(error));
        this.focusFirstInvalid();
      },
    });
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      { injector: this.injector },
    );
  }
}
