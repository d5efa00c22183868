import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { config, defer, of, Subject, throwError } from 'rxjs';
import { formState } from './form-state';

@Component({
  selector: 'wr-test-form',
  template: `
    <input id="name" [attr.aria-invalid]="state.fieldErrors()['name'] ? true : null" />
    <input id="email" [attr.aria-invalid]="state.fieldErrors()['email'] ? true : null" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class TestForm {
  readonly state = formState();
}

describe('FormState', () => {
  let fixture: ComponentFixture<TestForm>;
  let state: TestForm['state'];

  beforeEach(() => {
    fixture = TestBed.createComponent(TestForm);
    state = fixture.componentInstance.state;
    fixture.detectChanges();
  });

  afterEach(() => fixture.nativeElement.remove());

  function field(id: string): HTMLInputElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`#${id}`);
  }

  it('hands the saved value on and is ready again', () => {
    const saved = jest.fn();
    state.error.set({ key: 'validation.summary' });
    state.submit(of({ id: 7 }), saved);

    expect(saved).toHaveBeenCalledWith({ id: 7 });
    expect(state.busy()).toBe(false);
    expect(state.error()).toBeNull();
  });

  it("shows the API's problems at their fields and takes the focus to the first", async () => {
    document.body.appendChild(fixture.nativeElement);
    const refusal = new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Please check the form.',
        fields: [{ field: 'email', problem: 'email must be an email' }],
      },
    });
    const saved = jest.fn();
    state.submit(throwError(() => refusal), saved);
    await fixture.whenStable();

    expect(saved).not.toHaveBeenCalled();
    expect(state.busy()).toBe(false);
    expect(state.error()).toEqual({ text: 'Please check the form.' });
    expect(state.fieldErrors()).toEqual({ email: { text: 'email must be an email' } });
    expect(field('email')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('email'));
  });

  it('sends nothing more while a request is under way', () => {
    const first = new Subject<string>();
    const sent = jest.fn(() => of('again'));
    const saved = jest.fn();
    state.submit(first, saved);
    expect(state.busy()).toBe(true);

    state.submit(defer(sent), saved);
    expect(sent).not.toHaveBeenCalled();
    expect(saved).not.toHaveBeenCalled();

    first.next('done');
    expect(saved).toHaveBeenCalledTimes(1);
    expect(saved).toHaveBeenCalledWith('done');
  });

  it('sums up its own problems and takes the focus to the first', async () => {
    document.body.appendChild(fixture.nativeElement);

    expect(state.invalid({ name: { key: 'validation.required' } })).toBe(true);
    await fixture.whenStable();

    expect(state.error()).toEqual({ key: 'validation.summary' });
    expect(document.activeElement).toBe(field('name'));
  });

  it('lets a form without problems go on', () => {
    state.fieldErrors.set({ name: { key: 'validation.required' } });

    expect(state.invalid({})).toBe(false);
    expect(state.fieldErrors()).toEqual({});
    expect(state.error()).toBeNull();
  });

  it('forgets one field when it is corrected', () => {
    state.fieldErrors.set({ name: { key: 'validation.required' }, email: { key: 'validation.email' } });
    state.clearField('name');

    expect(state.fieldErrors()).toEqual({ email: { key: 'validation.email' } });
  });

  it('takes a refusal calmly when the form was closed while it saved', async () => {
    // rxjs reports what a subscriber's callback throws here, later and outside the test.
    const thrown: unknown[] = [];
    config.onUnhandledError = (error) => thrown.push(error);
    const answer = new Subject<string>();
    state.submit(answer, jest.fn());
    fixture.destroy();

    answer.error(new HttpErrorResponse({ status: 400, error: { statusCode: 400, message: 'Too late.' } }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    config.onUnhandledError = null;
    expect(thrown).toEqual([]);
    expect(state.busy()).toBe(false);
    expect(state.error()).toEqual({ text: 'Too late.' });
  });
});
