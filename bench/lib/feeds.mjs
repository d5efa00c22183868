// A feed server for the ingestion benchmark (a plain node http server on 127.0.0.1, on one or several
// ports: the scheduler limits fetches per host, and a host is name and port) and a generator of RSS
// documents with realistic items in several languages: titles and summaries naming RVR cities and the
// topics of the taxonomy, HTML with links, images, a tracking pixel, a script and an event handler for
// the sanitizer.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const CITIES = ['Essen', 'Bochum', 'Dortmund', 'Duisburg', 'Gelsenkirchen', 'Herne', 'Mülheim an der Ruhr', 'Oberhausen', 'Hagen', 'Bottrop', 'Recklinghausen', 'Hamm'];

/** Headlines ({city} is replaced) and sentences per language, with the share of items in each. */
const LANGUAGES = {
  de: {
    share: 40,
    titles: [
      'Neue Sprechstunde der Ausländerbehörde in {city}',
      'Deutschkurse für Anfänger: Anmeldung bei der Volkshochschule {city}',
      'Wohnungssuche in {city}: Tipps für Neuzugezogene',
      'Jobmesse in {city} sucht Fachkräfte aus dem Ausland',
      'Kita-Anmeldung in {city}: So gelingt der Start für Familien',
      'Sommerfest im Stadtpark {city} mit Musik und Theater',
    ],
    sentences: [
      'Die Ausländerbehörde bietet ab Montag zusätzliche Termine für die Verlängerung des Aufenthaltstitels an.',
      'Die Volkshochschule startet im nächsten Monat neue Integrationskurse am Vormittag und am Abend.',
      'Beim Informationsabend erklären Beraterinnen, wie man eine Wohnung findet und worauf man beim Mietvertrag achten sollte.',
      'Unternehmen aus dem Ruhrgebiet stellen offene Stellen vor und beantworten Fragen zur Anerkennung von Berufsabschlüssen.',
      'Eltern können ihre Kinder online für einen Kita-Platz anmelden; das Familienbüro hilft bei Fragen.',
      'Der Eintritt ist frei, eine Anmeldung ist nicht nötig, und für Kinder gibt es ein eigenes Programm.',
    ],
  },
  en: {
    share: 15,
    titles: [
      'International office welcomes new students in {city}',
      'Free German courses start in {city} next month',
      'How to register your address in {city}',
      'Job fair in {city}: employers looking for skilled workers',
      'Finding a flat in {city}: advice for newcomers',
      'Open-air concert series returns to {city}',
    ],
    sentences: [
      'The international office of the university invites all new students to a welcome week with campus tours and information sessions.',
      "Appointments at the citizens' office can now be booked online up to four weeks in advance.",
      'Employers from the region present vacancies and explain how foreign qualifications are recognised.',
      'Advisors explain rental contracts, deposits and the rights of tenants in plain language.',
      'The public library offers a weekly language café where newcomers can practise German for free.',
      'Buses and trams run more often during the festival weekend, and tickets are valid on all lines.',
    ],
  },
  tr: {
    share: 12,
    titles: [
      "{city}'de yeni gelenler için Almanca kursu başlıyor",
      '{city} Yabancılar Dairesi’nde yeni randevu saatleri',
      "{city}'de iş fuarı: yurt dışından uzman aranıyor",
      "{city}'de ev arayanlar için bilgilendirme akşamı",
      "Çocuklar için kreş kaydı {city}'de başladı",
      "{city}'de yaz festivali müzik ve tiyatro ile",
    ],
    sentences: [
      'Halk eğitim merkezi önümüzdeki ay sabah ve akşam saatlerinde yeni entegrasyon kursları açıyor.',
      'Oturma izninin uzatılması için randevular artık internet üzerinden alınabilir.',
      'Bölgedeki şirketler açık pozisyonlarını tanıtıyor ve diploma denkliği hakkındaki soruları yanıtlıyor.',
      'Danışmanlar kira sözleşmesi, depozito ve kiracı hakları hakkında bilgi veriyor.',
      'Aileler çocuklarını kreş için çevrimiçi kaydettirebilir; aile bürosu sorulara yardımcı oluyor.',
      'Giriş ücretsizdir ve çocuklar için özel bir program hazırlandı.',
    ],
  },
  ar: {
    share: 12,
    titles: [
      'دورات لغة ألمانية جديدة للقادمين الجدد في {city}',
      'مواعيد جديدة في مكتب الأجانب في {city}',
      'معرض توظيف في {city} يبحث عن كفاءات من الخارج',
      'نصائح للبحث عن سكن في {city}',
      'بدء التسجيل في رياض الأطفال في {city}',
      'مهرجان صيفي في {city} مع موسيقى ومسرح',
    ],
    sentences: [
      'يبدأ مركز تعليم الكبار الشهر المقبل دورات اندماج جديدة في الصباح والمساء.',
      'يمكن الآن حجز مواعيد تمديد الإقامة عبر الإنترنت.',
      'تعرض الشركات في المنطقة الوظائف الشاغرة وتجيب عن أسئلة الاعتراف بالشهادات.',
      'يشرح المستشارون عقود الإيجار والتأمين وحقوق المستأجرين بلغة بسيطة.',
      'يمكن للعائلات تسجيل أطفالها في الحضانة عبر الإنترنت، ويساعد مكتب الأسرة في الأسئلة.',
      'الدخول مجاني ولا حاجة للتسجيل، وهناك برنامج خاص للأطفال.',
    ],
  },
  uk: {
    share: 8,
    titles: [
      'Нові курси німецької мови для новоприбулих у {city}',
      'Нові терміни у відомстві у справах іноземців {city}',
      'Ярмарок вакансій у {city}: роботодавці шукають фахівців',
      'Пошук житла в {city}: поради для новоприбулих',
      'Запис до дитячого садка в {city} відкрито',
      'Літній фестиваль у {city} з музикою та театром',
    ],
    sentences: [
      'Народна вища школа наступного місяця відкриває нові інтеграційні курси вранці та ввечері.',
      'Записатися на продовження дозволу на проживання тепер можна онлайн.',
      'Компанії регіону представляють вакансії та відповідають на питання про визнання дипломів.',
      'Консультанти пояснюють договори оренди, заставу та права орендарів простою мовою.',
      'Батьки можуть зареєструвати дітей у дитячому садку онлайн; сімейне бюро допоможе з питаннями.',
      'Вхід вільний, реєстрація не потрібна, для дітей підготовлено окрему програму.',
    ],
  },
  ru: {
    share: 8,
    titles: [
      'Новые курсы немецкого языка для приезжих в {city}',
      'Ведомство по делам иностранцев {city} открывает новые приёмные часы',
      'Ярмарка вакансий в {city}: работодатели ищут специалистов',
      'Поиск жилья в {city}: советы для новоприбывших',
      'Запись в детский сад в {city} открыта',
      'Летний фестиваль в {city} с музыкой и театром',
    ],
    sentences: [
      'Народный университет в следующем месяце открывает новые интеграционные курсы утром и вечером.',
      'Записаться на продление вида на жительство теперь можно через интернет.',
      'Компании региона представляют вакансии и отвечают на вопросы о признании дипломов.',
      'Консультанты объясняют договоры аренды, залог и права арендаторов простым языком.',
      'Родители могут записать детей в детский сад онлайн; семейное бюро поможет с вопросами.',
      'Вход свободный, регистрация не нужна, для детей подготовлена отдельная программа.',
    ],
  },
  pl: {
    share: 5,
    titles: [
      'Nowe kursy języka niemieckiego dla przybyszów w {city}',
      'Nowe terminy w urzędzie ds. cudzoziemców w {city}',
      'Targi pracy w {city}: pracodawcy szukają specjalistów',
      'Szukanie mieszkania w {city}: porady dla nowych mieszkańców',
      'Zapisy do przedszkola w {city} ruszyły',
      'Letni festiwal w {city} z muzyką i teatrem',
    ],
    sentences: [
      'Uniwersytet ludowy w przyszłym miesiącu rozpoczyna nowe kursy integracyjne rano i wieczorem.',
      'Wizyty w sprawie przedłużenia karty pobytu można teraz rezerwować przez internet.',
      'Firmy z regionu przedstawiają oferty pracy i odpowiadają na pytania o uznawanie dyplomów.',
      'Doradcy wyjaśniają umowy najmu, kaucję i prawa najemców prostym językiem.',
      'Rodzice mogą zapisać dzieci do przedszkola przez internet; biuro rodzinne pomaga w razie pytań.',
      'Wstęp jest wolny, rejestracja nie jest potrzebna, a dla dzieci przygotowano osobny program.',
    ],
  },
};
const LANGUAGE_CODES = Object.keys(LANGUAGES);
const SHARES = LANGUAGE_CODES.flatMap((code) => Array(LANGUAGES[code].share).fill(code));

