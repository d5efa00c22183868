/** @jest-environment jsdom */
import { allowlistedHtml, isWebLink } from './allowlist';

function clean(html: string): string {
  const container = document.createElement('div');
  container.append(allowlistedHtml(html, document, (a) => (a.rel = 'noopener noreferrer')));
  return container.innerHTML;
}

describe('allowlistedHtml', () => {
  it('keeps paragraphs, line breaks, emphasis, lists and web links, with nothing but href', () => {
    expect(clean('<p class="x" style="color:red">Hallo <strong>Welt</strong><br><em>!</em></p><ul><li>a</li></ul><ol><li>b</li></ol>')).toBe(
      '<p>Hallo <strong>Welt</strong><br><em>!</em></p><ul><li>a</li></ul><ol><li>b</li></ol>',
    );
    expect(clean('<a href="https://essen.de/amt" title="t" onclick="x()">Amt</a>')).toBe('<a href="https://essen.de/amt" rel="noopener noreferrer">Amt</a>');
    expect(clean('<b>fett</b> <i>kursiv</i>')).toBe('<strong>fett</strong> <em>kursiv</em>');
  });

  it('unwraps other elements but keeps their allowed content', () => {
    expect(clean('<div><h1>Titel</h1><span>Text <strong>x</strong></span></div>')).toBe('Titel<span>Text <strong>x</strong></span>'.replace(/<\/?span>/g, ''));
    expect(clean('<blockquote><p>Zitat</p></blockquote>')).toBe('<p>Zitat</p>');
  });

  it.each([
    ['<img src=x onerror="window.hacked=1">', ''],
    ['<script>window.hacked=1</script>ok', 'ok'],
    ['<svg><script>window.hacked=1</script></svg>ok', 'ok'],
    ['<svg onload="window.hacked=1"><a href="https://x.example">s</a></svg>', ''],
    ['<iframe src="javascript:window.hacked=1"></iframe>', ''],
    ['<style>*{display:none}</style>ok', 'ok'],
    ['<math><mi xlink:href="javascript:alert(1)">m</mi></math>', ''],
    ['<a href="javascript:window.hacked=1">klick</a>', 'klick'],
    ['<a href=" JaVaScRiPt:window.hacked=1">klick</a>', 'klick'],
    ['<a href="java&#x09;script:alert(1)">klick</a>', 'klick'],
    ['<a href="data:text/html,<script>alert(1)</script>">d</a>', 'd'],
    ['<a href="/relative">r</a>', 'r'],
    ['<p onmouseover="window.hacked=1">p</p>', '<p>p</p>'],
    ['<form action="https://x"><input value="v"><button>b</button></form>', ''],
    ['<template><img src=x onerror=alert(1)></template>t', 't'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ])('neutralises %p', (html, expected) => {
    expect(clean(html)).toBe(expected);
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('survives parser differentials (noscript parsed with or without scripting) with only text left', () => {
    const out = clean('<noscript><p title="</noscript><img src=x onerror=window.hacked=1>">');
    expect(out).not.toMatch(/<(?!\/?p>)/);
    expect(out).not.toContain('onerror=');
  });

  it('stops at a depth that only an attack reaches', () => {
    const deep = '<em>'.repeat(200) + 'x' + '</em>'.repeat(200);
    expect(clean(deep)).not.toContain('x');
  });
});

describe('isWebLink', () => {
  it('accepts absolute http and https addresses only', () => {
    expect(isWebLink('https://a.example/x')).toBe(true);
    expect(isWebLink('HTTP://a.example')).toBe(true);
    expect(isWebLink('mailto:a@b.c')).toBe(false);
    expect(isWebLink('https://')).toBe(false);
    expect(isWebLink(null)).toBe(false);
  });
});
