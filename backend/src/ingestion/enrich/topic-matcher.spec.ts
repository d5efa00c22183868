import { TopicTagger } from './topic-tagger';
import { DEFAULT_TAXONOMY, type TopicTaxonomy } from './topic-taxonomy';

/*
 * The tagger looks tokens up in tries instead of running one regex per topic. These tests compare it with
 * the straightforward implementation it replaced, kept here verbatim as the reference, over many generated
 * texts and keyword lists.
 */

// ---- Reference: one regex per topic, built from the keywords (the implementation before the tries) ----

const ARABIC_CLITICS = '(?:[وف]?(?:[بكل]|لل)?(?:ال)?)';

function referenceNormalize(text: string): string {
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

function referenceKeywordPattern(keyword: string): string | null {
  const words = referenceNormalize(keyword).trim().split(/\s+/).filter((word) => word.replace(/\*/g, '') !== '');
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const compoundTail = word.startsWith('*');
      const stem = word.endsWith('*');
      const core = word.replace(/^\*+|\*+$/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const clitics = /\p{Script=Arabic}/u.test(core) ? ARABIC_CLITICS : '';
      return `${clitics}${compoundTail ? '\\p{L}+' : ''}${core}${stem ? '\\p{L}*' : ''}`;
    })
    .join('\\s+');
}

function referenceTagger(taxonomy: TopicTaxonomy): (text: string) => string[] {
  const compiled = taxonomy.map((topic) => {
    const alternatives = Object.values(topic.keywords ?? {})
      .flat()
      .filter((keyword): keyword is string => typeof keyword === 'string')
      .map(referenceKeywordPattern)
      .filter((source): source is string => source !== null);
    const pattern = alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u')
      : null;
    return { slug: topic.slug, pattern };
  });
  return (text) => {
    if (!text) return [];
    const normalized = referenceNormalize(text);
    return compiled.filter((topic) => topic.pattern?.test(normalized)).map((topic) => topic.slug);
  };
}

// ---- Generators ----