/** A small deterministic PRNG (mulberry32), so the same seed gives the same feed. */
function prng(seedText) {
  let a = createHash('sha1').update(seedText).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Item `i` of the feed `seed`: its language, title, summary and HTML. */
export function feedItem(seed, i, random = prng(`${seed}/${i}`)) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const language = pick(SHARES);
  const texts = LANGUAGES[language];
  const city = pick(CITIES);
  const [first, second] = [pick(texts.sentences), pick(texts.sentences)];
  const title = `${pick(texts.titles).replace('{city}', city)} (${i + 1})`;
  const summary = `${first} ${second}`;
  const link = `https://news.example.org/${seed}/${i}?utm_source=feed&utm_medium=rss&id=${i}`;
  const html =
    `<p>${first} <a href="/mehr/${i}" onclick="track(${i})" style="color:red">Mehr</a></p>` +
    `<p>${second}</p><img src="https://news.example.org/img/${seed}-${i}.jpg" alt="${escapeXml(city)}">` +
    `<img src="https://stats.example.net/pixel.gif?i=${i}" width="1" height="1"><script>alert(${i})</script>` +
    (i % 10 === 0 ? '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>' : '');
  return { guid: `${seed}-${i}`, language, title, summary, link, html };
}

/** An RSS 2.0 document with `count` items (newest first), the HTML escaped into content:encoded as feeds usually do. */
export function rssDocument(seed, count, { start = Date.UTC(2026, 0, 1), title = `Feed ${seed}` } = {}) {
  const items = [];
  for (let i = count - 1; i >= 0; i--) {
    const item = feedItem(seed, i);
    items.push(
      `<item><guid isPermaLink="false">${escapeXml(item.guid)}</guid><title>${escapeXml(item.title)}</title>` +
        `<link>${escapeXml(item.link)}</link><description>${escapeXml(item.summary)}</description>` +
        `<content:encoded>${escapeXml(item.html)}</content:encoded><pubDate>${new Date(start + i * 60_000).toUTCString()}</pubDate>` +
        `<dc:creator>Redaktion</dc:creator></item>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<channel><title>${escapeXml(title)}</title><link>https://news.example.org/${seed}/</link><description>Benchmark feed</description>`,
    items.join('\n'),
    '</channel></rss>',
  ].join('\n');
}

/**
 * Serves feeds by path on `hosts` ports of 127.0.0.1 (any port serves any path). Each feed has a body
 * and a strong ETag (a hash of the body); If-None-Match with it answers 304. `replace(path, body)`
 * changes a feed (and so its ETag). Counts what it answered.
 */
export class BenchFeedServer {
  constructor(hosts = 1) {
    this.hosts = hosts;
    this.feeds = new Map();
    this.servers = [];
    this.ports = [];
    this.counts = { requests: 0, ok: 0, notModified: 0, notFound: 0 };
    /** performance.now() of the first request since the last reset. */
    this.firstRequestAt = null;
  }

  async start() {
    for (let h = 0; h < this.hosts; h++) {
      const server = createServer((request, response) => this.handle(request, response));
      server.keepAliveTimeout = 1000;
      await new Promise((resolve) => server.listen(0, '127.0.0.1', 511, resolve));
      this.servers.push(server);
      this.ports.push(server.address().port);
    }
    return this;
  }

  async stop() {
    await Promise.all(
      this.servers.map((server) => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(() => resolve()));
      }),
    );
  }

  /** The address of `path` on host number `host` (modulo the number of hosts). */
  url(path, host = 0) {
    return `http://127.0.0.1:${this.ports[host % this.ports.length]}${path}`;
  }

  set(path, body) {
    const buffer = Buffer.from(body);
    this.feeds.set(path, { body: buffer, etag: `"${createHash('sha1').update(buffer).digest('base64url')}"` });
  }

  resetCounts() {
    this.counts = { requests: 0, ok: 0, notModified: 0, notFound: 0 };
    this.firstRequestAt = null;
  }

  handle(request, response) {
    this.firstRequestAt ??= performance.now();
    this.counts.requests++;
    const feed = this.feeds.get((request.url ?? '/').split('?')[0]);
    if (!feed) {
      this.counts.notFound++;
      response.writeHead(404).end();
      return;
    }
    if (request.headers['if-none-match'] === feed.etag) {
      this.counts.notModified++;
      response.writeHead(304, { ETag: feed.etag }).end();
      return;
    }
    this.counts.ok++;
    response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Content-Length': feed.body.length, ETag: feed.etag }).end(feed.body);
  }
}

/** An OPML document listing `feeds` ({title, url}). */
export function opmlDocument(feeds) {
  const outlines = feeds.map((f) => `<outline type="rss" text="${escapeXml(f.title)}" title="${escapeXml(f.title)}" xmlUrl="${escapeXml(f.url)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>Benchmark</title></head><body>\n${outlines.join('\n')}\n</body></opml>\n`;
}

export { CITIES, LANGUAGE_CODES, LANGUAGES };
