import { detectLanguage, LANGUAGE_CONFIDENCE_THRESHOLD } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['de', 'Die Stadt Essen lädt alle Neubürgerinnen und Neubürger zu einem Willkommensfest im Rathaus ein.'],
    ['en', 'The university offers free German courses for international students this semester.'],
    ['tr', "Dortmund'da yeni gelenler için ücretsiz Almanca kursları başlıyor."],
    ['ar', 'تقدم المدينة دورات مجانية في اللغة الألمانية للقادمين الجدد.'],
    ['uk', 'Місто пропонує безкоштовні курси німецької мови для новоприбулих.'],
    ['ru', 'Город предлагает бесплатные курсы немецкого языка для новых жителей.'],
    ['pl', 'Miasto oferuje bezpłatne kursy języka niemieckiego dla nowych mieszkańców.'],
    ['fa', 'شهر کلاس‌های رایگان زبان آلمانی برای تازه‌واردان برگزار می‌کند.'],
    ['ro', 'Orașul oferă cursuri gratuite de limba germană pentru noii veniți.'],
    ['it', 'La città offre corsi gratuiti di lingua tedesca per i nuovi arrivati.'],
  ])('recognises %s', (language, text) => {
    const result = detectLanguage(text);
    expect(result.language).toBe(language);
    expect(result.confidence).toBeGreaterThanOrEqual(LANGUAGE_CONFIDENCE_THRESHOLD);
  });

  it('recognises a short German sentence of six words', () => {
    expect(detectLanguage('Wir suchen dringend eine günstige Wohnung.').language).toBe('de');
  });

  it('recognises a tweet despite its link, hashtags and emoji', () => {
    expect(detectLanguage('Job fair tomorrow in Bochum, come by! 🎉 #jobs #ruhr https://t.co/AbC123').language).toBe('en');
    expect(detectLanguage('Привіт! Як справи? 👋').language).toBe('uk');
  });

  it('says null rather than guess on texts without language', () => {
    expect(detectLanguage('')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('12345 !!! 👍')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('https://www.essen.de/leben/index.html')).toEqual({ language: null, confidence: 0 });
    // tinyld alone says Romanian with 0.07 here.
    expect(detectLanguage('Termin am Montag')).toEqual({ language: null, confidence: 0 });
  });

  it('prefers a declared language when the detector is undecided and lists it', () => {
    expect(detectLanguage('Termin am Montag', ['de']).language).toBe('de');
    expect(detectLanguage('Willkommen in Bochum', ['de', 'en']).language).toBe('de');
    expect(detectLanguage('Free German course', ['en']).language).toBe('en');
  });

  it('does not let a declared language overrule a clear detection', () => {
    expect(detectLanguage("Dortmund'da yeni gelenler için ücretsiz Almanca kursları başlıyor.", ['de']).language).toBe('tr');
    expect(detectLanguage('Місто пропонує безкоштовні курси німецької мови.', ['ru']).language).toBe('uk');
  });
});
