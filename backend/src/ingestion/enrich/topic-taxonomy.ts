/**
 * The topics items are tagged with, and the words that point to them. Stored as plain data so that admins
 * can later edit it in the database; DEFAULT_TAXONOMY is the seed.
 *
 * Keyword notation (matching ignores letter case, hyphens inside words and Arabic diacritics):
 * - `Wohnung`   the whole word only.
 * - `Wohnung*`  a stem: the word may go on ("Wohnungen", "Wohnungssuche").
 * - `*wohnung`  a compound's last part: at least one letter comes before ("Mietwohnung"); list the
 *   word alone separately. ("*arbeit" would find "Zusammenarbeit": prefer explicit compounds there.)
 * - `*wohnung*` inside a longer word. Use sparingly: "*arbeit*" would find "Bearbeitung".
 * - `Agentur für Arbeit` a phrase; `*` works per word ("kurs* językow*").
 * Arabic keywords also match with attached و ف ب ل ك and the article ال ("والسكن" for "سكن").
 */
export interface TopicDefinition {
  slug: string;
  labels: { de: string; en: string };
  /** Keywords per ISO 639-1 language. The language only organises the list: all keywords apply to all texts. */
  keywords: Record<string, string[]>;
}

export type TopicTaxonomy = readonly TopicDefinition[];

