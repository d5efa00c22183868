import { feedUrl, parseLimit, parseList, presetProperties, resolveConfig } from './query';

describe('parseList', () => {
  it('splits on commas and spaces, lower-cases, drops duplicates and malformed values', () => {
    expect(parseList(' work, Housing  work,,language-courses ; <script> ')).toEqual(['work', 'housing', 'language-courses']);
    expect(parseList('tr,AR,deu,x', /^[a-z]{2}$/)).toEqual(['tr', 'ar']);
    expect(parseList(null)).toEqual([]);
  });
});

describe('parseLimit', () => {
  it('accepts whole numbers from 1, capped at 50', () => {
    expect(parseLimit('12')).toBe(12);
    expect(parseLimit(' 7 ')).toBe(7);
    expect(parseLimit('500')).toBe(50);
    expect(parseLimit('0')).toBeUndefined();
    expect(parseLimit('-3')).toBeUndefined();
    expect(parseLimit('1e3')).toBeUndefined();
    expect(parseLimit(null)).toBeUndefined();
  });
});

describe('resolveConfig', () => {
  const none = { city: null, topics: null, languages: null, kind: null, limit: null, layout: null, theme: null };

  it('has defaults: all topics and languages, 12 items, list, automatic colour scheme', () => {
    expect(resolveConfig(none)).toEqual({ topics: [], languages: [], limit: 12, layout: 'list', theme: 'auto', colors: {} });
  });

  it('reads the attributes and ignores values it does not know', () => {
    const config = resolveConfig({ ...none, city: 'Essen', topics: 'work,housing', languages: 'tr, ar', kind: 'ambassador', limit: '6', layout: 'carousel', theme: 'purple' });
    expect(config).toMatchObject({ city: 'essen', topics: ['work', 'housing'], languages: ['tr', 'ar'], kind: 'ambassador', limit: 6, layout: 'carousel', theme: 'auto' });
    expect(resolveConfig({ ...none, kind: 'robot', layout: 'table' })).toMatchObject({ kind: undefined, layout: 'list' });
  });

  it('lets attributes win over the preset, which fills the rest', () => {
    const preset = {
      id: 'p1',
      city: 'bochum',
      attributes: { topics: ['study'], languages: ['uk'], layout: 'grid' as const, limit: 9, lang: 'en' as const, colors: { accent: '#aa0000' } },
    };
    expect(resolveConfig({ ...none, topics: 'work' }, preset)).toEqual({
      city: 'bochum',
      topics: ['work'],
      languages: ['uk'],
      kind: undefined,
      limit: 9,
      layout: 'grid',
      theme: 'auto',
      lang: 'en',
      colors: { accent: '#aa0000' },
    });
    expect(resolveConfig({ ...none, city: 'essen', layout: 'list' }, preset)).toMatchObject({ city: 'essen', layout: 'list' });
  });
});

describe('feedUrl', () => {
  it('asks the portal’s public feed with comma lists and leaves out what is not set', () => {
    const config = resolveConfig({ city: 'essen', topics: 'work,housing', languages: 'tr,ar', limit: '12' });
    expect(feedUrl('https://portal.example', config)).toBe(
      'https://portal.example/api/public/feed?city=essen&topic=work%2Chousing&lang=tr%2Car&limit=12',
    );
    expect(feedUrl('https://portal.example', resolveConfig({ kind: 'partner' }), 'abc==')).toBe(
      'https://portal.example/api/public/feed?kind=partner&limit=12&cursor=abc%3D%3D',
    );
  });
});

describe('presetProperties', () => {
  it('passes colours, radius and font, and drops anything that could break out of a CSS value', () => {
    expect(presetProperties({ accent: '#0B5CAD', background: '#fff', text: '#111111', radius: 4, font: '"Fira Sans", sans-serif' })).toEqual([
      ['--wrp-accent', '#0B5CAD'],
      ['--wrp-bg', '#fff'],
      ['--wrp-text', '#111111'],
      ['--wrp-radius', '4px'],
      ['--wrp-font', '"Fira Sans", sans-serif'],
    ]);
    expect(presetProperties({ accent: 'red;background:url(https://evil)', text: 'expression(1)', radius: 400, font: 'x;}:host{display:none' })).toEqual([]);
  });
});
