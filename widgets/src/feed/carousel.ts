import { h } from './dom';
import type { Texts } from './i18n';

export const AUTO_ADVANCE_MS = 7000;

/**
 * Previous / pause / next for the carousel layout, and the arrow keys. It advances on its own only
 * without `prefers-reduced-motion`, and never while the pointer or the focus is inside it or it is
 * paused; the pause button exists only when it can move on its own (WCAG 2.2.2).
 */
export class Carousel {
  readonly controls: HTMLElement;
  private readonly pauseButton: HTMLButtonElement | null;
  private paused = false;
  private engaged = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly region: HTMLElement,
    private readonly list: HTMLElement,
    private readonly texts: Texts,
    private readonly reducedMotion: boolean,
  ) {
    const doc = region.ownerDocument;
    const button = (label: string, glyph: string, action: () => void) => {
      const b = h(doc, 'button', { type: 'button', 'aria-label': label, part: 'control' }, h(doc, 'span', { class: 'arr', 'aria-hidden': 'true' }, glyph));
      b.addEventListener('click', action);
      return b;
    };
    this.pauseButton = reducedMotion ? null : button(texts.pause, '❚❚', () => this.setPaused(!this.paused));
    this.controls = h(
      doc,
      'div',
      { class: 'ctl', part: 'controls' },
      button(texts.previous, '‹', () => this.step(-1)),
      this.pauseButton,
      button(texts.next, '›', () => this.step(1)),
    );
    region.addEventListener('keydown', this.onKey);
    for (const [type, engaged] of [['pointerenter', true], ['pointerleave', false], ['focusin', true], ['focusout', false]] as const) {
      region.addEventListener(type, () => (this.engaged = engaged));
    }
    if (!reducedMotion) this.timer = setInterval(() => this.tick(), AUTO_ADVANCE_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.region.removeEventListener('keydown', this.onKey);
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!this.pauseButton) return;
    this.pauseButton.setAttribute('aria-label', paused ? this.texts.play : this.texts.pause);
    this.pauseButton.firstElementChild!.textContent = paused ? '▶' : '❚❚';
  }

  /** The item nearest to the start edge (left in ltr, right in rtl). */
  current(): number {
    const items = Array.from(this.list.children);
    const box = this.list.getBoundingClientRect();
    const rtl = this.isRtl();
    let best = 0;
    let bestDistance = Infinity;
    items.forEach((item, index) => {
      const r = item.getBoundingClientRect();
      const distance = Math.abs(rtl ? box.right - r.right : r.left - box.left);
      if (distance < bestDistance) [best, bestDistance] = [index, distance];
    });
    return best;
  }

  /** Scrolls item `index` to the start edge; only the list scrolls, never the page. */
  show(index: number, focus = false): void {
    const items = this.list.children;
    if (items.length === 0) return;
    const target = items[((index % items.length) + items.length) % items.length] as HTMLElement;
    const delta = this.isRtl()
      ? target.getBoundingClientRect().right - this.list.getBoundingClientRect().right
      : target.getBoundingClientRect().left - this.list.getBoundingClientRect().left;
    this.list.scrollBy({ left: delta, behavior: this.reducedMotion ? 'auto' : 'smooth' });
    if (focus) target.querySelector<HTMLElement>('a,[tabindex]')?.focus({ preventScroll: true });
  }

  step(by: number, focus = false): void {
    this.show(this.current() + by, focus);
  }

  private tick(): void {
    if (!this.paused && !this.engaged && !this.region.ownerDocument.hidden) this.step(1);
  }

  private isRtl(): boolean {
    return getComputedStyle(this.list).direction === 'rtl';
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const forward = (event.key === 'ArrowRight') !== this.isRtl();
    const inList = this.list.contains(event.composedPath()[0] as Node);
    event.preventDefault();
    this.step(forward ? 1 : -1, inList);
  };
}
