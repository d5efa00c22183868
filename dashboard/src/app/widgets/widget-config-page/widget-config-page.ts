import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import {
  SOURCE_KINDS,
  TopicDto,
  WIDGET_LANGUAGES,
  WIDGET_LAYOUTS,
  WIDGET_LIMIT_MAX,
  WIDGET_THEMES,
  WidgetLanguage,
  WidgetLayout,
  WidgetPresetDto,
  WidgetTheme,
  cityName,
} from '@welcome-ruhr/contracts';
import { catchError, Observable, of } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, Message } from '../../shared/api-error';
import { formatRatio } from '../../shared/contrast';
import { Dialog } from '../../shared/dialog/dialog';
import { COMMON_LANGUAGES, languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { SOURCE_KIND_KEYS } from '../../sources/source-labels';
import { topicLabel, TopicsService } from '../../topics/topics.service';
import { CityOption, OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../../users/cities';
import { WidgetPresetsService } from '../widget-presets.service';
import { WidgetPreview } from '../widget-preview/widget-preview';
import {
  configFromPreset,
  ContrastPair,
  contrastProblems,
  DEFAULT_LIMIT,
  emptyConfig,
  iframeSnippet,
  presetAttributes,
  scriptSnippet,
  WIDGET_DEFAULT_COLORS,
  WidgetColorChoice,
  WidgetConfig,
} from '../widget-snippet';

type SnippetKind = 'script' | 'iframe';

/** Translation keys, written out so that the check of the translation files sees every one. */
const LAYOUT_KEYS: Record<WidgetLayout, string> = {
  list: 'widgets.layouts.list',
  grid: 'widgets.layouts.grid',
  carousel: 'widgets.layouts.carousel',
};
const THEME_KEYS: Record<WidgetTheme, string> = {
  auto: 'widgets.themes.auto',
  light: 'widgets.themes.light',
  dark: 'widgets.themes.dark',
};
const CONTRAST_KEYS: Record<ContrastPair, string> = {
  textOnBackground: 'widgets.contrast.textOnBackground',
  buttonText: 'widgets.contrast.buttonText',
  accentOnBackground: 'widgets.contrast.accentOnBackground',
};
const SCHEME_KEYS = { light: 'widgets.contrast.light', dark: 'widgets.contrast.dark' } as const;

function sameAttributes(a: unknown, b: unknown): boolean {
  const normalize = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(normalize)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, normalize(v)]),
          )
        : value;
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/**
 * The widget configurator for city web editors (moderators, admins): filters, layout, colours with a
 * contrast check, the widget's language, a live preview of the real element, presets saved per city,
 * and the snippet to paste into the city's CMS.
 */
