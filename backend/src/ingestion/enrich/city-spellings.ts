import type { Municipality } from '@welcome-ruhr/contracts';
import {
  DEMONYM_R,
  DISTRICTS,
  GENERIC_DISTRICTS,
  OTHER_SCRIPT_SPELLINGS,
  READING_OVERRIDES,
  type CityReading,
  type ReadingOverride,
} from './city-lexicon';

export type Script = 'latin' | 'cyrillic' | 'arabic';

/** One way of writing one municipality, with what the tagger needs to judge a match. */
export interface CitySpelling {
  slug: string;
  text: string;
  reading: CityReading;
  script: Script;
  /** What turns the name into a demonym ("Bochum" + "er"), or null. */
  demonymSuffix: string | null;
  override: ReadingOverride;
  /** Matches a district compound right after the name ("-Rüttenscheid"), for names that need context. */
  districtAfter: RegExp | null;
  /** Regex source matching this spelling (no capturing groups). */
  pattern: string;
}

const DASH = '[-‐‑–]';
const QUALIFIED = /^(.+?)(?:\s*\((.+)\)|\s*\/\s*(.+)|\s+an der\s+(.+)|\s+am\s+(.+))$/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function scriptOf(text: string): Script {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'cyrillic';
  if (/\p{Script=Arabic}/u.test(text)) return 'arabic';
  return 'latin';
}

/** "Mülheim" also as "Muelheim" and, for longer names, "Mulheim" (keyboards without umlauts). */
function latinWordPattern(word: string): string {
  const plainVowelToo = word.length >= 7;
  const umlaut = (u: string, ascii: string) => `(?:${u}|${ascii}e${plainVowelToo ? `|${ascii}` : ''})`;
  return escapeRegex(word)
    .replace(/ä/g, umlaut('ä', 'a'))
    .replace(/ö/g, umlaut('ö', 'o'))
    .replace(/ü/g, umlaut('ü', 'u'))
    .replace(/\s+/g, '\\s+')
    .replace(/-/g, `(?:\\s*${DASH}\\s*|\\s+)`);
}

/** "Wetter (Ruhr)" also as "Wetter/Ruhr", "Wetter an der Ruhr", "Wetter a. d. Ruhr". */
function latinPattern(text: string): string {
  const qualified = text.match(QUALIFIED);
  if (!qualified) return latinWordPattern(text);
  const [, base, ...rest] = qualified;
  const qualifier = latinWordPattern(rest.find((part) => part !== undefined) ?? '');
  const forms = [
    `\\s*\\(\\s*${qualifier}\\s*\\)`,
    `\\s*\\/\\s*${qualifier}`,
    `\\s+an\\s+der\\s+${qualifier}`,
    `\\s+a\\.\\s?d\\.\\s?${qualifier}`,
    `\\s+am\\s+${qualifier}`,
  ];
  if (/^Ruhr$/i.test(rest.find((part) => part !== undefined) ?? '')) forms.push('\\s+a\\.\\s?d\\.\\s?R\\.');
  return `${latinWordPattern(base)}(?:${forms.join('|')})`;
}

function patternFor(text: string, script: Script): string {
  if (script === 'latin') return latinPattern(text);
  // Arabic writes "in", "to", "and" as prefixes: بدورتموند, ودورتموند, لدورتموند.
  if (script === 'arabic') return `(?:[وف]?[بل]?)${escapeRegex(text)}`;
  return escapeRegex(text);
}

function defaultReading(municipality: Municipality): CityReading {
  if (!municipality.otherMeaning) return 'clear';
  return /surname/i.test(municipality.otherMeaning) ? 'surname' : 'word';
}

function demonymSuffix(text: string, slug: string, override: ReadingOverride): string | null {
  if (override.noDemonym || !/^\p{L}+$/u.test(text)) return null;
  if (/[aeiouäöü]$/i.test(text)) return DEMONYM_R.has(slug) ? 'r' : null;
  return 'er';
}

function districtPattern(slug: string): RegExp {
  const districts = [...(DISTRICTS[slug] ?? []), ...GENERIC_DISTRICTS].map(latinWordPattern).join('|');
  return new RegExp(`^${DASH}(?:${districts})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Every spelling of every municipality: name, aliases, their qualifier variants, other scripts. */
export function buildSpellings(municipalities: readonly Municipality[]): CitySpelling[] {
  const spellings: CitySpelling[] = [];
  for (const municipality of municipalities) {
    const override = READING_OVERRIDES[municipality.slug] ?? {};
    const reading = override.reading ?? defaultReading(municipality);
    const texts = new Set([
      municipality.name,
      ...municipality.aliases,
      ...(OTHER_SCRIPT_SPELLINGS[municipality.slug] ?? []),
    ]);
    for (const text of texts) {
      const script = scriptOf(text);
      const isSingleWord = /^\p{L}+$/u.test(text);
      const spellingReading = isSingleWord && script === 'latin' ? reading : 'clear';
      spellings.push({
        slug: municipality.slug,
        text,
        reading: spellingReading,
        script,
        demonymSuffix: script === 'latin' ? demonymSuffix(text, municipality.slug, override) : null,
        override,
        districtAfter: spellingReading === 'clear' ? null : districtPattern(municipality.slug),
        pattern: patternFor(text, script),
      });
    }
  }
  // Longest first, so that "Wetter (Ruhr)" wins over "Wetter" and "Hamminkeln" over "Hamm".
  return spellings.sort((a, b) => b.text.length - a.text.length);
}
