/**
 * @jest-environment jsdom
 */
// jsdom (the spec-compliant parse5 HTML parser) stands in for the reader's browser.
import { isComment, isDirective, isTag, isText, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { HOSTILE_MARKUP } from './fixtures/hostile-markup';
import { sanitizeItemHtml } from './sanitize-item-html';

// The allowlist written out again, independently of the implementation's constants, so that widening the
// implementation by mistake fails here.
const EXPECTED_ATTRIBUTES: Record<string, readonly string[]> = {
  p: [], br: [], strong: [], em: [], b: [], i: [], u: [], span: [], ul: [], li: [], blockquote: [],
  h2: [], h3: [], h4: [], h5: [], h6: [], figure: [], figcaption: [], pre: [], code: [], hr: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
  iframe: ['src', 'width', 'height', 'title', 'sandbox', 'loading', 'referrerpolicy', 'allowfullscreen'],
};

const BASE_URL = 'https://partner.example/news/item.html';
const ALLOWED_FRAME_SRC = /^https:\/\/(?:www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;

interface ElementView {
  name: string;
  attributes: Record<string, string>;
}

/** Problems with one element, as readable strings, so a failure names what slipped through. */
function elementProblems({ name, attributes }: ElementView): string[] {
  const allowed = EXPECTED_ATTRIBUTES[name];
  if (!allowed) return [`element <${name}>`];
  const problems = Object.keys(attributes)
    .filter((attribute) => !allowed.includes(attribute))
    .map((attribute) => `attribute ${attribute} on <${name}>`);
  if (name === 'a') {
    if (!/^(?:https?:\/\/|mailto:)/.test(attributes.href ?? '')) problems.push(`link href ${attributes.href}`);
    if (attributes.rel !== 'noopener noreferrer nofollow') problems.push(`link rel ${attributes.rel}`);
    if (attributes.target !== '_blank') problems.push(`link target ${attributes.target}`);
  }
  if (name === 'img' && !/^https?:\/\//.test(attributes.src ?? '')) problems.push(`img src ${attributes.src}`);
  if (name === 'iframe') {
    if (!ALLOWED_FRAME_SRC.test(attributes.src ?? '')) problems.push(`iframe src ${attributes.src}`);
    if (attributes.sandbox !== 'allow-scripts allow-same-origin allow-presentation') problems.push('iframe sandbox');
  }
  return problems;
}

/** Walks the output as htmlparser2 (the sanitizer's own parser) sees it. */
function htmlparser2Problems(html: string): string[] {
  const problems: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (isTag(node)) {
        problems.push(...elementProblems({ name: node.name, attributes: node.attribs }));
        visit(node.children);
      } else if (isComment(node) || isDirective(node)) {
        problems.push(`node of type ${node.type}`);
      } else if (!isText(node)) {
        problems.push(`node of type ${node.type}`);
      }
    }
  };
  visit(parseDocument(html).children);
  return problems;
}

/** Walks the output as a browser parses it (jsdom uses the spec-compliant parse5), as a widget would. */
function browserView(html: string): { problems: string[]; decoded: string } {
  const container = document.createElement('div');
  container.innerHTML = html;
  const problems: string[] = [];
  const decoded: string[] = [container.textContent ?? ''];
  for (const element of Array.from(container.querySelectorAll('*'))) {
    const attributes = Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value]));
    decoded.push(...Object.values(attributes));
    problems.push(...elementProblems({ name: element.localName, attributes }));
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`foreign element ${element.localName}`);
  }
  const comments = document.createTreeWalker(container, NodeFilter.SHOW_COMMENT);
  if (comments.nextNode()) problems.push('comment node');
  return { problems, decoded: decoded.join(' ') };
}

/** Text and attribute values, entities decoded by the browser parser, without anything browsers skip. */
function dangerousSchemes(decoded: string): string[] {
  // eslint-disable-next-line no-control-regex
  const squeezed = decoded.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, '').toLowerCase();
  return ['javascript:', 'vbscript:', 'data:'].filter((scheme) => squeezed.includes(scheme));
}

describe('sanitizeItemHtml against hostile markup', () => {
  it('has a corpus of at least 40 payloads with unique names', () => {
    expect(HOSTILE_MARKUP.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HOSTILE_MARKUP.map((p) => p.name)).size).toBe(HOSTILE_MARKUP.length);
  });

  describe.each([
    ['with a base URL', BASE_URL],
    ['without a base URL', undefined],
  ])('%s', (_label, baseUrl) => {
    it.each(HOSTILE_MARKUP.map((p) => [p.name, p.html]))('neutralises %s', (_name, html) => {
      const output = sanitizeItemHtml(html, { baseUrl });

      expect(output).not.toMatch(/<script/i);
      expect(output).not.toMatch(/\bon[a-z]+\s*=/i);
      const tagNames = [...output.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase());
      expect(tagNames.filter((name) => !EXPECTED_ATTRIBUTES[name])).toEqual([]);

      expect(htmlparser2Problems(output)).toEqual([]);
      const view = browserView(output);
      expect(view.problems).toEqual([]);
      expect(dangerousSchemes(view.decoded)).toEqual([]);

      // Stable under a second pass: output that changes when re-parsed is how mutation XSS starts.
      expect(sanitizeItemHtml(output, { baseUrl })).toBe(output);
    });
  });

  it('keeps the harmless parts of hostile input', () => {
    expect(sanitizeItemHtml('<p>before</p><script>alert(1)</script><p>after</p>')).toBe('<p>before</p><p>after</p>');
    expect(sanitizeItemHtml('<p style="background:url(javascript:alert(1))">styled</p>')).toBe('<p>styled</p>');
    expect(sanitizeItemHtml('<a href="https://ok.example" onmouseover="alert(1)">hover</a>')).toBe(
      '<a href="https://ok.example/" rel="noopener noreferrer nofollow" target="_blank">hover</a>',
    );
    // A dangerous link loses its address but keeps its words.
    expect(sanitizeItemHtml('<p><a href="jav&#x09;ascript:alert(1)">Mehr lesen</a></p>')).toBe('<p>Mehr lesen</p>');
  });

  it('keeps an allowed embed but none of the attributes the source tried to add', () => {
    const output = sanitizeItemHtml(
      '<iframe srcdoc="<script>alert(1)</script>" src="https://www.youtube.com/embed/abcdefgh" onload="alert(1)"></iframe>',
    );
    expect(output).toContain('src="https://www.youtube-nocookie.com/embed/abcdefgh"');
    expect(output).not.toContain('srcdoc');
  });
});
