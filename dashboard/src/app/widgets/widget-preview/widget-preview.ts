import {
  ChangeDetectionStrategy,
  Component,
  computed,
  CUSTOM_ELEMENTS_SCHEMA,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { TranslatePipe } from '@ngx-translate/core';
import { colorProperties, elementAttributes, WidgetConfig } from '../widget-snippet';

/** The widget script the city sites load; the dashboard is served by the same portal. */
export const WIDGET_SCRIPT_PATH = '/widgets/feed.js';
const SCRIPT_MARK = 'data-wr-widget-script';

type ScriptState = 'loading' | 'ready' | 'failed';

/**
 * The real `<welcome-ruhr-feed>` with the configurator's choices: the same script, the same element,
 * the same public feed as on a city site. The script is loaded once per page.
 */
@Component({
  selector: 'wr-widget-preview',
  imports: [TranslatePipe],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `@let a = attributes();
    @if (state() === 'failed') {
      <p class="notice notice--error" role="alert">{{ 'widgets.previewFailed' | translate }}</p>
    }
    <welcome-ruhr-feed
      #feed
      [attr.city]="a['city'] ?? null"
      [attr.topics]="a['topics'] ?? null"
      [attr.languages]="a['languages'] ?? null"
      [attr.kind]="a['kind'] ?? null"
      [attr.limit]="a['limit'] ?? null"
      [attr.layout]="a['layout'] ?? null"
      [attr.theme]="a['theme'] ?? null"
      [attr.lang]="a['lang'] ?? null"
    ></welcome-ruhr-feed>`,
  styles: ':host { display: block; } welcome-ruhr-feed { display: block; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WidgetPreview {
  private readonly document = inject(DOCUMENT);
  private readonly feed = viewChild.required<ElementRef<HTMLElement>>('feed');

  readonly config = input.required<WidgetConfig>();

  protected readonly state = signal<ScriptState>('loading');
  protected readonly attributes = computed(
    (): Partial<Record<string, string>> => Object.fromEntries(elementAttributes(this.config())),
  );

  constructor() {
    this.loadScript();
    // Colours are custom properties on the element: a change repaints without reloading the items.
    effect(() => {
      const style = this.feed().nativeElement.style;
      const properties = new Map(colorProperties(this.config().colors));
      for (const name of ['--wr-accent', '--wr-bg', '--wr-text']) {
        const value = properties.get(name);
        if (value) style.setProperty(name, value);
        else style.removeProperty(name);
      }
    });
  }

  private loadScript(): void {
    const view = this.document.defaultView;
    if (view?.customElements?.get('welcome-ruhr-feed')) {
      this.state.set('ready');
      return;
    }
    let script = this.document.querySelector<HTMLScriptElement>(`script[${SCRIPT_MARK}]`);
    if (script?.getAttribute(SCRIPT_MARK) === 'failed') {
      // An earlier visit could not load it: try once more.
      script.remove();
      script = null;
    }
    if (!script) {
      script = this.document.createElement('script');
      script.type = 'module';
      script.src = WIDGET_SCRIPT_PATH;
      script.setAttribute(SCRIPT_MARK, '');
      this.document.head.appendChild(script);
    }
    script.addEventListener('load', () => this.state.set('ready'), { once: true });
    script.addEventListener(
      'error',
      (event) => {
        (event.target as HTMLElement).setAttribute(SCRIPT_MARK, 'failed');
        this.state.set('failed');
      },
      { once: true },
    );
  }
}
