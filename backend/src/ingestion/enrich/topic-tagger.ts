import { DEFAULT_TAXONOMY, type TopicTaxonomy } from './topic-taxonomy';

interface CompiledTopic {
  slug: string;
  pattern: RegExp | null;
}

// Attached conjunction (و ف), preposition (ب ك ل) and article (ال, or ل after ل: "للطلاب").
const ARABIC_CLITICS = '(?:[وف]?(?:[بكل]|لل)?(?:ال)?)';

/**
 * One spelling for keywords and texts alike: lower case (Turkish "İ" first, which would otherwise become
 * "i" plus a combining dot), "ß" as "ss", one apostrophe, no hyphens inside words ("Kita-Platz" =
 * "Kitaplatz"), Arabic without diacritics and with one form of alef, yeh, teh marbuta, kaf.
 */
export function normalizeForKeywords(text: string): string {
  return text
    .normalize('NFC')
    .replace(/İ/g, 'i')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/(?<=\p{L})[-‐‑](?=\p{L})/gu, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for one keyword in the notation documented in topic-taxonomy.ts. */
function keywordPattern(keyword: string): string | null {
  const words = normalizeForKeywords(keyword).trim().split(/\s+/).filter((word) => word.replace(/\*/g, '') !== '');
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const compoundTail = word.startsWith('*');
      const stem = word.endsWith('*');
      const core = escapeRegex(word.replace(/^\*+|\*+$/g, ''));
      // Every word of an Arabic phrase may carry clitics: "التأمين الصحي" for "تأمين صحي".
      const clitics = /\p{Script=Arabic}/u.test(core) ? ARABIC_CLITICS : '';
      return `${clitics}${compoundTail ? '\\p{L}+' : ''}${core}${stem ? '\\p{L}*' : ''}`;
    })
    .join('\\s+');
}

function compile(taxonomy: TopicTaxonomy): CompiledTopic[] {
  return taxonomy.map((topic) => {
    const alternatives = Object.values(topic.keywords ?? {})
      .flat()
      .filter((keyword): keyword is string => typeof keyword === 'string')
      .map(keywordPattern)
      .filter((source): source is string => source !== null);
    const pattern = alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u')
      : null;
    return { slug: topic.slug, pattern };
  });
}

/**
 * Tags texts with the topics whose keywords they contain. A taxonomy is compiled to one regex per topic the
 * first time it is used; callers should keep passing the same taxonomy object (e.g. the one loaded at the
 * start of an ingestion run) so the compiled form is reused.
 */
export class TopicTagger {
  private readonly compiled = new WeakMap<TopicTaxonomy, CompiledTopic[]>();

  constructor(private readonly defaultTaxonomy: TopicTaxonomy = DEFAULT_TAXONOMY) {}

  /** Topic slugs in taxonomy order. */
  tag(text: string, taxonomy: TopicTaxonomy = this.defaultTaxonomy): string[] {
    if (!text) return [];
    const normalized = normalizeForKeywords(text);
    return this.compiledFor(taxonomy)
      .filter((topic) => topic.pattern?.test(normalized))
      .map((topic) => topic.slug);
  }

  private compiledFor(taxonomy: TopicTaxonomy): CompiledTopic[] {
    let compiled = this.compiled.get(taxonomy);
    if (!compiled) {
      compiled = compile(taxonomy);
      this.compiled.set(taxonomy, compiled);
    }
    return compiled;
  }
}
