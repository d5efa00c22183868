const HYPHEN = /[-‐‑]/;
/** The Arabic block, which holds every character the Arabic rules below replace. */
const ARABIC = /[\u0600-\u06ff]/;

/**
 * One spelling for keywords and texts alike: lower case (Turkish "İ" first, which would otherwise become
 * "i" plus a combining dot), "ß" as "ss", one apostrophe, no hyphens inside words ("Kita-Platz" =
 * "Kitaplatz"), Arabic without diacritics and with one form of alef, yeh, teh marbuta, kaf.
 */
export function normalizeForKeywords(text: string): string {
  let normalized = text
    .normalize('NFC')
    .replace(/İ/g, 'i')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’ʼ‘`´]/g, "'");
  // The look-behind scans every position: only when there is a hyphen at all.
  if (HYPHEN.test(normalized)) normalized = normalized.replace(/(?<=\p{L})[-‐‑](?=\p{L})/gu, '');
  if (!ARABIC.test(normalized)) return normalized;
  return normalized
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك');
}

/** One word of a keyword in the notation documented in topic-taxonomy.ts, normalized. */
export interface KeywordWord {
  /** The word without its stars. */
  core: string;
  /** `core*`: letters may follow. */
  stem: boolean;
  /** `*core`: at least one letter comes before. */
  compoundTail: boolean;
  /** Arabic: attached و ف, ب ك ل (or لل) and the article ال may come before. */
  clitics: boolean;
}

/** The words of a keyword (several for a phrase), or null when it has none ("", "*"). */
export function keywordWords(keyword: string): KeywordWord[] | null {
  const words = normalizeForKeywords(keyword)
    .trim()
    .split(/\s+/)
    .filter((word) => word.replace(/\*/g, '') !== '');
  if (words.length === 0) return null;
  return words.map((word) => {
    const core = word.replace(/^\*+|\*+$/g, '');
    return { core, stem: word.endsWith('*'), compoundTail: word.startsWith('*'), clitics: /\p{Script=Arabic}/u.test(core) };
  });
}

// Attached conjunction (و ف), preposition (ب ك ل) and article (ال, or ل after ل: "للطلاب").
const ARABIC_CLITICS = '(?:[وف]?(?:[بكل]|لل)?(?:ال)?)';

/** Every string ARABIC_CLITICS matches, "" included. */
export const ARABIC_CLITIC_PREFIXES: readonly string[] = [
  ...new Set(['', 'و', 'ف'].flatMap((conjunction) => ['', 'ب', 'ك', 'ل', 'لل'].flatMap((preposition) => ['', 'ال'].map((article) => conjunction + preposition + article)))),
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex that finds the keyword as whole words: letters and digits may not touch it. */
export function keywordRegex(words: readonly KeywordWord[]): RegExp {
  const source = words
    .map((word) => `${word.clitics ? ARABIC_CLITICS : ''}${word.compoundTail ? '\\p{L}+' : ''}${escapeRegex(word.core)}${word.stem ? '\\p{L}*' : ''}`)
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'u');
}
