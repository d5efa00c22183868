/** The services directory: offices and organisations newcomers need, per city. */

/** The categories the directory starts with; admins may add, rename and remove categories. */
export const DEFAULT_SERVICE_CATEGORIES = [
  'registration-office',
  'foreigners-office',
  'welcome-centre',
  'recognition',
  'language-courses',
  'relocation',
  'migrant-association',
  'counselling',
  'university-international-office',
] as const;

export const SERVICE_CATEGORY_PATTERN = /^[a-z0-9-]{1,40}$/;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local time in the Ruhr area (Europe/Berlin), "HH:MM". */
export interface TimeRange {
  opens: string;
  closes: string;
}

export interface WeeklyOpening extends TimeRange {
  day: Weekday;
}

/** A date that differs from the week's rule: closed, or open at other times. */
export interface OpeningException {
  /** YYYY-MM-DD */
  date: string;
  closed?: boolean;
  ranges?: TimeRange[];
  /** Why, e.g. "Heiligabend"; plain text. */
  note?: string;
}

export interface OpeningHours {
  weekly: WeeklyOpening[];
  exceptions?: OpeningException[];
  /** A remark per language, e.g. "Nur mit Termin" / "By appointment only". */
  notes?: Record<string, string>;
}

export interface ServiceCategoryDto {
  slug: string;
  /** Label per ISO 639-1 language. */
  labels: Record<string, string>;
  position: number;
}

/** A category in one language, as public endpoints name it. */
export interface ServiceCategoryRef {
  slug: string;
  label: string;
}

export interface ServiceLocation {
  lat: number;
  lon: number;
}

/** A directory entry with every language of its description: what editors see and send. */
export interface ServiceDto {
  id: string;
  category: string;
  city: string;
  name: string;
  address: string | null;
  location: ServiceLocation | null;
  openingHours: OpeningHours | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  appointmentUrl: string | null;
  /** Languages spoken there (ISO 639-1). */
  languages: string[];
  /** Description per ISO 639-1 language; plain text. */
  descriptions: Record<string, string>;
  /** Part of the example data set, not a real office. */
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A directory entry in one language, as `GET /api/public/services` answers. */
export interface PublicServiceDto {
  id: string;
  category: ServiceCategoryRef;
  city: string;
  name: string;
  address: string | null;
  location: ServiceLocation | null;
  openingHours: OpeningHours | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  appointmentUrl: string | null;
  languages: string[];
  /** In the language asked for, else German, else English, else any; null when there is none. */
  description: string | null;
  descriptionLanguage: string | null;
  demo: boolean;
}

export interface PublicServiceListDto {
  items: PublicServiceDto[];
  nextCursor: string | null;
}

export interface PublicServiceQuery {
  city?: string;
  category?: string;
  /** The language of descriptions and labels in the answer. */
  lang?: string;
  /** Only places where one of these languages is spoken, e.g. "uk,ru". */
  languages?: string;
  /** Free text, searched in German and English with stemming. */
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface CreateServiceRequest {
  category: string;
  city: string;
  name: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  openingHours?: OpeningHours | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  appointmentUrl?: string | null;
  languages?: string[];
  descriptions?: Record<string, string>;
}

export type UpdateServiceRequest = Partial<CreateServiceRequest>;

export interface UpdateServiceCategoryRequest {
  labels: Record<string, string>;
  position?: number;
}

/** One problem of one line of an imported CSV file; `field` is null when the whole line is unreadable. */
export interface ServiceImportProblem {
  line: number;
  field: string | null;
  problem: string;
}

export interface ServiceImportReport {
  done: boolean;
  /** utf-8, utf-8-bom, windows-1252, utf-16le or utf-16be: how the file was read. */
  encoding: string;
  delimiter: ',' | ';' | '\t';
  /** Data lines (records) in the file. */
  total: number;
  processed: number;
  created: number;
  updated: number;
  invalid: number;
  problems: ServiceImportProblem[];
}

export interface ServiceImportJob {
  jobId: string;
}

/** The columns of the CSV import; `description_<lang>` for each language of the description. */
export const SERVICE_CSV_COLUMNS = [
  'category',
  'city',
  'name',
  'address',
  'latitude',
  'longitude',
  'opening_hours',
  'phone',
  'email',
  'website',
  'appointment_url',
  'languages',
] as const;
