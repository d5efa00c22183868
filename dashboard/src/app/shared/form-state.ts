import { afterNextRender, DestroyRef, ElementRef, inject, Injector, signal } from '@angular/core';
import { Observable } from 'rxjs';
import { apiFieldMessages, errorMessage, FieldMessages, Message, withoutField } from './api-error';

/**
 * What every form of the dashboard keeps while it is filled in and saved: the messages per field,
 * the one message above the buttons, and whether a request is under way. Forms differ in what they
 * check and what they do with the saved value; how they report problems is the same everywhere, so
 * that keyboard and screen reader users always land on the first field to correct.
 */
export class FormState {
  readonly fieldErrors = signal<FieldMessages>({});
  readonly error = signal<Message | null>(null);
  readonly busy = signal(false);
  /** A form closed while it saved has no view left to focus in (Angular refuses render hooks then). */
  private destroyed = false;

  constructor(
    private readonly host: ElementRef<HTMLElement>,
    private readonly injector: Injector,
    private readonly invalidSelector: string,
  ) {
    injector.get(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  /** The person is correcting `field`: its message goes. An arrow, so templates can be handed it as it is. */
  readonly clearField = (field: string): void => this.fieldErrors.update((errors) => withoutField(errors, field));

  /** The form shows another record now: messages about the last one would mislead. */
  clear(): void {
    this.fieldErrors.set({});
    this.error.set(null);
  }

  /** After the next render, because the field is marked invalid only then. */
  focusFirstInvalid(): void {
    if (this.destroyed) return;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(this.invalidSelector)?.focus(), {
      injector: this.injector,
    });
  }

  /** Shows the form's own problems; true when there are any, so the form stops before asking the API. */
  invalid(errors: FieldMessages): boolean {
    this.fieldErrors.set(errors);
    if (Object.keys(errors).length === 0) return false;
    this.error.set({ key: 'validation.summary' });
    this.focusFirstInvalid();
    return true;
  }

  /** Sends `request` once at a time; a refusal shows the API's message and its problems per field. */
  submit<T>(request: Observable<T>, saved: (value: T) => void): void {
    if (this.busy()) return;
    this.error.set(null);
    this.busy.set(true);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        saved(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(error));
        this.fieldErrors.set(apiFieldMessages(error));
        this.focusFirstInvalid();
      },
    });
  }
}

/**
 * A {@link FormState} for the component being created (call it in a field initializer).
 * `invalidSelector` is for forms that mark more than single controls invalid, or hold more than one form.
 */
export function formState(invalidSelector = '[aria-invalid="true"]'): FormState {
  return new FormState(inject<ElementRef<HTMLElement>>(ElementRef), inject(Injector), invalidSelector);
}
