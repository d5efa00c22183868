import type { PublicWidgetPresetDto, WidgetColors, WidgetLayout, WidgetTheme } from '@welcome-ruhr/contracts';
import { apiUrl } from '../shared/portal-origin';

export const LIMIT_DEFAULT = 12;
const LIMIT_MAX = 50;
const LAYOUTS: readonly WidgetLayout[] = ['list', 'grid', 'carousel'];
const THEMES: readonly WidgetTheme[] = ['auto', 'light', 'dark'];
const KINDS = ['ambassador', 'partner', 'city'];
const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;
const LANGUAGE = /^[a-z]{2}$/;

/** What the element shows, from its attributes over its preset's. */
export interface FeedConfig {
  city?: string;
  topics: string[];
  languages: string[];
  kind?: string;
  limit: number;
  layout: WidgetLayout;
  theme: WidgetTheme;
  /** The widget's own language when the element or the preset fixes one. */
  lang?: string;
  colors: WidgetColors;
}

export type Attributes = Record<string, string | null>;

/** "work, Housing work" → ["work", "housing"]: lower case, no duplicates, only well-formed values. */
export function parseList(value: string | null | undefined, pattern: RegExp = SLUG): string[] {
  const values = (value ?? '').toLowerCase().split(/[\s,]+/).filter((v) => pattern.test(v));
  return [...new Set(values)];
}

function pick<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  const v = value?.trim().toLowerCase() as T;
  return allowed.includes(v) ? v : undefined;
}

export function parseLimit(value: string | number | null | undefined): number | undefined {
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value ?? '') ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? Math.min(n, LIMIT_MAX) : undefined;
}

/** Attributes written on the element win; the preset fills what they leave open. */
export function resolveConfig(attributes: Attributes, preset?: PublicWidgetPresetDto | null): FeedConfig {
  const p = preset?.attributes ?? {};
  const has = (name: string) => attributes[name] !== null && attributes[name] !== undefined && attributes[name] !== '';
  const city = parseList(attributes['city'])[0] ?? preset?.city;
  return {
    ...(city ? { city } : {}),
    topics: has('topics') ? parseList(attributes['topics']) : parseList((p.topics ?? []).join(',')),
    languages: has('languages') ? parseList(attributes['languages'], LANGUAGE) : parseList((p.languages ?? []).join(','), LANGUAGE),
    kind: pick(attributes['kind'], KINDS) ?? pick(p.kind, KINDS),
    limit: parseLimit(attributes['limit']) ?? parseLimit(p.limit) ?? LIMIT_DEFAULT,
    layout: pick(attributes['layout'], LAYOUTS) ?? pick(p.layout, LAYOUTS) ?? 'list',
    theme: pick(attributes['theme'], THEMES) ?? pick(p.theme, THEMES) ?? 'auto',
    lang: p.lang,
    colors: p.colors ?? {},
  };
}

/** The public feed's address for this configuration (lists as comma lists), one page at `cursor`. */
export function feedUrl(origin: string, config: FeedConfig, cursor?: string | null): string {
  return apiUrl(origin, '/api/public/feed', {
    city: config.city,
    topic: config.topics.join(','),
    lang: config.languages.join(','),
    kind: config.kind,
    limit: config.limit,
    cursor,
  });
}

const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const FONT = /^[\w\s"',.-]{1,120}$/;

/** A preset's colours as custom properties on the widget (`--wrp-*`), which the page's `--wr-*` still override. */
export function presetProperties(colors: WidgetColors): [string, string][] {
  const out: [string, string][] = [];
  if (colors.accent && COLOR.test(colors.accent)) out.push(['--wrp-accent', colors.accent]);
  if (colors.background && COLOR.test(colors.background)) out.push(['--wrp-bg', colors.background]);
  if (colors.text && COLOR.test(colors.text)) out.push(['--wrp-text', colors.text]);
  if (typeof colors.radius === 'number' && colors.radius >= 0 && colors.radius <= 32) out.push(['--wrp-radius', `${colors.radius}px`]);
  if (colors.font && FONT.test(colors.font)) out.push(['--wrp-font', colors.font]);
  return out;
}
