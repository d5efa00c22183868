import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Dialog } from '../../shared/dialog/dialog';

/** Asks why one item or several are rejected: the reason is required and goes into the audit log. */
@Component({
  selector: 'wr-reject-dialog',
  imports: [TranslatePipe, Dialog],
  templateUrl: './reject-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RejectDialog {
  /** The one item's title; null when several are rejected together. */
  readonly itemTitle = input<string | null>(null);
  readonly count = input(1);
  /** Translation key of the hint under the reason: who reads it. */
  readonly hintKey = input('rejectDialog.hint');
  readonly confirmed = output<string>();
  readonly closed = output<void>();

  protected readonly reason = signal('');
  protected readonly missing = signal(false);

  protected submit(field: HTMLTextAreaElement): void {
    const reason = this.reason().trim();
    if (reason === '') {
      this.missing.set(true);
      field.focus();
      return;
    }
    this.confirmed.emit(reason);
  }
}
