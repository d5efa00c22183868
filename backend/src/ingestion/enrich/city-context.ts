/**
 * Context words around a city name. They decide only for names that are also ordinary words or surnames;
 * see the rule list in city-tagger.ts.
 */

/** Words right before a name that make it a place: prepositions and institutions ("Stadt Essen"). */
const PLACE_MARKERS = [
  // German
  'in', 'nach', 'aus', 'zwischen', 'gegenüber', 'stadt', 'stadtverwaltung', 'stadtgebiet', 'raum', 'großraum',
  'region', 'rathaus', 'bürgeramt', 'bürgerbüro', 'ausländerbehörde', 'jobcenter', 'universität', 'uni',
  'hochschule', 'hauptbahnhof', 'hbf', 'messe', 'polizei', 'feuerwehr', 'volkshochschule', 'vhs',
  'stadtbibliothek', 'oberbürgermeister', 'oberbürgermeisterin',
  // English
  'to', 'from', 'near', 'around', 'city of', 'town of', 'university of',
  // Polish, Romanian
  'w', 'we', 'do', 'z', 'ze', 'în',
  // Ukrainian, Russian
  'в', 'у', 'з', 'із', 'до', 'из',
  // Arabic, Persian
  'في', 'إلى', 'الى', 'من', 'در', 'به', 'از',
];

function alternation(words: readonly string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
}

export const MARKER_WORDS: ReadonlySet<string> = new Set(PLACE_MARKERS);

export const MARKER_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(PLACE_MARKERS)})\\s+$`, 'iu');

/** "Suche nach Essen", "Hunger auf Essen": the preposition belongs to the food. */
export const FOOD_BEFORE = /(?:^|[^\p{L}])(?:suche|suchen|sucht|hunger|appetit|lust)\s+(?:nach|auf)\s+$/iu;

/** Words right after a name that make it a place: stations, city centres, Turkish "Essen Belediyesi". */
export const MARKER_AFTER = new RegExp(
  '^\\s*(?:' +
    [
      'hbf', 'hauptbahnhof', 'innenstadt', 'stadtmitte', 'city', 'central\\s+station', 'main\\s+station',
      'belediye\\p{L}*', 'şehr\\p{L}*', 'üniversite\\p{L}*', 'merkez\\p{L}*',
      '\\(\\s*(?:ruhr|westf\\.?|westfalen)\\s*\\)', '\\/\\s*ruhr', 'an\\s+der\\s+ruhr',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);

/** What may stand between two names of one list: "Bochum, Essen und Hagen". */
export const LIST_SEPARATOR = /^\s*(?:,|;|\/|&|\+|und|and|oder|or|sowie|bis|ve|ile|veya|i|oraz|та|і|и|و)\s*$/iu;

/** Titles after which a surname-like name is a person: "Dr. Hagen", "Frau Hamm". */
export const TITLES: ReadonlySet<string> = new Set(['dr', 'prof', 'hr', 'fr', 'st', 'mr', 'mrs', 'ms']);

/** A capitalised word (a given name, "Herr", "Familie") directly before the name, or a title with a dot. */
export function followsPersonName(before: string): boolean {
  const match = before.match(/(\p{Lu}[\p{L}'’-]*)(\.?)\s+$/u);
  if (!match) return false;
  const word = match[1].toLowerCase();
  if (match[2] === '.') return TITLES.has(word);
  return !MARKER_WORDS.has(word);
}
