/**
 * What the municipalities CSV cannot say: how to read each name when it appears in a text.
 *
 * - `clear`: the name means the place (Bochum, Gelsenkirchen). Matched in any letter case.
 * - `word`: the name is also an ordinary word (Essen = food/to eat, Wetter = weather, Datteln = dates,
 *   Kamen = came, Alpen = the Alps). Counted only with context; see city-tagger.ts.
 * - `surname`: the name is also a family name (Hagen, Hamm). Counted unless it follows a given name or title.
 *
 * By default a municipality whose `otherMeaning` is set reads as `word` (or `surname` when the meaning says
 * so): the careful choice, should the CSV gain new entries. Names with a qualifier ("Wetter (Ruhr)",
 * "Mülheim an der Ruhr") are always `clear`.
 */
export type CityReading = 'clear' | 'word' | 'surname';

export interface ReadingOverride {
  reading?: CityReading;
  /** Languages in which the `word` reading exists; in other languages a capitalised name is the place. */
  wordLanguages?: readonly string[];
  /** "#Wetter" and "#Alpen" are weather and mountain hashtags far more often than the towns. */
  hashtagIsWord?: boolean;
  /** Contexts that mean a different place or thing: tested against the text before / after the name. */
  notBefore?: RegExp;
  notAfter?: RegExp;
  /** "Hamm" + "er" is a hammer, not a person from Hamm. */
  noDemonym?: boolean;
}

export const READING_OVERRIDES: Readonly<Record<string, ReadingOverride>> = {
  hagen: { reading: 'surname' },
  hamm: { reading: 'surname', noDemonym: true },
  // The CSV warns about "Schwerter" (swords); word boundaries already keep that out.
  schwerte: { reading: 'clear' },
  // "Mülheim" alone is, in a Ruhr portal, Mülheim an der Ruhr, except in these spellings of other places.
  'muelheim-an-der-ruhr': {
    reading: 'clear',
    notBefore: /(?:Köln|Koeln|Cologne)\s*[-‐‑–]?\s*$/iu,
    notAfter: /^\s*(?:[-‐‑–]\s*K(?:ä|ae)rlich|am\s+Rhein|an\s+der\s+Mosel|\(\s*Mosel\s*\)|\/\s*Mosel)/iu,
  },
  'wetter-ruhr': { hashtagIsWord: true },
  alpen: { hashtagIsWord: true, wordLanguages: ['de', 'nl'] },
  // "kamen" is also "stone" in Croatian, Bosnian, Serbian and Slovene.
  kamen: { wordLanguages: ['de', 'hr', 'bs', 'sr', 'sl'] },
  // "In Essen und Trinken investieren": the marker is there, the meaning is still food.
  essen: { notAfter: /^\s*(?:und|&|\+)\s*(?:Trinken|Getränke)/iu },
};

/** Demonyms of names ending in a vowel that are not ordinary words ("Werner", "Schwerter" are). */
export const DEMONYM_R: ReadonlySet<string> = new Set(['herne', 'herdecke']);

/**
 * Districts of the municipalities whose names need context: "Essen-Rüttenscheid" is the city, while
 * "Essen-Ausgabe" (food distribution) or "Wetter-App" are not.
 */
export const DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  essen: [
    'Altendorf', 'Altenessen', 'Altenessen-Nord', 'Altenessen-Süd', 'Bedingrade', 'Bergeborbeck', 'Bergerhausen',
    'Bochold', 'Borbeck', 'Borbeck-Mitte', 'Bredeney', 'Burgaltendorf', 'Byfang', 'Dellwig', 'Fischlaken',
    'Freisenbruch', 'Frillendorf', 'Frintrop', 'Frohnhausen', 'Fulerum', 'Gerschede', 'Haarzopf', 'Heidhausen',
    'Heisingen', 'Holsterhausen', 'Horst', 'Huttrop', 'Karnap', 'Katernberg', 'Kettwig', 'Kray', 'Kupferdreh',
    'Leithe', 'Margarethenhöhe', 'Nordviertel', 'Ostviertel', 'Rellinghausen', 'Rüttenscheid', 'Schonnebeck',
    'Schönebeck', 'Schuir', 'Stadtkern', 'Stadtwald', 'Steele', 'Stoppenberg', 'Südostviertel', 'Südviertel',
    'Überruhr', 'Überruhr-Hinsel', 'Überruhr-Holthausen', 'Vogelheim', 'Werden', 'Westviertel',
  ],
  'wetter-ruhr': ['Albringhausen', 'Esborn', 'Grundschöttel', 'Oberwengern', 'Schmandbruch', 'Volmarstein', 'Wengern'],
  datteln: ['Ahsen', 'Hagem', 'Horneburg', 'Meckinghoven', 'Natrop'],
  kamen: ['Derne', 'Heeren', 'Heeren-Werve', 'Methler', 'Rottum', 'Südkamen', 'Wasserkurl', 'Werve'],
  alpen: ['Bönninghardt', 'Drüpt', 'Menzelen', 'Menzelen-Ost', 'Menzelen-West', 'Veen'],
  hagen: [
    'Altenhagen', 'Berchum', 'Boele', 'Dahl', 'Delstern', 'Eckesey', 'Eilpe', 'Elsey', 'Emst', 'Eppenhausen',
    'Fley', 'Garenfeld', 'Halden', 'Haspe', 'Helfe', 'Hohenlimburg', 'Holthausen', 'Kabel', 'Priorei',
    'Rummenohl', 'Vorhalle', 'Wehringhausen',
  ],
  hamm: [
    'Bockum', 'Bockum-Hövel', 'Heessen', 'Herringen', 'Hövel', 'Norddinker', 'Pelkum', 'Rhynern', 'Uentrop',
    'Werries', 'Westtünnen', 'Wiescherhöfen',
  ],
};

/** Parts of a town every municipality has. */
export const GENERIC_DISTRICTS: readonly string[] = ['Mitte', 'Nord', 'Süd', 'Ost', 'West', 'Innenstadt', 'Zentrum', 'Stadtmitte'];

/**
 * Spellings in other scripts for the partner cities, as Ukrainian, Russian and Arabic posts write them.
 * (Arabic has no upper case and no other meaning for these, so they read as `clear`.)
 */
export const OTHER_SCRIPT_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  bochum: ['Бохум', 'بوخوم'],
  dortmund: ['Дортмунд', 'دورتموند'],
  duisburg: ['Дуйсбург', 'دويسبورغ', 'دويسبورج'],
  essen: ['Ессен', 'Эссен', 'إيسن', 'ايسن'],
  gelsenkirchen: ['Гельзенкірхен', 'Гельзенкирхен', 'غيلسنكيرشن', 'جيلسنكيرشن'],
  herne: ['Херне', 'Герне', 'هيرنه'],
  'muelheim-an-der-ruhr': ['Мюльгайм', 'Мюльхайм', 'مولهايم'],
  oberhausen: ['Оберхаузен', 'أوبرهاوزن', 'اوبرهاوزن'],
};
