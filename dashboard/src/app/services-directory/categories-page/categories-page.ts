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
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ServiceCategoryDto } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { errorMessage, Message } from '../../shared/api-error';
import { Dialog } from '../../shared/dialog/dialog';
import { MessageText } from '../../shared/message/message';
import { CategoryForm, REQUIRED_LABEL_LANGUAGES } from '../category-form/category-form';
import { DirectoryService } from '../directory.service';
import { categoryLabel } from '../service-labels';

type Panel = { mode: 'create' } | { mode: 'edit'; category: ServiceCategoryDto } | null;
type LoadResult = { categories: ServiceCategoryDto[]; error: null } | { categories: null; error: Message };

function byPosition(a: ServiceCategoryDto, b: ServiceCategoryDto): number {
  return a.position - b.position || a.slug.localeCompare(b.slug);
}

/** Admins edit the categories of the services directory: labels per language, new ones, unused ones removed. */
@Component({
  selector: 'wr-categories-page',
  imports: [TranslatePipe, RouterLink, MessageText, Dialog, CategoryForm],
  templateUrl: './categories-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoriesPage {
  private readonly directory = inject(DirectoryService);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly categories = signal<ServiceCategoryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  private readonly reloads = signal(0);
  protected readonly panel = signal<Panel>(null);
  protected readonly editingCategory = computed(() => {
    const panel = this.panel();
    return panel?.mode === 'edit' ? panel.category : null;
  });
  protected readonly deleting = signal<ServiceCategoryDto | null>(null);
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);
  protected readonly slugs = computed(() => this.categories().map((c) => c.slug));

  constructor() {
    toObservable(this.reloads)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(() => this.load()),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.loadError.set(result.error);
        if (result.categories) this.categories.set([...result.categories].sort(byPosition));
      });
  }

  protected nameOf(category: ServiceCategoryDto): string {
    return categoryLabel(category, category.slug, this.language.current());
  }

  /** The codes of the labels beyond German and English ("tr, ar, uk"). */
  protected otherLanguages(category: ServiceCategoryDto): string {
    return Object.keys(category.labels)
      .filter((code) => !REQUIRED_LABEL_LANGUAGES.includes(code))
      .join(', ');
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected open(panel: Panel): void {
    this.status.set(null);
    this.actionError.set(null);
    this.panel.set(panel);
  }

  protected closePanel(): void {
    const panel = this.panel();
    this.panel.set(null);
    this.focusById(panel?.mode === 'edit' ? `edit-category-${panel.category.slug}` : 'categories-create-button');
  }

  protected saved(category: ServiceCategoryDto): void {
    const known = this.slugs().includes(category.slug);
    this.categories.update((categories) =>
      (known ? categories.map((c) => (c.slug === category.slug ? category : c)) : [...categories, category]).sort(
        byPosition,
      ),
    );
    this.status.set({ key: known ? 'serviceCategories.updated' : 'serviceCategories.created', params: { name: this.nameOf(category) } });
    this.closePanel();
  }

  protected confirmDelete(): void {
    const category = this.deleting();
    if (!category) return;
    this.deleting.set(null);
    this.status.set(null);
    this.actionError.set(null);
    this.directory.removeCategory(category.slug).subscribe({
      next: () => {
        this.categories.update((categories) => categories.filter((c) => c.slug !== category.slug));
        if (this.editingCategory()?.slug === category.slug) this.panel.set(null);
        this.status.set({ key: 'serviceCategories.deleted', params: { name: this.nameOf(category) } });
        afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
      },
      // 409 while services use it: the API says how many and what to do.
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  private load(): Observable<LoadResult> {
    return this.directory.categories().pipe(
      map((categories): LoadResult => ({ categories, error: null })),
      catchError((error: unknown) => of<LoadResult>({ categories: null, error: errorMessage(error) })),
    );
  }

  private focusById(id: string): void {
    afterNextRender(() => this.host.nativeElement.ownerDocument.getElementById(id)?.focus(), {
      injector: this.injector,
    });
  }
}
