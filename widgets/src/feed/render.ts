import type { PublicFeedItem, WidgetLayout } from '@welcome-ruhr/contracts';
import { allowlistedHtml, isWebLink } from './allowlist';
import { exactTime, relativeTime } from './dates';
import { h } from './dom';
import type { Texts } from './i18n';
import { proxiedImage } from './images';

export interface RenderContext {
  doc: Document;
  origin: string;
  language: string;
  texts: Texts;
  layout: WidgetLayout;
  now: Date;
  pixelRatio: number;
  /** Makes tooltip ids unique within the shadow root. */
  nextId: () => string;
}

const IMAGE_CSS_WIDTH: Record<WidgetLayout, number> = { list: 96, grid: 400, carousel: 560 };

/** A link out: new tab, no opener, no referrer, and a hidden note for screen readers. */
export function decorateLink(a: HTMLAnchorElement, texts: Texts): void {
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.append(' ', h(a.ownerDocument, 'span', { class: 'vh' }, texts.newTab));
}

/** The time element's text, again (the relative date ages). */
export function updateTime(time: HTMLTimeElement, now: Date, language: string): void {
  time.textContent = relativeTime(new Date(time.dateTime), now, language);
}

/** One item as a list entry: image, source and date, title with link, then summary (or allowlisted HTML in the list layout). */
export function renderItem(item: PublicFeedItem, ctx: RenderContext): HTMLLIElement {
  const { doc, texts } = ctx;
  const published = new Date(item.publishedAt);
  const tipId = ctx.nextId();
  const image = proxiedImage(item.imageUrl, ctx.origin, IMAGE_CSS_WIDTH[ctx.layout], ctx.pixelRatio);
  const [width, height] = ctx.layout === 'list' ? ['96', '72'] : ['640', '360'];
  const contentLanguage: Record<string, string> = item.language ? { lang: item.language } : {};

  // The title carries the item's language; the hidden "opens in a new tab" stays in the widget's.
  let title: HTMLElement = h(doc, 'span', contentLanguage, item.title);
  if (isWebLink(item.url)) {
    title = h(doc, 'a', { href: item.url, part: 'link' }, title);
    decorateLink(title as HTMLAnchorElement, texts);
  }

  let body: HTMLElement | null = null;
  if (ctx.layout === 'list' && item.html) {
    body = h(doc, 'div', { class: 'c', part: 'content', dir: 'auto', ...contentLanguage });
    body.append(allowlistedHtml(item.html, doc, (a) => decorateLink(a, texts)));
  } else if (item.summary) {
    body = h(doc, 'p', { class: 's', part: 'summary', dir: 'auto', ...contentLanguage }, item.summary);
  }

  const time = h(doc, 'time', { datetime: published.toISOString(), tabindex: '0', 'aria-describedby': tipId, part: 'time' });
  updateTime(time, ctx.now, ctx.language);

  return h(
    doc,
    'li',
    { part: 'item', 'data-id': item.id },
    image &&
      h(doc, 'img', {
        src: image,
        alt: '',
        width,
        height,
        loading: 'lazy',
        decoding: 'async',
        crossorigin: 'anonymous',
        referrerpolicy: 'no-referrer',
        part: 'image',
      }),
    h(
      doc,
      'div',
      {},
      h(
        doc,
        'p',
        { class: 'm', part: 'meta' },
        h(doc, 'span', { part: 'source', dir: 'auto' }, item.source.name),
        h(doc, 'span', { class: 'w' }, time, h(doc, 'span', { class: 'tip', role: 'tooltip', id: tipId }, exactTime(published, ctx.language))),
      ),
      h(doc, 'h3', { part: 'title', dir: 'auto' }, title),
      body,
    ),
  );
}
