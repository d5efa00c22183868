import { MUNICIPALITIES, type Municipality } from '@welcome-ruhr/contracts';
import {
  FOOD_BEFORE,
  LIST_SEPARATOR,
  MARKER_AFTER,
  MARKER_BEFORE,
  followsPersonName,
} from './city-context';
import { buildSpellings, type CitySpelling } from './city-spellings';

export interface CityTagOptions {
  /** The source's own cities: always part of the result, and listed first. */
  sourceCities?: readonly string[];
  /** The item's language, if known: "Essen" in an English or Turkish text is not German food. */
  language?: string | null;
}

/*
 * Rules, in order:
 *
 * 1. A name counts only as a whole word: letters or digits may not touch it. Allowed endings: German
 *    genitive "s" (Bochums), demonym "er" (Dortmunder), an apostrophe suffix (Turkish "Dortmund'da",
 *    "Essen’e", English "Essen's"), for clear names also Turkish suffixes without apostrophe
 *    ("Bochumda") and Polish case endings of longer names ("w Dortmundzie"); Cyrillic spellings take
 *    up to three Cyrillic letters ("в Ессені"). Anything else ("Wittenberg", "Essenz", "Hammer") is no match.
 * 2. A name that is the second half of a hyphenated compound of a place outside the region is refused:
 *    "Köln-Mülheim", "Rhein-Herne-Kanal". ("Duisburg-Essen" is two region names and both count.)
 *    Per-name exclusions follow ("Mülheim-Kärlich", "Mülheim am Rhein").
 * 3. Clear names and demonyms count, in any letter case.
 * 4. Names that are also words ("Essen", "Wetter", "Datteln", "Kamen", "Alpen") must be capitalised (or in
 *    capitals) and need one piece of evidence:
 *    a. a place word right before: a preposition ("in", "nach", "aus", "to", "from", "w", "в", "في", …)
 *       or an institution ("Stadt", "Uni", "Hauptbahnhof", "Rathaus", "Messe", …), but not the food
 *       idiom "Suche nach";
 *    b. a place word right after: "Hbf", "Innenstadt", "Belediyesi", "(Ruhr)", …;
 *    c. a known district compound: "Essen-Rüttenscheid", "Essen-Mitte" (not "Essen-Ausgabe");
 *    d. a Turkish/English apostrophe suffix, which marks a proper noun: "Essen'de";
 *    e. a capitalised hashtag: "#Essen" (not for "#Wetter", "#Alpen": usually weather and mountains);
 *    f. a list with a city that already counts: "Bochum, Essen und Dortmund" (a name opening the list
 *       must start its clause: "Gutes Essen, Bochum" is a meal);
 *    g. the item's language has no such word: "Essen" in an English or Turkish text.
 *    Without evidence ("Essen aus aller Welt", "Das Wetter wird schön", "Essen ist fertig") the name is
 *    left out; if the source is about that city, rule 6 still adds it.
 * 5. Surname-like names ("Hagen", "Hamm") count like clear names unless a given name, "Herr", "Familie" or
 *    a title stands right before them ("Nina Hagen", "Dr. Hamm") and no evidence from rule 4 is present.
 * 6. The source's own cities are always included, first.
 */

interface Mention {
  spelling: CitySpelling;
  /** Where the match starts (at "#" for hashtags) and ends (after any suffix). */
  start: number;
  end: number;
  name: string;
  hashtag: boolean;
  suffix: SuffixKind;
  status: 'accepted' | 'pending' | 'refused';
}

type SuffixKind = 'none' | 'genitive' | 'demonym' | 'apostrophe' | 'inflection';

