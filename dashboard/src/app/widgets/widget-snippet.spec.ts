import {
  configFromPreset,
  contrastProblems,
  emptyConfig,
  embedUrl,
  iframeSnippet,
  presetAttributes,
  scriptSnippet,
  WidgetConfig,
} from './widget-snippet';

const ORIGIN = 'https://portal.example';

function config(overrides: Partial<WidgetConfig> = {}): WidgetConfig {
  return { ...emptyConfig('essen'), ...overrides };
}

describe('widget snippet', () => {
  it('writes only the city when nothing else is chosen', () => {
    expect(scriptSnippet(ORIGIN, config(), null)).toBe(
      '<script type="module" src="https://portal.example/widgets/feed.js"></script>\n' +
        '<welcome-ruhr-feed city="essen"></welcome-ruhr-feed>',
    );
  });

  it('spells out every choice, colours as custom properties', () => {
    const snippet = scriptSnippet(
      ORIGIN,
      config({
        topics: ['work', 'housing'],
        languages: ['tr', 'ar'],
        kind: 'partner',
        limit: 6,
        layout: 'carousel',
        theme: 'dark',
        lang: 'ar',
        colors: { accent: '#005a9c', background: '', text: '#111111' },
      }),
      null,
    );
    expect(snippet.split('\n')[1]).toBe(
      '<welcome-ruhr-feed city="essen" topics="work,housing" languages="tr,ar" kind="partner" limit="6" layout="carousel"' +
        ' theme="dark" lang="ar" style="--wr-accent: #005a9c; --wr-text: #111111"></welcome-ruhr-feed>',
    );
  });

  it('names only the preset when one is saved', () => {
    expect(scriptSnippet(ORIGIN, config({ topics: ['work'] }), 'p-1').split('\n')[1]).toBe(
      '<welcome-ruhr-feed preset="p-1"></welcome-ruhr-feed>',
    );
  });

  it('builds the iframe address with the same names, and the sizing script', () => {
    expect(embedUrl(ORIGIN, config({ topics: ['work', 'housing'], lang: 'uk' }), null)).toBe(
      'https://portal.example/embed/feed?city=essen&topics=work,housing&lang=uk',
    );
    expect(embedUrl(ORIGIN, config({ lang: 'tr' }), 'p-1')).toBe('https://portal.example/embed/feed?preset=p-1&lang=tr');
    const [frame, script] = iframeSnippet(ORIGIN, config(), null).split('\n');
    expect(frame).toMatch(/^<iframe src="https:\/\/portal\.example\/embed\/feed\?city=essen" title="Welcome Ruhr"/);
    expect(script).toBe('<script type="module" src="https://portal.example/widgets/embed-host.js"></script>');
  });

  it('escapes what could end an attribute', () => {
    expect(scriptSnippet('https://x"><script>', config(), null)).not.toContain('"><script>');
  });

  it('stores only what differs from the defaults, and reads it back', () => {
    const chosen = config({ topics: ['work'], layout: 'grid', colors: { accent: '#123456', background: '', text: '' } });
    const attributes = presetAttributes(chosen);
    expect(attributes).toEqual({ topics: ['work'], layout: 'grid', colors: { accent: '#123456' } });
    expect(configFromPreset('essen', attributes)).toEqual(chosen);
  });

  describe('contrast', () => {
    it('finds nothing wrong with the widget’s own colours', () => {
      expect(contrastProblems(config())).toEqual([]);
    });

    it('warns when the text is too light for the background', () => {
      const problems = contrastProblems(config({ theme: 'light', colors: { accent: '', background: '', text: '#999999' } }));
      expect(problems).toEqual([expect.objectContaining({ pair: 'textOnBackground', scheme: 'light', required: 4.5 })]);
      expect(problems[0].ratio).toBeLessThan(3);
    });

    it('asks 4.5 : 1 of the accent on the background too, as the contracts library does', () => {
      const problems = contrastProblems(config({ theme: 'light', colors: { accent: '#d9480f', background: '', text: '' } }));
      expect(problems.map((p) => [p.pair, p.required])).toEqual([
        ['buttonText', 4.5],
        ['accentOnBackground', 4.5],
      ]);
    });

    it('checks the button text on the accent and the accent on the background', () => {
      const pairs = contrastProblems(
        config({ theme: 'light', colors: { accent: '#ffd700', background: '', text: '' } }),
      ).map((p) => p.pair);
      expect(pairs).toEqual(['buttonText', 'accentOnBackground']);
    });

    it('checks both schemes when the visitor’s device decides', () => {
      const schemes = contrastProblems(config({ colors: { accent: '', background: '#777777', text: '' } })).map(
        (p) => `${p.pair}/${p.scheme}`,
      );
      expect(schemes).toContain('textOnBackground/light');
      expect(schemes).toContain('textOnBackground/dark');
    });
  });
});
