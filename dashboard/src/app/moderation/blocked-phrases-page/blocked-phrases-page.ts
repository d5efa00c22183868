import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import { BlockedPhraseDto } from '@welcome-ruhr/contracts';
import { catchError, map, Observable, of, switchMap, tap } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { apiFieldMessages, errorMessage, FieldMessages, Message, withoutField } from '../../shared/api-error';
import { COMMON_LANGUAGES, languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { TimeText } from '../../shared/time/time';
import { ModerationService } from '../moderation.service';
import { ModerationNav } from '../moderation-nav/moderation-nav';

type LoadResult = { phrases: BlockedPhraseDto[]; error: null } | { phrases: null; error: Message };

/**
 * Blocked words and phrases: an item that contains one waits for a moderator, even from a trusted
 * source. Moderators list, add and delete them.
 */
@Component({
  selector: 'wr-blocked-phrases-page',
  imports: [TranslatePipe, MessageText, TimeText, ModerationNav],
  templateUrl: './blocked-phrases-page.html',
  styleUrl: './blocked-phrases-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BlockedPhrasesPage {
  private readonly moderation = inject(ModerationService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly phraseInput = viewChild.required<ElementRef<HTMLInputElement>>('phraseInput');

  protected readonly phrases = signal<BlockedPhraseDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Message | null>(null);
  private readonly reloads = signal(0);

  protected readonly phrase = signal('');
  protected readonly phraseLanguage = signal('');
  protected readonly fieldErrors = signal<FieldMessages>({});
  protected readonly busy = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);
  protected readonly languageOptions = computed(() => {
    const lang = this.language.current();
    return COMMON_LANGUAGES.map((code) => ({ code, name: languageName(code, lang) }));
  });

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
        if (result.phrases) this.phrases.set(result.phrases);
      });
  }

  protected languageOf(phrase: BlockedPhraseDto): string | null {
    return phrase.language ? languageName(phrase.language, this.language.current()) : null;
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected typePhrase(value: string): void {
    this.phrase.set(value);
    this.fieldErrors.update((errors) => withoutField(errors, 'phrase'));
  }

  protected add(): void {
    if (this.busy()) return;
    const phrase = this.phrase().trim();
    this.status.set(null);
    this.actionError.set(null);
    if (phrase === '') {
      this.fieldErrors.set({ phrase: { key: 'validation.required' } });
      this.phraseInput().nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.moderation.addBlockedPhrase({ phrase, language: this.phraseLanguage() || null }).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.phrases.update((phrases) => [...phrases, saved]);
        this.phrase.set('');
        this.fieldErrors.set({});
        this.status.set({ key: 'blockedPhrases.added', params: { phrase: saved.phrase } });
        this.phraseInput().nativeElement.focus();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set(errorMessage(error));
        this.fieldErrors.set(apiFieldMessages(error));
        afterNextRender(() => this.phraseInput().nativeElement.focus(), { injector: this.injector });
      },
    });
  }

  protected remove(phrase: BlockedPhraseDto): void {
    this.status.set(null);
    this.actionError.set(null);
    this.moderation.removeBlockedPhrase(phrase.id).subscribe({
      next: () => {
        this.phrases.update((phrases) => phrases.filter((p) => p.id !== phrase.id));
        this.status.set({ key: 'blockedPhrases.removed', params: { phrase: phrase.phrase } });
        // The button is gone: carry on from the field that adds phrases.
        this.phraseInput().nativeElement.focus();
      },
      error: (error: unknown) => this.actionError.set(errorMessage(error)),
    });
  }

  private load(): Observable<LoadResult> {
    return this.moderation.blockedPhrases().pipe(
      map((phrases): LoadResult => ({ phrases, error: null })),
      catchError((error: unknown) => of<LoadResult>({ phrases: null, error: errorMessage(error) })),
    );
  }
}
