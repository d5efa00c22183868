import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  OnDestroy,
  output,
  viewChild,
} from '@angular/core';

let nextId = 0;

/**
 * A modal dialog on the native `<dialog>`: the parent shows it with `@if` and removes it on `closed`.
 * Focus moves into the dialog (to `[data-autofocus]`, else the first control) and, when it goes, back to
 * where it was. Escape closes it.
 */
@Component({
  selector: 'wr-dialog',
  template: `<dialog
    #dialog
    class="dialog"
    [attr.aria-labelledby]="id + '-title'"
    (cancel)="cancel($event)"
  >
    <h2 [id]="id + '-title'">{{ heading() }}</h2>
    <ng-content />
  </dialog>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Without showModal() (older engines, the unit tests) Escape would do nothing by itself.
  host: { '(keydown.escape)': 'cancel($event)' },
})
export class Dialog implements OnDestroy {
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly opener: HTMLElement | null;

  readonly heading = input.required<string>();
  /** Escape was pressed: the parent should remove the dialog. */
  readonly closed = output<void>();

  protected readonly id = `dialog-${nextId++}`;

  constructor() {
    const active = inject(ElementRef).nativeElement.ownerDocument.activeElement;
    this.opener = active instanceof HTMLElement ? active : null;
    afterNextRender(() => {
      const dialog = this.dialog().nativeElement;
      // jsdom (the unit tests) knows <dialog> but not showModal().
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      const target =
        dialog.querySelector<HTMLElement>('[data-autofocus]') ??
        dialog.querySelector<HTMLElement>('input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])');
      target?.focus();
    });
  }

  protected cancel(event: Event): void {
    event.preventDefault();
    this.closed.emit();
  }

  ngOnDestroy(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    if (this.opener?.isConnected) this.opener.focus();
  }
}
