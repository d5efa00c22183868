import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AMBASSADOR_BIO_MAX_CHARS,
  AMBASSADOR_PHOTO_MAX_BYTES,
  AMBASSADOR_PHOTO_TYPES,
  AmbassadorProfileDto,
} from '@welcome-ruhr/contracts';
import { LanguageService } from '../../i18n/language.service';
import { apiFieldMessages, errorMessage, FieldMessages, Message } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { LanguageTexts } from '../../shared/language-texts/language-texts';
import { COMMON_LANGUAGES, languageName } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { OTHER_CITY_OPTIONS, PARTNER_CITY_OPTIONS } from '../../users/cities';
import { AmbassadorProfileService } from '../ambassador-profile.service';
import { ProfileNav } from '../profile-nav/profile-nav';

/**
 * The ambassador's public profile: photo (checked, previewed, uploaded), languages, city, community,
 * a bio per language (one tab each), and whether newcomers see the profile in the directory.
 */
@Component({
  selector: 'wr-ambassador-profile-page',
  imports: [TranslatePipe, MessageText, LanguageTexts, ProfileNav],
  templateUrl: './ambassador-profile-page.html',
  styleUrl: './ambassador-profile-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmbassadorProfilePage {
  private readonly profiles = inject(AmbassadorProfileService);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);

  protected readonly bioMax = AMBASSADOR_BIO_MAX_CHARS;
  protected readonly photoTypes = AMBASSADOR_PHOTO_TYPES.join(',');
  protected readonly partnerCities = PARTNER_CITY_OPTIONS;
  protected readonly otherCities = OTHER_CITY_OPTIONS;

  protected readonly profile = signal<AmbassadorProfileDto | null>(null);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly displayName = signal('');
  protected readonly languages = signal<string[]>([]);
  protected readonly city = signal('');
  protected readonly community = signal('');
  protected readonly bio = signal<Record<string, string>>({});
  protected readonly visible = signal(false);

  /** The stored photo (fetched with the sign-in) and a newly chosen one, each as an object URL. */
  protected readonly storedPhoto = signal<string | null>(null);
  protected readonly chosenPhoto = signal<{ file: File; url: string | null } | null>(null);
  protected readonly photoError = signal<Message | null>(null);
  protected readonly photoBusy = signal(false);

  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly status = signal<Message | null>(null);
  protected readonly busy = this.state.busy;
  protected readonly clearFieldError = this.state.clearField;

  protected readonly languageOptions = computed(() => {
    const lang = this.language.current();
    const codes = [...new Set([...COMMON_LANGUAGES, ...this.languages()])];
    return codes.map((code) => ({ code, name: languageName(code, lang) }));
  });
  /** A bio tab per language the ambassador speaks; German until they choose. */
  protected readonly bioLanguages = computed(() => (this.languages().length > 0 ? this.languages() : ['de']));
  /** What the directory needs before it shows the profile. */
  protected readonly missingForVisibility = computed(() => {
    const missing: string[] = [];
    if (!this.city()) missing.push('ambassadorProfile.needsCity');
    if (this.languages().length === 0) missing.push('ambassadorProfile.needsLanguage');
    if (!Object.values(this.bio()).some((text) => text.trim() !== '')) missing.push('ambassadorProfile.needsBio');
    return missing;
  });

  constructor() {
    this.profiles.get().subscribe({
      next: (profile) => this.fill(profile),
      error: (error: unknown) => this.loadError.set(errorMessage(error)),
    });
    inject(DestroyRef).onDestroy(() => {
      this.revoke(this.storedPhoto());
      this.revoke(this.chosenPhoto()?.url ?? null);
    });
  }

  private fill(profile: AmbassadorProfileDto): void {
    this.profile.set(profile);
    this.displayName.set(profile.displayName);
    this.languages.set([...profile.languages]);
    this.city.set(profile.city ?? '');
    this.community.set(profile.community ?? '');
    this.bio.set({ ...profile.bio });
    this.visible.set(profile.visible);
    this.loadPhoto(profile.photoUrl);
  }

  private loadPhoto(url: string | null): void {
    this.revoke(this.storedPhoto());
    this.storedPhoto.set(null);
    const urls = this.document.defaultView?.URL;
    if (!url || typeof urls?.createObjectURL !== 'function') return;
    this.profiles.photo(url).subscribe({
      next: (blob) => this.storedPhoto.set(urls.createObjectURL(blob)),
      error: () => this.storedPhoto.set(null), // the profile still works without showing the photo
    });
  }

  private revoke(url: string | null): void {
    if (url) this.document.defaultView?.URL.revokeObjectURL(url);
  }

  protected toggleLanguage(code: string, checked: boolean): void {
    // In the order they are ticked: the most fluent first.
    this.languages.update((codes) => (checked ? [...new Set([...codes, code])] : codes.filter((c) => c !== code)));
    this.clearFieldError('languages');
  }

  // Photo

  protected choosePhoto(input: HTMLInputElement): void {
    const file = input.files?.[0];
    this.photoError.set(null);
    this.revoke(this.chosenPhoto()?.url ?? null);
    this.chosenPhoto.set(null);
    if (!file) return;
    if (!(AMBASSADOR_PHOTO_TYPES as readonly string[]).includes(file.type)) {
      this.photoError.set({ key: 'ambassadorProfile.photoType' });
      input.value = '';
      return;
    }
    if (file.size > AMBASSADOR_PHOTO_MAX_BYTES) {
      this.photoError.set({
        key: 'ambassadorProfile.photoSize',
        params: { max: AMBASSADOR_PHOTO_MAX_BYTES / 1024 / 1024 },
      });
      input.value = '';
      return;
    }
    const urls = this.document.defaultView?.URL;
    this.chosenPhoto.set({ file, url: typeof urls?.createObjectURL === 'function' ? urls.createObjectURL(file) : null });
  }

  protected uploadPhoto(input: HTMLInputElement): void {
    const chosen = this.chosenPhoto();
    if (!chosen || this.photoBusy()) return;
    this.photoBusy.set(true);
    this.status.set(null);
    this.profiles.setPhoto(chosen.file).subscribe({
      next: (profile) => {
        this.photoBusy.set(false);
        this.revoke(chosen.url);
        this.chosenPhoto.set(null);
        input.value = '';
        this.profile.set(profile);
        this.loadPhoto(profile.photoUrl);
        this.status.set({ key: 'ambassadorProfile.photoSaved' });
      },
      error: (error: unknown) => {
        this.photoBusy.set(false);
        this.photoError.set(apiFieldMessages(error)['image'] ?? errorMessage(error));
      },
    });
  }

  protected removePhoto(): void {
    if (this.photoBusy()) return;
    this.photoBusy.set(true);
    this.status.set(null);
    this.profiles.removePhoto().subscribe({
      next: (profile) => {
        this.photoBusy.set(false);
        this.profile.set(profile);
        this.loadPhoto(null);
        this.status.set({ key: 'ambassadorProfile.photoRemoved' });
      },
      error: (error: unknown) => {
        this.photoBusy.set(false);
        this.photoError.set(errorMessage(error));
      },
    });
  }

  // Saving

  protected save(): void {
    if (this.busy()) return;
    const errors: FieldMessages = {};
    if (this.displayName().trim() === '') errors['displayName'] = { key: 'validation.required' };
    if (this.visible() && this.missingForVisibility().length > 0) errors['visible'] = { key: 'ambassadorProfile.cannotShow' };
    if (this.state.invalid(errors)) return;
    this.status.set(null);
    // Empty texts are left out: a language without a bio has no tab content to keep.
    const bio = Object.fromEntries(
      Object.entries(this.bio())
        .map(([code, text]) => [code, text.trim()] as const)
        .filter(([, text]) => text !== ''),
    );
    const request = this.profiles.update({
      displayName: this.displayName().trim(),
      languages: this.languages(),
      city: this.city() || null,
      community: this.community().trim() || null,
      bio,
      visible: this.visible(),
    });
    this.state.submit(request, (profile) => {
      this.profile.set(profile);
      this.visible.set(profile.visible);
      this.status.set({ key: profile.visible ? 'ambassadorProfile.savedVisible' : 'ambassadorProfile.savedHidden' });
    });
  }
}