/** mulberry32: the same seed, the same cases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'arbeit', 'Arbeits', 'job', 'jobs', 'jobs24', 'dsw21', '21', 'a1', 'ab', 'abc', 'b', 'c', 'Straße', 'STRASSE', 'fest',
  'İstanbul', 'istanbul', 'ISPARTA', 'ıslak', 'IŞIK', 'iş', 'İş', 'Kita', 'Kita-Platz', 'kita‐platz', 'Wohnung', 'Mietwohnung',
  'Café', 'Cafe\u0301', 'résumé', 'e\u0301', 'Ärzte', 'A\u0308rzte', 'Mütter', 'bachelor\'s', 'bachelor’s', "кар'єра", 'сім’я',
  'Ессен', 'робота', 'работа', 'сім', 'سكن', 'والسكن', 'للطلاب', 'طلاب', 'الطلاب', 'التأمين', 'تأمين', 'صحي', 'الصحي',
  'مُدَرِّسَة', 'مدرسة', 'أطفال', 'اطفال', 'كورس', 'کورس', 'فبالسكن', 'ـسكن', 'σ', 'ΣΟΦΙΑ', 'ǅ', 'ﬁ', '𝐀bc', '😀', 'x_y',
];
const SEPARATORS = [
  ' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', ', ', '. ', ' - ', '-', '‐', '‑', '–', "'", '’', '/', '(', ')', '#',
  '@', '_', '', '\u200b', '\u0301', '😀', '1', ' * ', '.',
];

function generator(seed: number) {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const fragment = (word: string) => {
    // A word, part of one, or two run together: compounds, prefixes of other keywords.
    const roll = next();
    if (roll < 0.55) return word;
    if (roll < 0.75) return word.slice(0, 1 + int(word.length));
    if (roll < 0.9) return word.slice(int(word.length));
    return word + pick(WORDS);
  };
  const recase = (text: string) => {
    const roll = next();
    return roll < 0.15 ? text.toUpperCase() : roll < 0.3 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  };
  const keyword = (vocabulary: readonly string[]): string => {
    const roll = next();
    if (roll < 0.03) return pick(['', '*', '  ', '**', ' * ']);
    const words = Array.from({ length: 1 + (next() < 0.3 ? 1 + int(2) : 0) }, () => {
      const word = recase(fragment(pick(vocabulary)));
      const stars = next();
      return `${stars < 0.3 || (stars > 0.85 && stars < 0.9) ? '*' : ''}${word}${stars > 0.5 ? '*' : ''}`;
    });
    return words.join(pick([' ', ' ', '  ', '\t', ' \u00a0']));
  };
  const text = (vocabulary: readonly string[]): string =>
    Array.from({ length: 1 + int(12) }, () => recase(fragment(pick(vocabulary))) + pick(SEPARATORS)).join('');
  return { keyword, text, int, pick };
}

function expectSameTags(taxonomy: TopicTaxonomy, texts: string[], tagger: TopicTagger): number {
  const reference = referenceTagger(taxonomy);
  let tagged = 0;
  for (const text of texts) {
    const expected = reference(text);
    const actual = tagger.tag(text, taxonomy);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      // One readable failure instead of thousands of assertions.
      expect({ text, keywords: taxonomy.map((t) => t.keywords), actual }).toEqual({ text, keywords: taxonomy.map((t) => t.keywords), actual: expected });
    }
    if (expected.length > 0) tagged++;
  }
  return tagged;
}

describe('TopicTagger compared with one regex per topic', () => {
  it('agrees on generated keyword lists and texts (umlauts, ß, İ/ı, Arabic clitics, phrases, prefixes, punctuation)', () => {
    const tagger = new TopicTagger();
    let cases = 0;
    let tagged = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { keyword, text, int } = generator(seed);
      const taxonomy: TopicTaxonomy = Array.from({ length: 1 + int(4) }, (_, n) => ({
        slug: `t${n}`,
        labels: { de: `t${n}`, en: `t${n}` },
        keywords: { de: Array.from({ length: 1 + int(5) }, () => keyword(WORDS)), ar: Array.from({ length: int(3) }, () => keyword(WORDS)) },
      }));
      // Texts from the keywords' own words too, so that a good share of them match.
      const vocabulary = [...WORDS, ...taxonomy.flatMap((t) => Object.values(t.keywords).flat().flatMap((k) => k.replace(/\*/g, '').split(/\s+/)))];
      const texts = Array.from({ length: 16 }, () => text(vocabulary));
      tagged += expectSameTags(taxonomy, texts, tagger);
      cases += texts.length;
    }
    // Not a vacuous comparison: many texts match something.
    expect(tagged / cases).toBeGreaterThan(0.25);
  });

  it('agrees on the default taxonomy with texts made of its keywords, run together and cut', () => {
    const tagger = new TopicTagger();
    const vocabulary = [
      ...WORDS,
      ...DEFAULT_TAXONOMY.flatMap((topic) => Object.values(topic.keywords).flat().flatMap((k) => k.replace(/\*/g, '').split(/\s+/))),
    ];
    const texts: string[] = [];
    for (let seed = 1; seed <= 2000; seed++) texts.push(generator(seed).text(vocabulary));
    const tagged = expectSameTags(DEFAULT_TAXONOMY, texts, tagger);
    expect(tagged / texts.length).toBeGreaterThan(0.5);
  });

  it.each<[string, string[], string]>([
    ['a keyword that is a prefix of another', ['Arbeit', 'Arbeitsagentur'], 'Die Arbeitsagentur'],
    ['a stem that must not end in digits', ['job*'], 'jobs24 und job4you'],
    ['a compound tail after digits', ['*job'], '24job und Minijob'],
    ['a phrase over several spaces and a tab', ['agentur für  arbeit'], 'Agentur  für\t\tArbeit'],
    ['a phrase across a hyphen', ['flat for rent'], 'flat for - rent'],
    ['a phrase across a non-breaking space', ['flat for rent'], 'flat\u00a0for rent'],
    ['an apostrophe keyword', ["bachelor's"], 'Bachelor’s degree'],
    ['Turkish dotted capital I', ['iş ilan*'], 'İŞ İLANLARI'],
    ['Turkish dotless i', ['ışık'], 'IŞIK'],
    ['ß and ss', ['Straßenfest*'], 'STRASSENFESTE'],
    ['decomposed umlauts', ['Ärzte'], 'A\u0308rzte'],
    ['a combining mark after a word', ['cafe'], 'cafe\u0301'],
    ['Arabic clitics and article', ['سكن'], 'فبالسكن'],
    ['Arabic clitics on every word of a phrase', ['تأمين صحي'], 'والتأمين الصحي'],
    ['Arabic diacritics and tatweel', ['مدرسة'], 'مُدَرِّسَـة'],
    ['a star inside a word', ['a*b'], 'a*b'],
    ['empty keywords', ['', '*', '  '], 'anything'],
  ])('agrees on %s', (_label, keywords, text) => {
    const taxonomy: TopicTaxonomy = [{ slug: 'x', labels: { de: 'x', en: 'x' }, keywords: { de: keywords } }];
    const tagger = new TopicTagger();
    expect(tagger.tag(text, taxonomy)).toEqual(referenceTagger(taxonomy)(text));
  });
});
