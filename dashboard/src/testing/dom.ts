/** Small queries in the spirit of Testing Library: find things the way people name them. */

function normalized(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The form control whose <label> reads exactly `text`. */
export function getByLabel<T extends HTMLElement = HTMLInputElement>(root: HTMLElement, text: string): T {
  const labels = Array.from(root.querySelectorAll('label')).filter((l) => normalized(l.textContent) === text);
  if (labels.length !== 1) throw new Error(`expected one label "${text}", found ${labels.length}`);
  const control = root.ownerDocument.getElementById(labels[0].htmlFor);
  if (!control) throw new Error(`label "${text}" points at nothing`);
  return control as T;
}

/** The accessible name as far as these tests need it: `aria-label`, else the text. */
export function nameOf(element: Element): string {
  return normalized(element.getAttribute('aria-label') ?? element.textContent);
}

/** The button whose accessible name reads exactly `name`. */
export function getButton(root: HTMLElement, name: string): HTMLButtonElement {
  const buttons = queryButtons(root, name);
  if (buttons.length !== 1) throw new Error(`expected one button "${name}", found ${buttons.length}`);
  return buttons[0];
}

export function queryButtons(root: HTMLElement, name: string): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll('button')).filter((b) => nameOf(b) === name);
}

export function textOf(element: Element | null | undefined): string {
  return normalized(element?.textContent);
}

export function type(control: HTMLInputElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input'));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** The texts of the elements that `aria-describedby` names. */
export function descriptionOf(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => textOf(control.ownerDocument.getElementById(id))).join(' ');
}
