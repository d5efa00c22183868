import { ServiceCategoryDto, Weekday } from '@welcome-ruhr/contracts';

/** Translation keys, written out so that the check of the translation files sees every one. */
export const WEEKDAY_KEYS: Record<Weekday, string> = {
  mon: 'openingHours.days.mon',
  tue: 'openingHours.days.tue',
  wed: 'openingHours.days.wed',
  thu: 'openingHours.days.thu',
  fri: 'openingHours.days.fri',
  sat: 'openingHours.days.sat',
  sun: 'openingHours.days.sun',
};

/** A category's label in the dashboard's language, else German, else its slug. */
export function categoryLabel(category: ServiceCategoryDto | undefined, slug: string, language: string): string {
  return category?.labels[language] || category?.labels['de'] || slug;
}
