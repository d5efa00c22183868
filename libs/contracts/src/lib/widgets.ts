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

/** The widget's default colours (light scheme), for previews and contrast checks in the configurator. */
export const WIDGET_DEFAULT_COLORS = { accent: '#0b5cad', background: '#ffffff', text: '#1b1c20', onAccent: '#ffffff' } as const;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(color: string): number | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(full.slice(i, i + 2), 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two `#rgb`/`#rrggbb` colours (1–21), or null when one is not such a colour. */
export function contrastRatio(foreground: string, background: string): number | null {
  const a = luminance(foreground);
  const b = luminance(background);
  if (a === null || b === null) return null;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The colour pairs of a preset that miss WCAG AA (4.5:1 for text): what the configurator warns about.
 * Colours left out are the widget's defaults.
 */
export function contrastProblems(colors: WidgetColors): { pair: 'text/background' | 'accent/background' | 'button'; ratio: number }[] {
  const text = colors.text ?? WIDGET_DEFAULT_COLORS.text;
  const background = colors.background ?? WIDGET_DEFAULT_COLORS.background;
  const accent = colors.accent ?? WIDGET_DEFAULT_COLORS.accent;
  const pairs = [
    ['text/background', text, background],
    // The accent draws the focus ring on the background (3:1 would do for it; links and buttons need more).
    ['accent/background', accent, background],
    ['button', WIDGET_DEFAULT_COLORS.onAccent, accent],
  ] as const;
  return pairs
    .map(([pair, a, b]) => ({ pair, ratio: contrastRatio(a, b) }))
    .filter((p): p is { pair: (typeof pairs)[number][0]; ratio: number } => p.ratio !== null && p.ratio < 4.5)
    .map((p) => ({ pair: p.pair, ratio: Math.round(p.ratio * 100) / 100 }));
}
