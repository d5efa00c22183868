/** Kept with their content; `b` and `i` become `strong` and `em`. Every attribute is dropped but a link's http(s) href. */
const KEEP: Record<string, string> = { P: 'p', BR: 'br', A: 'a', STRONG: 'strong', B: 'strong', EM: 'em', I: 'em', UL: 'ul', OL: 'ol', LI: 'li' };
/** Dropped with everything inside; any other element is unwrapped (its allowed content stays). */
const DROP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|IFRAME|FRAME|FRAMESET|OBJECT|EMBED|SVG|MATH|TEXTAREA|SELECT|OPTION|BUTTON|INPUT|FORM|HEAD|TITLE|VIDEO|AUDIO|CANVAS|IMG|PICTURE|SOURCE|LINK|META|BASE)$/i;
const MAX_DEPTH = 32;

export function isWebLink(href: string | null): href is string {
  if (!href || !/^https?:\/\//i.test(href)) return false;
  try {
    return /^https?:$/.test(new URL(href).protocol);
  } catch {
    return false;
  }
}

/**
 * The second, client-side pass over an item's HTML (the first runs at ingest). The markup is parsed in
 * an inert `<template>` — nothing in it runs or loads — and rebuilt from fresh elements, so no
 * attribute, handler or foreign element of the original ever reaches the page. `decorateLink` lets the
 * caller add target, rel and the "opens in a new tab" text.
 */
export function allowlistedHtml(html: string, doc: Document, decorateLink: (a: HTMLAnchorElement) => void): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const out = doc.createDocumentFragment();
  copy(template.content, out, doc, decorateLink, 0);
  return out;
}

function copy(from: Node, to: Node, doc: Document, decorateLink: (a: HTMLAnchorElement) => void, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === 3) {
      to.appendChild(doc.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const name = element.tagName.toUpperCase();
    if (DROP.test(name)) continue;
    let target: Node = to;
    const tag = KEEP[name];
    if (tag === 'a') {
      const href = element.getAttribute('href')?.trim() ?? null;
      if (isWebLink(href)) {
        const a = doc.createElement('a');
        a.href = href;
        target = to.appendChild(a);
        copy(element, a, doc, decorateLink, depth + 1);
        decorateLink(a);
        continue;
      }
    } else if (tag) {
      target = to.appendChild(doc.createElement(tag));
    }
    copy(element, target, doc, decorateLink, depth + 1);
  }
}
