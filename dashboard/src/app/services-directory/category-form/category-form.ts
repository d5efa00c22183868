import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { SERVICE_CATEGORY_PATTERN, ServiceCategoryDto } from '@welcome-ruhr/contracts';
import { LanguageService } from '../../i18n/language.service';
import { FieldMessages, withoutField } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { DirectoryService } from '../directory.service';

/** The API requires these labels; the portal falls back to German where another one is missing. */
export const REQUIRED_LABEL_LANGUAGES = ['de', 'en'];
/** Offered in every form: the languages of the dashboard and the portal's largest communities. */
const OFFERED_LABEL_LANGUAGES = [...REQUIRED_LABEL_LANGUAGES, 'tr', 'ar', 'uk'];

let nextId = 0;

/**
 * Adds a category of the services directory (no `category` given) or edits its labels, one field per
 * language. A label left empty is removed; German and English are required.
 */
@Component({
  selector: 'wr-category-form',
  imports: [TranslatePipe, MessageText],
  templateUrl: './category-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryForm {
  private readonly directory = inject(DirectoryService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** The category to edit; without one, a new category. */
  readonly category = input<ServiceCategoryDto | null>(null);
  /** Slugs in use, so that a new category does not replace one by accident (the API would). */
  readonly takenSlugs = input<string[]>([]);
  readonly saved = output<ServiceCategoryDto>();
  readonly cancelled = output<void>();

  protected readonly id = `category-form-${nextId++}`;
  protected readonly slug = signal('');
  protected readonly labels = signal<Record<string, string>>({});
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly editing = computed(() => this.category() !== null);
  protected readonly labelLanguages = computed(() => {
    const codes = [...OFFERED_LABEL_LANGUAGES, ...Object.keys(this.category()?.labels ?? {})];
    const lang = this.language.current();
    return [...new Set(codes)].map((code) => ({
      code,
      name: languageName(code, lang),
      required: REQUIRED_LABEL_LANGUAGES.includes(code),
    }));
  });

  /** The language whose label the API refused ("labels.tr must be …"; "labels must be …": German). */
  protected readonly labelsProblemCode = computed(() => {
    const problem = this.fieldErrors()['labels'];
    if (!problem) return null;
    return /^labels\.([a-z]{2})\b/.exec(problem.text ?? '')?.[1] ?? 'de';
  });

  constructor() {
    effect(() => {
      const category = this.category();
      untracked(() => this.fill(category));
    });
  }

  private fill(category: ServiceCategoryDto | null): void {
    this.state.clear();
    this.slug.set(category?.slug ?? '');
    this.labels.set({ ...(category?.labels ?? {}) });
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  protected labelOf(code: string): string {
    return this.labels()[code] ?? '';
  }

  protected setLabel(code: string, text: string): void {
    this.labels.update((labels) => ({ ...labels, [code]: text }));
    // The API names a problem with any label `labels`.
    this.fieldErrors.update((errors) => withoutField(withoutField(errors, `label-${code}`), 'labels'));
  }

  protected setSlug(value: string): void {
    this.slug.set(value);
    this.state.clearField('slug');
  }

  protected submit(): void {
    if (this.busy() || this.state.invalid(this.check())) return;
    const labels = Object.fromEntries(
      Object.entries(this.labels())
        .map(([code, text]) => [code, text.trim()] as const)
        .filter(([, text]) => text !== ''),
    );
    const request = this.directory.saveCategory(this.category()?.slug ?? this.slug().trim(), { labels });
    this.state.submit(request, (saved) => this.saved.emit(saved));
  }

  private check(): FieldMessages {
    const errors: FieldMessages = {};
    if (!this.editing()) {
      const slug = this.slug().trim();
      if (slug === '') errors['slug'] = { key: 'validation.required' };
      else if (!SERVICE_CATEGORY_PATTERN.test(slug)) errors['slug'] = { key: 'categoryForm.slugInvalid' };
      else if (this.takenSlugs().includes(slug)) errors['slug'] = { key: 'categoryForm.slugTaken' };
    }
    for (const code of REQUIRED_LABEL_LANGUAGES) {
      if (this.labelOf(code).trim() === '') errors[`label-${code}`] = { key: 'validation.required' };
    }
    return errors;
  }
}
