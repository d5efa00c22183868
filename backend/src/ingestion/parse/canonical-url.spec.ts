import { canonicalizeUrl, isTrackingParam, resolveUrl } from './canonical-url';

describe('canonicalizeUrl', () => {
  it('removes utm_* and click ids but keeps other parameters in their order', () => {
    expect(
      canonicalizeUrl(
        'https://www.essen.example/news?b=2&utm_source=nl&a=1&utm_medium=email&fbclid=IwAR0&gclid=x&dclid=y&c=3',
      ),
    ).toBe('https://www.essen.example/news?b=2&a=1&c=3');
  });

  it.each([
    'msclkid', 'mc_cid', 'mc_eid', 'igshid', '_hsenc', '_hsmi', 'yclid', 'ref_src', 'UTM_Campaign', 'utm_id',
  ])('treats %s as tracking', (name) => {
    expect(canonicalizeUrl(`https://a.example/p?${name}=1&keep=yes`)).toBe('https://a.example/p?keep=yes');
  });

  it('keeps parameters that merely look similar or select content', () => {
    expect(canonicalizeUrl('https://a.example/p?ref=home&utmost=1&source=rss&id=7')).toBe(
      'https://a.example/p?ref=home&utmost=1&source=rss&id=7',
    );
  });

  it('drops the query mark and the fragment when nothing else is left', () => {
    expect(canonicalizeUrl('https://a.example/p?utm_source=x#section-2')).toBe('https://a.example/p');
    expect(canonicalizeUrl('https://a.example/p#top')).toBe('https://a.example/p');
  });

  it('does not re-encode the parameters it keeps', () => {
    expect(canonicalizeUrl('https://a.example/suche?q=B%C3%BCrgeramt%20Essen&utm_term=x&x=a+b')).toBe(
      'https://a.example/suche?q=B%C3%BCrgeramt%20Essen&x=a+b',
    );
  });

  it('recognises percent-encoded tracking names', () => {
    expect(canonicalizeUrl('https://a.example/p?utm%5Fsource=x&k=1')).toBe('https://a.example/p?k=1');
  });

  it('resolves relative links against the base', () => {
    expect(canonicalizeUrl('../presse/1.html?utm_source=rss', 'https://www.rvr.example/de/news/feed.xml')).toBe(
      'https://www.rvr.example/de/presse/1.html',
    );
    expect(canonicalizeUrl('//cdn.example/a', 'https://site.example/')).toBe('https://cdn.example/a');
  });

  it('normalises host case and default port, and encodes non-ASCII paths', () => {
    expect(canonicalizeUrl('HTTPS://WWW.Muelheim.Example:443/Bürgeramt')).toBe(
      'https://www.muelheim.example/B%C3%BCrgeramt',
    );
  });

  it('ignores an unusable base when the URL is absolute', () => {
    expect(canonicalizeUrl('https://a.example/x', 'not a url')).toBe('https://a.example/x');
  });

  it('returns undefined for empty, unparseable and non-web URLs', () => {
    expect(canonicalizeUrl('')).toBeUndefined();
    expect(canonicalizeUrl('   ')).toBeUndefined();
    expect(canonicalizeUrl(undefined)).toBeUndefined();
    expect(canonicalizeUrl('relative/without/base')).toBeUndefined();
    expect(canonicalizeUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalizeUrl('mailto:info@essen.example')).toBeUndefined();
    expect(canonicalizeUrl('http://')).toBeUndefined();
  });

  it('trims surrounding whitespace that feeds leave in links', () => {
    expect(canonicalizeUrl('\n   https://a.example/p?x=1  \n')).toBe('https://a.example/p?x=1');
  });
});

describe('resolveUrl', () => {
  it('makes a URL absolute without removing anything', () => {
    expect(resolveUrl('/img/a.jpg?utm_source=x#y', 'https://a.example/feed')).toBe(
      'https://a.example/img/a.jpg?utm_source=x#y',
    );
  });

  it('rejects data: URIs', () => {
    expect(resolveUrl('data:image/png;base64,AAAA', 'https://a.example/')).toBeUndefined();
  });
});

describe('isTrackingParam', () => {
  it('matches case-insensitively', () => {
    expect(isTrackingParam('FBCLID')).toBe(true);
    expect(isTrackingParam('page')).toBe(false);
  });
});
