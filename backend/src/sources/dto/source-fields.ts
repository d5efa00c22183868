import { CITY_SLUGS, LANGUAGE_CODES, SOURCE_KINDS } from '@welcome-ruhr/contracts';

/** Validation messages shared by the source DTOs, so that a field's problem reads the same everywhere. */
export const SOURCE_FIELD_MESSAGES = {
  name: 'name must be 1 to 200 characters long',
  kind: `kind must be one of ${SOURCE_KINDS.join(', ')}`,
  cities: 'cities must contain only RVR city slugs such as essen or muelheim-an-der-ruhr',
  citiesList: 'cities must be a list of city slugs',
  topics: 'topics must be a list of topic slugs such as work or housing',
  languages: 'languages must contain only ISO 639-1 codes such as de, en or tr',
  languagesList: 'languages must be a list of ISO 639-1 codes',
  externalId: 'externalId must be a page id or name: letters, digits, ".", "_", "-" (at most 200)',
  accessToken: 'accessToken must be a string of at most 4000 characters',
  autoApprove: 'autoApprove must be true or false',
  active: 'active must be true or false',
} as const;

export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;
export const TOPIC_SLUG_PATTERN = /^[a-z0-9-]{1,40}$/;
export { CITY_SLUGS, LANGUAGE_CODES };