const APOSTROPHES = `'’ʼ‘´\``;
// Locative, ablative and "from" suffixes Turkish writers sometimes attach without an apostrophe.
const TURKISH_ATTACHED = /^(?:da|de|ta|te|dan|den|tan|ten|daki|deki|taki|teki|lı|li|lu|lü)$/;
const POLISH_CASES = /^(?:u|a|zie|ie|em|owi)$/;
const CONTEXT_CHARS = 40;
const COMPOUND_BEFORE = /\p{L}[-‐‑–]$/u;
const CLAUSE_START = /(?:^|[.:;!?(\n]\s*)$/;

function suffixKind(spelling: CitySpelling, suffix: string): SuffixKind | null {
  if (!suffix) return 'none';
  if (APOSTROPHES.includes(suffix[0])) return 'apostrophe';
  const lower = suffix.toLowerCase();
  if (spelling.script === 'cyrillic') return /^\p{Script=Cyrillic}{1,3}$/u.test(suffix) ? 'inflection' : null;
  if (spelling.script !== 'latin') return null;
  if (lower === 's') return 'genitive';
  if (spelling.demonymSuffix && lower === spelling.demonymSuffix) return 'demonym';
  if (spelling.reading !== 'clear') return null;
  if (TURKISH_ATTACHED.test(lower)) return 'inflection';
  if (POLISH_CASES.test(lower) && spelling.text.length >= 6) return 'inflection';
  return null;
}

/** "Essen" or "ESSEN", not "essen": the lower-case word is the verb or a common noun's other use. */
function isCapitalised(name: string): boolean {
  return /^\p{Lu}(?:\p{Ll}*|\p{Lu}*)$/u.test(name);
}

export class CityTagger {
  private readonly spellings: CitySpelling[];
  private readonly pattern: RegExp;
  private readonly slugs: ReadonlySet<string>;

  constructor(municipalities: readonly Municipality[] = MUNICIPALITIES) {
    this.spellings = buildSpellings(municipalities);
    this.slugs = new Set(municipalities.map((m) => m.slug));
    const alternatives = this.spellings.map((spelling) => `(${spelling.pattern})`).join('|');
    this.pattern = new RegExp(
      `(?<![\\p{L}\\p{N}_@#])(#)?(?:${alternatives})((?:[${APOSTROPHES}]\\p{L}{1,12})|\\p{L}{1,5})?(?![\\p{L}\\p{N}])`,
      'giu',
    );
  }

  /** The slugs of the municipalities `text` is about, the source's own cities first. */
  tag(text: string, opts: CityTagOptions = {}): string[] {
    const result = new Set((opts.sourceCities ?? []).filter((slug) => this.slugs.has(slug)));
    if (text) {
      const normalized = text.normalize('NFC');
      for (const mention of this.judge(this.mentions(normalized), normalized, opts)) {
        if (mention.status === 'accepted') result.add(mention.spelling.slug);
      }
    }
    return [...result];
  }

  private mentions(text: string): Mention[] {
    const mentions: Mention[] = [];
    for (const match of text.matchAll(this.pattern)) {
      const index = match.slice(2, 2 + this.spellings.length).findIndex((group) => group !== undefined);
      const spelling = this.spellings[index];
      const suffixText = match[2 + this.spellings.length] ?? '';
      const suffix = suffixKind(spelling, suffixText);
      if (!suffix) continue;
      const hashtag = match[1] !== undefined;
      const start = match.index ?? 0;
      const name = match[index + 2];
      mentions.push({ spelling, start, end: start + match[0].length, name, hashtag, suffix, status: 'pending' });
    }
    return mentions;
  }

  private judge(mentions: Mention[], text: string, opts: CityTagOptions): Mention[] {
    mentions.forEach((mention, i) => {
      mention.status = this.firstJudgement(mention, mentions[i - 1], text, opts);
    });
    // Rule 4f: a pending name in a list with an accepted one; repeat so that a whole list is resolved.
    for (let changed = true; changed; ) {
      changed = false;
      mentions.forEach((mention, i) => {
        if (mention.status !== 'pending') return;
        const previous = mentions[i - 1];
        const next = mentions[i + 1];
        const listed =
          (previous?.status === 'accepted' && LIST_SEPARATOR.test(text.slice(previous.end, mention.start))) ||
          // Opening a list: only at the start of a clause, so "Gutes Essen, Bochum" stays food.
          (next?.status === 'accepted' &&
            LIST_SEPARATOR.test(text.slice(mention.end, next.start)) &&
            CLAUSE_START.test(text.slice(0, mention.start)));
        if (listed) {
          mention.status = 'accepted';
          changed = true;
        }
      });
    }
    return mentions;
  }

  private firstJudgement(
    mention: Mention,
    previous: Mention | undefined,
    text: string,
    opts: CityTagOptions,
  ): Mention['status'] {
    const { spelling } = mention;
    const before = text.slice(Math.max(0, mention.start - CONTEXT_CHARS), mention.start);
    const after = text.slice(mention.end, mention.end + CONTEXT_CHARS);

    // Rule 2: the second half of another place's compound, unless that place is a region name too.
    const joinedToPrevious = previous !== undefined && previous.end === mention.start - 1;
    if (!mention.hashtag && COMPOUND_BEFORE.test(before) && !joinedToPrevious) {
      return 'refused';
    }
    if (spelling.override.notBefore?.test(before) || spelling.override.notAfter?.test(after)) return 'refused';

    // Rule 3.
    if (spelling.reading === 'clear' || mention.suffix === 'demonym') return 'accepted';

    const isWord = spelling.reading === 'word';
    if (!isCapitalised(mention.name) && !(mention.hashtag && !isWord)) return 'refused';

    // Rule 4a–e (evidence also overrides the person reading of rule 5).
    const hashtagCounts = mention.hashtag && !(isWord && spelling.override.hashtagIsWord);
    const evidence =
      hashtagCounts ||
      mention.suffix === 'apostrophe' ||
      (MARKER_BEFORE.test(before) && !(isWord && FOOD_BEFORE.test(before))) ||
      MARKER_AFTER.test(after) ||
      (spelling.districtAfter?.test(after) ?? false) ||
      (joinedToPrevious && previous?.status === 'accepted');
    if (evidence) return 'accepted';

    if (isWord) {
      // Rule 4g.
      const wordLanguages = spelling.override.wordLanguages ?? ['de'];
      if (opts.language && !wordLanguages.includes(opts.language)) return 'accepted';
      return 'pending';
    }
    // Rule 5.
    return followsPersonName(before) ? 'pending' : 'accepted';
  }
}