@Component({
  selector: 'wr-widget-config-page',
  imports: [TranslatePipe, MessageText, Dialog, WidgetPreview],
  templateUrl: './widget-config-page.html',
  styleUrl: './widget-config-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WidgetConfigPage {
  private readonly presetsApi = inject(WidgetPresetsService);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly snippetField = viewChild<ElementRef<HTMLTextAreaElement>>('snippetField');
  private readonly presetSelect = viewChild<ElementRef<HTMLSelectElement>>('presetSelect');
  private readonly user = inject(AuthService).user;

  protected readonly layouts = WIDGET_LAYOUTS;
  protected readonly themes = WIDGET_THEMES;
  protected readonly kinds = SOURCE_KINDS;
  protected readonly kindKeys = SOURCE_KIND_KEYS;
  protected readonly layoutKeys = LAYOUT_KEYS;
  protected readonly themeKeys = THEME_KEYS;
  protected readonly contrastKeys = CONTRAST_KEYS;
  protected readonly schemeKeys = SCHEME_KEYS;
  protected readonly limitMax = WIDGET_LIMIT_MAX;

  /** Moderators configure widgets for their cities, admins for every city. */
  protected readonly cityOptions = computed((): { partner: CityOption[]; other: CityOption[] } => {
    const user = this.user();
    if (user && user.role !== 'admin') {
      return { partner: user.cities.map((slug) => ({ slug, name: cityName(slug) })), other: [] };
    }
    return { partner: [...PARTNER_CITY_OPTIONS], other: [...OTHER_CITY_OPTIONS] };
  });
  protected readonly config = signal<WidgetConfig>(emptyConfig(''));
  protected readonly topics = signal<TopicDto[]>([]);
  protected readonly presets = signal<WidgetPresetDto[]>([]);
  protected readonly presetsLoading = signal(true);
  protected readonly presetId = signal<string | null>(null);
  protected readonly presetName = signal('');
  protected readonly nameError = signal<Message | null>(null);
  protected readonly snippetKind = signal<SnippetKind>('script');
  protected readonly deleting = signal<WidgetPresetDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly error = signal<Message | null>(null);
  protected readonly copyStatus = signal<Message | null>(null);

  protected readonly topicOptions = computed(() => {
    const lang = this.language.current();
    return this.topics().map((topic) => ({ slug: topic.slug, label: topicLabel(topic, lang) }));
  });
  protected readonly languageOptions = computed(() => {
    const lang = this.language.current();
    return COMMON_LANGUAGES.map((code) => ({ code, name: languageName(code, lang) }));
  });
  protected readonly widgetLanguageOptions = computed(() => {
    const lang = this.language.current();
    return WIDGET_LANGUAGES.map((code) => ({ code, name: languageName(code, lang) }));
  });
  protected readonly selectedPreset = computed(() => this.presets().find((p) => p.id === this.presetId()) ?? null);
  /** The configuration differs from the chosen preset as saved. */
  protected readonly dirty = computed(() => {
    const preset = this.selectedPreset();
    if (!preset) return false;
    const config = this.config();
    return config.city !== preset.city || !sameAttributes(presetAttributes(config), preset.attributes);
  });
  /** The colours the preview and the contrast check use: the chosen ones, else the widget's own. */
  protected readonly shownColors = computed((): WidgetColorChoice => {
    const { colors, theme } = this.config();
    const defaults = WIDGET_DEFAULT_COLORS[theme === 'dark' ? 'dark' : 'light'];
    return {
      accent: colors.accent || defaults.accent,
      background: colors.background || defaults.background,
      text: colors.text || defaults.text,
    };
  });
  protected readonly contrast = computed(() => {
    const locale = this.language.current();
    const showScheme = this.config().theme === 'auto';
    return contrastProblems(this.config()).map((problem) => ({
      key: CONTRAST_KEYS[problem.pair],
      schemeKey: showScheme ? SCHEME_KEYS[problem.scheme] : null,
      ratio: formatRatio(problem.ratio, locale),
      required: formatRatio(problem.required, locale),
    }));
  });
  private readonly origin = this.document.location?.origin ?? '';
  /** A saved preset is named by its id alone, unless there are unsaved changes. */
  private readonly snippetPresetId = computed(() => (this.selectedPreset() && !this.dirty() ? this.presetId() : null));
  protected readonly snippet = computed(() => {
    const config = this.config();
    if (!config.city) return '';
    return this.snippetKind() === 'script'
      ? scriptSnippet(this.origin, config, this.snippetPresetId())
      : iframeSnippet(this.origin, config, this.snippetPresetId());
  });
  protected readonly iframeLosesColors = computed(
    () => this.snippetKind() === 'iframe' && !this.snippetPresetId() && Object.values(this.config().colors).some(Boolean),
  );

  constructor() {
    const { partner, other } = this.cityOptions();
    this.config.set(emptyConfig((partner[0] ?? other[0])?.slug ?? ''));
    inject(TopicsService)
      .list()
      .pipe(
        catchError(() => of<TopicDto[]>([])),
        takeUntilDestroyed(),
      )
      .subscribe((topics) => this.topics.set(topics));
    this.presetsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (presets) => {
          this.presetsLoading.set(false);
          this.presets.set(presets);
        },
        error: (error: unknown) => {
          this.presetsLoading.set(false);
          this.error.set(errorMessage(error));
        },
      });
  }

  protected cityLabel(slug: string): string {
    return cityName(slug);
  }

  // Editing

  protected update(change: Partial<WidgetConfig>): void {
    this.config.update((config) => ({ ...config, ...change }));
    this.status.set(null);
    this.copyStatus.set(null);
  }

  protected toggle(list: 'topics' | 'languages', value: string, checked: boolean): void {
    const current = this.config()[list];
    this.update({ [list]: checked ? [...new Set([...current, value])] : current.filter((v) => v !== value) });
  }

  protected setKind(value: string): void {
    this.update({ kind: SOURCE_KINDS.find((kind) => kind === value) ?? '' });
  }

  protected setLimit(value: string): void {
    const limit = Math.round(Number(value));
    this.update({ limit: Number.isFinite(limit) && limit >= 1 ? Math.min(limit, WIDGET_LIMIT_MAX) : DEFAULT_LIMIT });
  }

  protected setLayout(value: WidgetLayout): void {
    this.update({ layout: value });
  }

  protected setTheme(value: string): void {
    this.update({ theme: WIDGET_THEMES.find((theme) => theme === value) ?? 'auto' });
  }

  protected setLang(value: string): void {
    this.update({ lang: WIDGET_LANGUAGES.find((code) => code === value) ?? ('' as WidgetLanguage | '') });
  }

  protected setColor(name: keyof WidgetColorChoice, value: string): void {
    this.update({ colors: { ...this.config().colors, [name]: /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : '' } });
  }

  protected resetColors(): void {
    this.update({ colors: { accent: '', background: '', text: '' } });
  }

  // Presets

  protected choosePreset(id: string): void {
    this.status.set(null);
    this.error.set(null);
    const preset = this.presets().find((p) => p.id === id);
    if (!preset) {
      this.presetId.set(null);
      this.presetName.set('');
      return;
    }
    this.presetId.set(preset.id);
    this.presetName.set(preset.name);
    this.nameError.set(null);
    this.config.set(configFromPreset(preset.city, preset.attributes));
  }

  protected saveAsNew(): void {
    const name = this.checkedName();
    if (!name) return;
    const config = this.config();
    this.run(this.presetsApi.create({ city: config.city, name, attributes: presetAttributes(config) }), (saved) => {
      this.presets.update((presets) => [...presets, saved]);
      this.presetId.set(saved.id);
      this.status.set({ key: 'widgets.presetCreated', params: { name: saved.name } });
    });
  }

  protected saveChanges(): void {
    const preset = this.selectedPreset();
    const name = this.checkedName();
    if (!preset || !name) return;
    const config = this.config();
    this.run(
      this.presetsApi.update(preset.id, { city: config.city, name, attributes: presetAttributes(config) }),
      (saved) => {
        this.presets.update((presets) => presets.map((p) => (p.id === saved.id ? saved : p)));
        this.status.set({ key: 'widgets.presetUpdated', params: { name: saved.name } });
      },
    );
  }

  protected confirmDelete(): void {
    const preset = this.deleting();
    this.deleting.set(null);
    if (!preset) return;
    this.run(this.presetsApi.remove(preset.id), () => {
      this.presets.update((presets) => presets.filter((p) => p.id !== preset.id));
      if (this.presetId() === preset.id) {
        this.presetId.set(null);
        this.presetName.set('');
      }
      this.status.set({ key: 'widgets.presetDeleted', params: { name: preset.name } });
      afterNextRender(() => this.presetSelect()?.nativeElement.focus(), { injector: this.injector });
    });
  }

  private checkedName(): string | null {
    const name = this.presetName().trim();
    if (name) {
      this.nameError.set(null);
      return name;
    }
    this.nameError.set({ key: 'validation.required' });
    afterNextRender(() => this.document.getElementById('widget-preset-name')?.focus(), { injector: this.injector });
    return null;
  }

  private run<T>(request: Observable<T>, done: (result: T) => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.status.set(null);
    this.error.set(null);
    request.subscribe({
      next: (result) => {
        this.busy.set(false);
        done(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(errorMessage(error));
      },
    });
  }

  // Snippet

  protected async copy(): Promise<void> {
    const text = this.snippet();
    this.copyStatus.set(null);
    try {
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (clipboard) await clipboard.writeText(text);
      else this.copyBySelection();
      this.copyStatus.set({ key: 'widgets.copied' });
    } catch {
      this.snippetField()?.nativeElement.select();
      this.copyStatus.set({ key: 'widgets.copyFailed' });
    }
  }

  /** Browsers without the Clipboard API (or in an insecure context): the old way. */
  private copyBySelection(): void {
    const field = this.snippetField()?.nativeElement;
    field?.select();
    if (!field || !this.document.execCommand?.('copy')) throw new Error('copy refused');
  }
}
