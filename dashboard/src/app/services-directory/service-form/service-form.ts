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
import {
  CreateServiceRequest,
  isLanguageCode,
  OpeningHours,
  ServiceCategoryDto,
  ServiceDto,
} from '@welcome-ruhr/contracts';
import { LanguageService } from '../../i18n/language.service';
import { FieldMessages } from '../../shared/api-error';
import { formState } from '../../shared/form-state';
import { LanguageTexts } from '../../shared/language-texts/language-texts';
import { parseLanguageList } from '../../shared/languages';
import { MessageText } from '../../shared/message/message';
import { CityOption } from '../../users/cities';
import { DirectoryService } from '../directory.service';
import { OpeningHoursEditor, openingHoursProblems } from '../opening-hours-editor/opening-hours-editor';
import { categoryLabel } from '../service-labels';
import { isWebAddress } from '../../shared/web-address';

let nextId = 0;

interface Draft {
  category: string;
  city: string;
  name: string;
  address: string;
  latitude: string;
  longitude: string;
  phone: string;
  email: string;
  website: string;
  appointmentUrl: string;
  languages: string;
}

const EMPTY: Draft = {
  category: '',
  city: '',
  name: '',
  address: '',
  latitude: '',
  longitude: '',
  phone: '',
  email: '',
  website: '',
  appointmentUrl: '',
  languages: '',
};

/** "51,4556" or "51.4556" → 51.4556; null when empty; NaN when not a number. */
function coordinate(text: string): number | null {
  const value = text.trim().replace(',', '.');
  return value === '' ? null : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
}

/**
 * Adds a service to the directory or edits one: category, city, address and coordinates, opening
 * hours, ways to get in touch, languages spoken, and a description per language.
 */
@Component({
  selector: 'wr-service-form',
  imports: [TranslatePipe, MessageText, LanguageTexts, OpeningHoursEditor],
  templateUrl: './service-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceForm {
  private readonly directory = inject(DirectoryService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** The service to edit; without one, the form adds a new service. */
  readonly service = input<ServiceDto | null>(null);
  readonly categories = input<ServiceCategoryDto[]>([]);
  readonly cities = input<CityOption[]>([]);
  readonly saved = output<ServiceDto>();
  readonly cancelled = output<void>();

  protected readonly id = `service-form-${nextId++}`;
  protected readonly draft = signal<Draft>(EMPTY);
  protected readonly openingHours = signal<OpeningHours | null>(null);
  protected readonly descriptions = signal<Record<string, string>>({});
  protected readonly checked = signal(false);
  private readonly state = formState();
  protected readonly fieldErrors = this.state.fieldErrors;
  protected readonly error = this.state.error;
  protected readonly busy = this.state.busy;
  protected readonly editing = computed(() => this.service() !== null);
  protected readonly categoryOptions = computed(() => {
    const lang = this.language.current();
    return this.categories().map((c) => ({ slug: c.slug, label: categoryLabel(c, c.slug, lang) }));
  });

  constructor() {
    effect(() => {
      const service = this.service();
      untracked(() => this.fill(service));
    });
  }

  private fill(service: ServiceDto | null): void {
    this.state.clear();
    this.checked.set(false);
    this.draft.set(
      service
        ? {
            category: service.category,
            city: service.city,
            name: service.name,
            address: service.address ?? '',
            latitude: service.location ? String(service.location.lat) : '',
            longitude: service.location ? String(service.location.lon) : '',
            phone: service.phone ?? '',
            email: service.email ?? '',
            website: service.website ?? '',
            appointmentUrl: service.appointmentUrl ?? '',
            languages: service.languages.join(', '),
          }
        : { ...EMPTY, city: this.cities()[0]?.slug ?? '', category: this.categories()[0]?.slug ?? '' },
    );
    this.openingHours.set(service?.openingHours ?? null);
    this.descriptions.set({ ...(service?.descriptions ?? {}) });
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  protected set(field: keyof Draft, value: string): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
    this.state.clearField(field);
  }

  protected submit(): void {
    if (this.busy()) return;
    this.checked.set(true);
    if (this.state.invalid(this.check())) return;
    const request = this.request();
    const service = this.service();
    const saving = service ? this.directory.update(service.id, request) : this.directory.create(request);
    this.state.submit(saving, (saved) => this.saved.emit(saved));
  }

  private check(): FieldMessages {
    const d = this.draft();
    const errors: FieldMessages = {};
    if (!d.category) errors['category'] = { key: 'validation.required' };
    if (!d.city) errors['city'] = { key: 'validation.required' };
    if (!d.name.trim()) errors['name'] = { key: 'validation.required' };
    const lat = coordinate(d.latitude);
    const lon = coordinate(d.longitude);
    if (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90)) errors['latitude'] = { key: 'serviceForm.invalidLatitude' };
    if (lon !== null && (Number.isNaN(lon) || lon < -180 || lon > 180)) errors['longitude'] = { key: 'serviceForm.invalidLongitude' };
    if ((lat === null) !== (lon === null)) errors[lat === null ? 'latitude' : 'longitude'] = { key: 'serviceForm.bothCoordinates' };
    if (d.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors['email'] = { key: 'validation.email' };
    if (d.website.trim() && !isWebAddress(d.website.trim())) errors['website'] = { key: 'serviceForm.invalidUrl' };
    if (d.appointmentUrl.trim() && !isWebAddress(d.appointmentUrl.trim())) {
      errors['appointmentUrl'] = { key: 'serviceForm.invalidUrl' };
    }
    const unknown = parseLanguageList(d.languages).filter((code) => !isLanguageCode(code));
    if (unknown.length > 0) errors['languages'] = { key: 'sourceForm.unknownLanguages', params: { codes: unknown.join(', ') } };
    if (Object.keys(openingHoursProblems(this.openingHours())).length > 0) {
      errors['openingHours'] = { key: 'serviceForm.checkOpeningHours' };
    }
    return errors;
  }

  private request(): CreateServiceRequest {
    const d = this.draft();
    const optional = (text: string) => (text.trim() === '' ? null : text.trim());
    const descriptions = Object.fromEntries(
      Object.entries(this.descriptions())
        .map(([code, text]) => [code, text.trim()] as const)
        .filter(([, text]) => text !== ''),
    );
    return {
      category: d.category,
      city: d.city,
      name: d.name.trim(),
      address: optional(d.address),
      latitude: coordinate(d.latitude),
      longitude: coordinate(d.longitude),
      openingHours: this.openingHours(),
      phone: optional(d.phone),
      email: optional(d.email),
      website: optional(d.website),
      appointmentUrl: optional(d.appointmentUrl),
      languages: parseLanguageList(d.languages),
      descriptions,
    };
  }
}
