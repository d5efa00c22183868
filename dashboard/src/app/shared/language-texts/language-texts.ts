import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  model,
  signal,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../i18n/language.service';
import { COMMON_LANGUAGES, languageName } from '../languages';

let nextId = 0;

/** Languages written right to left, so their text fields get dir="rtl". */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku', 'dv', 'yi']);

/**
 * One text per language (a bio, a description) with one tab per language: a tab list operated by the
 * arrow keys, Home and End (mirrored right to left), a text field in that language and direction,
 * and a character count. Another language can be added from the common ones.
 */
@Component({
  selector: 'wr-language-texts',
  imports: [TranslatePipe],
  templateUrl: './language-texts.html',
  styleUrl: './language-texts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageTexts {
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Text per ISO 639-1 code. */
  readonly value = model<Record<string, string>>({});
  /** Languages that always have a tab (the ambassador's languages, German and English for services). */
  readonly languages = input<string[]>([]);
  /** Translation key of each field's label, with {{language}}. */
  readonly labelKey = input.required<string>();
  readonly maxLength = input<number | null>(null);
  /** A problem with the texts (from the API), shown above the tabs. */
  readonly error = input<string | null>(null);

  protected readonly id = `language-texts-${nextId++}`;
  private readonly added = signal<string[]>([]);
  protected readonly codes = computed(() => {
    const withText = Object.entries(this.value())
      .filter(([, text]) => text.trim() !== '')
      .map(([code]) => code);
    return [...new Set([...this.languages(), ...withText, ...this.added()])];
  });
  protected readonly active = linkedSignal<string[], string>({
    source: this.codes,
    computation: (codes, previous) => (previous && codes.includes(previous.value) ? previous.value : (codes[0] ?? '')),
  });
  protected readonly names = computed(() => {
    const lang = this.language.current();
    return Object.fromEntries(COMMON_LANGUAGES.concat(this.codes()).map((code) => [code, languageName(code, lang)]));
  });
  protected readonly addable = computed(() => COMMON_LANGUAGES.filter((code) => !this.codes().includes(code)));

  protected dirOf(code: string): 'rtl' | 'ltr' {
    return RTL.has(code) ? 'rtl' : 'ltr';
  }

  protected textIn(code: string): string {
    return this.value()[code] ?? '';
  }

  protected lengthOf(code: string): number {
    return [...this.textIn(code)].length;
  }

  protected setText(code: string, text: string): void {
    this.value.update((texts) => ({ ...texts, [code]: text }));
  }

  protected show(code: string, focus = false): void {
    this.active.set(code);
    if (focus) this.focus(`#${this.id}-tab-${code}`);
  }

  protected add(code: string, select: HTMLSelectElement): void {
    if (!code) return;
    this.added.update((codes) => [...codes, code]);
    this.active.set(code);
    select.value = '';
    this.focus(`#${this.id}-text`);
  }

  protected onTabKeydown(event: KeyboardEvent, code: string): void {
    const codes = this.codes();
    const index = codes.indexOf(code);
    const rtl = this.host.nativeElement.ownerDocument.documentElement.dir === 'rtl';
    const moves: Record<string, number> = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      Home: 0,
      End: codes.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.show(codes[(moves[event.key] + codes.length) % codes.length], true);
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
