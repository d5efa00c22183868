import {
  SourceKind,
  WidgetLanguage,
  WidgetLayout,
  WidgetPresetAttributes,
  WidgetTheme,
} from '@welcome-ruhr/contracts';
import { AA_TEXT_RATIO, contrastRatio } from '../shared/contrast';

/** The widget shows this many items when nothing else is said. */
export const DEFAULT_LIMIT = 12;

export interface WidgetColorChoice {
  accent: string;
  background: string;
  text: string;
}

/** What the configurator edits: the element's attributes and its colours. */
export interface WidgetConfig {
  city: string;
  topics: string[];
  /** Content languages (ISO 639-1). */
  languages: string[];
  kind: SourceKind | '';
  limit: number;
  layout: WidgetLayout;
  theme: WidgetTheme;
  /** The widget's own language; '' follows the page. */
  lang: WidgetLanguage | '';
  /** Colours the editor chose; '' keeps the widget's own. */
  colors: WidgetColorChoice;
}

/** The widget's own colours (see widgets/src/feed/styles.ts), light and dark, with the text on its buttons. */
export const WIDGET_DEFAULT_COLORS: Record<'light' | 'dark', WidgetColorChoice & { onAccent: string }> = {
  light: { accent: '#0b5cad', background: '#ffffff', text: '#1b1c20', onAccent: '#ffffff' },
  dark: { accent: '#8cc4ff', background: '#16181d', text: '#eef0f4', onAccent: '#0d1117' },
};

export function emptyConfig(city: string): WidgetConfig {
  return {
    city,
    topics: [],
    languages: [],
    kind: '',
    limit: DEFAULT_LIMIT,
    layout: 'list',
    theme: 'auto',
    lang: '',
    colors: { accent: '', background: '', text: '' },
  };
}

/** What a preset stores: only what differs from the widget's defaults. */
export function presetAttributes(config: WidgetConfig): WidgetPresetAttributes {
  const colors = Object.fromEntries(Object.entries(config.colors).filter(([, value]) => value !== ''));
  return {
    ...(config.topics.length ? { topics: [...config.topics] } : {}),
    ...(config.languages.length ? { languages: [...config.languages] } : {}),
    ...(config.kind ? { kind: config.kind } : {}),
    ...(config.limit !== DEFAULT_LIMIT ? { limit: config.limit } : {}),
    ...(config.layout !== 'list' ? { layout: config.layout } : {}),
    ...(config.theme !== 'auto' ? { theme: config.theme } : {}),
    ...(config.lang ? { lang: config.lang } : {}),
    ...(Object.keys(colors).length ? { colors } : {}),
  };
}

/** The configuration a saved preset describes. */
export function configFromPreset(city: string, attributes: WidgetPresetAttributes): WidgetConfig {
  const base = emptyConfig(city);
  return {
    ...base,
    topics: [...(attributes.topics ?? [])],
    languages: [...(attributes.languages ?? [])],
    kind: attributes.kind ?? '',
    limit: attributes.limit ?? DEFAULT_LIMIT,
    layout: attributes.layout ?? 'list',
    theme: attributes.theme ?? 'auto',
    lang: attributes.lang ?? '',
    colors: {
      accent: attributes.colors?.accent ?? '',
      background: attributes.colors?.background ?? '',
      text: attributes.colors?.text ?? '',
    },
  };
}

/** The element's attributes in a fixed order, leaving out the defaults. */
export function elementAttributes(config: WidgetConfig): [string, string][] {
  const attributes: [string, string][] = [['city', config.city]];
  if (config.topics.length) attributes.push(['topics', config.topics.join(',')]);
  if (config.languages.length) attributes.push(['languages', config.languages.join(',')]);
  if (config.kind) attributes.push(['kind', config.kind]);
  if (config.limit !== DEFAULT_LIMIT) attributes.push(['limit', String(config.limit)]);
  if (config.layout !== 'list') attributes.push(['layout', config.layout]);
  if (config.theme !== 'auto') attributes.push(['theme', config.theme]);
  if (config.lang) attributes.push(['lang', config.lang]);
  return attributes;
}

