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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import {
  isLanguageCode,
  SOURCE_KINDS,
  SOURCE_TYPES,
  SourceDto,
  SourceKind,
  SourceType,
  TopicDto,
} from '@welcome-ruhr/contracts';
import { Observable } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { clientFieldMessages, FieldMessages } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { parseLanguageList } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { topicLabel } from '../../topics/topics.service';
import { CityPicker } from '../../users/city-picker/city-picker';
import { SOURCE_KIND_KEYS, SOURCE_TYPE_KEYS } from '../source-labels';
import { SourcesService } from '../sources.service';
import { isWebAddress } from '../../shared/web-address';

let nextId = 0;

/**
 * Adds a source (no `source` given) or edits one. Sends the request itself and reports the saved
 * source; the API's problems appear next to their fields.
 */
@Component({
  selector: 'wr-source-form',
  imports: [ReactiveFormsModule, TranslatePipe, MessageText, CityPicker],
  templateUrl: './source-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourceForm {
  private readonly sources = inject(SourcesService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** The source to edit; without one, the form adds a new source. */
  readonly source = input<SourceDto | null>(null);
  /** The taxonomy, for the topic checkboxes. */
  readonly topics = input<TopicDto[]>([]);
  readonly saved = output<SourceDto>();
  readonly cancelled = output<void>();

  protected readonly id = `source-form-${nextId++}`;
  protected readonly types = SOURCE_TYPES;
  protected readonly kinds = SOURCE_KINDS;
  protected readonly typeKeys = SOURCE_TYPE_KEYS;
  protected readonly kindKeys = SOURCE_KIND_KEYS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    type: ['rss' as SourceType, Validators.required],
    url: ['', Validators.required],
    externalId: [{ value: '', disabled: true }, Validators.required],
    accessToken: [{ value: '', disabled: true }],
    name: ['', Validators.required],
    kind: ['partner' as SourceKind, Validators.required],
    languages: [''],
    autoApprove: [false],
  });
  protected readonly type = signal<SourceType>('rss');
  protected readonly cities = signal<string[]>([]);
  protected readonly selectedTopics = signal<string[]>([]);
  protected readonly editing = computed(() => this.source() !== null);
  protected readonly topicOptions = computed(() =>
    this.topics().map((topic) => ({ slug: topic.slug, label: topicLabel(topic, this.language.current()) })),
  );
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly clearFieldError = this.state.clearField;

  constructor() {
    this.form.controls.type.valueChanges.pipe(takeUntilDestroyed()).subscribe((type) => this.applyType(type));
    effect(() => {
      const source = this.source();
      untracked(() => this.fill(source));
    });
  }

  private fill(source: SourceDto | null): void {
    this.state.clear();
    if (source) {
      this.form.patchValue({
        type: source.type,
        url: source.url ?? '',
        externalId: source.externalId ?? '',
        name: source.name,
        kind: source.kind,
        languages: source.languages.join(', '),
        autoApprove: source.autoApprove,
      });
      this.form.controls.type.disable(); // the API cannot change a source's type
      this.applyType(source.type);
      this.cities.set([...source.cities]);
      this.selectedTopics.set([...source.topics]);
    }
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  /** A Facebook page is known by its id and needs a token; feeds and Mastodon accounts by their address. */
  private applyType(type: SourceType): void {
    this.type.set(type);
    const { url, externalId, accessToken } = this.form.controls;
    if (type === 'facebook_page') {
      url.disable();
      externalId.enable();
      accessToken.enable();
    } else {
      url.enable();
      externalId.disable();
      accessToken.disable();
    }
    this.fieldErrors.set({});
  }

  protected setCities(cities: string[]): void {
    this.cities.set(cities);
    this.clearFieldError('cities');
  }

  protected toggleTopic(slug: string, checked: boolean): void {
    this.selectedTopics.update((slugs) => (checked ? [...new Set([...slugs, slug])] : slugs.filter((s) => s !== slug)));
    this.clearFieldError('topics');
  }

  protected submit(): void {
    if (this.busy() || this.state.invalid({ ...clientFieldMessages(this.form), ...this.ownChecks() })) return;
    this.state.submit(this.save(), (saved) => this.saved.emit(saved));
  }

  /** Checks the validators cannot express: a web address, known language codes. */
  private ownChecks(): FieldMessages {
    const errors: FieldMessages = {};
    const { url, languages } = this.form.controls;
    if (url.enabled && url.value.trim() !== '' && !isWebAddress(url.value.trim())) {
      errors['url'] = { key: 'sourceForm.invalidUrl' };
    }
    const unknown = parseLanguageList(languages.value).filter((code) => !isLanguageCode(code));
    if (unknown.length > 0) errors['languages'] = { key: 'sourceForm.unknownLanguages', params: { codes: unknown.join(', ') } };
    return errors;
  }

  private save(): Observable<SourceDto> {
    const value = this.form.getRawValue();
    const common = {
      name: value.name.trim(),
      kind: value.kind,
      cities: this.cities(),
      topics: this.selectedTopics(),
      languages: parseLanguageList(value.languages),
      autoApprove: value.autoApprove,
    };
    const address =
      this.type() === 'facebook_page'
        ? {
            externalId: value.externalId.trim(),
            // an empty token field keeps the stored token
            ...(value.accessToken.trim() ? { accessToken: value.accessToken.trim() } : {}),
          }
        : { url: value.url.trim() };
    const source = this.source();
    return source
      ? this.sources.update(source.id, { ...common, ...address })
      : this.sources.create({ type: this.type(), ...common, ...address });
  }
}
