import type { SourceKind } from './content';

/** How `<welcome-ruhr-feed>` arranges its items. */
export const WIDGET_LAYOUTS = ['list', 'grid', 'carousel'] as const;
export type WidgetLayout = (typeof WIDGET_LAYOUTS)[number];

/** Colour scheme of the widget: `auto` follows the visitor's `prefers-color-scheme`. */
export const WIDGET_THEMES = ['auto', 'light', 'dark'] as const;
export type WidgetTheme = (typeof WIDGET_THEMES)[number];

/** Languages of the widget's own texts (the Ruhr area's largest communities); the first is the fallback. */
export const WIDGET_LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'pl', 'ru', 'ro', 'bg', 'it', 'el', 'fa'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

/** Written right to left. */
export const WIDGET_RTL_LANGUAGES: readonly string[] = ['ar', 'fa'];

export const WIDGET_LIMIT_MAX = 50;

/** Colours as `#rgb` or `#rrggbb`; the configurator warns when text and background miss WCAG AA contrast. */
export interface WidgetColors {
  accent?: string;
  background?: string;
  text?: string;
  /** Corner radius in CSS pixels, 0–32. */
  radius?: number;
  /** A font-family list, e.g. `"Fira Sans", sans-serif`. */
  font?: string;
}

/** What a preset fixes; attributes written on the element win over the preset's. */
export interface WidgetPresetAttributes {
  topics?: string[];
  /** Content languages (ISO 639-1). */
  languages?: string[];
  kind?: SourceKind;
  limit?: number;
  layout?: WidgetLayout;
  /** The widget's own language; absent: inherited from the page. */
  lang?: WidgetLanguage;
  theme?: WidgetTheme;
  colors?: WidgetColors;
}

/** A named, saved widget configuration of one city (`<welcome-ruhr-feed preset="…">`). */
export interface WidgetPresetDto {
  id: string;
  city: string;
  name: string;
  attributes: WidgetPresetAttributes;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the widget reads: no names of people, nothing internal. */
export interface PublicWidgetPresetDto {
  id: string;
  city: string;
  attributes: WidgetPresetAttributes;
}

export interface CreateWidgetPresetRequest {
  city: string;
  name: string;
  attributes: WidgetPresetAttributes;
}

export type UpdateWidgetPresetRequest = Partial<CreateWidgetPresetRequest>;
