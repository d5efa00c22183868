import { MUNICIPALITIES } from '@welcome-ruhr/contracts';
import { CityTagger } from './city-tagger';

const tagger = new CityTagger(MUNICIPALITIES);

describe('CityTagger', () => {
  it.each<[string, string, string[]]>([
    // The cases the product brief names
    ['food, not the city', 'Essen aus aller Welt in Gelsenkirchen', ['gelsenkirchen']],
    ['a district compound', 'Stadtfest in Essen-Rüttenscheid', ['essen']],
    ['weather, not the town', 'Das Wetter wird schön', []],
    ['a qualified name', 'Umzug nach Wetter (Ruhr)', ['wetter-ruhr']],
    ['the verb "essen"', 'Wir essen gemeinsam in Bochum', ['bochum']],
    ['a Turkish locative', "Dortmund'da iş fırsatları", ['dortmund']],
    ['Mülheim in Cologne', 'Köln-Mülheim', []],

    // German
    ['an alias without qualifier', 'Neue Kita in Mülheim eröffnet', ['muelheim-an-der-ruhr']],
    ['the long name transliterated', 'Sprachcafé im Rathaus Muelheim an der Ruhr', ['muelheim-an-der-ruhr']],
    ['a slash qualifier', 'Beratung in Mülheim/Ruhr', ['muelheim-an-der-ruhr']],
    ['a genitive', 'Bochums Oberbürgermeister begrüßt Fachkräfte', ['bochum']],
    ['"Stadt Essen"', 'Willkommensfest der Stadt Essen', ['essen']],
    ['the meal', 'Das Essen war lecker', []],
    ['a sentence starting with the noun', 'Essen ist fertig!', []],
    ['a university named after two cities', 'Termine an der Universität Duisburg-Essen', ['duisburg', 'essen']],
    ['a weather headline', 'Wetter: Sonne und 25 Grad in Dortmund', ['dortmund']],
    ['a singer called Hagen', 'Nina Hagen singt in Bochum', ['bochum']],
    ['a headline starting with Hagen', 'Hagen: Bürgerbüro öffnet wieder', ['hagen']],
    ['a main station', 'Ankunft in zehn Minuten: Essen Hbf, Gleis 3', ['essen']],
    ['any letter case for clear names', 'Jobs in DORTMUND und bochum', ['dortmund', 'bochum']],
    ['a longer word containing a name', 'Fahrt nach Wittenberg', []],
    ['a canal named after a city', 'Radtour am Rhein-Herne-Kanal', []],
    ['a list of towns', 'Hilfe für Familien aus Essen, Datteln und Kamen', ['essen', 'datteln', 'kamen']],
    ['a list opening a sentence', 'Essen, Bochum und Dortmund: gemeinsame Jobmesse', ['essen', 'bochum', 'dortmund']],
    ['a meal before a comma', 'Gutes Essen, Bochum', ['bochum']],
    ['a title before a surname-like name', 'Vortrag von Dr. Hagen', []],
    ['the verb "kamen"', 'Sie kamen nach Dortmund', ['dortmund']],
    ['the fruit', 'Datteln und Feigen auf dem Markt', []],
    ['the Alps', 'Wanderurlaub in den Alpen', []],
    ['the town of Alpen', 'Ausflug nach Alpen am Niederrhein', ['alpen']],
    ['looking for food', 'Suche nach Essen für die Tafel', []],
    ['a demonym', 'Unsere Dortmunder Kolleginnen freuen sich', ['dortmund']],
    ['Mülheim-Kärlich', 'Mülheim-Kärlich feiert Kirmes', []],
    ['names written with spaces instead of hyphens', 'Termine in Castrop Rauxel und Oer-Erkenschwick', ['castrop-rauxel', 'oer-erkenschwick']],
    ['"Herr" before a surname-like name', 'Herr Hamm aus Bochum berichtet', ['bochum']],
    ['a weather app', 'Wetter-App warnt vor Gewitter', []],
    ['a district of Wetter', 'Sprachkurs in Wetter-Wengern', ['wetter-ruhr']],
    ['food distribution', 'Essen-Ausgabe für Bedürftige am Montag', []],
    ['a hammer', 'Hammer Angebot in Herne', ['herne']],
    ['Hamm after a preposition', 'Ein Tag in Hamm', ['hamm']],

    // Hashtags
    ['city hashtags', '#Essen #Ruhrgebiet Jobmesse am Samstag', ['essen']],
    ['a hashtag at the start', '#Dortmund: Neue Buslinie ab Montag', ['dortmund']],
    ['a lower-case food hashtag', 'Lecker! #essen #kochen', []],
    ['a weather hashtag', '#Wetter in Dortmund: Regen', ['dortmund']],

    // English
    ['"city of"', 'The city of Essen offers free German courses', ['essen']],
    ['"to"', 'Welcome to Hagen!', ['hagen']],
    ['an English possessive', "Essen's new welcome centre opens", ['essen']],

    // Turkish
    ['a dative', "Essen'e yeni gelenler için rehber", ['essen']],
    ['a typographic apostrophe', 'Essen’de ücretsiz Almanca kursu', ['essen']],
    ['"Belediyesi"', 'Essen Belediyesi yeni bir ofis açtı', ['essen']],
    ['a suffix without apostrophe', 'Bochumda ev arıyorum', ['bochum']],

    // Other languages and scripts
    ['Ukrainian locative', 'Ми живемо в Ессені', ['essen']],
    ['Arabic', 'أعيش في دورتموند', ['dortmund']],
    ['an Arabic prefix', 'فعاليات بدورتموند هذا الأسبوع', ['dortmund']],
    ['a Polish locative', 'Praktyka w Dortmundzie', ['dortmund']],
  ])('%s: "%s" → %j', (_label, text, expected) => {
    expect(tagger.tag(text)).toEqual(expected);
  });

  describe('the source and the language', () => {
    it('always includes the source cities, first, and drops unknown slugs', () => {
      expect(tagger.tag('Essen ist fertig!', { sourceCities: ['essen'] })).toEqual(['essen']);
      expect(tagger.tag('Jobmesse in Bochum', { sourceCities: ['herne', 'koeln'] })).toEqual(['herne', 'bochum']);
    });

    it('reads a capitalised "Essen" as the city in a language without that word', () => {
      expect(tagger.tag('Essen offers free German courses', { language: 'en' })).toEqual(['essen']);
      expect(tagger.tag('Essen ist fertig!', { language: 'de' })).toEqual([]);
    });

    it('keeps the surname reading whatever the language', () => {
      expect(tagger.tag('Concert by Nina Hagen', { language: 'en' })).toEqual([]);
    });

    it('returns each city once', () => {
      expect(tagger.tag('Bochum, Bochum, BOCHUM und #Bochum')).toEqual(['bochum']);
    });

    it('handles empty text', () => {
      expect(tagger.tag('')).toEqual([]);
      expect(tagger.tag('', { sourceCities: ['unna'] })).toEqual(['unna']);
    });
  });
});
