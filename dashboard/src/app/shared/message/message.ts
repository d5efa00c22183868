import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Message } from '../api-error';

/** Renders a {@link Message}: translated when it is one of our keys, as-is when the API wrote it. */
@Component({
  selector: 'wr-message',
  imports: [TranslatePipe],
  template: `@let m = message();
    @if (m.key) {
      {{ m.key | translate: m.params }}
    } @else {
      {{ m.text }}
    }`,
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageText {
  readonly message = input.required<Message>();
}
