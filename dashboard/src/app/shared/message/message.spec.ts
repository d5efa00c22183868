import { TestBed } from '@angular/core/testing';
import { provideTestTranslations } from '../../../testing/i18n';
import { Message } from '../api-error';
import { MessageText } from './message';

describe('MessageText', () => {
  function render(message: Message): string {
    TestBed.configureTestingModule({ imports: [MessageText], providers: [provideTestTranslations('de')] });
    const fixture = TestBed.createComponent(MessageText);
    fixture.componentRef.setInput('message', message);
    fixture.detectChanges();
    return (fixture.nativeElement as HTMLElement).textContent?.trim() ?? '';
  }

  it('translates our own keys with their parameters', () => {
    expect(render({ key: 'errors.tooManyRequests', params: { seconds: 5 } })).toBe(
      'Zu viele Versuche. Bitte versuchen Sie es in 5 s erneut.',
    );
  });

  it("shows the API's text as it came, never as a key", () => {
    expect(render({ text: 'users.title' })).toBe('users.title');
  });
});
