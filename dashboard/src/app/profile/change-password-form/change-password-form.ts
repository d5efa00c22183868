import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { PASSWORD_MIN_LENGTH } from '@welcome-ruhr/contracts';
import { AuthService } from '../../auth/auth.service';
import { clientFieldMessages } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
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

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    confirmPassword: ['', [Validators.required, sameAsNewPassword]],
  });
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly done = signal(false);
  protected readonly busy = this.state.busy;
  protected readonly clearFieldError = this.state.clearField;

  protected submit(): void {
    if (this.busy()) return;
    this.done.set(false);
    this.form.controls.confirmPassword.updateValueAndValidity();
    if (this.state.invalid(clientFieldMessages(this.form))) return;
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.state.submit(this.auth.changePassword({ currentPassword, newPassword }), () => {
      this.form.reset();
      this.done.set(true);
    });
  }
}
