import { enrichItem } from './enrich-item';
import { DEFAULT_TAXONOMY, type TopicTaxonomy } from './topic-taxonomy';

describe('enrichItem', () => {
  it('detects language, cities and topics of a German item', () => {
    expect(
      enrichItem({
        title: 'Willkommensfest der Stadt Essen',
        summary: 'Essen aus aller Welt, Musik und Infos zur Wohnungssuche',
        text: 'Am Samstag lädt die Stadt alle Neubürgerinnen und Neubürger ins Rathaus ein. Auch Gäste aus Bochum sind willkommen.',
        sourceCities: [],
        sourceLanguages: ['de'],
        sourceTopics: [],
      }),
    ).toEqual({
      language: 'de',
      languageConfidence: 1,
      cities: ['essen', 'bochum'],
      topics: ['housing', 'culture', 'events'],
    });
  });

  it('reads "Essen" as the city in a Turkish item and adds the source cities first', () => {
    const result = enrichItem({
      title: 'Essen ve Dortmund arasında yeni otobüs hattı',
      text: 'Yeni hat pazartesi günü başlıyor, bilet fiyatları değişmiyor.',
      sourceCities: ['gelsenkirchen'],
      sourceLanguages: ['de', 'tr'],
    });
    expect(result.language).toBe('tr');
    expect(result.cities).toEqual(['gelsenkirchen', 'essen', 'dortmund']);
    expect(result.topics).toEqual(['mobility']);
  });

  it('keeps the source topics, in taxonomy order, and drops ones the taxonomy does not know', () => {
    expect(enrichItem({ title: 'Sprachcafé im Rathaus', sourceTopics: ['events', 'nonsense'] }).topics).toEqual([
      'language-courses',
      'events',
    ]);
  });

  it("falls back to the source's only language when the text is too short to tell", () => {
    expect(enrichItem({ title: 'Danke!', sourceLanguages: ['de'] })).toMatchObject({ language: 'de', languageConfidence: 0 });
    expect(enrichItem({ title: 'Danke!', sourceLanguages: ['de', 'en'] })).toMatchObject({ language: null });
  });

  it('uses the taxonomy it is given', () => {
    const taxonomy: TopicTaxonomy = [{ slug: 'sport', labels: { de: 'Sport', en: 'Sport' }, keywords: { de: ['Fußball*'] } }];
    expect(enrichItem({ title: 'Fußballturnier in Herne' }, taxonomy).topics).toEqual(['sport']);
  });

  it('copes with an empty item', () => {
    expect(enrichItem({})).toEqual({ language: null, languageConfidence: 0, cities: [], topics: [] });
  });
});