/** The chosen colours as the widget's custom properties (the page's `--wr-*` win over everything). */
export function colorProperties(colors: WidgetColorChoice): [string, string][] {
  const properties: [string, string][] = [];
  if (colors.accent) properties.push(['--wr-accent', colors.accent]);
  if (colors.background) properties.push(['--wr-bg', colors.background]);
  if (colors.text) properties.push(['--wr-text', colors.text]);
  return properties;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributeText(attributes: [string, string][]): string {
  return attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
}

/**
 * The two lines for a city site. With a saved preset the element names only the preset, so later
 * edits of the preset reach the site without a new snippet; otherwise it spells out every choice.
 */
export function scriptSnippet(origin: string, config: WidgetConfig, presetId: string | null): string {
  const script = `<script type="module" src="${escapeAttribute(origin)}/widgets/feed.js"></script>`;
  if (presetId) return `${script}\n<welcome-ruhr-feed preset="${escapeAttribute(presetId)}"></welcome-ruhr-feed>`;
  const style = colorProperties(config.colors)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
  const attributes = elementAttributes(config);
  if (style) attributes.push(['style', style]);
  return `${script}\n<welcome-ruhr-feed${attributeText(attributes)}></welcome-ruhr-feed>`;
}

/** The address of the iframe page: the same names as the element's attributes, in its query. */
export function embedUrl(origin: string, config: WidgetConfig, presetId: string | null): string {
  const query = new URLSearchParams();
  if (presetId) {
    query.set('preset', presetId);
    if (config.lang) query.set('lang', config.lang);
  } else {
    for (const [name, value] of elementAttributes(config)) query.set(name, value);
  }
  // Commas are safe in a query and easier to read than %2C.
  return `${origin}/embed/feed?${query.toString().replace(/%2C/g, ',')}`;
}

/** For sites that allow no scripts: the iframe, and the optional line that sizes it to its content. */
export function iframeSnippet(origin: string, config: WidgetConfig, presetId: string | null): string {
  const src = escapeAttribute(embedUrl(origin, config, presetId));
  return (
    `<iframe src="${src}" title="Welcome Ruhr" loading="lazy" style="width: 100%; height: 30rem; border: 0"></iframe>\n` +
    `<script type="module" src="${escapeAttribute(origin)}/widgets/embed-host.js"></script>`
  );
}

export type ContrastPair = 'textOnBackground' | 'buttonText' | 'accentOnBackground';

export interface ContrastProblem {
  pair: ContrastPair;
  /** The colour scheme in which it happens (with theme "auto" the visitor's choice decides). */
  scheme: 'light' | 'dark';
  ratio: number;
  required: number;
}

/**
 * Where the chosen colours (with the widget's own for the rest) miss WCAG AA: the text on the
 * background, the text on the accent-coloured buttons, and the accent (focus ring) on the background.
 * With theme "auto" both schemes count: a visitor may prefer either.
 */
export function contrastProblems(config: WidgetConfig): ContrastProblem[] {
  const schemes: ('light' | 'dark')[] = config.theme === 'auto' ? ['light', 'dark'] : [config.theme];
  const problems: ContrastProblem[] = [];
  for (const scheme of schemes) {
    const defaults = WIDGET_DEFAULT_COLORS[scheme];
    const accent = config.colors.accent || defaults.accent;
    const background = config.colors.background || defaults.background;
    const text = config.colors.text || defaults.text;
    const checks: [ContrastPair, string, string, number][] = [
      ['textOnBackground', text, background, AA_TEXT_RATIO],
      ['buttonText', defaults.onAccent, accent, AA_TEXT_RATIO],
      // The focus ring alone would need 3 : 1; the widget also marks things in the accent colour, so the
      // same 4.5 : 1 as text (as `contrastProblems` of the contracts library counts it).
      ['accentOnBackground', accent, background, AA_TEXT_RATIO],
    ];
    for (const [pair, foreground, back, required] of checks) {
      const ratio = contrastRatio(foreground, back);
      if (ratio !== null && ratio < required) problems.push({ pair, scheme, ratio, required });
    }
  }
  return problems;
}