export const DEFAULT_TAXONOMY: TopicTaxonomy = [
  {
    slug: 'work',
    labels: { de: 'Arbeit', en: 'Work' },
    keywords: {
      de: [
        'Arbeit', 'Arbeits*', 'Arbeitgeber*', 'Arbeitnehmer*', 'Agentur für Arbeit', 'Arbeitsagentur', '*job', '*jobs',
        'Job*', 'Stellenangebot*', 'Stellenanzeige*', 'Stellenausschreibung*', 'Stellenmarkt', 'Fachkräfte*',
        'Fachkraft', 'Beruf', 'Berufe', 'Berufs*', 'beruflich*', 'Ausbildung*', 'Ausbildungsplatz*', 'Bewerbung*',
        'Karriere*', 'Praktikum', 'Praktika', 'Mitarbeiter*', 'Mitarbeitende*', 'Teilzeit*', 'Vollzeit*',
        'Zeitarbeit', 'Mindestlohn', 'Gehalt', 'Gehälter', 'Existenzgründ*', 'Berufsanerkennung', 'Anerkennungs*',
        'Arbeitserlaubnis',
      ],
      en: [
        'job', 'jobs', 'job fair', 'employment', 'employer*', 'employee*', 'career*', 'vacanc*', 'hiring',
        'recruit*', 'internship*', 'apprentice*', 'skilled worker*', 'work permit', 'salary', 'salaries', 'wage',
        'wages', 'labour market', 'labor market', 'unemploy*', 'freelanc*', 'self-employ*', 'workplace*',
        'workers', 'worker', 'CV', 'résumé',
      ],
      tr: [
        'iş ilan*', 'iş arı*', 'iş fırsat*', 'iş başvuru*', 'işe alım*', 'iş teklif*', 'iş bul*', 'iş yeri*',
        'işyeri*', 'işveren*', 'işçi*', 'işsiz*', 'eleman aran*', 'istihdam*', 'kariyer*', 'staj*', 'maaş*',
        'meslek*', 'mesleki', 'iş piyasası', 'çalışma izn*', 'denklik*', 'mesleki eğitim',
      ],
      ar: [
        'وظيفة', 'وظيف*', 'وظائف', 'فرص عمل', 'فرصة عمل', 'سوق العمل', 'عقد عمل', 'تصريح عمل', 'إذن عمل',
        'البحث عن عمل', 'توظيف', 'تدريب مهني', 'مهنة', 'مهني*', 'راتب', 'رواتب', 'صاحب العمل', 'أصحاب العمل',
      ],
      uk: [
        'робота', 'роботу', 'роботи', 'роботою', 'вакансі*', 'працевлаштуван*', 'праця', 'праці', 'працю',
        'заробітн*', 'зарплат*', 'роботодав*', 'резюме', "кар'єр*", 'стажуван*', 'дозвіл на роботу', 'ринок праці',
        'професі*',
      ],
      ru: [
        'работа', 'работу', 'работы', 'ваканси*', 'трудоустройств*', 'зарплат*', 'работодател*', 'резюме',
        'карьер*', 'стажировк*', 'разрешение на работу', 'рынок труда', 'професси*',
      ],
      pl: ['praca', 'pracy', 'pracę', 'pracownik*', 'pracodaw*', 'oferty pracy', 'zatrudni*', 'wynagrodz*', 'kariera', 'kariery', 'staż*'],
    },
  },
  {
    slug: 'housing',
    labels: { de: 'Wohnen', en: 'Housing' },
    keywords: {
      de: [
        'Wohnung*', '*wohnung', '*wohnungen', 'Wohnen', 'Wohnraum', 'Wohnberechtigungsschein', 'WBS', 'Miete',
        'Mieten', 'Mieter*', 'Mietvertrag*', 'Mietkaution', 'Mietspiegel', '*miete', 'Nebenkosten', 'Kaution',
        'WG', 'WGs', 'WG-Zimmer', 'Wohngemeinschaft*', 'Wohnheim*', '*wohnheim', 'Unterkunft', 'Unterkünfte',
        'Obdach*', 'Wohngeld', 'Vermieter*', 'Makler*', 'Immobilie*', 'Umzug', 'Umzüge', 'Wohnungssuche',
      ],
      en: [
        'apartment*', 'flat for rent', 'flat to rent', 'flat hunting', 'flatshare*', 'shared flat*', 'housing', 'accommodation*', 'rent', 'rents',
        'rental*', 'renting', 'tenant*', 'landlord*', 'dorm', 'dorms', 'dormitor*', 'student residence*',
        'room for rent', 'moving house', 'homeless*',
      ],
      tr: [
        'kiralık*', 'kira', 'kirası', 'kiracı*', 'ev arı*', 'ev bul*', 'konut*', 'öğrenci yurd*',
        'ev sahibi', 'emlak*', 'depozito', 'barınma', 'taşın*',
      ],
      ar: ['سكن', 'مسكن', 'إسكان', 'شقة', 'شقق', 'إيجار', 'ايجار', 'مستأجر*', 'سكن طلابي', 'عقار*', 'مؤجر', 'منزل للإيجار'],
      uk: ['житл*', 'квартир*', 'оренд*', 'гуртожит*', 'переїзд*', 'кімнат* в оренду'],
      ru: ['жильё', 'жилье', 'жилья', 'жилищ*', 'квартир*', 'аренд*', 'общежити*', 'переезд*'],
      pl: ['mieszkani*', 'mieszkań', 'wynaj*', 'najem*', 'czynsz*', 'akademik*', 'przeprowadz*'],
    },
  },
  {
    slug: 'study',
    labels: { de: 'Studium', en: 'Study' },
    keywords: {
      de: [
        'Studium', 'Studien*', 'Studier*', 'Student*', '*studium', 'Universität*', 'Universitäten', 'Uni', 'Unis',
        'Hochschule*', 'Fachhochschule*', 'Semester*', 'Immatrikulation*', 'Einschreibung*', 'Bachelor*',
        'Masterstudium', 'Masterstudiengang', 'Promotionsstudium', 'Doktorand*', 'Stipendi*', 'BAföG', 'Bafög',
        'Mensa', 'Hörsaal', 'Vorlesung*', 'Campus', 'Studienkolleg*', 'Abitur', 'Hochschulzugang*',
      ],
      en: [
        'study', 'studies', 'studying', 'student*', 'university', 'universities', 'college', 'campus', 'semester*',
        "bachelor's", 'bachelor', "master's", 'masters', 'PhD', 'doctoral', 'scholarship*', 'enrol*', 'lecture*',
        'tuition', 'higher education', 'international office',
      ],
      tr: [
        'üniversite*', 'öğrenci*', 'burs', 'bursu', 'bursları', 'burslu', 'yüksek lisans', 'lisans programı',
        'lisans eğitimi', 'doktora program*', 'doktora öğrenci*', 'doktora tez*', 'kampüs*', 'yarıyıl*', 'öğrenim*',
      ],
      ar: ['جامعة', 'جامعات', 'جامعي*', 'طالب', 'طلاب', 'طالبة', 'طالبات', 'دراسة', 'منحة', 'منح دراسية', 'ماجستير', 'بكالوريوس', 'دكتوراه', 'فصل دراسي'],
      uk: ['університет*', 'студент*', 'навчанн*', 'стипенді*', 'магістр*', 'бакалавр*', 'семестр*', 'вищ* освіт*'],
      ru: ['университет*', 'студент*', 'учёб*', 'учеб*', 'стипенди*', 'магистр*', 'бакалавр*', 'семестр*', 'вуз*'],
      pl: ['studia', 'studiów', 'studiach', 'studiować', 'student*', 'uniwersytet*', 'uczelni*', 'stypendi*', 'semestr*', 'licencjat*', 'magister*'],
    },
  },
  {
    slug: 'language-courses',
    labels: { de: 'Sprachkurse', en: 'Language courses' },
    keywords: {
      de: [
        'Sprachkurs*', '*sprachkurs', '*sprachkurse', 'Deutschkurs*', '*deutschkurs', '*deutschkurse',
        'Integrationskurs*', 'Sprachcafé*', 'Sprachcafe*', 'Sprachtreff*', 'Sprachförderung', 'Sprachprüfung*',
        'Deutsch lernen', 'Deutschunterricht', 'Sprachunterricht', 'Sprachniveau', 'Sprachschule*', 'Sprachtandem*',
        'Sprachpartner*', 'Alphabetisierung*', 'telc', 'TestDaF', 'Goethe-Zertifikat',
        'Volkshochschule*', 'VHS',
      ],
      en: [
        'language course*', 'German course*', 'German class*', 'German lesson*', 'learn German', 'learning German',
        'language school*', 'language café', 'language cafe', 'language exchange', 'integration course*',
      ],
      tr: ['Almanca kurs*', 'dil kurs*', 'Almanca öğren*', 'Almanca ders*', 'entegrasyon kurs*', 'uyum kurs*', 'dil okul*'],
      ar: [
        'دورة لغة', 'دورات لغة', 'دورة اللغة', 'دورات اللغة', 'تعلم اللغة الألمانية', 'تعلم الألمانية', 'دورة اندماج',
        'دورات الاندماج', 'دورة الاندماج', 'كورس لغة', 'كورس ألماني', 'دروس اللغة الألمانية',
      ],
      uk: ['курс* німецької', 'мовн* курс*', 'курс* мови', 'вивчення німецької', 'вивчати німецьку', 'інтеграційн* курс*'],
      ru: ['курс* немецкого', 'языков* курс*', 'курс* языка', 'изучение немецкого', 'учить немецкий', 'интеграционн* курс*'],
      pl: ['kurs* językow*', 'kurs* niemieckiego', 'kurs* języka', 'nauka niemieckiego', 'kurs* integracyjn*'],
    },
  },
  {
    slug: 'residence',
    labels: { de: 'Aufenthalt und Behörden', en: 'Residence and administration' },
    keywords: {
      de: [
        'Aufenthalt*', 'Ausländerbehörde*', 'Ausländeramt', 'Einbürgerung*', 'Visum', 'Visa', 'Visums*',
        'Blaue Karte', 'Niederlassungserlaubnis', 'Wohnsitzanmeldung', 'Meldebehörde', 'Meldebescheinigung',
        'Bürgeramt*', 'Bürgerbüro*', 'Bürgerservice', 'Einwohnermelde*', 'Steuer-ID', 'Steueridentifikationsnummer',
        'Reisepass', 'Personalausweis', 'Chancenkarte', 'Asyl*', 'Duldung', 'Behörde', 'Behörden*', 'Behördengang*',
        'Standesamt', 'Finanzamt', 'Ordnungsamt', 'Sozialamt', 'Amt', 'Ämter', 'Antrag', 'Anträge*', 'Einwanderung*',
        'Zuwanderung*', 'Migrationsberatung', 'Familiennachzug', 'Bürgergeld', 'Rundfunkbeitrag', 'Anmeldung der Wohnung',
      ],
      en: [
        'residence permit*', 'residence title*', 'visa', 'visas', 'immigration', "foreigners' office", 'foreigners office',
        'immigration office', 'citizenship', 'naturali*', 'registration office', 'address registration',
        'register your address', 'blue card', 'asylum', 'tax ID', 'passport*', 'authorities', 'paperwork',
        'bureaucracy', 'opportunity card',
      ],
      tr: [
        'oturum izn*', 'oturma izn*', 'ikamet*', 'vize*', 'yabancılar daire*', 'yabancılar şube*', 'vatandaşlık*',
        'adres kayd*', 'pasaport*', 'mavi kart', 'iltica', 'sığınma', 'resmi işlem*', 'bürokrasi*', 'Ausländerbehörde',
      ],
      ar: [
        'إقامة', 'اقامة', 'تأشيرة', 'فيزا', 'مكتب الأجانب', 'دائرة الأجانب', 'جنسية', 'تجنيس', 'تسجيل السكن', 'لجوء',
        'جواز سفر', 'البطاقة الزرقاء', 'دائرة الهجرة', 'الهجرة',
      ],
      uk: [
        'посвідк* на проживання', 'дозвіл на проживання', 'віза', 'візи', 'візу', 'відомств* у справах іноземців',
        'громадянств*', 'реєстрац*', 'паспорт*', 'тимчасов* захист*', 'притулк*', 'бюрократ*',
      ],
      ru: [
        'вид на жительство', 'ВНЖ', 'разрешени* на проживание', 'виза', 'визы', 'визу', 'ведомств* по делам иностранцев',
        'гражданств*', 'регистрац*', 'паспорт*', 'временн* защит*', 'убежищ*', 'бюрократ*',
      ],
      pl: ['karta pobytu', 'zezwoleni* na pobyt', 'pozwoleni* na pobyt', 'wiza', 'wizy', 'wizę', 'obywatelstw*', 'urząd do spraw cudzoziemców', 'zameldowani*', 'meldun*', 'paszport*', 'azyl*'],
    },
  },
  {
    slug: 'health',
    labels: { de: 'Gesundheit', en: 'Health' },
    keywords: {
      de: [
        'Gesundheit*', '*gesundheit', 'Arzt', 'Ärzt*', '*arzt', '*ärzte', '*ärztin', 'Krankenhaus*', 'Krankenhäuser',
        'Klinik*', '*klinik', '*kliniken', 'Krankenversicherung*', 'Krankenkasse*', 'Krankenschein', 'Impf*',
        'Notaufnahme', 'Apotheke*', 'Therapie*', '*therapie', 'Psycholog*', 'psychisch*', 'Pflege*', 'Schwanger*',
        'Hebamme*', 'Vorsorge*', 'Gesundheitskarte', 'Erste Hilfe',
      ],
      en: [
        'health*', 'doctor', 'doctors', 'GP', 'hospital*', 'clinic*', 'medical', 'medicine*', 'health insurance', 'pharmac*',
        'vaccin*', 'therap*', 'mental health', 'emergency room', 'pregnan*', 'midwife', 'midwives', 'dentist*',
      ],
      tr: [
        'sağlık*', 'doktor', 'doktorlar*', 'doktoru', 'doktorun', 'hekim*', 'hastane*', 'klinik*', 'eczane*', 'aşı', 'aşısı', 'aşılama*', 'aşılar',
        'tedavi*', 'terapi*', 'psikolog*', 'hamile*', 'acil servis',
      ],
      ar: ['صحة', 'صحية', 'صحي', 'طبيب', 'أطباء', 'مستشفى', 'مستشفيات', 'عيادة', 'عيادات', 'تأمين صحي', 'صيدلية', 'تطعيم', 'لقاح', 'علاج'],
      uk: ['здоров*', 'лікар*', 'медич*', 'медицин*', 'аптек*', 'щеплен*', 'вакцин*', 'терапі*', 'психолог*', 'вагітн*', 'стоматолог*'],
      ru: ['здоров*', 'врач*', 'больниц*', 'клиник*', 'медицин*', 'аптек*', 'прививк*', 'вакцин*', 'терапи*', 'психолог*', 'беременн*', 'стоматолог*'],
      pl: ['zdrowi*', 'lekarz*', 'lekarsk*', 'szpital*', 'klinik*', 'aptek*', 'szczepi*', 'terapi*', 'psycholog*', 'ciąż*', 'dentyst*'],
    },
  },
  {
    slug: 'family',
    labels: { de: 'Familie und Kinderbetreuung', en: 'Family and childcare' },
    keywords: {
      de: [
        'Familie*', '*familie', '*familien', 'Kind', 'Kinder*', '*kinder', 'Kita*', 'Kindertagesstätte*',
        'Kindertagespflege', 'Tagesmutter', 'Tagesmütter', 'Eltern*', '*eltern', 'Schule', 'Schulen',
        'Grundschule*', 'Gesamtschule*', 'Schulanmeldung', 'Schulpflicht', 'Schuljahr*', 'Schulplatz',
        'Einschulung', 'Baby*', 'Mutter', 'Mütter', 'Vater', 'Väter', 'Jugendliche*', 'Jugendamt', 'Geburt',
        'Spielplatz*', 'Spielgruppe*', 'Ferienprogramm*', 'Kindergeld',
      ],
      en: [
        'family', 'families', 'child', 'children', 'childcare', 'child care', 'kid', 'kids', 'kindergarten*',
        'daycare', 'day care', 'nursery', 'parents', 'parental', 'baby', 'babies', 'toddler*',
        'youth', 'child benefit', 'primary school*', 'secondary school*', 'school place*', 'school year*', 'schoolchildren',
      ],
      tr: ['aile*', 'çocuk*', 'kreş*', 'anaokul*', 'okul*', 'ebeveyn*', 'anne baba', 'bebek*', 'gençlik', 'gençler'],
      ar: ['عائلة', 'عائلات', 'أسرة', 'طفل', 'أطفال', 'روضة', 'حضانة', 'رياض الأطفال', 'مدرسة', 'مدارس', 'الوالدين', 'أولياء الأمور', 'رضيع'],
      uk: ["сім'*", 'родин*', 'дитин*', 'дитяч*', 'діти', 'дітей', 'дітьми', 'дітям', 'садоч*', 'садок', 'школ*', 'батьки', 'батьків', 'батькам', 'батьківськ*', 'немовл*'],
      ru: ['семья', 'семьи', 'семью', 'семей', 'семьям', 'семейн*', 'дети', 'детей', 'детям', 'детьми', 'детск*', 'ребён*', 'ребен*', 'детсад*', 'садик*', 'школ*', 'родител*', 'младен*'],
      pl: ['rodzin*', 'dzieci*', 'dziecko', 'dziecka', 'przedszkol*', 'żłob*', 'szkoła', 'szkoły', 'szkole', 'szkół', 'rodzic*', 'niemowl*'],
    },
  },
  {
    slug: 'culture',
    labels: { de: 'Kultur und Freizeit', en: 'Culture and leisure' },
    keywords: {
      de: [
        'Kultur*', 'Museum*', 'Museen', '*museum', 'Theater*', '*theater', 'Konzert*',
        '*konzert', 'Ausstellung*', 'Kunst', 'Künstler*', 'Kino', 'Kinos', 'Bibliothek*', '*bibliothek', 'Sport*',
        'Breitensport', 'Vereinssport', 'Fußball*', 'Freizeit*', 'Ausflug', 'Ausflüge', 'Schwimmbad*', 'Freibad*',
        'Hallenbad*', 'Musik*', 'Tanz*', 'Oper', 'Chor', 'Lesung*', 'Stadtführung*', 'Zoo', 'Verein', 'Vereine',
      ],
      en: [
        'culture', 'cultural', 'museum*', 'theatre*', 'theater*', 'concert*', 'exhibition*', 'art', 'arts',
        'gallery', 'galleries', 'cinema*', 'library', 'libraries', 'sport', 'sports', 'leisure', 'football',
        'swimming', 'hiking', 'music', 'dance', 'dancing', 'choir', 'zoo', 'city tour*',
      ],
      tr: ['kültür*', 'müze*', 'tiyatro*', 'konser*', 'sergi*', 'sanat*', 'sinema*', 'kütüphane*', 'spor*', 'boş zaman*', 'futbol*', 'yüzme', 'müzik*', 'dans*'],
      ar: ['ثقافة', 'ثقافي*', 'متحف', 'متاحف', 'مسرح', 'حفلة موسيقية', 'فن', 'فنون', 'سينما', 'مكتبة', 'رياضة', 'ترفيه', 'كرة القدم', 'موسيقى', 'رقص'],
      uk: ['культур*', 'музе*', 'театр*', 'концерт*', 'виставк*', 'мистецтв*', 'кіно*', 'бібліотек*', 'спорт*', 'дозвілл*', 'футбол*', 'музик*', 'танц*'],
      ru: ['культур*', 'музе*', 'театр*', 'концерт*', 'выставк*', 'искусств*', 'кино*', 'библиотек*', 'спорт*', 'досуг*', 'футбол*', 'музык*', 'танц*'],
      pl: ['kultur*', 'muze*', 'teatr*', 'koncert*', 'wystawa', 'wystawy', 'wystawie', 'sztuka', 'sztuki', 'kino', 'kina', 'bibliotek*', 'sport*', 'rekreac*', 'muzyk*', 'taniec', 'tańc*'],
    },
  },
  {
    slug: 'events',
    labels: { de: 'Veranstaltungen', en: 'Events' },
    keywords: {
      de: [
        'Veranstaltung*', '*veranstaltung', '*veranstaltungen', 'Event*', 'Stadtfest*', 'Sommerfest*', 'Straßenfest*',
        'Stadtteilfest*', 'Familienfest*', 'Willkommensfest*', 'Kulturfest*', 'Volksfest*', 'Nachbarschaftsfest*',
        'Festival*', 'Weihnachtsmarkt*', 'Kirmes', 'Feier', 'Feiern', 'Workshop*', 'Infoabend*',
        'Informationsabend*', 'Vortrag', 'Vorträge', 'Seminar*', 'Webinar*', '*messe', 'Stammtisch*', 'Eröffnung*',
        'Tag der offenen Tür', 'Einladung*', '*treffen', 'Messe',
      ],
      en: [
        'event*', 'festival*', 'workshop*', 'seminar*', 'webinar*', 'meetup*', 'meet-up*', 'conference*', 'trade fair*', 'careers fair*', 'job fair*',
        'celebration*', 'party', 'parties', 'open day', 'info session*', 'information evening', 'save the date',
        'join us',
      ],
      tr: ['etkinli*', 'festival*', 'şenli*', 'atölye*', 'seminer*', 'konferans*', 'buluşma*', 'toplantı*', 'davet*', 'fuar*', 'kutlama*'],
      ar: ['فعالية', 'فعاليات', 'احتفال*', 'مهرجان*', 'ورشة', 'ورشات', 'ورش عمل', 'ندوة', 'ندوات', 'مؤتمر', 'لقاء', 'معرض', 'دعوة'],
      uk: ['подія', 'події', 'подію', 'подій', 'заходи', 'заходів', 'фестивал*', 'майстер-клас*', 'семінар*', 'вебінар*', 'конференці*', 'зустріч*', 'свят*', 'ярмар*', 'запрошу*'],
      ru: ['событи*', 'мероприяти*', 'фестивал*', 'мастер-класс*', 'семинар*', 'вебинар*', 'конференци*', 'встреч*', 'праздник*', 'ярмарк*', 'приглаша*'],
      pl: ['wydarzeni*', 'imprez*', 'festiwal*', 'warsztat*', 'seminari*', 'konferencj*', 'spotkani*', 'targi', 'targach', 'zaprasza*'],
    },
  },
  {
    slug: 'mobility',
    labels: { de: 'Mobilität', en: 'Mobility' },
    keywords: {
      de: [
        'Mobilität*', 'ÖPNV', 'Nahverkehr*', '*nahverkehr', 'Bus', 'Busse', 'Buslinie*', 'Busfahr*', 'Bahn', 'Bahnen',
        '*bahn', 'Bahnhof*', '*bahnhof', 'Zug', 'Züge', 'Deutschlandticket', 'Sozialticket', 'Semesterticket',
        'Monatsticket', 'Fahrkarte*', 'Fahrschein*', 'Fahrplan*', 'Fahrrad*', '*fahrrad', 'Radweg*', 'Radfahr*',
        'Führerschein*', 'Auto', 'Autos', 'Carsharing', 'Verkehr', 'Verkehrs*', 'VRR', 'Bogestra', 'DSW21', 'Ruhrbahn',
        'Stau', 'Staus', 'Pendler*', 'Haltestelle*', 'E-Scooter*', 'Flughafen*', 'Parkplatz*', 'Parken',
      ],
      en: [
        'mobility', 'public transport*', 'transit', 'bus', 'buses', 'train station*', 'by train', 'train ticket*',
        'regional train*', 'tram', 'trams', 'subway',
        'metro', 'travel pass', 'bike', 'bikes', 'bicycle*', 'cycling', 'driving licen*', "driver's licen*", 'car',
        'cars', 'car sharing', 'commut*', 'traffic', 'airport', 'parking', 'timetable*',
      ],
      tr: ['ulaşım*', 'toplu taşıma', 'otobüs*', 'tren', 'trenle', 'trenler', 'treni', 'tramvay*', 'metro', 'metroya', 'metroyla', 'bisiklet*', 'ehliyet*', 'sürücü belgesi', 'araba*', 'trafik*', 'havalimanı*', 'havaalanı*', 'otopark*', 'durak*', 'aylık bilet'],
      ar: ['مواصلات', 'النقل العام', 'حافلة', 'حافلات', 'باص', 'قطار', 'قطارات', 'ترام', 'مترو', 'دراجة', 'دراجات', 'رخصة القيادة', 'رخصة قيادة', 'سيارة', 'سيارات', 'مرور', 'مطار', 'مواقف السيارات', 'تنقل'],
      uk: ['транспорт*', 'автобус*', 'поїзд*', 'потяг*', 'трамва*', 'метро', 'проїзн*', 'велосипед*', 'водійськ* посвідчен*', 'посвідчення водія', 'автомобіл*', 'аеропорт*', 'парковк*'],
      ru: ['транспорт*', 'автобус*', 'поезд*', 'электричк*', 'трамва*', 'метро', 'проездн*', 'велосипед*', 'водительск* прав*', 'автомобил*', 'аэропорт*', 'парковк*'],
      pl: ['transport*', 'komunikacj* miejsk*', 'autobus*', 'pociąg*', 'tramwaj*', 'metro', 'bilet miesięczny', 'rower*', 'prawo jazdy', 'prawa jazdy', 'samochód', 'samochod*', 'lotnisk*', 'parking*', 'dojazd*'],
    },
  },
];
