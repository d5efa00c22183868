import { sanitizeItemHtml } from './sanitize-item-html';
import { resolveSafeUrl } from './safe-url';
import { canonicalEmbedUrl } from './video-embeds';

const BASE_URL = 'https://www.uni-due.de/news/2024/welcome.html';
const REL = 'rel="noopener noreferrer nofollow" target="_blank"';

describe('sanitizeItemHtml', () => {
  describe('text markup', () => {
    it('keeps paragraphs, emphasis, lists, quotes, code and rules', () => {
      const html =
        '<p>Hallo <strong>neue</strong> <em>Nachbarn</em>, <b>b</b> <i>i</i> <u>u</u> <span>s</span></p>' +
        '<ul><li>eins</li><li>zwei</li></ul><ol start="3"><li>drei</li></ol>' +
        '<blockquote><p>Zitat</p></blockquote><pre><code>npm start</code></pre><hr>';
      expect(sanitizeItemHtml(html)).toBe(
        '<p>Hallo <strong>neue</strong> <em>Nachbarn</em>, <b>b</b> <i>i</i> <u>u</u> <span>s</span></p>' +
          '<ul><li>eins</li><li>zwei</li></ul><ol start="3"><li>drei</li></ol>' +
          '<blockquote><p>Zitat</p></blockquote><pre><code>npm start</code></pre><hr />',
      );
    });

    it('turns h1 into h2 (the page owns h1) and keeps h2–h6', () => {
      expect(sanitizeItemHtml('<h1>Titel</h1><h3>Unter</h3><h6>Klein</h6>')).toBe(
        '<h2>Titel</h2><h3>Unter</h3><h6>Klein</h6>',
      );
    });

    it('strips class, id and style from every element', () => {
      expect(sanitizeItemHtml('<p class="lead" id="x" style="color:red">Text <span class="a">b</span></p>')).toBe(
        '<p>Text <span>b</span></p>',
      );
    });

    it('keeps simple tables with sane spans', () => {
      const html =
        '<table border="1"><caption>Öffnungszeiten</caption><thead><tr><th scope="col">Tag</th>' +
        '<th colspan="2" onclick="x()">Zeit</th></tr></thead><tbody><tr><td rowspan="abc">Mo</td>' +
        '<td>8–12</td><td>14–16</td></tr></tbody></table>';
      expect(sanitizeItemHtml(html)).toBe(
        '<table><caption>Öffnungszeiten</caption><thead><tr><th scope="col">Tag</th><th colspan="2">Zeit</th></tr>' +
          '</thead><tbody><tr><td>Mo</td><td>8–12</td><td>14–16</td></tr></tbody></table>',
      );
    });

    it('turns layout containers into paragraphs so their texts do not run together', () => {
      expect(sanitizeItemHtml('<div>Erster Absatz</div><div>Zweiter Absatz</div>')).toBe(
        '<p>Erster Absatz</p><p>Zweiter Absatz</p>',
      );
      expect(sanitizeItemHtml('<section><p>eins</p>lose <b>Worte</b><div>drei</div></section>')).toBe(
        '<p>eins</p><p>lose <b>Worte</b></p><p>drei</p>',
      );
    });

    it('does not nest a paragraph inside a paragraph', () => {
      expect(sanitizeItemHtml('<p><span><div>innen</div></span></p>')).toBe('<p><span>innen</span></p>');
    });

    it('removes empty paragraphs, including ones holding only spaces, NBSP or line breaks', () => {
      expect(sanitizeItemHtml('<p></p><p>&nbsp;</p><p> <br> </p><p>Inhalt</p><p>\u200b</p>')).toBe('<p>Inhalt</p>');
    });

    it('drops scripts and styles with their content but keeps the surrounding text', () => {
      expect(sanitizeItemHtml('<p>vor<script>var a = "<p>x</p>";</script> nach</p><style>p{}</style>')).toBe(
        '<p>vor nach</p>',
      );
    });

    it('escapes text so that it stays text', () => {
      expect(sanitizeItemHtml('<p>5 &lt; 6 &amp; "quoted" &lt;b&gt;</p>')).toBe('<p>5 &lt; 6 &amp; "quoted" &lt;b&gt;</p>');
    });

    it('returns an empty string for empty input', () => {
      expect(sanitizeItemHtml('')).toBe('');
      expect(sanitizeItemHtml('   ')).toBe('');
    });
  });

  describe('links', () => {
    it('gives every link rel and target and keeps its title', () => {
      expect(sanitizeItemHtml('<a href="https://www.essen.de/" title="Stadt" target="_self" rel="opener">Essen</a>')).toBe(
        `<a href="https://www.essen.de/" ${REL} title="Stadt">Essen</a>`,
      );
    });

    it('resolves relative links against the base URL', () => {
      expect(sanitizeItemHtml('<a href="../2023/old.html">alt</a> <a href="/kontakt">K</a>', { baseUrl: BASE_URL })).toBe(
        `<a href="https://www.uni-due.de/news/2023/old.html" ${REL}>alt</a> <a href="https://www.uni-due.de/kontakt" ${REL}>K</a>`,
      );
    });

    it('unwraps relative links when there is no base URL, keeping their words', () => {
      expect(sanitizeItemHtml('<p>Siehe <a href="/kontakt">Kontakt</a>.</p>')).toBe('<p>Siehe Kontakt.</p>');
    });

    it('keeps mailto links and refuses tel:, ftp: and file:', () => {
      expect(sanitizeItemHtml('<a href="mailto:welcome@bochum.de">Mail</a>')).toBe(
        `<a href="mailto:welcome@bochum.de" ${REL}>Mail</a>`,
      );
      expect(sanitizeItemHtml('<a href="tel:+49201">T</a><a href="ftp://x.example/">F</a><a href="file:///etc">D</a>')).toBe(
        'TFD',
      );
    });

    it('keeps a linked image', () => {
      expect(sanitizeItemHtml('<p><a href="https://a.example/"><img src="https://a.example/i.jpg" alt="Foto"></a></p>')).toBe(
        `<p><a href="https://a.example/" ${REL}><img src="https://a.example/i.jpg" loading="lazy" alt="Foto" /></a></p>`,
      );
    });

    it('drops links with nothing to click', () => {
      expect(sanitizeItemHtml('<p>Text<a href="https://a.example/"> </a></p>')).toBe('<p>Text</p>');
    });
  });

  describe('images', () => {
    it('keeps http(s) images with alt, title and size, lazily loaded', () => {
      expect(
        sanitizeItemHtml('<img src="https://img.example/a.jpg" alt=" Rathaus Essen " title="T" width="640px" height="480" class="x">'),
      ).toBe('<img src="https://img.example/a.jpg" loading="lazy" alt="Rathaus Essen" title="T" width="640" height="480" />');
    });

    it('keeps an empty alt, which marks a decorative image', () => {
      expect(sanitizeItemHtml('<img src="https://img.example/a.jpg" alt="">')).toBe(
        '<img src="https://img.example/a.jpg" loading="lazy" alt="" />',
      );
    });

    it('resolves relative image sources and takes the real source from lazy-loading attributes', () => {
      expect(sanitizeItemHtml('<img src="img/a.png">', { baseUrl: BASE_URL })).toBe(
        '<img src="https://www.uni-due.de/news/2024/img/a.png" loading="lazy" />',
      );
      expect(sanitizeItemHtml('<img src="data:image/gif;base64,R0lGOD" data-src="https://img.example/real.jpg" alt="x">')).toBe(
        '<img src="https://img.example/real.jpg" loading="lazy" alt="x" />',
      );
    });

    it('drops 1×1 and 0×0 tracking images and known feed trackers', () => {
      const html =
        '<p>Text<img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/q.gif" height="0">' +
        '<img src="https://feeds.feedburner.com/~r/example/~4/abc" alt=""><img src="https://pixel.wp.com/g.gif?x=1"></p>';
      expect(sanitizeItemHtml(html)).toBe('<p>Text</p>');
    });

    it('drops images without a usable source, and a paragraph left empty by that', () => {
      expect(sanitizeItemHtml('<p><img src="javascript:alert(1)"></p><p><img alt="nur alt"></p>')).toBe('');
    });

    it('keeps figures with captions', () => {
      expect(sanitizeItemHtml('<figure><img src="https://i.example/a.jpg" alt="a"><figcaption>Bild: Stadt</figcaption></figure>')).toBe(
        '<figure><img src="https://i.example/a.jpg" loading="lazy" alt="a" /><figcaption>Bild: Stadt</figcaption></figure>',
      );
    });
  });

  describe('video embeds', () => {
    const FRAME = 'sandbox="allow-scripts allow-same-origin allow-presentation" loading="lazy" referrerpolicy="no-referrer" allowfullscreen';

    it('rewrites YouTube embeds to youtube-nocookie and sandboxes them', () => {
      const html =
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=42" ' +
        'title="Willkommen" frameborder="0" allow="autoplay; clipboard-write" allowfullscreen></iframe>';
      expect(sanitizeItemHtml(html)).toBe(
        `<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42" ${FRAME} title="Willkommen" width="560" height="315"></iframe>`,
      );
    });

    it('keeps Vimeo players with do-not-track', () => {
      expect(sanitizeItemHtml('<iframe src="//player.vimeo.com/video/76979871?h=8272103f6e&autoplay=1"></iframe>')).toBe(
        `<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;dnt=1" ${FRAME}></iframe>`,
      );
    });

    it('drops frames from any other host or path, with their fallback content', () => {
      expect(
        sanitizeItemHtml(
          '<iframe src="https://www.youtube.com/watch?v=dQw4w9WgXcQ">fallback</iframe>' +
            '<iframe src="https://maps.google.com/maps?q=Essen"></iframe><iframe src="http://player.vimeo.com/video/1/../../evil"></iframe>',
        ),
      ).toBe('');
    });
  });
});

