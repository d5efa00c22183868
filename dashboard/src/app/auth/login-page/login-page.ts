import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { apiFieldMessages, clientFieldMessages, errorMessage } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { MessageText } from '../../shared/message/message';
import { LanguageSwitcher } from '../../i18n/language-switcher/language-switcher';
import { AuthService } from '../auth.service';

/** Only paths inside the dashboard, never another site ("//evil.example"). */
function safeReturnUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
}

@Component({
  selector: 'wr-login-page',
  imports: [ReactiveFormsModule, TranslatePipe, MessageText, LanguageSwitcher],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Where to go after signing in (set when a page sent the person here); bound from the query. */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly clearFieldError = this.state.clearField;

  /** Not `FormState.submit`: two fields need no summary, and a refusal keeps the focus where it is. */
  protected submit(): void {
    if (this.busy()) return;
    this.error.set(null);
    const clientErrors = clientFieldMessages(this.form);
    this.fieldErrors.set(clientErrors);
    if (Object.keys(clientErrors).length > 0) {
      this.state.focusFirstInvalid();
      return;
    }
    this.busy.set(true);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(error));
        this.fieldErrors.set(apiFieldMessages(error));
      },
    });
  }
}
