import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ContactDataErasure, ContactDataExport } from '@welcome-ruhr/contracts';
import { apiFieldMessages, errorMessage, Message } from '../../shared/api-error';
import { isolate } from '../../shared/bidi';
import { Dialog } from '../../shared/dialog/dialog';
import { saveFile } from '../../shared/download';
import { MessageText } from '../../shared/message/message';
import { PrivacyService } from '../privacy.service';

/** Something before and after one @, no spaces: the server checks the address properly. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** What an export found for one address; erasing is offered for exactly that address. */
interface Found {
  email: string;
  requests: number;
  mails: number;
}

/** The name of the downloaded file: the address, with anything a file system may refuse replaced. */
export function exportFileName(email: string): string {
  return `welcome-ruhr-contact-data-${email.replace(/[^\w.@+-]/g, '_')}.json`;
}

/**
 * Data-subject requests for admins: export everything stored about an e-mail address as a JSON file,
 * then erase it. Erasing comes after an export of the same address, so the confirmation can say how
 * much goes, and the person has been given their copy.
 */
@Component({
  selector: 'wr-privacy-page',
  imports: [TranslatePipe, MessageText, Dialog],
  templateUrl: './privacy-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyPage {
  private readonly privacy = inject(PrivacyService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');

  protected readonly email = signal('');
  protected readonly emailError = signal<Message | null>(null);
  protected readonly error = signal<Message | null>(null);
  protected readonly exporting = signal(false);
  protected readonly erasing = signal(false);
  protected readonly found = signal<Found | null>(null);
  protected readonly confirming = signal(false);
  protected readonly erased = signal<ContactDataErasure | null>(null);

  protected readonly isolate = isolate;

  protected typeEmail(value: string): void {
    this.email.set(value);
    this.emailError.set(null);
    // The counts belong to the address they were found for; another address needs its own export.
    this.found.set(null);
  }

  protected exportData(): void {
    if (this.exporting() || this.erasing()) return;
    const email = this.email().trim();
    const problem = !email ? 'validation.required' : EMAIL_SHAPE.test(email) ? null : 'validation.email';
    this.emailError.set(problem ? { key: problem } : null);
    if (problem) {
      this.focusEmail();
      return;
    }
    this.error.set(null);
    this.erased.set(null);
    this.found.set(null);
    this.exporting.set(true);
    this.privacy.exportData(email).subscribe({
      next: (data) => {
        this.exporting.set(false);
        this.save(data);
        // Erasing is offered only for the address still in the field: the admin may have typed on meanwhile.
        if (this.email().trim() !== email) return;
        this.found.set({ email: data.email, requests: data.contactRequests.length, mails: data.mails.length });
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.showError(error);
      },
    });
  }

  protected askErase(): void {
    if (this.found() && !this.erasing()) this.confirming.set(true);
  }

  protected confirmErase(): void {
    const found = this.found();
    this.confirming.set(false);
    if (!found || this.erasing()) return;
    this.error.set(null);
    this.erasing.set(true);
    this.privacy.erase(found.email).subscribe({
      next: (result) => {
        this.erasing.set(false);
        this.found.set(null);
        this.erased.set(result);
        this.email.set('');
        this.focusEmail();
      },
      error: (error: unknown) => {
        this.erasing.set(false);
        this.showError(error);
      },
    });
  }

  private save(data: ContactDataExport): void {
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    saveFile(this.host.nativeElement.ownerDocument, blob, exportFileName(data.email));
  }

  private showError(error: unknown): void {
    const emailProblem = apiFieldMessages(error)['email'];
    if (emailProblem) {
      this.emailError.set(emailProblem);
      this.focusEmail();
    } else {
      this.error.set(errorMessage(error));
    }
  }

  private focusEmail(): void {
    afterNextRender(() => this.emailInput().nativeElement.focus(), { injector: this.injector });
  }
}