describe('resolveSafeUrl', () => {
  it('returns the serialised absolute URL the browser will use', () => {
    expect(resolveSafeUrl(' https://EXAMPLE.org/a b ', undefined)).toBe('https://example.org/a%20b');
    expect(resolveSafeUrl('//cdn.example/x.png', undefined)).toBe('https://cdn.example/x.png');
    expect(resolveSafeUrl('x.png', 'https://a.example/dir/page')).toBe('https://a.example/dir/x.png');
  });

  it('refuses other schemes, credentials, and relative URLs without a base', () => {
    expect(resolveSafeUrl('java\tscript:alert(1)', 'https://a.example/')).toBeNull();
    expect(resolveSafeUrl('https://bank.example@evil.example/', undefined)).toBeNull();
    expect(resolveSafeUrl('/relative', undefined)).toBeNull();
    expect(resolveSafeUrl('/relative', 'javascript:alert(1)')).toBeNull();
    expect(resolveSafeUrl('', 'https://a.example/')).toBeNull();
  });
});

describe('canonicalEmbedUrl', () => {
  it('accepts only the player paths of the allowed hosts', () => {
    expect(canonicalEmbedUrl('https://youtube-nocookie.com/embed/abcdefgh')).toBe(
      'https://www.youtube-nocookie.com/embed/abcdefgh',
    );
    expect(canonicalEmbedUrl('https://www.youtube.com/embed/videoseries?list=PL123abc')).toBe(
      'https://www.youtube-nocookie.com/embed/videoseries?list=PL123abc',
    );
    expect(canonicalEmbedUrl('https://www.youtube.com:8443/embed/abcdefgh')).toBeNull();
    expect(canonicalEmbedUrl('https://player.vimeo.com/album/1')).toBeNull();
    expect(canonicalEmbedUrl('javascript:alert(1)')).toBeNull();
  });
});
