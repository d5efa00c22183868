import { TopicTagger } from './topic-tagger';
import { DEFAULT_TAXONOMY, type TopicTaxonomy } from './topic-taxonomy';

const tagger = new TopicTagger();

describe('DEFAULT_TAXONOMY', () => {
  it('has the ten product topics, each labelled in German and English', () => {
    expect(DEFAULT_TAXONOMY.map((t) => t.slug)).toEqual([
      'work', 'housing', 'study', 'language-courses', 'residence', 'health', 'family', 'culture', 'events', 'mobility',
    ]);
    for (const topic of DEFAULT_TAXONOMY) {
      expect(topic.labels.de).toBeTruthy();
      expect(topic.labels.en).toBeTruthy();
    }
  });

  it('has keywords in German, English, Turkish, Arabic and Ukrainian for every topic', () => {
    const missing = DEFAULT_TAXONOMY.flatMap((topic) =>
      ['de', 'en', 'tr', 'ar', 'uk']
        .filter((language) => !(topic.keywords[language]?.length > 0))
        .map((language) => `${topic.slug}/${language}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('TopicTagger with the default taxonomy', () => {
  it.each<[string, string, string[]]>([
    // German
    ['de', 'Jobmesse in Dortmund: Über 80 Arbeitgeber stellen sich vor', ['work', 'events']],
    ['de', 'Wohnungssuche in Essen: Tipps zu Mietvertrag und Kaution', ['housing']],
    ['de', 'Neue Kita-Plätze in Bochum – Anmeldung für Familien ab sofort möglich', ['family']],
    ['de', 'Integrationskurse und Deutschkurse an der VHS Gelsenkirchen', ['language-courses']],
    ['de', 'Termine bei der Ausländerbehörde online buchen: Aufenthaltstitel verlängern', ['residence']],
    ['de', 'Deutschlandticket für Studierende: Semesterticket wird günstiger', ['study', 'mobility']],
    ['de', 'Hausarzt finden: So funktioniert die Krankenversicherung', ['health']],
    ['de', 'Museumsnacht und Konzerte im Stadtpark', ['culture']],
    ['de', 'Sommerfest im Stadtteilzentrum mit Musik für die ganze Familie', ['family', 'culture', 'events']],
    ['de', 'Sozialticket und neue Buslinien ab Dezember', ['mobility']],
    // English
    ['en', 'Free German courses for international students at Ruhr University Bochum', ['study', 'language-courses']],
    ['en', 'Looking for an apartment? Our housing guide explains the rent and the deposit', ['housing']],
    ['en', 'Job fair for skilled workers: meet employers from the region', ['work', 'events']],
    ['en', 'How to get your residence permit and register your address', ['residence']],
    // Turkish
    ['tr', "Dortmund'da iş fırsatları: yeni iş ilanları", ['work']],
    ['tr', "Essen'de kiralık daire arayanlar için rehber", ['housing']],
    ['tr', 'Almanca kursu kayıtları başladı', ['language-courses']],
    ['tr', 'Çocuklar için ücretsiz yüzme etkinliği', ['family', 'culture', 'events']],
    ['tr', 'Oturum izni başvurusu nasıl yapılır?', ['residence']],
    // Arabic
    ['ar', 'دورات اللغة الألمانية المجانية للقادمين الجدد', ['language-courses']],
    ['ar', 'البحث عن شقة في دورتموند', ['housing']],
    ['ar', 'فرص عمل جديدة في بوخوم', ['work']],
    ['ar', 'معلومات عن التأمين الصحي والأطباء', ['health']],
    // Ukrainian, Russian, Polish
    ['uk', 'Безкоштовні курси німецької мови для українців', ['language-courses']],
    ['uk', 'Шукаємо житло в Ессені: поради щодо оренди', ['housing']],
    ['uk', 'Вакансії для біженців з України в Дортмунді', ['work']],
    ['uk', "Допомога для сімей з дітьми", ['family']],
    ['ru', 'Бесплатные языковые курсы для новых жителей', ['language-courses']],
    ['pl', 'Oferty pracy w Dortmundzie', ['work']],
  ])('%s: "%s" → %j', (_language, text, expected) => {
    expect(tagger.tag(text)).toEqual(expected);
  });

  it.each([
    ['"Arbeit" inside an unrelated word', 'Die Bearbeitung dauert zwei Wochen, die Zusammenarbeit klappt'],
    ['"fest" as an adjective', 'Der Termin steht fest, sie ist fest angestellt'],
    ['"yurt" (abroad) in Turkish', 'Yurt dışından gelenler için bilgiler'],
    ['weather', 'Das Wetter wird schön'],
  ])('finds nothing in %s', (_label, text) => {
    expect(tagger.tag(text)).toEqual([]);
  });

  it('matches German compounds by stem and by last part', () => {
    expect(tagger.tag('Mietwohnungen gesucht')).toEqual(['housing']);
    expect(tagger.tag('Kinderarzt')).toEqual(['health', 'family']);
    // "*sport" is deliberately not a keyword: it would find "Transport".
    expect(tagger.tag('Transportkosten')).not.toContain('culture');
    expect(tagger.tag('Straßenfest')).toEqual(['events']);
    expect(tagger.tag('STRASSENFEST')).toEqual(['events']);
  });

  it('returns nothing for empty text', () => {
    expect(tagger.tag('')).toEqual([]);
  });
});

describe('TopicTagger with an edited taxonomy', () => {
  const edited: TopicTaxonomy = [
    { slug: 'sport', labels: { de: 'Sport', en: 'Sport' }, keywords: { de: ['Fußball*', '*turnier'], tr: ['futbol*'] } },
    { slug: 'broken', labels: { de: 'Kaputt', en: 'Broken' }, keywords: { de: ['', '*', '  '] } },
  ];

  it('uses the taxonomy it is given, with the same keyword notation', () => {
    expect(tagger.tag('Fussballturnier am Sonntag', edited)).toEqual(['sport']);
    expect(tagger.tag('Schachturnier', edited)).toEqual(['sport']);
    expect(tagger.tag('Futbol turnuvası', edited)).toEqual(['sport']);
    expect(tagger.tag('Turnier', edited)).toEqual([]);
  });

  it('ignores empty keywords instead of matching everything', () => {
    expect(tagger.tag('irgendein Text', edited)).toEqual([]);
  });

  it('keeps taxonomies apart', () => {
    expect(tagger.tag('Fußballturnier')).toEqual(['culture']);
    expect(tagger.tag('Fußballturnier', edited)).toEqual(['sport']);
  });
});
